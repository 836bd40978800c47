import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { renderDossierQrCode } from '../../../server/src/documents/dossier-qr-code';

/** Counts the dark modules the SVG path draws: each `h<n>` run paints n modules. */
function paintedModules(svg: string): number {
  const path = /<path fill="#000" d="([^"]*)"/.exec(svg)?.[1] ?? '';
  return [...path.matchAll(/M\d+ \d+h(\d+)v1h-\d+z/g)].reduce((sum, run) => sum + Number(run[1]), 0);
}

describe('the dossier QR code', () => {
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
