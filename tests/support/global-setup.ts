/**
 * Runs once before every suite: says which database backend the run uses (issue 2), and stops the run at once when
 * what the browser tests need from the system is missing, saying how to install it — instead of letting those tests
 * skip and the run look green without them. `SKIP_BROWSER_TESTS=1` skips them on purpose (they then say so).
 */
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './browser-launch';

/**
 * What the browser tests need from Debian, by the file that shows it is installed. No fonts: the front end serves its
 * own Noto Sans and Noto Sans Mono (modeler/src/styles/fonts.css), as tests/browser/served-fonts.test.ts shows on a
 * browser that sees no Noto font.
 */
const SYSTEM_NEEDS = [{ what: 'Chromium', file: CHROMIUM_PATH, package: 'chromium' }];

export default function setup(): void {
  const backend = process.env.MONGODB_URI ? `MongoDB at MONGODB_URI` : 'embedded (mongodb-memory-server; emulator when no mongod)';
  console.log(`[tests] database backend: ${backend}`);
  if (process.env.SKIP_BROWSER_TESTS === '1') {
    console.log('[tests] SKIP_BROWSER_TESTS=1: the browser tests are skipped');
    return;
  }
  const missing = SYSTEM_NEEDS.filter((need) => !existsSync(need.file));
  if (missing.length > 0) {
    throw new Error(
      `The browser tests need ${missing.map((need) => need.what).join(', ')}, missing on this machine. Install them from ` +
        `Debian: sudo apt-get install -y ${missing.map((need) => need.package).join(' ')} (.ci/run does it), or run ` +
        'with SKIP_BROWSER_TESTS=1 to skip the browser tests.',
    );
  }
}
