/**
 * @module poppler — runs poppler-utils (pdftotext, pdfsig, pdffonts, pdftoppm) on a PDF in a test: an independent
 * reader checks what our PDFs say, which fonts they embed and whether their signatures verify. When the tools are
 * missing the test fails and says how to install them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const POPPLER_MISSING = 'poppler-utils is not installed: run `apt-get install poppler-utils` (pdftotext, pdffonts, pdfsig, pdftoppm)';

/** The standard output of `tool args… file.pdf`. */
export function runPoppler(tool: 'pdftotext' | 'pdffonts' | 'pdfsig' | 'pdfinfo', pdf: Buffer, args: string[] = []): string {
  const directory = mkdtempSync(join(tmpdir(), 'poppler-'));
  try {
    const file = join(directory, 'document.pdf');
    writeFileSync(file, pdf);
    const output = tool === 'pdftotext' ? [file, '-'] : [file];
    return execFileSync(tool, [...args, ...output], { encoding: 'utf8', timeout: 20_000 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(POPPLER_MISSING);
    const failed = error as { stdout?: string };
    if (typeof failed.stdout === 'string' && failed.stdout.length > 0) return failed.stdout;
    throw error;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * The text layer of a PDF, as a copy-paste or a screen reader gets it: laid out as on the page, or `raw` in the
 * order it was drawn (a table's cells one after the other, each whole even when it wraps).
 */
export function pdfTextOf(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): string {
  return runPoppler('pdftotext', pdf, [`-${mode}`, '-enc', 'UTF-8']);
}
