// Browser timings of the release build for `cargo xtask bench`, in headless Chromium.
//
//   node bench/latency.mjs paint      input-to-paint latency of 200 BTC-slider steps
//   node bench/latency.mjs longtask   longest main-thread task while the Monte Carlo
//                                     (10,000 paths) and the decision map recompute
//
// Serves `dist/` (or $HASHPIVOT_DIST) on loopback with the browser tests' harness and prints
// one line `BENCH {...}` (flat JSON) with the figures; xtask reads it. The page opens at
// `?horizon=120` ($HASHPIVOT_BENCH_QUERY), the size the kernels are benchmarked at.
import { serve, launch, openPage, monteCarloSettled } from "../tests/e2e/harness.mjs";

const STEPS = 200;
const QUERY = process.env.HASHPIVOT_BENCH_QUERY ?? "horizon=120";

/**
 * Marks each canvas as drawn whenever a 2D drawing call hits it, so a step can tell which
 * charts repainted. Cheap on purpose (a property write per call): the app draws many shapes.
 */
function instrumentCanvases() {
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ["fillRect", "clearRect", "strokeRect", "fill", "stroke", "fillText", "drawImage", "putImageData"]) {
    const original = proto[name];
    proto[name] = function (...args) {
      this.canvas.__hpDrawn = true;
      return original.apply(this, args);
    };
  }
}

/**
 * Runs in the page. Each step is dispatched from a requestAnimationFrame callback, as Chromium
 * dispatches a dragged slider's input (pointer moves are aligned to frames), so the figure does
 * not include up to a frame of waiting for vsync. t0 is taken just before dispatching `input`;
 * t1 when a message posted from that callback runs: Chromium runs rAF callbacks, style, layout
 * and paint of a frame in one task, so the message runs right after the frame has painted. If
 * the KPI has not changed or no chart has been drawn by then, the measure waits for the next
 * frame and its paint.
 */
async function paintSteps(steps) {
  const slider = document.querySelector("[data-testid='slider-btc']");
  const kpi = document.querySelector("[data-testid='kpi-hashprice']");
  const canvases = [...document.querySelectorAll("figure[data-testid^='chart-'] canvas")];
  const min = Number(slider.min), max = Number(slider.max);
  const step = Number(slider.step) > 0 ? Number(slider.step) : (max - min) / 1000;
  // Steps of a few slider increments, bouncing between a third and two thirds of the range.
  const stride = Math.max(step, Math.round((max - min) / 600 / step) * step);
  let value = Number(slider.value), dir = 1;
  const frame = () => new Promise((ok) => requestAnimationFrame(ok));
  const afterPaint = () => new Promise((ok) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => ok(performance.now());
    ch.port2.postMessage(0);
  });
  const out = [];
  for (let i = 0; i < steps; i++) {
    if (value + dir * stride > min + (2 * (max - min)) / 3 || value + dir * stride < min + (max - min) / 3) dir = -dir;
    value = Math.round((value + dir * stride) / step) * step;
    const before = kpi.getAttribute("data-value");
    await frame();
    for (const c of canvases) c.__hpDrawn = false;
    const t0 = performance.now();
    slider.value = String(value);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    const handler = performance.now() - t0;
    let t1 = await afterPaint();
    let frames = 1;
    const updated = () =>
      kpi.getAttribute("data-value") !== before && canvases.some((c) => c.__hpDrawn);
    while (!updated() && frames < 60) {
      await frame();
      t1 = await afterPaint();
      frames += 1;
    }
    out.push({
      ms: t1 - t0,
      handler,
      frames,
      changed: kpi.getAttribute("data-value") !== before,
      repainted: canvases.filter((c) => c.__hpDrawn).length,
    });
  }
  return { samples: out, canvases: canvases.length, stride };
}

/**
 * Runs in the page: sets the Monte Carlo paths to 10,000 through the text input, then watches
 * until its chart has settled. Long tasks come from PerformanceObserver `longtask` (only tasks
 * over 50 ms are reported). As a second measure that also sees shorter ones, a chain of
 * zero-delay messages records the longest gap between two of them: the main thread was busy
 * for that long (a task plus any rendering run back to back).
 */
async function longTasks(paths) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
  });
  observer.observe({ type: "longtask" });
  let running = true, last = performance.now(), gap = 0;
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
    if (running) ch.port2.postMessage(0);
  };
  ch.port2.postMessage(0);
  // When the app's Monte Carlo rest timer fires (src/monte_carlo.rs: the inputs rest 60 ms;
  // its slices use 0 ms and the share-link timer 250 ms, so any delay in between is the rest).
  let timerFired = null;
  const setTimeoutOriginal = window.setTimeout;
  window.setTimeout = function (cb, ms, ...rest) {
    if (typeof cb === "function" && ms > 0 && ms < 200 && timerFired === null) {
      const wrapped = cb;
      cb = (...a) => { timerFired = performance.now(); return wrapped(...a); };
    }
    return setTimeoutOriginal.call(window, cb, ms, ...rest);
  };
  const input = document.querySelector("[data-testid='input-paths']");
  const status = document.querySelector("[data-testid='chart-montecarlo'] .chart-status");
  const canvas = document.querySelector("[data-testid='chart-montecarlo'] canvas");
  const frame = () => new Promise((ok) => requestAnimationFrame(ok));
  const afterPaint = () => new Promise((ok) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => ok(performance.now());
    c.port2.postMessage(0);
  });
  await frame();
  const t0 = performance.now();
  input.value = String(paths);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  const handler = performance.now() - t0;
  let sawRecomputing = false, settled = null;
  const deadline = t0 + 60_000;
  while (performance.now() < deadline) {
    await frame();
    const t = await afterPaint();
    const text = status.textContent.trim();
    if (text !== "") sawRecomputing = true;
    else if (sawRecomputing) { settled = t; break; }
  }
  // Let the last long task entries arrive.
  await new Promise((ok) => setTimeoutOriginal.call(window, ok, 200));
  running = false;
  observer.disconnect();
  window.setTimeout = setTimeoutOriginal;
  return {
    tasks,
    gap,
    handler,
    sawRecomputing,
    settled: settled === null ? null : settled - t0,
    timerFired: timerFired === null ? null : timerFired - t0,
    pathsShown: input.value,
    canvasWidth: canvas?.width ?? 0,
  };
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

const round = (x, d = 3) => (x === null || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

async function main() {
  const mode = process.argv[2];
  if (mode !== "paint" && mode !== "longtask") {
    throw new Error("usage: node bench/latency.mjs paint|longtask");
  }
  const server = await serve();
  const browser = await launch();
  try {
    const page = await openPage(browser, `${server.url}?${QUERY}`);
    await monteCarloSettled(page);
    await page.evaluate(instrumentCanvases);
    let result;
    if (mode === "paint") {
      const r = await page.evaluate(paintSteps, STEPS);
      const ms = r.samples.map((s) => s.ms).sort((a, b) => a - b);
      const handlers = r.samples.map((s) => s.handler).sort((a, b) => a - b);
      const unchanged = r.samples.filter((s) => !s.changed).length;
      result = {
        stage: "paint",
        steps: r.samples.length,
        p50_ms: round(quantile(ms, 0.5)),
        p95_ms: round(quantile(ms, 0.95)),
        max_ms: round(ms[ms.length - 1]),
        handler_p50_ms: round(quantile(handlers, 0.5)),
        handler_max_ms: round(handlers[handlers.length - 1]),
        steps_over_one_frame: r.samples.filter((s) => s.frames > 1).length,
        steps_without_kpi_change: unchanged,
        canvases: r.canvases,
        canvases_repainted_min: Math.min(...r.samples.map((s) => s.repainted)),
        canvases_repainted_max: Math.max(...r.samples.map((s) => s.repainted)),
        query: QUERY,
      };
      if (unchanged > 0) result.error = `${unchanged} steps did not change kpi-hashprice`;
    } else {
      const summary = page.locator("[data-testid='group-simulation'] > summary");
      const open = await page.$eval("[data-testid='group-simulation']", (d) => d.open);
      if (!open) await summary.click();
      await page.waitForSelector("[data-testid='input-paths']", { state: "visible" });
      const r = await page.evaluate(longTasks, 10_000);
      const longest = r.tasks.reduce((m, t) => Math.max(m, t.ms), 0);
      result = {
        stage: "longtask",
        paths: Number(r.pathsShown),
        longest_task_ms: round(longest, 1),
        long_tasks: r.tasks.length,
        longest_busy_gap_ms: round(r.gap, 1),
        input_handler_ms: round(r.handler),
        mc_timer_after_input_ms: round(r.timerFired, 1),
        mc_painted_after_input_ms: round(r.settled, 1),
        mc_run_after_timer_ms:
          r.settled === null || r.timerFired === null ? null : round(r.settled - r.timerFired, 1),
        query: QUERY,
      };
      if (!r.sawRecomputing || r.settled === null) {
        result.error = "the Monte Carlo chart never showed a recompute that settled";
      }
    }
    if (page.problems.length > 0) result.page_problems = page.problems.join(" | ");
    console.log(`BENCH ${JSON.stringify(result)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e?.stack ?? String(e));
  process.exit(1);
});
