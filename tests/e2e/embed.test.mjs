// The embeddable widget inside a parent page on another origin (another loopback port).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { serve, launch } from "./harness.mjs";

let site, parent, browser;
const WIDGET = "widget.html?embed=1&view=tornado&controls=btc,power&power=35";

before(async () => {
  site = await serve();
  browser = await launch();
  // A news site's page: embeds the widget and sizes the iframe from its messages.
  parent = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><body style="margin:0">
      <h1>Article</h1>
      <iframe id="w" title="Hashpivot" style="width:100%;border:0;height:150px" src="${site.url}${WIDGET}"></iframe>
      <script>
        window.sizes = [];
        addEventListener("message", (e) => {
          const f = document.getElementById("w");
          if (e.source === f.contentWindow && e.data && e.data.type === "hashpivot:resize") {
            window.sizes.push(e.data.height);
            f.style.height = e.data.height + "px";
          }
        });
      </script></body></html>`);
  });
  await new Promise((ok) => parent.listen(0, "127.0.0.1", ok));
});
after(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((ok) => parent?.close(ok));
});

test("a parent on another origin embeds the widget and its iframe follows the widget's height", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`http://127.0.0.1:${parent.address().port}/`);
  const frame = page.frameLocator("#w");
  await frame.locator("[data-testid='chart-tornado'] canvas").waitFor();

  // One chart shown, the chosen controls, the link's own values.
  assert.ok(await frame.getByTestId("chart-tornado").isVisible());
  for (const hidden of ["chart-cashflow", "chart-decision-map"]) {
    assert.equal(await frame.getByTestId(hidden).isVisible(), false, hidden);
  }
  assert.equal(await frame.getByTestId("input-power").inputValue(), "35");
  assert.ok(await frame.getByTestId("input-btc").isVisible());
  assert.equal(await frame.locator("[data-testid='input-diff']").count(), 0);

  // The parent heard the height and sized the iframe to it.
  await page.waitForFunction(() => window.sizes.length > 0 && window.sizes.at(-1) > 300);
  const tall = await page.evaluate(() => window.sizes.at(-1));
  const iframeHeight = () => page.$eval("#w", (f) => f.getBoundingClientRect().height);
  assert.ok(Math.abs((await iframeHeight()) - tall) <= 1, `${await iframeHeight()} vs ${tall}`);

  // A narrower window reflows the widget; the iframe follows.
  await page.setViewportSize({ width: 380, height: 800 });
  await page.waitForFunction((h) => window.sizes.at(-1) !== h, tall);
  const after = await page.evaluate(() => window.sizes.at(-1));
  await page.waitForFunction((h) => Math.abs(document.getElementById("w").getBoundingClientRect().height - h) <= 1, after);

  // Moving a control in the widget keeps the state in its "Open in Hashpivot" link.
  await frame.getByTestId("input-btc").fill("111,000");
  const link = frame.getByTestId("open-in-hashpivot");
  await frame.locator("[data-testid='open-in-hashpivot'][href*='btc=111000']").waitFor();
  const href = await link.getAttribute("href");
  assert.match(href, /power=35/);
  assert.doesNotMatch(href, /embed=|view=|controls=/);

  // The widget stored nothing and registered no service worker.
  const widget = page.frames().find((f) => f.url().includes("embed=1"));
  assert.equal(await widget.evaluate(() => localStorage.length), 0);
  assert.equal(await widget.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the widget ignores messages that do not come from its parent", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${parent.address().port}/`);
  await page.waitForFunction(() => window.sizes.length > 0);
  await page.waitForTimeout(300);
  const count = await page.evaluate(() => window.sizes.length);
  const widget = page.frames().find((f) => f.url().includes("embed=1"));
  // The widget posting a size request to itself (not from its parent) gets no answer...
  await widget.evaluate(() => window.postMessage({ type: "hashpivot:request-size" }, "*"));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.sizes.length), count);
  // ...while the same request from the parent does.
  await page.evaluate(() => document.getElementById("w").contentWindow.postMessage({ type: "hashpivot:request-size" }, "*"));
  await page.waitForFunction((n) => window.sizes.length > n, count);
  await context.close();
});

test("a widget link with an unknown chart or control says so and shows the rest", async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}?embed=1&view=pie&controls=btc,nope`);
  await page.getByTestId("link-banner").waitFor();
  const text = await page.getByTestId("link-banner").textContent();
  assert.ok(text.includes("pie") && text.includes("nope"), text);
  assert.ok(await page.getByTestId("chart-cashflow").isVisible());
  assert.ok(await page.getByTestId("input-btc").isVisible());
  await page.close();
});

test("the app's own page may not be framed by another site; the guide page's live example works", async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  // The guide (embed.html): its iframe shows the widget and is sized by the guide's listener.
  await page.goto(`${site.url}embed.html`);
  const frame = page.frameLocator("#hashpivot");
  await frame.locator("[data-testid='open-in-hashpivot']").waitFor();
  await page.waitForFunction(() => parseFloat(document.getElementById("hashpivot").style.height) > 150);
  assert.deepEqual(problems, [], "no CSP violation or error on the guide");
  // index.html framed by another origin: refused by its frame-ancestors 'self'.
  const parentUrl = `http://127.0.0.1:${parent.address().port}/`;
  await page.goto(parentUrl);
  await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.id = "app";
    f.src = src;
    document.body.append(f);
  }, `${site.url}?embed=1`);
  // Chromium reports the refusal on the console of the framing page.
  await page.waitForEvent("console", { predicate: (m) => m.text().includes("frame-ancestors"), timeout: 10_000 });
  // (The article also frames the widget, which is allowed: look for the app's page only.)
  const app = page.frames().find((f) => f.url().startsWith(site.url) && !f.url().includes("widget.html"));
  const loaded = app ? await app.locator("[data-testid='open-in-hashpivot']").count().catch(() => 0) : 0;
  assert.equal(loaded, 0, "index.html rendered inside another site's frame");
  await page.close();
});
