/**
 * @module receive-portal-dossier — a dossier submitted on the National Public Service Portal becomes ours: the
 * procedure found by its national code, the receiving agency checked, the e-form validated against the pinned
 * version, and the dossier submitted online (Decree 45/2020/NĐ-CP: status 1 "Mới đăng ký", channel 2) with the
 * portal's code kept on it, through the same use case as a citizen's own online submission (receive-dossier.ts).
 *
 * The portal's code is the command's key: the dossier id derives from it (command-key.ts `idForRequest`), so a
 * re-send — the portal did not get our answer — finds the dossier instead of making a second one, and two re-sends
 * racing end on the one the database let in (the id is its primary key). A different submission under a code already
 * received is refused, not merged.
 */
import { createHash } from 'node:crypto';
import type { AgencyStore } from '../access/agency-store';
import { idForRequest, runWithRequestKey } from '../command-key';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { submitDossier, type NewDossierCommand } from '../dossiers/receive-dossier';
import { Refusal } from '../../../engine/src/index';
import { DuplicateKey, type DossierRecord } from '../stores';
import { ACKNOWLEDGEMENT_CODES, PORTAL_COPY_TYPES, PORTAL_RESULT_DELIVERY, type PortalSubmission } from './national-portal-mapping';
import { portalProblem, type PortalFieldError } from './portal-problem';
import { parsePortalTime } from './portal-time';

export interface PortalIntakeDeps extends DossierDeps {
  agencies: Pick<AgencyStore, 'get'>;
}

export interface PortalIntake {
  dossier: DossierRecord;
  /** False for a re-send of a dossier already received. */
  created: boolean;
}

/** JSON with its object keys sorted: the same submission hashes the same whatever order the portal wrote it in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function invalid(errors: PortalFieldError[], detail: string, errorCode: number = ACKNOWLEDGEMENT_CODES.invalidFields) {
  return portalProblem({
    status: errorCode === ACKNOWLEDGEMENT_CODES.invalidFields ? 400 : 422,
    code: errorCode === ACKNOWLEDGEMENT_CODES.invalidFields ? 'PORTAL_SUBMISSION_INVALID' : 'PORTAL_SUBMISSION_UNPROCESSABLE',
    title: 'The national portal dossier cannot be received',
    detail,
    errorCode,
    message: `Hồ sơ không hợp lệ: ${errors.map((error) => error.field).join(', ')}`,
    errors,
  });
}

/** Our submission command for the portal's dossier: procedure by national code, agency, applicant, documents. */
async function toCommand(deps: PortalIntakeDeps, submission: PortalSubmission, submissionSha256: string): Promise<NewDossierCommand> {
  const latest = await deps.stores.procedures.listLatest();
  const summary = latest.find((procedure) => procedure.procedureCode === submission.MaTTHC);
  const procedure = summary && (await deps.stores.procedures.get(summary.key, summary.version));
  if (!procedure) throw invalid([{ field: 'MaTTHC', message: 'Không có thủ tục hành chính với mã này' }], `No deployed procedure has the national code ${submission.MaTTHC}.`, ACKNOWLEDGEMENT_CODES.unknownProcedure);
  const agencyId = submission.MaDonViTiepNhan ?? procedure.definition.procedure?.leadAgencyId;
  if (!agencyId || !(await deps.agencies.get(agencyId))) {
    throw invalid([{ field: 'MaDonViTiepNhan', message: 'Không có cơ quan tiếp nhận với mã này' }], `No receiving agency ${agencyId ?? '(none named, and the procedure names no lead agency)'}.`, ACKNOWLEDGEMENT_CODES.unknownProcedure);
  }
  const submittedAt = submission.NgayNopHoSo === undefined ? undefined : parsePortalTime(submission.NgayNopHoSo);
  if (submission.NgayNopHoSo !== undefined && submittedAt === undefined) throw invalid([{ field: 'NgayNopHoSo', message: 'Thời điểm không hợp lệ (yyyyMMddHHmmss)' }], 'NgayNopHoSo is not a time.');
  const { ChuHoSo: name, SoGiayToChuHoSo: idNumber, SoDienThoai: phone, Email: email, DiaChi: address } = submission;
  return {
    procedureKey: procedure.key,
    procedureVersion: procedure.version,
    agencyId,
    applicant: { name, idNumber, ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(address ? { address } : {}) },
    form: submission.DuLieuBieuMau,
    documents: (submission.TaiLieuNop ?? []).map((document) => ({
      name: document.TenTaiLieu,
      copyType: PORTAL_COPY_TYPES[document.LoaiBan],
      quantity: document.SoLuong,
      ...(document.MaThanhPhanHoSo ? { componentId: document.MaThanhPhanHoSo } : {}),
    })),
    ...(submission.HinhThucNhanKetQua ? { resultDelivery: PORTAL_RESULT_DELIVERY[submission.HinhThucNhanKetQua] } : {}),
    nationalPortal: { dossierCode: submission.MaHoSo, submissionSha256, ...(submittedAt === undefined ? {} : { submittedAt }) },
  };
}

/**
 * The e-form's refusal (validate-form.ts, form-data-limits.ts) in the portal's terms: each field at fault under
 * DuLieuBieuMau, with the Vietnamese message the citizen's own form shows.
 */
function toPortalRefusal(error: unknown): unknown {
  if (!(error instanceof Refusal)) return error;
  if (error.code === 'FORM_INVALID') {
    const errors = (error.extensions.errors ?? []) as { pointer: string; message: string }[];
    return invalid(errors.map((found) => ({ field: `DuLieuBieuMau${found.pointer === '/' ? '' : found.pointer}`, message: found.message })), error.detail ?? error.title);
  }
  if (error.code === 'FORM_DATA_REFUSED' || error.code === 'FORM_TOO_LARGE') {
    return invalid([{ field: 'DuLieuBieuMau', message: error.code === 'FORM_TOO_LARGE' ? 'Dữ liệu biểu mẫu quá lớn' : 'Dữ liệu biểu mẫu có khóa hoặc độ sâu không cho phép' }], error.detail ?? error.title);
  }
  // A procedure the province retired takes no new dossier from the portal either: answered as an unknown procedure.
  if (error.code === 'PROCEDURE_RETIRED') {
    return invalid([{ field: 'MaTTHC', message: 'Thủ tục hành chính đã ngừng áp dụng' }], error.detail ?? error.title, ACKNOWLEDGEMENT_CODES.unknownProcedure);
  }
  return error;
}

function sameSubmission(dossier: DossierRecord, submissionSha256: string): PortalIntake {
  if (dossier.nationalPortal?.submissionSha256 === submissionSha256) return { dossier, created: false };
  throw portalProblem({
    status: 409,
    code: 'PORTAL_CODE_TAKEN',
    title: 'Another dossier was received under this portal code',
    detail: `The portal's dossier ${dossier.nationalPortal?.dossierCode ?? ''} was received as ${dossier.dossierCode} with other content; a changed dossier is not merged.`,
    errorCode: ACKNOWLEDGEMENT_CODES.conflictingResend,
    message: `Mã hồ sơ đã được tiếp nhận với nội dung khác (mã hồ sơ ${dossier.dossierCode})`,
    errors: [{ field: 'MaHoSo', message: 'Đã tiếp nhận một hồ sơ khác với mã này' }],
  });
}

/**
 * Receives the portal's dossier, or finds it when it was received before.
 *
 * @example
 * const { dossier, created } = await receivePortalDossier(deps, submission, 'dvcqg-2025');
 * // created: 201 with dossier.dossierCode; a re-send: 200 with the same code
 */
export async function receivePortalDossier(deps: PortalIntakeDeps, submission: PortalSubmission, credentialId: string): Promise<PortalIntake> {
  const submissionSha256 = createHash('sha256').update(canonicalJson(submission)).digest('hex');
  return runWithRequestKey({ key: `national-portal:${submission.MaHoSo}`, requestHash: '' }, async () => {
    const id = idForRequest('dossier')!;
    const existing = await deps.stores.dossiers.get(id);
    if (existing) return sameSubmission(existing, submissionSha256);
    const command = await toCommand(deps, submission, submissionSha256);
    try {
      const dossier = await submitDossier(deps, command, { id: `national-portal:${credentialId}`, name: 'Cổng Dịch vụ công quốc gia' });
      return { dossier, created: true };
    } catch (error) {
      if (error instanceof Refusal) throw toPortalRefusal(error);
      // A re-send raced this one and was saved first: the same dossier (or a conflicting one) now holds the id.
      const raced = error instanceof DuplicateKey ? await deps.stores.dossiers.get(id) : undefined;
      if (!raced) throw error;
      return sameSubmission(raced, submissionSha256);
    }
  });
}
