// Share links: the address bar follows every edit, and the link restores the same figures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, kpi, siteAndBrowser } from "./harness.mjs";

const env = siteAndBrowser();

const FIGURES = [
  "kpi-hashprice", "kpi-hashcost", "kpi-btc-month", "kpi-breakeven-btc",
  "strategy-0-npv", "strategy-1-npv", "strategy-2-npv", "strategy-1-ebitda-margin",
];

async function figures(page) {
  const out = {};
  for (const id of FIGURES) out[id] = await kpi(page, id);
  return out;
}

test("a link round-trips: change five inputs, open the address in a new page, same figures", async () => {
  const page = await openPage(env.browser, `${env.site.url}?lang=en`);
  await page.getByTestId("input-btc").fill("104,500");
  await page.getByTestId("input-power").fill("37");
  await page.getByTestId("input-site_mw").fill("240");
  await page.getByTestId("input-s1-c0-usd_per_mw_year").fill("1,650,000");
  await page.getByTestId("strategy-name-2").fill("Half & half <test>");
  await page.waitForFunction(() => location.search.includes("strategies="));
  const url = page.url();
  for (const key of ["btc=104500", "power=37", "site_mw=240", "lang=en"]) {
    assert.ok(url.includes(key), `${url} lacks ${key}`);
  }
  const want = await figures(page);
  const again = await openPage(env.browser, url);
  assert.deepEqual(await figures(again), want);
  assert.equal(await again.getByTestId("strategy-name-2").inputValue(), "Half & half <test>");
  assert.equal(await again.locator("[data-testid='link-banner']").count(), 0);
  assert.deepEqual([...page.problems, ...again.problems], []);
  await page.close();
  await again.close();
});

test("a link with bad and unknown keys opens with a banner naming each; the rest loads", async () => {
  const page = await openPage(env.browser, `${env.site.url}?btc=-5&colour=blue&power=33`);
  const banner = page.getByTestId("link-banner");
  await banner.waitFor();
  const text = await banner.textContent();
  for (const part of ["btc", "-5", "colour", "Unknown key"]) {
    assert.ok(text.includes(part), `${JSON.stringify(text)} lacks ${part}`);
  }
  assert.equal(await page.getByTestId("input-power").inputValue(), "33");
  assert.equal(await page.getByTestId("input-btc").inputValue(), "91,132");
  assert.deepEqual(page.problems, []);
  await page.close();
});
