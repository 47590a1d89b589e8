// The page as a user meets it, on the release build in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, kpi, chartPixels, hashpriceByHand, siteAndBrowser } from "./harness.mjs";

const env = siteAndBrowser();

test("loads with no console error and shows the default hashprice", async () => {
  const page = await openPage(env.browser, env.site.url);
  // Default snapshot (DOMAIN.md): $91,132, 146.5 T, 0.017 BTC fees per block.
  const expected = hashpriceByHand({ btc: 91132, diffT: 146.5, fees: 0.017 });
  assert.ok(Math.abs((await kpi(page, "kpi-hashprice")) - expected) < 1e-9);
  const shown = await page.textContent("[data-testid='kpi-hashprice'] .kpi-value");
  assert.match(shown, /^39\.32\s+USD\/PH\/day$/);
  await page.waitForTimeout(200); // let late errors surface
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("moving the slider changes the hashprice and redraws the chart", async () => {
  const page = await openPage(env.browser, env.site.url);
  const beforeValue = await kpi(page, "kpi-hashprice");
  const beforePixels = await chartPixels(page, "chart-cashflow");

  const slider = page.getByTestId("slider-btc");
  await slider.focus();
  for (let i = 0; i < 20; i++) await slider.press("ArrowRight"); // 20 steps of $500
  await page.waitForFunction(
    (v) => Number(document.querySelector("[data-testid='kpi-hashprice']").dataset.value) !== v,
    beforeValue,
  );

  const price = Number(await slider.inputValue());
  assert.equal(price, 91132 + 20 * 500 - (91132 % 500)); // the slider snaps to its $500 grid first
  const after = await kpi(page, "kpi-hashprice");
  assert.ok(Math.abs(after - hashpriceByHand({ btc: price, diffT: 146.5, fees: 0.017 })) < 1e-9);
  assert.ok(after > beforeValue);
  assert.notEqual(await chartPixels(page, "chart-cashflow"), beforePixels, "chart not redrawn");
  assert.equal(await page.getByTestId("input-btc").inputValue(), price.toLocaleString("en-US"));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a bad typed value shows the message and keeps the last good result", async () => {
  const page = await openPage(env.browser, env.site.url);
  const beforeValue = await kpi(page, "kpi-hashprice");
  const beforePixels = await chartPixels(page, "chart-cashflow");

  await page.getByTestId("input-btc").fill("12abc");
  const message = page.getByTestId("error-btc");
  await message.waitFor({ state: "visible" });
  const text = await message.textContent();
  for (const part of ["BTC price", "btc", "12abc", "1 to 10,000,000 USD"]) {
    assert.ok(text.includes(part), `${JSON.stringify(text)} lacks ${part}`);
  }
  assert.equal(await page.getByTestId("input-btc").inputValue(), "12abc");
  assert.equal(await kpi(page, "kpi-hashprice"), beforeValue);
  assert.equal(await chartPixels(page, "chart-cashflow"), beforePixels);
  assert.deepEqual(page.problems, []);
  await page.close();
});
