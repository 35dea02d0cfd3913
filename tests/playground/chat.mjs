// Chats with MIPA through the Microsoft 365 Agents Playground's own web page, in headless Chromium.
// Usage: node chat.mjs <playground url> <out dir> <message>...  -> JSON [{message, transcript}] on stdout.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "..", "package.json"));
const { chromium } = require("playwright-core");
const [url, outDir, ...messages] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const report = [];
try {
  // The default demo user works in Paris: her browser is in Paris too, as a real user's would be.
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 },
                                       timezoneId: process.env.MIPA_BROWSER_TZ || "Europe/Paris" });
  await page.goto(url);
  const input = page.locator("[data-lexical-editor=true]");
  await input.waitFor({ timeout: 30000 });
  await page.getByText("sample data", { exact: false }).first().waitFor({ timeout: 30000 });
  report.push({ message: null, transcript: await page.innerText("body") });
  await page.screenshot({ path: path.join(outDir, "0-welcome.png") });
  let index = 0;
  for (const message of messages) {
    index += 1;
    const before = await page.locator("text=Test Bot").count();
    await input.click();
    await page.keyboard.type(message);
    await page.keyboard.press("Enter");
    // wait for a new bot message to appear, then let the rest of the turn arrive
    await page.waitForFunction((n) => document.body.innerText.split("Test Bot").length - 1 > n, before,
                               { timeout: 30000 });
    await page.waitForTimeout(1500);
    report.push({ message, transcript: await page.innerText("body") });
    await page.screenshot({ path: path.join(outDir, `${index}.png`), fullPage: true });
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
