// Shared by the browser tests: serve the release build on loopback and drive Debian's Chromium.
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Reads the build's `_headers` file (tools/post-build.sh; Netlify's format: a path line, then
 * indented `Name: value` lines) into a map from path to headers, so tests see the headers a
 * static host would send, the Content-Security-Policy among them.
 */
async function readHeaders(root) {
  const rules = new Map();
  let current = null;
  const text = await fs.readFile(path.join(root, "_headers"), "utf8").catch(() => "");
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
    } else if (current) {
      const at = line.indexOf(":");
      current[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/** Serves `dir` on 127.0.0.1 at a free port, with its `_headers`. Resolves to { url, close }. */
export async function serve(dir = process.env.HASHPIVOT_DIST ?? "dist") {
  const root = path.resolve(dir);
  const headers = await readHeaders(root);
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, "http://127.0.0.1");
    const file = path.join(root, pathname === "/" ? "index.html" : decodeURIComponent(pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        ...(headers.get(pathname) ?? {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * The release build served and Chromium launched once for a test file: registers node:test's
 * `before` and `after` hooks and returns an object whose `site` ({ url, close }) and `browser`
 * are set once `before` has run.
 */
export function siteAndBrowser() {
  const env = {};
  before(async () => {
    env.site = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}

/** Launches headless Chromium with the flags this machine's closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.HASHPIVOT_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A new page that records console errors and uncaught exceptions into `page.problems`. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  page.problems = [];
  page.on("console", (m) => m.type() === "error" && page.problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
  return page;
}

/** The raw number of a KPI. */
export async function kpi(page, testid) {
  return Number(await page.getAttribute(`[data-testid='${testid}']`, "data-value"));
}

/** The chart's pixels as a data URL: changes when the canvas is redrawn differently. */
export function chartPixels(page, testid) {
  return page.$eval(`[data-testid='${testid}'] canvas`, (c) => c.toDataURL());
}

/** Hashprice in USD/PH/day from MODEL.md's formula, written out independently of the app. */
export function hashpriceByHand({ btc, diffT, fees, subsidy = 3.125 }) {
  const hashrateHs = (diffT * 1e12 * 2 ** 32) / 600;
  return (144 * (subsidy + fees) * btc) / (hashrateHs / 1e15);
}

/** Every chart the workbench shows, by test hook. */
export const CHARTS = [
  "chart-revenue-mix",
  "chart-cashflow",
  "chart-per-mw",
  "chart-montecarlo",
  "chart-tornado",
  "chart-decision-map",
];

/** The pixels of every chart, keyed by test hook. */
export async function allChartPixels(page) {
  const out = {};
  for (const id of CHARTS) out[id] = await chartPixels(page, id);
  return out;
}

/** Waits until the Monte Carlo has run on the current inputs (its status line is gone). */
export async function monteCarloSettled(page) {
  await page.waitForFunction(() => {
    const fig = document.querySelector("[data-testid='chart-montecarlo']");
    const status = fig?.querySelector(".chart-status");
    return fig && status && status.textContent.trim() === "";
  });
}

/** The CLI's projection for a share-link query (`hashpivot simulate --query Q --format json`). */
export async function cliProjection(query) {
  const { execFileSync } = await import("node:child_process");
  const bin = process.env.HASHPIVOT_CLI ?? "../../target/debug/hashpivot";
  // Its warnings are in the JSON too; on stderr they would only clutter the test's output.
  const out = execFileSync(bin, ["simulate", "--query", query, "--format", "json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out);
}

/** Relative closeness, for figures computed natively and in wasm by the same code. */
export function close(a, b, rel = 1e-9) {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}
