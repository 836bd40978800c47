/** @module browserLaunch — Debian's Chromium driven by playwright-core, headless, with no background network. */
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** False when skipped on purpose (`SKIP_BROWSER_TESTS=1`); a missing Chromium otherwise stops the run (global-setup.ts). */
export function chromiumAvailable(): boolean {
  return process.env.SKIP_BROWSER_TESTS !== '1' && existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}
