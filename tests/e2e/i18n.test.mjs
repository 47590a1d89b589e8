// The page in Arabic, Italian and Simplified Chinese on the release build in Chromium: chosen by
// the link's lang, by the switch (keeping what the user changed) or by the browser's language;
// right to left in Arabic; numbers each language's way; no English label left. Expected words
// are read from the catalogues in public/i18n, not written here.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { openPage, kpi, siteAndBrowser } from "./harness.mjs";

const I18N = fileURLToPath(new URL("../../public/i18n/", import.meta.url));
const lines = (code) => fs.readFileSync(`${I18N}${code}.txt`, "utf8").split("\n").filter(Boolean);
const KEYS = lines("en");
const catalogue = (code) => new Map(lines(code).map((l) => l.split("\t")));
const AR = catalogue("ar");
const IT = catalogue("it");
const ZH = catalogue("zh-CN");

/** A translation, failing when the catalogue lacks the key. */
function tr(map, key) {
  assert.ok(map.has(key), `no translation of ${JSON.stringify(key)}`);
  return map.get(key);
}

/** Text as a reader sees it: without the right-to-left isolation marks around Arabic words. */
const plain = (s) => s.replace(/[\u2066-\u2069]/g, "").trim();

/** The trimmed text of every text node and label attribute under `selector`. */
function texts(page, selector) {
  return page.$eval(selector, (root) => {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) out.push(n.data);
      else for (const a of ["aria-label", "label", "title", "alt", "placeholder"]) {
        if (n.hasAttribute(a)) out.push(n.getAttribute(a));
      }
    }
    return out;
  }).then((all) => all.map(plain).filter(Boolean));
}

/** English keys (whose translation differs) found among `found`. */
function english(found, map) {
  const left = new Set(KEYS.filter((k) => map.get(k) !== k));
  return found.filter((t) => left.has(t));
}

const env = siteAndBrowser();

test("lang=ar renders right to left with Arabic labels, Arabic number words and no English in the inputs", async () => {
  const page = await openPage(env.browser, `${env.site.url}?lang=ar`);
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  assert.equal(await page.title(), tr(AR, "Hashpivot: keep mining Bitcoin or lease the megawatts to AI?"));
  assert.equal(
    plain(await page.textContent(".tagline")),
    tr(AR, "Keep mining Bitcoin, or lease the megawatts to AI? Compare strategies on the same site."),
  );
  assert.equal(plain(await page.textContent("#inputs-title")), tr(AR, "Inputs"));
  assert.equal(plain(await page.textContent("#group-market")), tr(AR, "Market"));
  assert.ok(plain(await page.textContent("#in-btc-label")).startsWith(tr(AR, "BTC price")));
  assert.equal(plain(await page.textContent("[data-testid='kpi-hashprice'] .kpi-label")), tr(AR, "Hashprice"));
  assert.equal(await page.$eval("#lang", (s) => s.value), "ar");
  // Numbers: Latin digits and separators, short forms in Arabic words (src/i18n.rs).
  assert.match(plain(await page.textContent("[data-testid='kpi-hashprice'] .kpi-value")), /^39\.32\s+USD\/PH\/day$/);
  assert.equal(await page.getByTestId("input-btc").inputValue(), "91,132");
  const npv = plain(await page.textContent("[data-testid='strategy-0-npv'] dd"));
  assert.match(npv, /^(\u200e?-)?\$\d+(\.\d+)? (ألف|مليون|مليار)$/, npv);
  assert.equal(await kpi(page, "kpi-hashprice") > 39, true); // data-value keeps the raw number
  // Every group open: no English label, help line or source left in the inputs panel.
  await page.$$eval(".inputs details", (all) => all.forEach((d) => (d.open = true)));
  await page.waitForTimeout(100);
  assert.deepEqual(english(await texts(page, ".inputs"), AR), []);
  assert.deepEqual(english(await texts(page, ".masthead"), AR), []);
  // The charts' text alternatives are Arabic too.
  const alt = plain(await page.getAttribute("[data-testid='chart-cashflow'] canvas", "aria-label"));
  assert.ok(alt.startsWith(tr(AR, "Line chart of cumulative free cash flow per strategy, {from} to {to}.").split("{")[0].trim()), alt);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("lang=it shows Italian labels and numbers, reads Italian typing and translates the model's messages", async () => {
  const page = await openPage(env.browser, `${env.site.url}?lang=it`);
  assert.equal(await page.getAttribute("html", "lang"), "it");
  assert.equal(await page.getAttribute("html", "dir"), "ltr");
  assert.equal(plain(await page.textContent("#inputs-title")), tr(IT, "Inputs"));
  assert.ok(plain(await page.textContent("#in-power-label")).startsWith(tr(IT, "Power price")));
  assert.match(await page.textContent("[data-testid='kpi-hashprice'] .kpi-value"), /^39,32\s+USD\/PH\/day$/);
  assert.equal(await page.getByTestId("input-btc").inputValue(), "91.132");
  assert.match(await page.textContent("[data-testid='strategy-0-npv'] dd"), /^-?\$\d+(,\d+)? (Mln|Mrd)$|^-?\$\d+(,\d+)?k$/);
  assert.match(await page.textContent("[data-testid='strategy-0-ebitda-margin'] dd"), /^-?\d+,\d%$/);
  // 45,5 $/MWh typed the Italian way is 45.5.
  const before = await kpi(page, "kpi-hashcost");
  await page.getByTestId("input-power").fill("45,5");
  await page.waitForFunction((v) => Number(document.querySelector("[data-testid='kpi-hashcost']").dataset.value) !== v, before);
  assert.equal(await page.getByTestId("input-power").inputValue(), "45,5");
  assert.equal(await page.getByTestId("error-power").textContent(), "");
  // A refused value: the model's message with the Italian label and words, the value as typed.
  await page.getByTestId("input-btc").fill("12abc");
  const message = page.getByTestId("error-btc");
  await message.waitFor({ state: "visible" });
  const text = await message.textContent();
  assert.ok(text.includes(tr(IT, "BTC price")) && text.includes("12abc") && text.includes("10.000.000"), text);
  assert.ok(!text.includes("is not allowed") && !text.includes("a number from"), text);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the switch changes the language and keeps a changed input", async () => {
  const page = await openPage(env.browser, env.site.url);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  const before = await kpi(page, "kpi-hashcost");
  await page.getByTestId("input-power").fill("55");
  await page.waitForFunction((v) => Number(document.querySelector("[data-testid='kpi-hashcost']").dataset.value) !== v, before);
  const changed = await kpi(page, "kpi-hashcost");
  await Promise.all([page.waitForURL(/lang=zh-CN/), page.selectOption("#lang", "zh-CN")]);
  await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
  assert.match(page.url(), /power=55/);
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.getByTestId("input-power").inputValue(), "55");
  assert.equal(await kpi(page, "kpi-hashcost"), changed);
  assert.equal(plain(await page.textContent("#inputs-title")), tr(ZH, "Inputs"));
  assert.ok(plain(await page.textContent("#in-power-label")).startsWith(tr(ZH, "Power price")));
  assert.equal(await page.$eval("#lang", (s) => s.value), "zh-CN");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a browser in Simplified Chinese gets the page in Chinese without a lang key", async () => {
  const context = await env.browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (m) => m.type() === "error" && page.problems.push(m.text()));
  await page.goto(env.site.url);
  await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
  assert.deepEqual(await page.evaluate(() => navigator.languages), ["zh-CN"]);
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(plain(await page.textContent("#inputs-title")), tr(ZH, "Inputs"));
  assert.equal(plain(await page.textContent(".tagline")), tr(ZH, "Keep mining Bitcoin, or lease the megawatts to AI? Compare strategies on the same site."));
  // Short forms by 万 and 亿.
  assert.match(await page.textContent("[data-testid='strategy-0-npv'] dd"), /^-?\$[\d,.]+(万|亿)$/);
  assert.deepEqual(english(await texts(page, ".inputs"), ZH), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("without its catalogue the page opens in English and says so in the console only", async () => {
  const page = await env.browser.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route("**/i18n/it.txt", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(`${env.site.url}?lang=it`);
  await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
  assert.equal(await page.textContent("#inputs-title"), "Inputs");
  assert.match(await page.textContent("[data-testid='kpi-hashprice'] .kpi-value"), /^39\.32/);
  assert.ok(warnings.some((w) => w.includes("catalogue")), warnings.join("\n"));
  await page.close();
});

test("the widget follows lang too", async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.site.url}?embed=1&lang=ar&view=cashflow&controls=power`);
  await page.getByTestId("open-in-hashpivot").waitFor();
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(plain(await page.getByTestId("open-in-hashpivot").textContent()), tr(AR, "Open in Hashpivot"));
  assert.ok(plain(await page.textContent("#in-power-label")).startsWith(tr(AR, "Power price")));
  assert.match(await page.getByTestId("open-in-hashpivot").getAttribute("href"), /lang=ar/);
  await page.close();
});
