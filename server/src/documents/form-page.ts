/**
 * @module form-page — the printed A4 page shared by the forms of Circular 01/2018/TT-VPCP: the form number, the
 * issuing agency beside the national heading (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc),
 * the place and date line, the dossier code with its QR code, the title, and signature blocks. Page margins and
 * type follow Decree 30/2020/NĐ-CP (Appendix I: A4, Times New Roman 13–14 pt, left margin 30–35 mm).
 */
import { renderDossierQrCode } from './dossier-qr-code';
import { html, type SafeHtml } from './safe-html';
import { formatVietnameseDate } from './vietnamese-date-time';

/** Where a form comes from: the agency's superior body (line 1) and the agency itself (line 2), in capitals. */
export interface IssuingAgency {
  parentName?: string;
  name: string;
}

export interface FormPageOptions {
  /** "01" … "05": the form number of Circular 01/2018/TT-VPCP. */
  formNumber: string;
  title: string;
  agency: IssuingAgency;
  /** "Số: …/…" under the agency; left blank (for the clerk to fill) when absent. */
  documentNumber?: string;
  /** The place in the date line, e.g. "Demo" → "Demo, ngày 15 tháng 05 năm 2025". */
  place: string;
  issuedAt: number;
  dossierCode: string;
  body: SafeHtml;
}

/** The circular that sets forms 01–06 (issued 23/11/2018, guiding Decree 61/2018/NĐ-CP). */
const CIRCULAR = 'Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ';

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.4; color: #000; background: #fff; }
.page { max-width: 165mm; margin: 0 auto; padding: 8mm 0; }
@media print { .page { padding: 0; } }
.form-number { text-align: right; margin: 0 0 4mm; font-weight: bold; }
.form-number span { font-weight: normal; font-style: italic; font-size: 11pt; }
table { border-collapse: collapse; width: 100%; }
.heading td { vertical-align: top; text-align: center; padding: 0; }
.heading .agency { width: 42%; }
.heading .agency .parent { text-transform: uppercase; }
.heading .agency .name { text-transform: uppercase; font-weight: bold; }
.heading .nation-name { font-weight: bold; font-size: 12pt; }
.heading .motto { font-weight: bold; font-size: 13pt; }
.heading hr { width: 35%; margin: 1mm auto 2mm; border: 0; border-top: 1px solid #000; }
.heading .place-date { font-style: italic; text-align: right; }
.code { display: flex; align-items: center; gap: 4mm; margin: 4mm 0; }
.code .qr { flex: none; }
h1 { text-align: center; font-size: 14pt; margin: 4mm 0 5mm; text-transform: uppercase; }
p { margin: 1.5mm 0; text-align: justify; }
.grid { margin: 2mm 0 3mm; }
.grid th, .grid td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; }
.grid th { text-align: center; }
.grid td.number { text-align: center; width: 10mm; }
.signatures { margin-top: 8mm; page-break-inside: avoid; }
.signatures td { text-align: center; vertical-align: top; width: 50%; }
.signatures .role { font-weight: bold; text-transform: uppercase; }
.signatures .note { font-style: italic; }
.signatures .name { padding-top: 22mm; font-weight: bold; }
`;

/** One signature column: "NGƯỜI TIẾP NHẬN HỒ SƠ / (Ký và ghi rõ họ tên) / name". */
export interface Signature {
  role: string;
  note: string;
  name?: string;
}

/** Signature columns side by side; `undefined` leaves a column empty (a lone signer stands on the right). */
export function renderSignatures(signatures: (Signature | undefined)[]): SafeHtml {
  return html`<table class="signatures"><tr>${signatures.map((signature) =>
    signature
      ? html`<td><div class="role">${signature.role}</div><div class="note">(${signature.note})</div><div class="name">${signature.name ?? ''}</div></td>`
      : html`<td></td>`,
  )}</tr></table>`;
}

/** A whole printable HTML document: `<!doctype html>` … with the page CSS inline, no script and no external request. */
export function renderFormPage(options: FormPageOptions): string {
  const { agency } = options;
  const page = html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Mẫu số ${options.formNumber} – ${options.title} – ${options.dossierCode}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="page">
<p class="form-number">Mẫu số ${options.formNumber}<br><span>(Ban hành kèm theo ${CIRCULAR})</span></p>
<table class="heading"><tr>
<td class="agency">${agency.parentName ? html`<div class="parent">${agency.parentName}</div>` : ''}<div class="name">${agency.name}</div><hr>
<div>Số: ${options.documentNumber ?? '……/……'}</div></td>
<td class="nation"><div class="nation-name">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div><hr>
<div class="place-date">${options.place}, ${formatVietnameseDate(options.issuedAt)}</div></td>
</tr></table>
<h1>${options.title}</h1>
<div class="code">${renderDossierQrCode(options.dossierCode)}<div>Mã hồ sơ: <strong class="dossier-code">${options.dossierCode}</strong></div></div>
${options.body}
</main>
</body>
</html>
`;
  return page.value;
}
