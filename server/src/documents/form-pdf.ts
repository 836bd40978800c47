/**
 * @module form-pdf — prints a form's content (form-content.ts) as a PDF/A-2b file: Noto Sans embedded (subset) so
 * every Vietnamese tone mark shows on any reader, XMP metadata and the sRGB output intent that PDF/A asks for
 * (ISO 19005-2 §6.2.4, §6.6), the dossier code as a QR code, and the SHA-256 digest of the form's content printed in
 * the footer so a paper copy can be checked against the record. Layout mirrors form-page.ts (A4, margins of Decree
 * 30/2020/NĐ-CP Appendix I); pdfkit lays the text out, no browser is involved.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { dossierQrRuns } from './dossier-qr-code';
import { plainTextOf, type Block, type FormContent, type Run, type Signature } from './form-content';
import { CIRCULAR } from './form-page';
import { NOTO_SANS } from './noto-sans-fonts';
import { formatVietnameseDate } from './vietnamese-date-time';

/** Points per millimetre (1 pt = 1/72 in). */
const MM = 72 / 25.4;
const BODY_SIZE = 11.5;
const SMALL_SIZE = 9.5;
/**
 * Shaping without `ccmp`: Noto Sans has every Vietnamese letter precomposed, and with `ccmp` fontkit splits some
 * (ị → ı + dot) into glyphs that pdfkit's ToUnicode map then gives the wrong letter, so the text layer read "Phuc vu"
 * for "Phục vụ". Without it the glyphs and the text layer both stay right.
 */
const SHAPING = { features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] };

/** The SHA-256 digest (hex) of a form's content: the same content always gives the same digest, whatever the output. */
export function formContentDigest(content: FormContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

type Doc = PDFKit.PDFDocument;

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawRuns(doc: Doc, runs: Run[], options: { x: number; width: number; size: number }): void {
  const parts = runs.length > 0 ? runs : [''];
  doc.x = options.x;
  parts.forEach((run, index) => {
    const text = typeof run === 'string' ? run : 'text' in run ? run.text : '\n';
    const strong = typeof run === 'object' && 'text' in run && run.strong === true;
    doc
      .font(strong ? 'bold' : 'regular')
      .fontSize(options.size)
      .text(text, { ...SHAPING, width: options.width, continued: index < parts.length - 1, lineGap: 1.5 });
  });
}

function drawHeading(doc: Doc, content: FormContent): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  // A result document (result-document.ts) is the agency's own, not a form of the Circular: no form number line.
  if (content.formNumber !== '') {
    doc.font('bold').fontSize(BODY_SIZE).text(`Mẫu số ${content.formNumber}`, left, doc.y, { ...SHAPING, width, align: 'right' });
    doc.font('italic').fontSize(SMALL_SIZE).text(`(Ban hành kèm theo ${CIRCULAR})`, { ...SHAPING, width, align: 'right' });
    doc.moveDown(0.8);
  }
  const top = doc.y;
  const agencyWidth = width * 0.42;
  const nationX = left + agencyWidth;
  const nationWidth = width - agencyWidth;
  const rule = (x: number, columnWidth: number) => {
    const y = doc.y + 1;
    doc.moveTo(x + columnWidth * 0.32, y).lineTo(x + columnWidth * 0.68, y).lineWidth(0.6).stroke();
    doc.y = y + 4;
  };
  if (content.agency.parentName) doc.font('regular').fontSize(SMALL_SIZE + 1).text(content.agency.parentName.toUpperCase(), left, top, { ...SHAPING, width: agencyWidth, align: 'center' });
  doc.font('bold').fontSize(SMALL_SIZE + 1).text(content.agency.name.toUpperCase(), left, content.agency.parentName ? doc.y : top, { ...SHAPING, width: agencyWidth, align: 'center' });
  rule(left, agencyWidth);
  doc.font('regular').fontSize(SMALL_SIZE + 1).text(`Số: ${content.documentNumber ?? '……/……'}`, left, doc.y, { ...SHAPING, width: agencyWidth, align: 'center' });
  const agencyBottom = doc.y;
  doc.font('bold').fontSize(SMALL_SIZE + 1).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', nationX, top, { ...SHAPING, width: nationWidth, align: 'center' });
  doc.font('bold').fontSize(BODY_SIZE).text('Độc lập - Tự do - Hạnh phúc', nationX, doc.y, { ...SHAPING, width: nationWidth, align: 'center' });
  rule(nationX, nationWidth);
  doc.font('italic').fontSize(BODY_SIZE).text(`${content.place}, ${formatVietnameseDate(content.issuedAt)}`, nationX, doc.y, { ...SHAPING, width: nationWidth, align: 'right' });
  doc.y = Math.max(agencyBottom, doc.y) + 6 * MM;
  doc.font('bold').fontSize(13).text(content.title.toUpperCase(), left, doc.y, { ...SHAPING, width, align: 'center' });
  doc.moveDown(0.6);
}

function drawDossierCode(doc: Doc, dossierCode: string): void {
  const left = doc.page.margins.left;
  const size = 24 * MM;
  ensureRoom(doc, size);
  const { extent, runs } = dossierQrRuns(dossierCode);
  const module = size / extent;
  const top = doc.y;
  for (const run of runs) doc.rect(left + run.column * module, top + run.row * module, run.length * module, module);
  doc.fill('#000');
  doc.font('regular').fontSize(BODY_SIZE).text('Mã hồ sơ: ', left + size + 4 * MM, top + size / 2 - 7, { ...SHAPING, continued: true });
  doc.font('bold').text(dossierCode, SHAPING);
  doc.x = left;
  doc.y = top + size + 2 * MM;
}

function drawTable(doc: Doc, block: Extract<Block, { kind: 'table' }>): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const weights = block.columnWidths ?? block.head.map(() => 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => (width * weight) / total);
  const padding = 1.5 * MM;
  const drawRow = (cells: string[], font: 'regular' | 'bold', centred: boolean[]) => {
    doc.font(font).fontSize(SMALL_SIZE + 0.5);
    const height = Math.max(...cells.map((text, index) => doc.heightOfString(text || ' ', { ...SHAPING, width: widths[index]! - 2 * padding }))) + 2 * padding;
    ensureRoom(doc, height);
    const top = doc.y;
    let x = left;
    cells.forEach((text, index) => {
      doc.rect(x, top, widths[index]!, height).lineWidth(0.6).stroke();
      doc.font(font).text(text, x + padding, top + padding, { ...SHAPING, width: widths[index]! - 2 * padding, align: centred[index] ? 'center' : 'left' });
      x += widths[index]!;
    });
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(block.head, 'bold', block.head.map(() => true));
  for (const row of block.rows) {
    drawRow(
      row.cells.map((cell) => plainTextOf(cell.runs)),
      'regular',
      row.cells.map((cell) => cell.className === 'number'),
    );
  }
  doc.moveDown(0.5);
}

function drawSignatures(doc: Doc, signatures: (Signature | undefined)[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const columnWidth = width / signatures.length;
  ensureRoom(doc, 40 * MM);
  doc.moveDown(1);
  const top = doc.y;
  let bottom = top;
  signatures.forEach((signature, index) => {
    if (!signature) return;
    const x = left + index * columnWidth;
    doc.font('bold').fontSize(BODY_SIZE).text(signature.role.toUpperCase(), x, top, { ...SHAPING, width: columnWidth, align: 'center' });
    doc.font('italic').fontSize(SMALL_SIZE + 1).text(`(${signature.note})`, x, doc.y, { ...SHAPING, width: columnWidth, align: 'center' });
    doc.font('bold').fontSize(BODY_SIZE).text(signature.name ?? '', x, doc.y + 20 * MM, { ...SHAPING, width: columnWidth, align: 'center' });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = left;
  doc.y = bottom + 4 * MM;
}

function drawBlock(doc: Doc, block: Block): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  switch (block.kind) {
    case 'paragraph':
      drawRuns(doc, block.runs, { x: left, width, size: BODY_SIZE });
      doc.moveDown(0.3);
      return;
    case 'list':
      block.items.forEach((item, index) => {
        drawRuns(doc, [`${index + 1}. `, ...item], { x: left + 6 * MM, width: width - 6 * MM, size: BODY_SIZE });
        doc.moveDown(0.2);
      });
      doc.x = left;
      return;
    case 'table':
      drawTable(doc, block);
      return;
    case 'signatures':
      drawSignatures(doc, block.signatures);
      return;
  }
}

/** A form as a PDF/A-2b file, with the content's SHA-256 digest printed at the end and kept in the metadata. */
export function toFormPdf(content: FormContent): Promise<Buffer> {
  const digest = formContentDigest(content);
  const doc = new PDFDocument({
    size: 'A4',
    layout: content.landscape ? 'landscape' : 'portrait',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: 'vi-VN',
    displayTitle: true,
    font: NOTO_SANS.regular,
    info: {
      Title: `${content.formNumber ? `Mẫu số ${content.formNumber} – ` : ''}${content.title}${content.dossierCode ? ` – ${content.dossierCode}` : ''}`,
      Author: content.agency.name,
      Subject: `${content.formNumber ? `${CIRCULAR}; ` : ''}SHA-256 nội dung: ${digest}`,
      Keywords: [content.dossierCode, `sha256:${digest}`].filter(Boolean).join(', '),
      CreationDate: new Date(content.issuedAt),
      ModDate: new Date(content.issuedAt),
    },
  });
  // The document's identity in the XMP packet (ISO 16684-1 xmpMM, a schema PDF/A-2 predefines): its content's digest.
  (doc as unknown as { appendXML(xml: string): void }).appendXML(
    `        <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">\n            <xmpMM:DocumentID>urn:sha256:${digest}</xmpMM:DocumentID>\n        </rdf:Description>`,
  );
  doc.registerFont('regular', NOTO_SANS.regular);
  doc.registerFont('bold', NOTO_SANS.bold);
  doc.registerFont('italic', NOTO_SANS.italic);
  doc.registerFont('boldItalic', NOTO_SANS.boldItalic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  drawHeading(doc, content);
  if (content.dossierCode) drawDossierCode(doc, content.dossierCode);
  for (const block of content.blocks) drawBlock(doc, block);
  ensureRoom(doc, 12 * MM);
  doc.moveDown(1);
  doc.font('regular').fontSize(8).fillColor('#333').text(`Mã kiểm tra nội dung (SHA-256): ${digest}`, doc.page.margins.left, doc.y, {
    ...SHAPING,
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
  });
  doc.end();
  return done;
}
