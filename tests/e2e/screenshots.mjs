// Screenshots of the release build for looking at by eye (not a test):
//   node tests/e2e/screenshots.mjs [out-dir]   (after `cargo xtask dist` or `trunk build --release`)
// Writes phone (360 px) and wide (1440 px) pages, light and dark.
import { serve, launch, monteCarloSettled } from "./harness.mjs";

const out = process.argv[2] ?? "/tmp/hashpivot-shots";
await (await import("node:fs/promises")).mkdir(out, { recursive: true });
const site = await serve(process.env.HASHPIVOT_DIST ?? new URL("../../dist", import.meta.url).pathname);
const browser = await launch();
try {
  for (const [name, width] of [["phone", 360], ["wide", 1440]]) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(site.url);
      await page.waitForSelector("[data-testid='kpi-hashprice'][data-value]");
      await monteCarloSettled(page);
      const file = `${out}/${name}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
