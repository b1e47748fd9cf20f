// One way to open a page of the demo in Debian's Chromium for the browser tests: a static
// server on the demo's directory, a browser context, the page loaded and ready
// (body[data-ready=true]), every page error and console error collected in `errors`.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { launch } from "../../packages/tthc-score/test/browser.mjs";

export const demoDir = fileURLToPath(new URL("..", import.meta.url));
/** Where the tests save their screenshots. */
export const shots = join(demoDir, "screenshots");

/** Opens `path` of the demo (default: the clerk's page) with the context `options`. */
export async function openDemo(path = "", options = {}) {
  const { server, url } = await serve(demoDir);
  const context = await launch({ viewport: { width: 1366, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url + path);
  await page.waitForSelector("body[data-ready=true]", { timeout: 20000 });
  mkdirSync(shots, { recursive: true });
  return {
    page,
    context,
    url,
    errors,
    async close() {
      await context.close();
      server.close();
    },
  };
}
