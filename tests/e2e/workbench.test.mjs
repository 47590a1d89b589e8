// The comparison workbench as a user meets it, on the release build in Chromium: a share link,
// the figures against the CLI, sliders redrawing every chart, presets, bad input, accessibility.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import fs from "node:fs/promises";
import { openPage, kpi, chartPixels, allChartPixels, monteCarloSettled, cliProjection, close, CHARTS, siteAndBrowser } from "./harness.mjs";

const env = siteAndBrowser();

const QUERY = "btc=104000&diff=152&fees=0.02&power=45&fleet=12&horizon=72";

test("a share link loads and every figure equals the CLI's for the same link", async () => {
  const cli = await cliProjection(QUERY);
  const page = await openPage(env.browser, `${env.site.url}?${QUERY}`);
  const pure = cli.strategies.findIndex((s) => s.id === "pure");
  assert.ok(pure >= 0, "the default scenario has a pure-mining strategy");
  const expect = {
    "kpi-hashprice": cli.hashprice_usd_per_ph_day,
    "kpi-hashcost": cli.hashcost_usd_per_ph_day,
    "kpi-btc-month": cli.strategies[pure].months[0].btc_mined,
    "kpi-breakeven-btc": cli.strategies[pure].summary.breakeven_btc_usd,
  };
  for (const [id, want] of Object.entries(expect)) {
    const got = await kpi(page, id);
    assert.ok(close(got, want), `${id}: page ${got}, CLI ${want}`);
  }
  // Each strategy's NPV and EBITDA margin, as the CLI prints them.
  for (const [i, s] of cli.strategies.entries()) {
    assert.ok(close(await kpi(page, `strategy-${i}-npv`), s.npv_usd), `NPV of ${s.id}`);
    assert.ok(close(await kpi(page, `strategy-${i}-ebitda-margin`), s.summary.ebitda_margin));
  }
  // The link's horizon reached the table: 72 rows, and a cell equals the CLI's figure.
  await page.locator("[data-testid='month-table'] summary").click();
  const rows = page.locator("[data-testid='month-table'] tbody tr");
  await rows.first().waitFor();
  assert.equal(await rows.count(), 72);
  // The FCF column found by its heading (the month is the first heading, then one per cell).
  const headings = await page.$$eval("[data-testid='month-table'] thead button", (bs) => bs.map((b) => b.dataset.testid));
  const fcf = headings.indexOf("sort-fcf_usd");
  assert.ok(fcf > 0, headings.join());
  const firstFcf = await rows.first().locator("td").nth(fcf - 1).textContent();
  assert.equal(firstFcf, Math.round(cli.strategies[0].months[0].fcf_usd).toLocaleString("en-US"));
  // Sorting by FCF, then the other way.
  const fcfColumn = async () =>
    (await rows.locator(`td:nth-of-type(${fcf})`).allTextContents()).map((t) => Number(t.replaceAll(",", "")));
  await page.getByTestId("sort-fcf_usd").click();
  const up = await fcfColumn();
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  assert.equal(await page.locator("th[aria-sort='ascending']").count(), 1);
  await page.getByTestId("sort-fcf_usd").click();
  const down = await fcfColumn();
  assert.deepEqual(down, [...up].reverse());
  assert.equal(await page.locator("[data-testid='link-banner']").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("moving a slider redraws every chart", async () => {
  const page = await openPage(env.browser, env.site.url);
  await monteCarloSettled(page);
  const before = await allChartPixels(page);
  // The BTC price moves every chart: revenue, cash, per-MW figures, the fan, the tornado's
  // bars and the map's "today" ring. (Power no longer does: with the network following its
  // economics, the default fleet keeps running at $50/MWh, so the revenue mix is unchanged.)
  const slider = page.getByTestId("slider-btc");
  const start = await page.evaluate(() => document.querySelector("#in-btc").value);
  await slider.focus();
  for (let i = 0; i < 10; i++) await slider.press("ArrowRight");
  await page.waitForFunction((v) => document.querySelector("#in-btc").value !== v, start);
  await monteCarloSettled(page);
  const after = await allChartPixels(page);
  for (const id of CHARTS) assert.notEqual(after[id], before[id], `${id} was not redrawn`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a bad typed value shows the model's message and every chart keeps the last good result", async () => {
  const page = await openPage(env.browser, env.site.url);
  await monteCarloSettled(page);
  const before = await allChartPixels(page);
  const hashprice = await kpi(page, "kpi-hashprice");
  await page.getByTestId("input-site_mw").fill("-40");
  const message = page.getByTestId("error-site_mw");
  await message.waitFor({ state: "visible" });
  const text = await message.textContent();
  for (const part of ["Site capacity", "site_mw", "-40", "MW"]) {
    assert.ok(text.includes(part), `${JSON.stringify(text)} lacks ${part}`);
  }
  assert.equal(await page.getByTestId("input-site_mw").inputValue(), "-40");
  await page.waitForTimeout(300); // past the Monte Carlo's rest delay
  assert.deepEqual(await allChartPixels(page), before);
  assert.equal(await kpi(page, "kpi-hashprice"), hashprice);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("every preset loads with its source, and a deal loads into a strategy's contracts", async () => {
  const page = await openPage(env.browser, env.site.url);
  const options = await page.$$eval("[data-testid='preset'] option:not([disabled])", (os) =>
    os.map((o) => o.value),
  );
  assert.ok(options.length >= 15, `only ${options.length} presets`);
  for (const id of options) {
    const pixels = await chartPixels(page, "chart-cashflow");
    await page.getByTestId("preset").selectOption(id);
    const source = page.getByTestId("preset-source");
    await source.waitFor();
    const link = source.locator("a");
    assert.match(await link.getAttribute("href"), /^https:\/\//, id);
    assert.match(await source.textContent(), /as of \d{4}-\d{2}-\d{2}/, id);
    assert.ok(Number.isFinite(await kpi(page, "kpi-hashprice")), id);
    // A preset that changes the strategies redraws the cash-flow chart.
    if (id !== "snapshot-2026-01" && id !== "s21") {
      await page.waitForFunction(
        ([p]) => document.querySelector("[data-testid='chart-cashflow'] canvas").toDataURL() !== p,
        [pixels],
      );
    }
  }
  // Back to the defaults, then a deal into the pure-mining strategy.
  await page.getByTestId("preset").selectOption("snapshot-2026-01");
  const npv = await kpi(page, "strategy-0-npv");
  await page.getByTestId("add-contract-0").selectOption("cipher-fluidstack");
  const card = page.getByTestId("contract-0-0");
  await card.waitFor();
  assert.match(await card.textContent(), /Fluidstack/);
  assert.match(await card.locator("a").getAttribute("href"), /^https:\/\//);
  assert.notEqual(await kpi(page, "strategy-0-npv"), npv);
  // A deal too big for the site is refused with the reason, and nothing changes.
  const npv2 = await kpi(page, "strategy-0-npv");
  await page.getByTestId("add-contract-0").selectOption("corz-coreweave");
  await page.getByTestId("error-contracts-0").waitFor({ state: "visible" });
  assert.match(await page.getByTestId("error-contracts-0").textContent(), /MW/);
  assert.equal(await kpi(page, "strategy-0-npv"), npv2);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("strategies can be added, renamed and removed, up to six", async () => {
  const page = await openPage(env.browser, env.site.url);
  const add = page.getByTestId("add-strategy");
  for (let n = 3; n < 6; n++) await add.click();
  assert.equal(await page.locator("[data-testid^='strategy-name-']").count(), 6);
  assert.ok(await add.isDisabled(), "a seventh strategy is refused");
  await page.getByTestId("strategy-name-5").fill("My plan");
  await page.waitForFunction(() =>
    [...document.querySelectorAll("#tornado-strategy option")].some((o) => o.textContent === "My plan"),
  );
  await page.getByRole("button", { name: "Remove strategy My plan" }).click();
  assert.equal(await page.locator("[data-testid^='strategy-name-']").count(), 5);
  // An empty name is refused with the model's message and the text kept.
  await page.getByTestId("strategy-name-0").fill("");
  await page.getByText("Strategy name", { exact: false }).first().waitFor();
  assert.equal(await page.getByTestId("strategy-name-0").inputValue(), "");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the main view passes an axe-core accessibility audit, light and dark, wide and phone", async () => {
  const require = createRequire(import.meta.url);
  const axePath = require.resolve("axe-core/axe.min.js");
  for (const [scheme, width] of [["light", 1440], ["dark", 360]]) {
    const context = await env.browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.problems = [];
    page.on("console", (m) => m.type() === "error" && page.problems.push(m.text()));
    await page.goto(env.site.url);
    await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
    await monteCarloSettled(page);
    // Open what is folded, so the audit sees the table, every group and a debt's inputs.
    await page.locator("[data-testid='month-table'] summary").click();
    const folded = page.locator("details.group:not([open]) > summary");
    while ((await folded.count()) > 0) await folded.first().click();
    await page.getByTestId("add-debt").click();
    // Evaluated, not added as a <script>: the page's Content-Security-Policy forbids inline scripts.
    await page.evaluate(await fs.readFile(axePath, "utf8"));
    const result = await page.evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
    const report = result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`,
    );
    assert.deepEqual(report, [], `${scheme} ${width}px: ${report.join("\n")}`);
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});

test("debt can be added and edited; its interest lowers every strategy's NPV", async () => {
  const page = await openPage(env.browser, env.site.url);
  const before = await kpi(page, "strategy-0-npv");
  await page.locator("[data-testid='group-financing'] summary").click();
  await page.getByTestId("add-debt").click();
  await page.getByTestId("input-debt0-coupon_annual").waitFor();
  const withDebt = await kpi(page, "strategy-0-npv");
  assert.ok(withDebt < before, `NPV ${before} -> ${withDebt} with an 8% loan`);
  // A higher coupon costs more; a bad one is refused with the field's range.
  await page.getByTestId("input-debt0-coupon_annual").fill("0.12");
  await page.waitForFunction((v) => Number(document.querySelector("[data-testid='strategy-0-npv']").dataset.value) < v, withDebt);
  await page.getByTestId("input-debt0-coupon_annual").fill("3");
  await page.getByTestId("error-debt0-coupon_annual").waitFor({ state: "visible" });
  assert.match(await page.getByTestId("error-debt0-coupon_annual").textContent(), /0 to 1/);
  assert.deepEqual(page.problems, []);
  await page.close();
});
