/**
 * @module result-document — the procedure's result (kết quả giải quyết thủ tục hành chính) as form content, drawn from
 * the procedure's declaration (`ProcedureMetadata.result`: title, template, signer's title) filled with the dossier's
 * data and e-form. It prints through form-pdf.ts as PDF/A-2b with the QR code and the content's SHA-256, and is then
 * signed by the official (Decree 45/2020/NĐ-CP: a signed electronic result has the paper one's legal value). A
 * procedure that declares nothing gets the default notice below.
 */
import { fillResultTemplate, type ResultDocumentDeclaration } from '../../../engine/src/index';
import type { Block, FormContent, IssuingAgency } from './form-content';
import { formatVietnameseDate } from './vietnamese-date-time';

export const DEFAULT_RESULT_TITLE = 'Thông báo kết quả giải quyết thủ tục hành chính';
export const DEFAULT_RESULT_SIGNER = 'Thủ trưởng cơ quan';
/** What a procedure without a declaration issues: the dossier is settled, and this signed notice is its result. */
export const DEFAULT_RESULT_TEMPLATE = [
  'Căn cứ hồ sơ số {{dossierCode}} của {{applicant.name}}, tiếp nhận {{receivedAt}};',
  '{{agency.name}} thông báo: hồ sơ đề nghị giải quyết thủ tục hành chính "{{procedure.name}}" (mã {{procedure.code}}) đã được giải quyết xong.',
  'Văn bản này là kết quả giải quyết thủ tục hành chính dưới dạng điện tử, được ký số, có giá trị pháp lý như văn bản giấy (Nghị định 45/2020/NĐ-CP).',
].join('\n\n');

export interface ResultDocumentInput {
  declaration?: ResultDocumentDeclaration;
  agency: IssuingAgency;
  place: string;
  issuedAt: number;
  dossierCode: string;
  procedure: { name: string; code: string; legalBasis?: string };
  applicant: { name: string; idNumber: string; address?: string };
  receivedAt?: number;
  form: Record<string, unknown>;
  /** Who signs, printed under the signer's title. */
  signerName?: string;
}

/** Each line of the filled template is a paragraph (blank lines only separate them, as analysts type them). */
function blocksOf(text: string): Block[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ kind: 'paragraph', className: 'result-text', runs: [line] }));
}

/** The result's content: the declared (or default) template filled from the dossier, then the signature column. */
export function toResultDocumentContent(input: ResultDocumentInput): FormContent {
  const declaration = input.declaration ?? {};
  const values: Record<string, string | undefined> = {
    dossierCode: input.dossierCode,
    'applicant.name': input.applicant.name,
    'applicant.address': input.applicant.address,
    'applicant.idNumber': input.applicant.idNumber,
    'procedure.name': input.procedure.name,
    'procedure.code': input.procedure.code,
    'procedure.legalBasis': input.procedure.legalBasis,
    'agency.name': input.agency.name,
    receivedAt: input.receivedAt === undefined ? undefined : formatVietnameseDate(input.receivedAt),
    issuedAt: formatVietnameseDate(input.issuedAt),
  };
  const text = fillResultTemplate(declaration.template ?? DEFAULT_RESULT_TEMPLATE, values, input.form);
  return {
    formNumber: '',
    title: declaration.title ?? DEFAULT_RESULT_TITLE,
    agency: input.agency,
    place: input.place,
    issuedAt: input.issuedAt,
    dossierCode: input.dossierCode,
    blocks: [
      ...blocksOf(text),
      {
        kind: 'signatures',
        signatures: [undefined, { role: declaration.signer ?? DEFAULT_RESULT_SIGNER, note: 'Ký số', ...(input.signerName ? { name: input.signerName } : {}) }],
      },
    ],
  };
}
