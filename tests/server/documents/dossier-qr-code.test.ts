import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { renderDossierQrCode } from '../../../server/src/documents/dossier-qr-code';

/** Counts the dark modules the SVG path draws: each `h<n>` run paints n modules. */
function paintedModules(svg: string): number {
  const path = /<path fill="#000" d="([^"]*)"/.exec(svg)?.[1] ?? '';
  return [...path.matchAll(/M\d+ \d+h(\d+)v1h-\d+z/g)].reduce((sum, run) => sum + Number(run[1]), 0);
}

/** Rasterises the SVG's runs (unit squares in a viewBox of `extent` modules) to RGBA, `scale` pixels per module. */
function rasterise(svg: string, scale = 6): { data: Uint8ClampedArray; width: number; height: number } {
  const extent = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const width = extent * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  const path = /<path fill="#000" d="([^"]*)"/.exec(svg)?.[1] ?? '';
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py += 1) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(run)) * scale; px += 1) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return { data, width, height: width };
}

describe('the dossier QR code', () => {
  it('decodes back to the dossier code when a reader scans it', () => {
    // given
    const code = '000.00.64.H10-230515-0011';
    // when
    const image = rasterise(renderDossierQrCode(code).value);
    const decoded = jsQR(image.data, image.width, image.height);
    // then
    expect(decoded?.data).toBe(code);
  });

  it('is an inline SVG that paints exactly the dark modules of the QR symbol of the dossier code', () => {
    // given
    const code = '000.00.64.H10-230515-0011';
    const symbol = QRCode.create(code, { errorCorrectionLevel: 'M' });
    const dark = Array.from(symbol.modules.data).filter(Boolean).length;
    // when
    const svg = renderDossierQrCode(code).value;
    // then
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${symbol.modules.size + 8} ${symbol.modules.size + 8}"`);
    expect(paintedModules(svg)).toBe(dark);
  });

  it('draws different symbols for different codes', () => {
    expect(renderDossierQrCode('ttpvhcc-250515-0001').value).not.toBe(renderDossierQrCode('ttpvhcc-250515-0002').value);
  });
});
