// Renders Adaptive Cards with the `adaptivecards` npm renderer in headless Chromium, one browser launch.
// Usage: node render.mjs <cards.json: [{name, card}]> <out dir>   -> JSON report on stdout.
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "..", "package.json"));
const { chromium } = require("playwright-core");
const acDir = path.dirname(require.resolve("adaptivecards/package.json"));
const mdDir = path.dirname(require.resolve("markdown-it/package.json"));

const [inputPath, outDir] = process.argv.slice(2);
const items = JSON.parse(readFileSync(inputPath, "utf8"));
const hostConfig = JSON.parse(readFileSync(path.join(here, "teams-host-config.json"), "utf8"));
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const report = [];
try {
  const page = await browser.newPage({ viewport: { width: 520, height: 400 }, deviceScaleFactor: 1 });
  const consoleErrors = [];
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  await page.route("**/*", (route) => { requests.push(route.request().url()); return route.abort(); });
  await page.setContent("<!doctype html><html><head><meta charset='utf-8'></head>"
    + "<body style='margin:0;background:#f5f5f5'><div id='host' style='width:500px;padding:10px'></div></body></html>");
  await page.addStyleTag({ path: path.join(acDir, "dist", "adaptivecards.css") });
  await page.addScriptTag({ path: path.join(acDir, "dist", "adaptivecards.min.js") });
  await page.addScriptTag({ path: path.join(mdDir, "dist", "markdown-it.min.js") });
  for (const { name, card } of items) {
    consoleErrors.length = 0;
    const result = await page.evaluate(({ card, hostConfig }) => {
      const AC = window.AdaptiveCards;
      const md = window.markdownit({ html: false, linkify: true });
      AC.AdaptiveCard.onProcessMarkdown = (text, r) => { r.outputHtml = md.render(text); r.didProcess = true; };
      const host = document.getElementById("host");
      host.innerHTML = "";
      const adaptive = new AC.AdaptiveCard();
      adaptive.hostConfig = new AC.HostConfig(hostConfig);
      const context = new AC.SerializationContext();
      adaptive.parse(card, context);
      const events = [];
      for (let i = 0; i < context.eventCount; i++) {
        const e = context.getEventAt(i);
        events.push(`parse ${AC.ValidationEvent[e.event]}: ${e.message}`);
      }
      for (const e of adaptive.validateProperties().validationEvents) {
        events.push(`validate ${AC.ValidationEvent[e.event]}: ${e.message}`);
      }
      const element = adaptive.render();
      if (!element) return { events: [...events, "render returned nothing"], dom: null };
      host.appendChild(element);
      const q = (sel) => Array.from(element.querySelectorAll(sel));
      return {
        events,
        dom: {
          links: q("a[href]").map((a) => a.getAttribute("href")),
          strong: q("strong, em, b, i, script, iframe, img").length,
          buttons: q("button").map((b) => b.textContent),
          text: element.innerText,
          height: element.getBoundingClientRect().height,
        },
      };
    }, { card, hostConfig });
    const png = path.join(outDir, `${name}.png`);
    await page.locator("#host").screenshot({ path: png });
    report.push({ name, png, ...result, consoleErrors: [...consoleErrors] });
  }
  report.push({ name: "__requests__", requests });
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
