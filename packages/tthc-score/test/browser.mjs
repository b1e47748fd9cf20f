// Launches Debian's Chromium through playwright-core (never a downloaded browser).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A browser context in a fresh profile directory; `newPage()` and `close()` as a Browser. */
export async function launch(options = {}) {
  const { chromium } = require("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "tthc-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    ...options,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A new page of `browser` on an empty document served at `url` (so that the package's
 * files load from the same origin), with the page's uncaught errors collected. */
export async function blankPage(browser, url, title) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(`${url}blank.html`, (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html><title>${title}</title>` }));
  await page.goto(`${url}blank.html`);
  return { page, errors };
}
