// Where a slider step's main-thread time goes, from a Chromium trace of the release build.
//
//   node bench/profile.mjs [steps]     (default 100 BTC-slider steps at ?horizon=120)
//
// Runs the same steps as `latency.mjs paint` under Chromium's tracing and prints, per step, the
// renderer main thread's self time by trace event (script, style, layout, paint, ...), so the
// benchmark's input-to-paint figure can be explained by a profile rather than a guess. The
// script part is the wasm (model, charts) and the JS glue; `bench/RESULTS.md` splits it further
// with the kernel timings.
import { serve, launch, openPage } from "../tests/e2e/harness.mjs";

const STEPS = Number(process.argv[2] ?? 100);
const QUERY = process.env.HASHPIVOT_BENCH_QUERY ?? "horizon=120";

async function steps(n) {
  const slider = document.querySelector("[data-testid='slider-btc']");
  const min = Number(slider.min), max = Number(slider.max);
  const step = Number(slider.step) > 0 ? Number(slider.step) : (max - min) / 1000;
  const stride = Math.max(step, Math.round((max - min) / 600 / step) * step);
  let value = Number(slider.value), dir = 1;
  const frame = () => new Promise((ok) => requestAnimationFrame(ok));
  for (let i = 0; i < n; i++) {
    if (value + dir * stride > min + (2 * (max - min)) / 3 || value + dir * stride < min + (max - min) / 3) dir = -dir;
    value = Math.round((value + dir * stride) / step) * step;
    await frame();
    slider.value = String(value);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
  }
  await frame();
  await frame();
}

/** Self time (ms) by event name on one thread: each complete event minus its children. */
function selfTimes(events) {
  const out = new Map();
  const sorted = events.filter((e) => e.ph === "X" && e.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  const add = (name, us) => out.set(name, (out.get(name) ?? 0) + us / 1000);
  for (const e of sorted) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    if (stack.length) stack.at(-1).self -= e.dur;
    const entry = { name: e.name, end: e.ts + e.dur, self: e.dur };
    stack.push(entry);
    e.__entry = entry;
  }
  for (const e of sorted) add(e.name, e.__entry.self);
  return out;
}

const site = await serve(process.env.HASHPIVOT_DIST ?? "dist");
const browser = await launch();
try {
  const page = await openPage(browser, `${site.url}?${QUERY}`);
  await page.waitForTimeout(1500); // the first Monte Carlo and paints settle
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing"],
  });
  await page.evaluate(steps, STEPS);
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8"));
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const times = [...selfTimes(onMain)].sort((a, b) => b[1] - a[1]);
  const total = times.reduce((s, [, ms]) => s + ms, 0);
  console.log(`main thread, ${STEPS} slider steps at ?${QUERY}: ${(total / STEPS).toFixed(2)} ms a step`);
  for (const [name, ms] of times.slice(0, 14)) {
    console.log(`  ${name.padEnd(28)} ${(ms / STEPS).toFixed(2).padStart(6)} ms a step  ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
  }
  console.log(`BENCH ${JSON.stringify({ steps: STEPS, main_thread_ms_per_step: total / STEPS, by_event_ms_per_step: Object.fromEntries(times.slice(0, 14).map(([n, ms]) => [n, ms / STEPS])) })}`);
  if (page.problems.length) console.error(page.problems);
} finally {
  await browser.close();
  await site.close();
}
