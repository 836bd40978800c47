/**
 * @module national-portal-mapping — every field Liên thông exchanges with the National Public Service Portal (Cổng
 * Dịch vụ công quốc gia), both ways, in one table with where each value comes from or goes to: the dossiers the portal
 * sends us (`submission`, with its documents), our answer (`acknowledgement`), the status and progress sync we send
 * (`sync`, with its attachments, fees and progress lines), the portal's answer to it (`syncReply`), and the headers
 * and formats both sides rely on (`convention`). The inbound schema and the outbound payload are built from these rows.
 *
 * A row is `confirmedBy` a text only where a published text names it: DOMAIN.md's national contract (a progress record
 * carries NgayBatDau and NgayKetThucTheoQuyDinh). Every other name, value set and format is OUR ASSUMPTION, not
 * confirmed by a published specification of the portal: check each with the portal operator before going live.
 * docs/national-portal.md lists the same rows; a test keeps the two equal and has a case per row.
 */
import { z } from '@hono/zod-openapi';
import type { DossierComponentPayload, DossierFeesPayload, DossierProgressRecordedPayload, DossierStatusChangedPayload, DossierSyncPayload } from '../outbox/outbox-payloads';
import { toPortalTime } from './portal-time';

export type PortalFieldGroup = 'submission' | 'submission.document' | 'acknowledgement' | 'sync' | 'sync.attachment' | 'sync.fee' | 'sync.progress' | 'syncReply' | 'convention';

/** One row of the mapping: a portal field, and our side of it. */
export interface PortalField {
  group: PortalFieldGroup;
  /** The portal's name of the field (or of the header, or the format). */
  field: string;
  /** Where its value comes from (outbound) or goes to (inbound), in our words. */
  source: string;
  /** The published text that names it; absent: an assumption to check with the portal operator. */
  confirmedBy?: string;
}

// ---- inbound: a dossier submitted on the portal --------------------------------------------------------------------

const text = (max: number) => z.string().trim().min(1).max(max);
const CODE = /^[A-Za-z0-9._/-]{1,60}$/;

/** Our copy types by the portal's code (assumption): 1 original, 2 certified copy, 3 copy, 4 electronic. */
export const PORTAL_COPY_TYPES = { '1': 'original', '2': 'certifiedCopy', '3': 'copy', '4': 'electronic' } as const;
/** Where the result goes by the portal's code (assumption): 1 at the counter, 2 by public post, 3 online. */
export const PORTAL_RESULT_DELIVERY = { '1': 'counter', '2': 'post', '3': 'online' } as const;

interface SubmissionRow extends PortalField {
  schema: z.ZodType;
}

export const SUBMISSION_DOCUMENT_FIELDS: readonly SubmissionRow[] = [
  { group: 'submission.document', field: 'TenTaiLieu', source: 'documents[].name (form 01 "documents received")', schema: text(300) },
  { group: 'submission.document', field: 'LoaiBan', source: 'documents[].copyType: 1 original, 2 certified copy, 3 copy, 4 electronic', schema: z.enum(['1', '2', '3', '4']) },
  { group: 'submission.document', field: 'SoLuong', source: 'documents[].quantity', schema: z.number().int().min(1).max(100) },
  { group: 'submission.document', field: 'MaThanhPhanHoSo', source: "documents[].componentId: the procedure's required component", schema: z.string().regex(CODE).optional() },
];

export const SubmissionDocumentSchema = z.object(Object.fromEntries(SUBMISSION_DOCUMENT_FIELDS.map((row) => [row.field, row.schema]))).strict();

export const SUBMISSION_FIELDS: readonly SubmissionRow[] = [
  { group: 'submission', field: 'MaHoSo', source: "the portal's dossier code: dossier.nationalPortal.dossierCode; a re-send under it is the same dossier", schema: z.string().regex(CODE) },
  { group: 'submission', field: 'MaTTHC', source: 'the procedure: the latest deployed version whose national procedure code (lt:procedureCode) it is', schema: z.string().regex(CODE) },
  { group: 'submission', field: 'MaDonViTiepNhan', source: "dossier.agencyId (a known agency); absent: the procedure's lead agency", schema: z.string().regex(CODE).optional() },
  { group: 'submission', field: 'ChuHoSo', source: 'applicant.name', schema: text(200) },
  { group: 'submission', field: 'SoGiayToChuHoSo', source: 'applicant.idNumber', schema: z.string().regex(/^[0-9A-Za-z]{6,20}$/) },
  { group: 'submission', field: 'SoDienThoai', source: 'applicant.phone', schema: z.string().regex(/^[0-9+ ]{6,20}$/).optional() },
  { group: 'submission', field: 'Email', source: 'applicant.email', schema: z.string().email().max(200).optional() },
  { group: 'submission', field: 'DiaChi', source: 'applicant.address', schema: text(500).optional() },
  { group: 'submission', field: 'NgayNopHoSo', source: 'dossier.nationalPortal.submittedAt (when the citizen submitted on the portal)', schema: z.string().regex(/^\d{14}$/).optional() },
  { group: 'submission', field: 'DuLieuBieuMau', source: "dossier.form, checked against the procedure's e-form schema (lt:formSchema) and the form limits", schema: z.record(z.string(), z.unknown()) },
  { group: 'submission', field: 'TaiLieuNop', source: 'dossier documents (form 01), one per row of submission.document', schema: z.array(SubmissionDocumentSchema).max(100).optional() },
  { group: 'submission', field: 'HinhThucNhanKetQua', source: 'resultDelivery: 1 at the counter, 2 by public post, 3 online', schema: z.enum(['1', '2', '3']).optional() },
];

/** The body the portal posts to `POST /api/national-portal/dossiers`: exactly the submission rows, nothing else. */
export const PortalSubmissionSchema = z.object(Object.fromEntries(SUBMISSION_FIELDS.map((row) => [row.field, row.schema]))).strict().openapi('NationalPortalSubmission');

export interface PortalSubmission {
  MaHoSo: string;
  MaTTHC: string;
  MaDonViTiepNhan?: string;
  ChuHoSo: string;
  SoGiayToChuHoSo: string;
  SoDienThoai?: string;
  Email?: string;
  DiaChi?: string;
  NgayNopHoSo?: string;
  DuLieuBieuMau: Record<string, unknown>;
  TaiLieuNop?: { TenTaiLieu: string; LoaiBan: keyof typeof PORTAL_COPY_TYPES; SoLuong: number; MaThanhPhanHoSo?: string }[];
  HinhThucNhanKetQua?: keyof typeof PORTAL_RESULT_DELIVERY;
}

// ---- our answer to a submission ------------------------------------------------------------------------------------

/** Our error codes to the portal (0: received); the HTTP status says the same in RFC 9457 terms. */
export const ACKNOWLEDGEMENT_CODES = {
  received: 0,
  invalidFields: 1,
  unknownProcedure: 2,
  conflictingResend: 3,
  unauthenticated: 4,
  tooLarge: 5,
  tooMany: 6,
} as const;

export const ACKNOWLEDGEMENT_FIELDS: readonly PortalField[] = [
  { group: 'acknowledgement', field: 'error_code', source: '0 received; 1 fields invalid, 2 unknown procedure or agency, 3 another dossier under a code already received, 4 signature refused, 5 body too large, 6 too many requests' },
  { group: 'acknowledgement', field: 'message', source: 'what happened, in Vietnamese' },
  { group: 'acknowledgement', field: 'MaHoSo', source: 'our dossier code (dossier.dossierCode), to quote in every later message' },
  { group: 'acknowledgement', field: 'MaHoSoDVCQG', source: "the portal's own code, echoed" },
  { group: 'acknowledgement', field: 'TrangThaiHoSo', source: 'national status code of the dossier now: 1 (submitted online) for a new one', confirmedBy: 'DOMAIN.md "Dossier statuses: the national contract" (the codes)' },
  { group: 'acknowledgement', field: 'errors', source: 'on refusal: each field at fault, { field: portal name or DuLieuBieuMau/<JSON pointer>, message in Vietnamese }' },
];

// ---- outbound: the status and progress sync ------------------------------------------------------------------------

/** What one sync message is made of: our outbox entry id, the dossier's sync fields, and what changed. */
export type PortalChange =
  | { entryId: string; kind: 'dossier.status_changed'; dossier: DossierSyncPayload; change: DossierStatusChangedPayload }
  | { entryId: string; kind: 'dossier.progress_recorded'; dossier: DossierSyncPayload; change: DossierProgressRecordedPayload };

interface OutboundRow<T> extends PortalField {
  valueOf(from: T): unknown;
}

type Attachment = DossierComponentPayload['attachments'][number] & { componentCode: string };

export const SYNC_ATTACHMENT_FIELDS: readonly OutboundRow<Attachment>[] = [
  { group: 'sync.attachment', field: 'TepDinhKemId', source: 'attachment id', valueOf: (a) => a.id },
  { group: 'sync.attachment', field: 'TenTepDinhKem', source: 'attachment file name', valueOf: (a) => a.filename },
  { group: 'sync.attachment', field: 'MaThanhPhanHoSo', source: 'its component code (else the component name)', valueOf: (a) => a.componentCode },
  { group: 'sync.attachment', field: 'MaBamSHA256', source: 'SHA-256 of the content, hex', valueOf: (a) => a.sha256 },
  { group: 'sync.attachment', field: 'KichThuoc', source: 'size in bytes', valueOf: (a) => a.size },
];

export const SYNC_FEE_FIELDS: readonly OutboundRow<DossierFeesPayload>[] = [
  { group: 'sync.fee', field: 'TenPhiLePhi', source: 'the reason the fees were asked for (else "Phí, lệ phí")', valueOf: (f) => f.description ?? 'Phí, lệ phí' },
  { group: 'sync.fee', field: 'Gia', source: 'amount asked, in đồng, as text', valueOf: (f) => String(f.amount) },
  { group: 'sync.fee', field: 'TrangThaiThanhToan', source: "'1' paid, '0' not yet", valueOf: (f) => (f.paid ? '1' : '0') },
  { group: 'sync.fee', field: 'NgayThanhToan', source: 'when paid', valueOf: (f) => toPortalTime(f.paidAt) },
];

export const SYNC_PROGRESS_FIELDS: readonly OutboundRow<DossierProgressRecordedPayload>[] = [
  { group: 'sync.progress', field: 'MaHoSo', source: 'our dossier code', valueOf: (p) => p.dossierCode },
  { group: 'sync.progress', field: 'NguoiXuLy', source: 'the official who acted (name, else user id)', valueOf: (p) => p.actorName ?? p.actorId ?? '' },
  { group: 'sync.progress', field: 'ThoiDiemXuLy', source: 'when they acted', valueOf: (p) => toPortalTime(p.at) },
  { group: 'sync.progress', field: 'PhongBanXuLy', source: 'their department (name, else id)', valueOf: (p) => p.departmentName ?? p.departmentId ?? '' },
  { group: 'sync.progress', field: 'NoiDungXuLy', source: 'what was done: the note, else the step name, else the action', valueOf: (p) => p.note ?? p.stepName ?? p.action },
  { group: 'sync.progress', field: 'TrangThai', source: 'national status code 1–10 after the action', valueOf: (p) => String(p.status) },
  { group: 'sync.progress', field: 'NgayBatDau', source: "the step's start", confirmedBy: 'DOMAIN.md "A progress record carries … NgayBatDau"', valueOf: (p) => toPortalTime(p.stepStartAt) },
  { group: 'sync.progress', field: 'NgayKetThucTheoQuyDinh', source: "the step's due time", confirmedBy: 'DOMAIN.md "A progress record carries … NgayKetThucTheoQuyDinh"', valueOf: (p) => toPortalTime(p.stepDueAt) },
];

const rowsOf = <T>(rows: readonly OutboundRow<T>[], from: T) => Object.fromEntries(rows.map((row) => [row.field, row.valueOf(from)]));

export const SYNC_FIELDS: readonly OutboundRow<PortalChange>[] = [
  { group: 'sync', field: 'IdGoiTin', source: 'our outbox entry id, so the portal can drop a repeated delivery', valueOf: (m) => m.entryId },
  { group: 'sync', field: 'LoaiDongBo', source: "'CapNhatTrangThai' for a status change, 'CapNhatTienTrinh' for a progress record", valueOf: (m) => (m.kind === 'dossier.progress_recorded' ? 'CapNhatTienTrinh' : 'CapNhatTrangThai') },
  { group: 'sync', field: 'MaHoSo', source: 'our dossier code', valueOf: (m) => m.change.dossierCode },
  { group: 'sync', field: 'MaHoSoDVCQG', source: "the portal's own code of a dossier submitted there (dossier.nationalPortal), else ''", valueOf: (m) => m.dossier.portalDossierCode ?? '' },
  { group: 'sync', field: 'MaTTHC', source: 'national procedure code of the pinned version (lt:procedureCode)', valueOf: (m) => m.dossier.procedureCode ?? '' },
  { group: 'sync', field: 'TenTTHC', source: 'procedure name', valueOf: (m) => m.dossier.procedureName ?? '' },
  { group: 'sync', field: 'KenhThucHien', source: 'receipt channel: 1 in person, 2 online, 3 public post', valueOf: (m) => String(m.dossier.channel) },
  { group: 'sync', field: 'SoGiayToChuHoSo', source: 'applicant ID number', valueOf: (m) => m.dossier.applicantIdNumber },
  { group: 'sync', field: 'ChuHoSo', source: 'applicant name', valueOf: (m) => m.dossier.applicantName ?? '' },
  { group: 'sync', field: 'DonViXuLy', source: "the agency of the step (progress record), else the receiving agency", valueOf: (m) => (m.kind === 'dossier.progress_recorded' ? m.change.stepAgencyId : undefined) ?? m.dossier.agencyId },
  { group: 'sync', field: 'NgayNopHoSo', source: 'submission time', valueOf: (m) => toPortalTime(m.dossier.submittedAt) },
  { group: 'sync', field: 'NgayTiepNhan', source: 'receipt time', valueOf: (m) => toPortalTime(m.dossier.receivedAt) },
  { group: 'sync', field: 'NgayHenTra', source: 'appointment', valueOf: (m) => toPortalTime(m.dossier.appointmentAt) },
  { group: 'sync', field: 'NgayKetThucXuLy', source: 'finished (status 9)', valueOf: (m) => toPortalTime(m.dossier.finishedAt) },
  { group: 'sync', field: 'NgayTra', source: 'result returned (status 10)', valueOf: (m) => toPortalTime(m.dossier.returnedAt) },
  { group: 'sync', field: 'TrangThaiHoSo', source: 'national status code 1–10 as recorded with the change', valueOf: (m) => String(m.change.status) },
  {
    group: 'sync',
    field: 'TaiLieuNop',
    source: 'every attachment of every component, one per row of sync.attachment',
    valueOf: (m) => (m.dossier.components ?? []).flatMap((component) => component.attachments.map((a) => rowsOf(SYNC_ATTACHMENT_FIELDS, { ...a, componentCode: component.code ?? component.name }))),
  },
  { group: 'sync', field: 'DanhSachLePhi', source: 'fees asked and their payment, one row of sync.fee (none when no fee was asked)', valueOf: (m) => (m.dossier.fees ? [rowsOf(SYNC_FEE_FIELDS, m.dossier.fees)] : []) },
  { group: 'sync', field: 'QuaTrinhXuLy', source: 'the progress record, one row of sync.progress (empty for a status change)', valueOf: (m) => (m.kind === 'dossier.progress_recorded' ? [rowsOf(SYNC_PROGRESS_FIELDS, m.change)] : []) },
];

/** The portal's body for one status change or progress record, field by field from `SYNC_FIELDS`. */
export function toNationalPortalPayload(message: PortalChange): Record<string, unknown> {
  return rowsOf(SYNC_FIELDS, message);
}

// ---- the portal's answer to a sync, and the conventions of both directions ----------------------------------------

export const SYNC_REPLY_FIELDS: readonly PortalField[] = [
  { group: 'syncReply', field: 'error_code', source: "0 (number or text): delivered; any other value, or none, or a body that is not JSON: a failed delivery, retried (outbox backoff), even with HTTP 200" },
  { group: 'syncReply', field: 'message', source: "the portal's explanation: the delivery's last error when refused" },
];

export const CONVENTION_FIELDS: readonly PortalField[] = [
  { group: 'convention', field: 'yyyyMMddHHmmss', source: "every time field both ways, in Vietnam time (UTC+7); '' for none" },
  { group: 'convention', field: 'Authorization', source: 'outbound: "Bearer <PORTAL_TOKEN>" on each sync' },
  { group: 'convention', field: 'Idempotency-Key', source: 'outbound: our outbox entry id (as IdGoiTin)' },
  { group: 'convention', field: 'X-Portal-Key-Id', source: 'inbound: which configured portal credential signed the request' },
  { group: 'convention', field: 'X-Portal-Timestamp', source: 'inbound: Unix seconds of the signature; refused when more than 5 minutes from our clock' },
  { group: 'convention', field: 'X-Portal-Signature', source: 'inbound: "sha256=" + hex HMAC-SHA256 of "<timestamp>.<raw body>" under the credential\'s secret' },
];

/** The whole mapping, in the order docs/national-portal.md lists it. */
export const NATIONAL_PORTAL_MAPPING: readonly PortalField[] = [
  ...SUBMISSION_FIELDS,
  ...SUBMISSION_DOCUMENT_FIELDS,
  ...ACKNOWLEDGEMENT_FIELDS,
  ...SYNC_FIELDS,
  ...SYNC_ATTACHMENT_FIELDS,
  ...SYNC_FEE_FIELDS,
  ...SYNC_PROGRESS_FIELDS,
  ...SYNC_REPLY_FIELDS,
  ...CONVENTION_FIELDS,
];
