// Hostile input and a closed page: no request leaves the site, payloads in links and fields stay
// text, 300 malformed links each open with their banner, a panic shows the recovery panel, and
// a corrupted saved setting does not stop the app.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, siteAndBrowser } from "./harness.mjs";

const env = siteAndBrowser();

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img'">`,
  `<script>window.__pwned='script'</script>`,
  `"><svg onload="window.__pwned='svg'">`,
  `javascript:window.__pwned='href'`,
];

test("the app and its export worker make no request to another origin, under the site's CSP", async () => {
  const page = await openPage(env.browser, `${env.site.url}?horizon=36`);
  const origin = new URL(env.site.url).origin;
  const seen = [];
  const record = (r) => seen.push(r.url());
  page.on("request", record);
  page.on("worker", (w) => w.on("request", record));
  // Reload so the first requests are seen too, then use what talks to the network.
  const response = await page.reload();
  assert.match(response.headers()["content-security-policy"], /connect-src 'self'/);
  assert.match(response.headers()["content-security-policy"], /frame-ancestors 'self'/);
  await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
  await page.getByTestId("input-power").fill("39");
  await page.locator("[data-testid='month-table'] summary").click();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  await csv.path();
  const foreign = seen.filter((u) => !u.startsWith(origin) && !/^(blob|data):/.test(u));
  assert.deepEqual(foreign, [], "requests to other origins");
  assert.ok(seen.some((u) => u.endsWith("_bg.wasm")), "the requests were seen at all");
  assert.deepEqual(page.problems, [], "no CSP violation or error");
  await page.close();
});

test("script and markup typed into every text field stay text", async () => {
  const page = await openPage(env.browser, env.site.url);
  page.on("dialog", (d) => {
    page.problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  for (const [i, payload] of PAYLOADS.slice(0, 3).entries()) {
    await page.getByTestId(`strategy-name-${i}`).fill(payload);
  }
  // A numeric field keeps what was typed and shows it in its error message.
  await page.getByTestId("input-btc").fill(PAYLOADS[0]);
  const error = await page.getByTestId("error-btc").textContent();
  // Quoted as the model quotes values (inner quotes escaped), but the markup shows as text.
  assert.ok(error.includes("<img src=x onerror="), `the message shows the text literally: ${error}`);
  await page.getByTestId("input-btc").fill("95,000");
  await page.waitForFunction(() => location.search.includes("strategies="));
  // The same names from the link, in a new page: literal, and nothing ran.
  const again = await openPage(env.browser, page.url());
  for (const [i, payload] of PAYLOADS.slice(0, 3).entries()) {
    assert.equal(await again.getByTestId(`strategy-name-${i}`).inputValue(), payload);
  }
  const tornadoOptions = await again.locator("#tornado-strategy option").allTextContents();
  assert.ok(tornadoOptions.includes(PAYLOADS[1]), `options: ${tornadoOptions}`);
  for (const p of [page, again]) {
    assert.equal(await p.evaluate(() => window.__pwned), undefined, "a payload ran");
    assert.equal(await p.locator("img[src='x'], body script:not([src]), svg[onload]").count(), 0);
    assert.deepEqual(p.problems, []);
  }
  await page.close();
  await again.close();
});

test("payloads as link keys and values are named in the banner as text", async () => {
  const page = await openPage(env.browser, env.site.url);
  for (const payload of PAYLOADS) {
    const q = new URLSearchParams([
      [payload, "1"],
      ["btc", payload],
      ["preset", payload],
      ["lang", payload],
    ]);
    await page.goto(`${env.site.url}?${q}`);
    await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
    const banner = await page.getByTestId("link-banner").textContent();
    assert.ok(banner.includes(payload), `banner lacks ${payload}: ${banner}`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${payload} ran`);
  }
  // The widget's header and controls too.
  const q = new URLSearchParams([["embed", "1"], ["view", PAYLOADS[0]], ["controls", PAYLOADS[2]]]);
  await page.goto(`${env.site.url}widget.html?${q}`);
  await page.waitForSelector("[data-testid='link-banner']");
  assert.ok((await page.getByTestId("link-banner").textContent()).includes(PAYLOADS[0]));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("300 random malformed links (seed 20261201) each render with a banner and no error", async () => {
  const page = await openPage(env.browser, env.site.url);
  const keys = await page.$$eval("[data-testid^='input-']", (els) =>
    els.map((e) => e.dataset.testid.slice("input-".length)).filter((k) => /^[a-z_]+$/.test(k)),
  );
  assert.ok(keys.length >= 20, `known keys found: ${keys}`);
  keys.push("strategies", "debt", "preset", "seed", "start", "lang");
  const random = rng(20261201);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const deep = "[".repeat(3000) + "]".repeat(3000);
  const values = [
    "", "-1", "0", "1e309", "-1e309", "NaN", "Infinity", "1e-320", "0x1F", "1,5", "99999999999999999999",
    "%", "%ZZ", "%00", "\u0000", "\u202e", "💥", "null", "true", "[]", "{}", '{"a":', deep,
    '[{"name":"x","contracts":[{"kind":"colocation","it_mw":1e308}]}]',
    '[{"principal_usd":-5,"coupon_pct":1e9}]', "2026-13", "9999-01", "x".repeat(5000),
    ...PAYLOADS,
  ];
  const value = () => (random() < 0.25 ? String((random() - 0.5) * 10 ** Math.floor(random() * 24)) : pick(values));
  for (let i = 0; i < 300; i++) {
    const pairs = [];
    const n = 1 + Math.floor(random() * 5);
    for (let j = 0; j < n; j++) pairs.push([pick(keys), value()]);
    // One key no scenario has, so every link is malformed and must get a banner naming it.
    const bad = `nokey${i}`;
    pairs.splice(Math.floor(random() * (pairs.length + 1)), 0, [bad, value()]);
    const link = `${env.site.url}?${new URLSearchParams(pairs)}`;
    await page.goto(link);
    await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
    const banner = await page.getByTestId("link-banner").textContent();
    assert.ok(banner.includes(bad), `link ${i} (${link.slice(0, 300)}): banner lacks ${bad}`);
    assert.deepEqual(page.problems, [], `link ${i}: ${link.slice(0, 300)}`);
  }
  await page.close();
});

test("a panic shows the recovery panel with the link and a reset", async () => {
  const page = await openPage(env.browser, `${env.site.url}?btc=97000&power=36`);
  await page.waitForFunction(() => location.search.includes("btc=97000"));
  const link = page.url();
  await page.evaluate(async () => {
    const src = document.querySelector("script[data-hashpivot-js]").dataset.hashpivotJs;
    const app = await import(src);
    try {
      app.crash_for_test();
    } catch {
      // The panic surfaces as a wasm trap: expected.
    }
  });
  const panel = page.getByTestId("panic-panel");
  await panel.waitFor();
  assert.equal(await page.getByTestId("panic-link").inputValue(), link);
  assert.equal(await page.getByTestId("panic-reload").getAttribute("href"), link);
  assert.equal(await page.getByTestId("panic-reset").getAttribute("href"), "/");
  assert.ok(page.problems.some((p) => p.includes("crash_for_test")), "the panic reached the console");
  await page.getByTestId("panic-reload").click();
  await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
  assert.equal(await page.getByTestId("input-btc").inputValue(), "97,000");
  assert.equal(await page.getByTestId("panic-panel").count(), 0);
  await page.close();
});

test("a corrupted or unknown saved setting never stops the app", async () => {
  for (const saved of ["{{{\u0000", "dark; DROP TABLE", "x".repeat(100_000), "future-theme-v9"]) {
    const context = await env.browser.newContext();
    await context.addInitScript((v) => localStorage.setItem("hashpivot.theme", v), saved);
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    await page.goto(env.site.url);
    await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
    assert.equal(await page.getByTestId("theme").inputValue(), "system", `saved ${saved.slice(0, 20)}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
