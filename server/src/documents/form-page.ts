/**
 * @module form-page — the printed A4 HTML page shared by the forms of Circular 01/2018/TT-VPCP: the form number, the
 * issuing agency beside the national heading (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc),
 * the place and date line, the dossier code with its QR code, the title, and signature blocks. Page margins and
 * type follow Decree 30/2020/NĐ-CP (Appendix I: A4, Times New Roman 13–14 pt, left margin 30–35 mm).
 */
import { renderDossierQrCode } from './dossier-qr-code';
import type { Block, FormContent, Run, Signature } from './form-content';
import { html, type SafeHtml } from './safe-html';
import { formatVietnameseDate } from './vietnamese-date-time';

/** The circular that sets forms 01–06 (issued 23/11/2018, guiding Decree 61/2018/NĐ-CP). */
export const CIRCULAR = 'Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ';

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

function renderRuns(runs: Run[]): SafeHtml {
  return html`${runs.map((run) => {
    if (typeof run === 'string') return run;
    if (!('text' in run)) return html`<br>`;
    if (run.strong) return run.className ? html`<strong class="${run.className}">${run.text}</strong>` : html`<strong>${run.text}</strong>`;
    return run.className ? html`<span class="${run.className}">${run.text}</span>` : run.text;
  })}`;
}

function classOf(className: string | undefined): SafeHtml | string {
  return className ? html` class="${className}"` : '';
}

/** Signature columns side by side; an empty column keeps a lone signer on the right. */
function renderSignatures(signatures: (Signature | undefined)[]): SafeHtml {
  return html`<table class="signatures"><tr>${signatures.map((signature) =>
    signature
      ? html`<td><div class="role">${signature.role}</div><div class="note">(${signature.note})</div><div class="name">${signature.name ?? ''}</div></td>`
      : html`<td></td>`,
  )}</tr></table>`;
}

function renderBlock(block: Block): SafeHtml {
  switch (block.kind) {
    case 'paragraph':
      return html`<p${classOf(block.className)}>${renderRuns(block.runs)}</p>`;
    case 'list':
      return html`<ol${classOf(block.className)}>${block.items.map((item) => html`<li>${renderRuns(item)}</li>`)}</ol>`;
    case 'table':
      return html`<table class="grid${block.className ? ` ${block.className}` : ''}">
<thead><tr>${block.head.map((heading) => html`<th>${heading}</th>`)}</tr></thead>
<tbody>${block.rows.map(
        (row) => html`<tr${classOf(row.className)}>${row.cells.map((cell) => html`<td${classOf(cell.className)}>${renderRuns(cell.runs)}</td>`)}</tr>
`,
      )}</tbody>
</table>`;
    case 'signatures':
      return renderSignatures(block.signatures);
  }
}

/** A whole printable HTML document: `<!doctype html>` … with the page CSS inline, no script and no external request. */
export function renderFormPage(content: FormContent): string {
  const { agency } = content;
  const page = html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Mẫu số ${content.formNumber} – ${content.title}${content.dossierCode ? ` – ${content.dossierCode}` : ''}</title>
<style>${content.landscape ? STYLE.replace('size: A4;', 'size: A4 landscape;').replace('max-width: 165mm', 'max-width: 252mm') : STYLE}</style>
</head>
<body>
<main class="page">
<p class="form-number">Mẫu số ${content.formNumber}<br><span>(Ban hành kèm theo ${CIRCULAR})</span></p>
<table class="heading"><tr>
<td class="agency">${agency.parentName ? html`<div class="parent">${agency.parentName}</div>` : ''}<div class="name">${agency.name}</div><hr>
<div>Số: ${content.documentNumber ?? '……/……'}</div></td>
<td class="nation"><div class="nation-name">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div><hr>
<div class="place-date">${content.place}, ${formatVietnameseDate(content.issuedAt)}</div></td>
</tr></table>
<h1>${content.title}</h1>
${content.dossierCode ? html`<div class="code">${renderDossierQrCode(content.dossierCode)}<div>Mã hồ sơ: <strong class="dossier-code">${content.dossierCode}</strong></div></div>` : ''}
${content.blocks.map((block) => html`${renderBlock(block)}
`)}
</main>
</body>
</html>
`;
  return page.value;
}
