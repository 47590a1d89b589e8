// Lighthouse (mobile defaults: Moto G Power emulation, simulated slow 4G and 4x CPU slowdown)
// against the release build for `cargo xtask bench`.
//
//   node bench/lighthouse.mjs [report.json]
//
// Serves `dist/` (or $HASHPIVOT_DIST) on loopback, compressed as a static host serves it
// (brotli, or gzip for a client that does not take brotli; the browser tests' harness serves
// raw bytes, which would make Lighthouse's simulated slow 4G load the wasm three times larger
// than it is in production), runs Lighthouse's node API in Debian's Chromium (chrome-launcher,
// $HASHPIVOT_CHROMIUM), and prints
// one line `BENCH {...}` (flat JSON) with the four category scores (0-100), FCP, LCP, TBT (ms)
// and CLS. Any request that left the loopback origin is reported in `foreign_requests` and
// makes the run an error: the bench must not depend on the network. The full Lighthouse report
// is written to the optional path (xtask writes it under target/, not into the repository).
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/** Serves `dir` on 127.0.0.1 at a free port, compressed. Resolves to { url, close }. */
async function serveCompressed(dir = process.env.HASHPIVOT_DIST ?? "dist") {
  const root = path.resolve(dir);
  const cache = new Map();
  const compressed = (file, body, encoding) => {
    const key = `${encoding} ${file}`;
    if (!cache.has(key)) {
      cache.set(
        key,
        encoding === "br"
          ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
          : zlib.gzipSync(body, { level: 9 }),
      );
    }
    return cache.get(key);
  };
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, "http://127.0.0.1");
    const file = path.join(root, pathname === "/" ? "index.html" : decodeURIComponent(pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    let body;
    try {
      body = await fs.readFile(file);
    } catch {
      return res.writeHead(404).end("not found");
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const accepts = req.headers["accept-encoding"] ?? "";
    const encoding = /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
    const headers = { "content-type": type, vary: "accept-encoding" };
    if (encoding && !type.startsWith("image/png")) {
      body = compressed(file, body, encoding);
      headers["content-encoding"] = encoding;
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function main() {
  const server = await serveCompressed();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.HASHPIVOT_CHROMIUM ?? "/usr/bin/chromium",
    chromeFlags: FLAGS,
    logLevel: "error",
  });
  try {
    const runner = await lighthouse(server.url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    if (!runner) throw new Error("lighthouse returned no result");
    const lhr = runner.lhr;
    if (process.argv[2]) await fs.writeFile(process.argv[2], runner.report);
    const score = (id) => {
      const s = lhr.categories[id]?.score;
      return typeof s === "number" ? Math.round(s * 100) : null;
    };
    const value = (id, digits) => {
      const v = lhr.audits[id]?.numericValue;
      return typeof v === "number" ? Number(v.toFixed(digits)) : null;
    };
    const origin = new URL(server.url).origin;
    const requests = lhr.audits["network-requests"]?.details?.items ?? [];
    const foreign = requests
      .map((r) => r.url)
      .filter((u) => /^(https?|wss?):/.test(u) && new URL(u).origin !== origin);
    // Audits that cost points, for reading: "id (score)".
    const failing = Object.values(lhr.categories)
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
      .filter((a) => a && typeof a.score === "number" && a.score < 1)
      .map((a) => `${a.id} (${a.score})`);
    const result = {
      stage: "lighthouse",
      lighthouse: lhr.lighthouseVersion,
      form_factor: lhr.configSettings.formFactor,
      served: "brotli",
      performance: score("performance"),
      accessibility: score("accessibility"),
      best_practices: score("best-practices"),
      seo: score("seo"),
      fcp_ms: value("first-contentful-paint", 0),
      lcp_ms: value("largest-contentful-paint", 0),
      tbt_ms: value("total-blocking-time", 0),
      cls: value("cumulative-layout-shift", 4),
      requests: requests.length,
      foreign_requests: foreign.length,
      failing_audits: [...new Set(failing)].join(", "),
    };
    if (lhr.runtimeError) result.error = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
    else if (foreign.length > 0) result.error = `requests left the loopback origin: ${foreign.join(" ")}`;
    console.log(`BENCH ${JSON.stringify(result)}`);
  } finally {
    await chrome.kill();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e?.stack ?? String(e));
  process.exit(1);
});
