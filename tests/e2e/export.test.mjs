// Exports and imports: the monthly CSV, the scenario JSON, each chart as SVG and PNG, and a
// scenario file loaded by file picker or dropped on the page; a broken file changes nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { openPage, kpi, close, siteAndBrowser } from "./harness.mjs";

const env = siteAndBrowser();

/** Clicks `testid` (or a locator) and returns the downloaded file's name and bytes. */
async function download(page, target) {
  const locator = typeof target === "string" ? page.getByTestId(target) : target;
  const [file] = await Promise.all([page.waitForEvent("download"), locator.click()]);
  return { name: file.suggestedFilename(), bytes: await fs.readFile(await file.path()) };
}

/** The CLI's CSV for a share-link query: the same model, built natively. */
function cliCsv(query) {
  const bin = process.env.HASHPIVOT_CLI ?? "../../target/debug/hashpivot";
  return execFileSync(bin, ["simulate", "--query", query, "--format", "csv"], { encoding: "utf8" });
}

/** Sets the file input to a file named `name` holding `text`. */
async function importText(page, name, text) {
  await page.getByTestId("import-file").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
}

test("the CSV holds every strategy's months as the CLI computes them, edits included", async () => {
  const page = await openPage(env.browser, `${env.site.url}?btc=101000&horizon=36`);
  await page.getByTestId("input-power").fill("41");
  // Straight away: the export must see the edit even before the address bar catches up.
  const { name, bytes } = await download(page, "export-csv");
  assert.equal(name, "hashpivot-months.csv");
  const got = bytes.toString("utf8").trim().split("\n").map((l) => l.split(","));
  const want = cliCsv("btc=101000&power=41&horizon=36").trim().split("\n").map((l) => l.split(","));
  assert.deepEqual(got[0], want[0], "same columns in the same order");
  assert.equal(got.length, want.length, "3 strategies x 36 months and a header");
  for (let r = 1; r < want.length; r++) {
    for (let c = 0; c < want[r].length; c++) {
      const [a, b] = [got[r][c], want[r][c]];
      if (a === b) continue;
      assert.ok(close(Number(a), Number(b)), `row ${r} column ${want[0][c]}: ${a} vs ${b}`);
    }
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the scenario JSON exports, imports back by file picker, and a broken file changes nothing", async () => {
  const page = await openPage(env.browser, `${env.site.url}?btc=101000&power=41&lang=en`);
  const { name, bytes } = await download(page, "export-json");
  assert.equal(name, "hashpivot-scenario.json");
  const scenario = JSON.parse(bytes.toString("utf8"));
  assert.equal(scenario.version, 2); // SCENARIO_VERSION: per-unit fleet costs since version 2
  assert.equal(scenario.network.btc_price_usd, 101000);
  assert.equal(scenario.site.power_usd_mwh, 41);

  // Import a changed copy: the page follows and the link carries it.
  scenario.network.btc_price_usd = 88000;
  scenario.strategies[1].name = "Imported pivot";
  const before = await kpi(page, "kpi-hashprice");
  await importText(page, "changed.json", JSON.stringify(scenario));
  await page.waitForFunction(() => document.querySelector("[data-testid='input-btc']").value === "88,000");
  const after = await kpi(page, "kpi-hashprice");
  assert.ok(close(after / before, 88000 / 101000, 1e-9), `hashprice ${before} -> ${after}`);
  assert.equal(await page.getByTestId("strategy-name-1").inputValue(), "Imported pivot");
  assert.match(await page.getByTestId("exchange-status").textContent(), /Imported changed\.json/);
  await page.waitForFunction(() => location.search.includes("btc=88000"));
  assert.ok(page.url().includes("lang=en"), "the page's own keys stay in the link");

  // A broken file: the error names the field; nothing on the page changes.
  const figures = await kpi(page, "kpi-hashprice");
  const broken = JSON.stringify({ ...scenario, horizon_months: "twelve" });
  await importText(page, "broken.json", broken);
  const status = page.getByTestId("exchange-status");
  await page.waitForFunction(() => document.querySelector("[data-testid='exchange-status']").classList.contains("error"));
  const message = await status.textContent();
  for (const part of ["broken.json", "horizon_months", "Nothing was changed"]) {
    assert.ok(message.includes(part), `${JSON.stringify(message)} lacks ${part}`);
  }
  await importText(page, "not-json.json", "{ this is not json");
  await page.waitForFunction(() => document.querySelector("[data-testid='exchange-status']").textContent.includes("not-json.json"));
  await importText(page, "future.json", JSON.stringify({ ...scenario, version: 99 }));
  await page.waitForFunction(() => document.querySelector("[data-testid='exchange-status']").textContent.includes("future.json"));
  assert.match(await status.textContent(), /version/);
  assert.equal(await kpi(page, "kpi-hashprice"), figures);
  assert.equal(await page.getByTestId("input-btc").inputValue(), "88,000");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a scenario file dropped on the page is imported", async () => {
  const page = await openPage(env.browser, env.site.url);
  const { bytes } = await download(page, "export-json");
  const scenario = JSON.parse(bytes.toString("utf8"));
  scenario.site.power_usd_mwh = 29;
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    const target = document.querySelector("main");
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(scenario));
  await page.waitForFunction(() => document.querySelector("[data-testid='input-power']").value === "29");
  assert.match(await page.getByTestId("exchange-status").textContent(), /Imported dropped\.json/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("each chart downloads as SVG (with the strategies' names) and as PNG", async () => {
  for (const chart of ["revenue-mix", "cashflow", "per-mw", "montecarlo", "tornado", "decision-map"]) {
    // A page per chart: Chromium holds back a page's many downloads in a row.
    const page = await openPage(env.browser, `${env.site.url}?horizon=36`);
    const names = await Promise.all([0, 1, 2].map((i) => page.getByTestId(`strategy-name-${i}`).inputValue()));
    const figure = page.getByTestId(`chart-${chart}`);
    const svg = await download(page, figure.locator("button[data-export='svg']"));
    assert.equal(svg.name, `hashpivot-${chart}.svg`);
    const text = svg.bytes.toString("utf8");
    assert.ok(text.startsWith("<svg"), `${chart}: ${text.slice(0, 60)}`);
    if (chart !== "tornado") {
      assert.ok(names.some((n) => text.includes(n)), `${chart}'s SVG names no strategy`);
    }
    const png = await download(page, figure.locator("button[data-export='png']"));
    assert.equal(png.name, `hashpivot-${chart}.png`);
    assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${chart}: not a PNG`);
    assert.ok(png.bytes.length > 2000, `${chart}: an empty PNG`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test("in Arabic the panel, its messages and a chart's SVG are in Arabic", async () => {
  const catalogue = new Map(
    (await fs.readFile(new URL("../../public/i18n/ar.txt", import.meta.url), "utf8"))
      .split("\n").filter(Boolean).map((l) => l.split("\t")),
  );
  const ar = (english) => {
    assert.ok(catalogue.has(english), `ar.txt lacks ${english}`);
    return catalogue.get(english);
  };
  const page = await openPage(env.browser, `${env.site.url}?lang=ar&horizon=24`);
  await page.waitForFunction((h) => document.getElementById("exchange-title")?.textContent === h, ar("Export and import"));
  const svg = await download(page, page.getByTestId("chart-cashflow").locator("button[data-export='svg']"));
  const text = svg.bytes.toString("utf8");
  assert.ok(text.includes(ar("Cumulative free cash flow")), "the SVG's title is in Arabic");
  const csv = await download(page, "export-csv");
  assert.equal(csv.name, "hashpivot-months.csv");
  const saved = ar("Saved {name}.").replace("{name}", "hashpivot-months.csv");
  assert.equal(await page.getByTestId("exchange-status").textContent(), saved);
  assert.deepEqual(page.problems, []);
  await page.close();
});
