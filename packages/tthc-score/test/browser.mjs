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
