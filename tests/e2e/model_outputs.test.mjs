// What the model says beyond the figures, on the release build in Chromium: its warnings beside
// the inputs, each strategy's cash at the end and funding gap, the financing inputs that close
// a gap, and the monthly table's cash column, each against the CLI for the same link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, kpi, cliProjection, close, siteAndBrowser } from "./harness.mjs";

const env = siteAndBrowser();

/** The texts of the warnings' items, and whether the notice shows. */
async function warnings(page) {
  const notice = page.getByTestId("warnings");
  return {
    items: await notice.locator("li").allTextContents(),
    visible: await notice.isVisible(),
  };
}

/** Index of the first strategy the CLI finds a funding gap in. */
function withGap(cli) {
  const i = cli.strategies.findIndex((s) => s.summary.funding_gap_month !== null);
  assert.ok(i >= 0, "the CLI finds a funding gap in the default scenario");
  return i;
}

test("a fleet the site cannot power is named in the warnings, and the notice follows the inputs", async () => {
  const query = "fleet=30&site_mw=210";
  const cli = await cliProjection(query);
  const page = await openPage(env.browser, `${env.site.url}?${query}`);
  const { items, visible } = await warnings(page);
  assert.ok(visible, "the notice shows");
  const fleet = cli.warnings.find((w) => w.field === "fleet");
  assert.ok(fleet, "the CLI warns about the fleet");
  assert.ok(items.includes(fleet.message), `${JSON.stringify(items)} lacks the CLI's ${fleet.message}`);
  assert.ok(items.some((t) => t.includes("20 EH/s have no power")), JSON.stringify(items));
  assert.equal(items.length, cli.warnings.length, "one item per warning of the projection");
  // A list under a heading, in a region screen readers follow.
  assert.equal((await page.getByTestId("warnings").locator("h3").textContent()).trim(), "What the model flags");
  assert.equal(await page.locator("[role='status']:has([data-testid='warnings'])").count(), 1);
  // A fleet the site can power: the warning goes at once.
  await page.locator("#group-fleet").click(); // the group is folded at first
  await page.getByTestId("input-fleet").fill("10");
  await page.waitForFunction(() =>
    [...document.querySelectorAll("[data-testid='warnings'] li")].every((li) => !li.textContent.includes("have no power")));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the default page shows the pivot's funding gap in its card and in the warnings", async () => {
  const cli = await cliProjection("");
  const page = await openPage(env.browser, env.site.url);
  const i = withGap(cli);
  const s = cli.strategies[i];
  const gap = page.getByTestId(`strategy-${i}-funding-gap`);
  assert.ok(await gap.isVisible());
  assert.ok(close(Number(await gap.getAttribute("data-value")), s.summary.funding_gap_usd), "largest shortfall, USD");
  // "Funding gap from Jan 2026: $1.50B": the month by name, the amount as the other figures.
  const [year, month] = s.summary.funding_gap_month.split("-").map(Number);
  const name = new Date(Date.UTC(year, month - 1)).toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  assert.match(await gap.textContent(), new RegExp(`^Funding gap from ${name} ${year}: \\$\\d`));
  // Every strategy's cash at the end equals the CLI's; one without a gap shows none.
  for (const [j, st] of cli.strategies.entries()) {
    assert.ok(close(await kpi(page, `strategy-${j}-cash-end`), st.summary.cash_end_usd), `cash at the end of ${st.id}`);
    if (st.summary.funding_gap_month === null) {
      assert.equal(await page.getByTestId(`strategy-${j}-funding-gap`).getAttribute("data-value"), "");
      assert.equal(await page.getByTestId(`strategy-${j}-funding-gap`).isVisible(), false);
    }
  }
  const { items, visible } = await warnings(page);
  assert.ok(visible);
  assert.ok(items.some((t) => t.startsWith(`${s.name}: funding gap from ${s.summary.funding_gap_month}`)), JSON.stringify(items));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a credit facility large enough closes the funding gap in the card and in the warnings", async () => {
  const before = await cliProjection("");
  const after = await cliProjection("credit=2000000000");
  const i = withGap(before);
  assert.equal(after.strategies[i].summary.funding_gap_month, null, "the CLI finds no gap with the credit");
  const page = await openPage(env.browser, env.site.url);
  await page.locator("#group-financing").click(); // the group is folded at first
  await page.getByTestId("input-credit").fill("2000000000");
  const gap = page.getByTestId(`strategy-${i}-funding-gap`);
  await page.waitForFunction((id) => document.querySelector(`[data-testid='${id}']`).dataset.value === "", `strategy-${i}-funding-gap`);
  assert.equal((await gap.textContent()).trim(), "");
  assert.equal(await gap.isVisible(), false);
  assert.equal(await page.getByTestId("error-credit").textContent(), "");
  assert.ok(close(await kpi(page, `strategy-${i}-cash-end`), after.strategies[i].summary.cash_end_usd));
  const { items, visible } = await warnings(page);
  assert.deepEqual(items, after.warnings.map((w) => w.message));
  assert.equal(visible, after.warnings.length > 0, "no warning left: the notice hides");
  // A refused value keeps the text and shows the model's message; the gap stays closed.
  await page.getByTestId("input-credit").fill("-5");
  await page.getByTestId("error-credit").waitFor({ state: "visible" });
  assert.ok((await page.getByTestId("error-credit").textContent()).includes("Credit facility"));
  assert.equal(await page.getByTestId("input-credit").inputValue(), "-5");
  assert.equal(await gap.getAttribute("data-value"), "");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the monthly table's cash column equals the CLI's cash_usd", async () => {
  const query = "horizon=36";
  const cli = await cliProjection(query);
  const i = withGap(cli); // a strategy whose cash goes below zero
  const page = await openPage(env.browser, `${env.site.url}?${query}`);
  await page.locator("[data-testid='month-table'] summary").click();
  await page.getByTestId("table-strategy").selectOption(String(i));
  const headings = await page.$$eval("[data-testid='month-table'] thead button", (bs) => bs.map((b) => b.dataset.testid));
  const cash = headings.indexOf("sort-cash_usd");
  assert.equal(cash, headings.length - 1, "cash is the last column, as in the CLI");
  const rows = page.locator("[data-testid='month-table'] tbody tr");
  await rows.first().waitFor();
  assert.equal(await rows.count(), 36);
  for (const m of [0, 11, 35]) {
    const cell = await rows.nth(m).locator("td").nth(cash - 1).textContent();
    assert.equal(cell, Math.round(cli.strategies[i].months[m].cash_usd).toLocaleString("en-US"), `month ${m}`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});
