// Launches Debian's Chromium for the browser specs, headless, with Playwright's protocol client
// (playwright-core; Playwright's own browser downloads are never used). A missing browser
// fails the specs that need it, with the command that installs it: they never skip.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The browser the specs drive: $CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium, with no sandbox (CI runs as root) and no background networking.
 *
 * @returns The browser; close it when done.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH; the browser specs do not skip`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--metrics-recording-only',
    ],
  });
}
