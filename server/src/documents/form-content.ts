/**
 * @module form-content — the content of a form of Circular 01/2018/TT-VPCP as plain data: heading, title and blocks
 * of text. Each form builds its content once (receipt-slip.ts …); form-page.ts prints it as HTML and form-pdf.ts as a
 * PDF, so the wording of a form lives in one place and both outputs say the same thing.
 */

/** A piece of text; `strong` prints it in bold, `className` marks it for the HTML view (and tests). */
export interface MarkedText {
  text: string;
  strong?: boolean;
  className?: string;
}

/** A line break inside a paragraph or a table cell. */
export const LINE_BREAK = { lineBreak: true } as const;

export type Run = string | MarkedText | typeof LINE_BREAK;

export interface TableCell {
  runs: Run[];
  className?: string;
}

/** One signature column: "NGƯỜI TIẾP NHẬN HỒ SƠ / (Ký và ghi rõ họ tên) / name". */
export interface Signature {
  role: string;
  note: string;
  name?: string;
}

export type Block =
  | { kind: 'paragraph'; runs: Run[]; className?: string }
  | { kind: 'list'; className?: string; items: Run[][] }
  | { kind: 'table'; className?: string; head: string[]; rows: { className?: string; cells: TableCell[] }[]; columnWidths?: number[] }
  /** Signature columns side by side; `undefined` leaves a column empty (a lone signer stands on the right). */
  | { kind: 'signatures'; signatures: (Signature | undefined)[] };

/** Where a form comes from: the agency's superior body (line 1) and the agency itself (line 2), in capitals. */
export interface IssuingAgency {
  parentName?: string;
  name: string;
}

export interface FormContent {
  /** "01" … "06": the form number of Circular 01/2018/TT-VPCP. */
  formNumber: string;
  title: string;
  agency: IssuingAgency;
  /** "Số: …/…" under the agency; left blank (for the clerk to fill) when absent. */
  documentNumber?: string;
  /** The place in the date line, e.g. "Demo" → "Demo, ngày 15 tháng 05 năm 2025". */
  place: string;
  issuedAt: number;
  /** The dossier the form is about, printed with its QR code; absent for the tracking book (form 06). */
  dossierCode?: string;
  /** Landscape pages for wide registers (form 06). */
  landscape?: boolean;
  blocks: Block[];
}

/** A paragraph of runs. */
export function paragraph(...runs: Run[]): Block {
  return { kind: 'paragraph', runs };
}

/** The plain text of runs, line breaks as "\n" (what a PDF prints and a text layer holds). */
export function plainTextOf(runs: Run[]): string {
  return runs.map((run) => (typeof run === 'string' ? run : 'text' in run ? run.text : '\n')).join('');
}
