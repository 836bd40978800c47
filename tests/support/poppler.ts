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

/** Page 1 of a PDF rendered by pdftoppm in grey at `dpi`, as RGBA pixels (for a QR reader or a pixel check). */
export function renderFirstPage(pdf: Buffer, dpi = 150): { width: number; height: number; rgba: Uint8ClampedArray } {
  const directory = mkdtempSync(join(tmpdir(), 'poppler-'));
  try {
    const file = join(directory, 'document.pdf');
    writeFileSync(file, pdf);
    let pgm: Buffer;
    try {
      pgm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', String(dpi), '-gray', file], { timeout: 20_000, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(POPPLER_MISSING);
      throw error;
    }
    // Binary PGM (P5): "P5\n<width> <height>\n<max>\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not answer a PGM image');
    const width = Number(header[1]);
    const height = Number(header[2]);
    const pixels = pgm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i += 1) {
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = pixels[i]!;
      rgba[i * 4 + 3] = 255;
    }
    return { width, height, rgba };
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
