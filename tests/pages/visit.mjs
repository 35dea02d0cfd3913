// Visits MIPA's public pages in headless Chromium; prints a JSON report and saves screenshots.
// Usage: node visit.mjs <base url> <out dir>
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "..", "package.json"));
const { chromium } = require("playwright-core");
const [base, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const report = [];
try {
  for (const locale of ["en-US", "fr-FR"]) {
    const context = await browser.newContext({ locale, viewport: { width: 800, height: 700 } });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    for (const name of ["", "privacy", "terms"]) {
      const response = await page.goto(`${base}/${name}`);
      const entry = {
        locale, name: name || "about", status: response.status(),
        lang: await page.getAttribute("html", "lang"),
        h1: await page.textContent("h1"),
        links: await page.$$eval("nav a", (as) => as.map((a) => a.textContent)),
      };
      await page.screenshot({ path: path.join(outDir, `${entry.name}-${locale}.png`), fullPage: true });
      // follow the language switch link, as a reader would
      await page.click("nav a[hreflang]");
      entry.switched = await page.getAttribute("html", "lang");
      entry.errors = [...errors];
      report.push(entry);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
