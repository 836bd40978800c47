/**
 * @module dossier-qr-code — the dossier code as a QR code (ISO/IEC 18004) in inline SVG, so a printed slip can be
 * scanned at the counter or by the citizen's phone to look the dossier up. `qrcode` computes the module matrix; the
 * runs are shared with the PDF (form-pdf.ts); the SVG is one path of horizontal runs, so it needs no script and no image request (CSP-safe).
 */
import QRCode from 'qrcode';
import { escapeHtml, SafeHtml } from './safe-html';

/** The quiet zone around the symbol, in modules: ISO/IEC 18004 §6.3.8 asks for four. */
const QUIET_ZONE = 4;

/** The dark modules of a QR code as horizontal runs, quiet zone included: one source for the SVG and the PDF. */
export interface QrRuns {
  /** Width and height of the symbol with its quiet zone, in modules. */
  extent: number;
  runs: { row: number; column: number; length: number }[];
}

/** The QR code of `dossierCode` (error correction M, 15 %, survives smudges) as runs of dark modules. */
export function dossierQrRuns(dossierCode: string): QrRuns {
  const { modules } = QRCode.create(dossierCode, { errorCorrectionLevel: 'M' });
  const runs: QrRuns['runs'] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column += 1;
      runs.push({ row: row + QUIET_ZONE, column: start + QUIET_ZONE, length: column - start });
    }
  }
  return { extent: modules.size + 2 * QUIET_ZONE, runs };
}

/** An `<svg>` of the QR code of `dossierCode`, `sizeMm` wide when printed. */
export function renderDossierQrCode(dossierCode: string, sizeMm = 24): SafeHtml {
  const { extent, runs } = dossierQrRuns(dossierCode);
  const path = runs.map((run) => `M${run.column} ${run.row}h${run.length}v1h-${run.length}z`).join('');
  const label = escapeHtml(`Mã QR của hồ sơ ${dossierCode}`);
  return new SafeHtml(
    `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${extent} ${extent}" width="${sizeMm}mm" height="${sizeMm}mm" ` +
      `role="img" aria-label="${label}" shape-rendering="crispEdges"><rect width="${extent}" height="${extent}" fill="#fff"/>` +
      `<path fill="#000" d="${path}"/></svg>`,
  );
}
