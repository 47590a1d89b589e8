// The installable offline app: a manifest, a service worker that precaches the build, works
// with the network off after one visit, and swaps to a new deployment whole, when asked.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { serve, launch, kpi } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A copy of the release build that a test may "deploy" over. */
async function copyOfDist() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hashpivot-dist-"));
  await fs.cp(process.env.HASHPIVOT_DIST ?? "dist", dir, { recursive: true });
  return dir;
}

async function visit(context, url) {
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (m) => m.type() === "error" && page.problems.push(m.text()));
  page.on("pageerror", (e) => page.problems.push(e.message));
  await page.goto(url);
  await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
  return page;
}

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
}

test("the manifest names the app and its icons, 192 and 512 including maskable", async () => {
  const manifest = JSON.parse(await fs.readFile(path.join(process.env.HASHPIVOT_DIST ?? "dist", "manifest.webmanifest"), "utf8"));
  assert.equal(manifest.short_name, "Hashpivot");
  assert.ok(manifest.theme_color && manifest.background_color);
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  for (const want of ["192x192 any", "512x512 any", "512x512 maskable"]) assert.ok(sizes.includes(want), want);
  for (const icon of manifest.icons) {
    const png = await fs.readFile(path.join(process.env.HASHPIVOT_DIST ?? "dist", icon.src));
    assert.equal(png.readUInt32BE(16), Number(icon.sizes.split("x")[0]), icon.src); // PNG IHDR width
  }
});

test("after one visit the app works with the network off, and recomputes", async () => {
  const dir = await copyOfDist();
  const site = await serve(dir);
  const context = await browser.newContext();
  try {
    const page = await visit(context, site.url);
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
    const before = await kpi(page, "kpi-hashprice");
    await page.getByTestId("input-btc").fill("120,000");
    await page.waitForFunction((v) => Number(document.querySelector("[data-testid='kpi-hashprice']").dataset.value) !== v, before);
    assert.ok((await kpi(page, "kpi-hashprice")) > before);
    // A share link opened offline is the same app.
    const linked = await visit(context, `${site.url}?power=30`);
    assert.equal(await linked.getByTestId("input-power").inputValue(), "30");
    // Exports too: the export worker comes from the cache as well.
    const [csv] = await Promise.all([linked.waitForEvent("download"), linked.getByTestId("export-csv").click()]);
    const text = await fs.readFile(await csv.path(), "utf8");
    assert.ok(text.startsWith("strategy_id,strategy_name,month,"), text.slice(0, 80));
    assert.deepEqual([...page.problems, ...linked.problems], []);
  } finally {
    await context.close();
    await site.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test("a new deployment shows a quiet notice, and a reload serves the new version whole", async () => {
  const dir = await copyOfDist();
  const site = await serve(dir);
  const context = await browser.newContext();
  try {
    const page = await visit(context, site.url);
    await controlled(page);
    assert.equal(await page.locator("#update-notice").isVisible(), false);
    const oldCaches = await page.evaluate(() => caches.keys());

    // Deploy: a changed page and a worker of a new version.
    const html = path.join(dir, "index.html");
    await fs.writeFile(html, (await fs.readFile(html, "utf8")).replace("<title>", '<meta name="hashpivot-build" content="B"><title>'));
    const sw = path.join(dir, "sw.js");
    await fs.writeFile(sw, (await fs.readFile(sw, "utf8")).replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-b"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));

    const notice = page.locator("#update-notice");
    await notice.waitFor({ state: "visible", timeout: 20000 });
    assert.match(await notice.textContent(), /new version/i);
    // Until asked, the page stays on the old version.
    assert.equal(await page.locator("meta[name='hashpivot-build']").count(), 0);

    await Promise.all([page.waitForEvent("load"), notice.locator("button").click()]);
    await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
    assert.equal(await page.locator("meta[name='hashpivot-build']").getAttribute("content"), "B");
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, JSON.stringify(caches));
    assert.ok(!oldCaches.includes(caches[0]), "the old cache was replaced, not mixed");
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await site.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
});
