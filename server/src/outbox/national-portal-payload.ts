/**
 * @module toNationalPortalPayload — our dossier change in the field names of the National Public Service Portal's
 * dossier sync (Cổng Dịch vụ công quốc gia, "đồng bộ hồ sơ"), DOMAIN.md "A progress record carries …" and "The
 * portal sync also carries …". Names marked (assumption) could not be confirmed against the portal's published
 * specification: check them with the portal operator before going live.
 */
import type {
  DossierComponentPayload,
  DossierFeesPayload,
  DossierProgressRecordedPayload,
  DossierStatusChangedPayload,
  DossierSyncPayload,
} from './outbox-payloads';

/** Instants go to the portal as `yyyyMMddHHmmss` in Vietnam time, UTC+7 (assumption: the format the portal's adapters use). */
export function toPortalTime(at: number | undefined): string {
  if (at === undefined) return '';
  const local = new Date(at + 7 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}` +
    `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`
  );
}

/** One line of the dossier's processing history (quá trình xử lý) — DOMAIN.md's progress record. */
export interface PortalProgressRecord {
  MaHoSo: string; // dossier code
  NguoiXuLy: string; // the official who acted (name, else user id)
  ThoiDiemXuLy: string; // when
  PhongBanXuLy: string; // department
  NoiDungXuLy: string; // what was done
  TrangThai: string; // national status code 1–10
  NgayBatDau: string; // the step's start
  NgayKetThucTheoQuyDinh: string; // the step's due time
}

export interface PortalAttachment {
  TepDinhKemId: string;
  TenTepDinhKem: string;
  MaThanhPhanHoSo: string; // component code
  MaBamSHA256: string; // SHA-256 of the content, hex (assumption: field name)
  KichThuoc: number; // bytes (assumption: field name)
}

export interface PortalFee {
  TenPhiLePhi: string;
  Gia: string; // in đồng
  TrangThaiThanhToan: string; // '1' paid, '0' not yet (assumption: field name and values)
  NgayThanhToan: string; // (assumption)
}

export interface NationalPortalPayload {
  IdGoiTin: string; // our outbox entry id, so the receiver can drop a repeated delivery (assumption)
  LoaiDongBo: 'CapNhatTrangThai' | 'CapNhatTienTrinh'; // status change or progress record (assumption: names of the portal's two update calls)
  MaHoSo: string;
  MaTTHC: string; // national procedure code
  TenTTHC: string;
  KenhThucHien: string; // receipt channel: 1 in person, 2 online, 3 public post
  SoGiayToChuHoSo: string; // applicant ID number
  ChuHoSo: string; // applicant name
  DonViXuLy: string; // the agency handling the step (else the receiving agency)
  NgayNopHoSo: string; // submission
  NgayTiepNhan: string; // receipt
  NgayHenTra: string; // appointment
  NgayKetThucXuLy: string; // finished (status 9)
  NgayTra: string; // returned (status 10)
  TrangThaiHoSo: string; // national status code 1–10, as recorded with the change
  TaiLieuNop: PortalAttachment[]; // components and attachments with hashes
  DanhSachLePhi: PortalFee[]; // fees and payment state
  QuaTrinhXuLy: PortalProgressRecord[]; // the progress record (empty for a bare status change)
}

function toPortalAttachments(components: DossierComponentPayload[]): PortalAttachment[] {
  return components.flatMap((component) =>
    component.attachments.map((attachment) => ({
      TepDinhKemId: attachment.id,
      TenTepDinhKem: attachment.filename,
      MaThanhPhanHoSo: component.code ?? component.name,
      MaBamSHA256: attachment.sha256,
      KichThuoc: attachment.size,
    })),
  );
}

function toPortalFees(fees: DossierFeesPayload | undefined): PortalFee[] {
  if (!fees) return [];
  return [
    {
      TenPhiLePhi: fees.description ?? 'Phí, lệ phí',
      Gia: String(fees.amount),
      TrangThaiThanhToan: fees.paid ? '1' : '0',
      NgayThanhToan: toPortalTime(fees.paidAt),
    },
  ];
}

function toPortalProgress(progress: DossierProgressRecordedPayload): PortalProgressRecord {
  return {
    MaHoSo: progress.dossierCode,
    NguoiXuLy: progress.actorName ?? progress.actorId ?? '',
    ThoiDiemXuLy: toPortalTime(progress.at),
    PhongBanXuLy: progress.departmentName ?? progress.departmentId ?? '',
    NoiDungXuLy: progress.note ?? progress.stepName ?? progress.action,
    TrangThai: String(progress.status),
    NgayBatDau: toPortalTime(progress.stepStartAt),
    NgayKetThucTheoQuyDinh: toPortalTime(progress.stepDueAt),
  };
}

/** What one portal message is made of: the dossier's sync fields, and what changed. */
export type PortalChange =
  | { kind: 'dossier.status_changed'; dossier: DossierSyncPayload; change: DossierStatusChangedPayload }
  | { kind: 'dossier.progress_recorded'; dossier: DossierSyncPayload; change: DossierProgressRecordedPayload };

/** The portal payload of one `dossier.status_changed` or `dossier.progress_recorded` entry. */
export function toNationalPortalPayload(entryId: string, { kind, dossier, change }: PortalChange): NationalPortalPayload {
  const progress = kind === 'dossier.progress_recorded' ? change : undefined;
  return {
    IdGoiTin: entryId,
    LoaiDongBo: progress ? 'CapNhatTienTrinh' : 'CapNhatTrangThai',
    MaHoSo: change.dossierCode,
    MaTTHC: dossier.procedureCode ?? '',
    TenTTHC: dossier.procedureName ?? '',
    KenhThucHien: String(dossier.channel),
    SoGiayToChuHoSo: dossier.applicantIdNumber,
    ChuHoSo: dossier.applicantName ?? '',
    DonViXuLy: progress?.stepAgencyId ?? dossier.agencyId,
    NgayNopHoSo: toPortalTime(dossier.submittedAt),
    NgayTiepNhan: toPortalTime(dossier.receivedAt),
    NgayHenTra: toPortalTime(dossier.appointmentAt),
    NgayKetThucXuLy: toPortalTime(dossier.finishedAt),
    NgayTra: toPortalTime(dossier.returnedAt),
    TrangThaiHoSo: String(change.status),
    TaiLieuNop: toPortalAttachments(dossier.components ?? []),
    DanhSachLePhi: toPortalFees(dossier.fees),
    QuaTrinhXuLy: progress ? [toPortalProgress(progress)] : [],
  };
}
