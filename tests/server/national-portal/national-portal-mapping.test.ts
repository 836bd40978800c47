/**
 * The national portal's mapping, row by row (server/src/national-portal/national-portal-mapping.ts): every field has a
 * case here (a new row without one fails), each case shows where the field's value comes from or goes to, and
 * docs/national-portal.md lists exactly the same rows with the same "unconfirmed" marks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACKNOWLEDGEMENT_FIELDS,
  CONVENTION_FIELDS,
  NATIONAL_PORTAL_MAPPING,
  SUBMISSION_DOCUMENT_FIELDS,
  SUBMISSION_FIELDS,
  SYNC_ATTACHMENT_FIELDS,
  SYNC_FEE_FIELDS,
  SYNC_FIELDS,
  SYNC_PROGRESS_FIELDS,
  SYNC_REPLY_FIELDS,
  toNationalPortalPayload,
  type PortalChange,
} from '../../../server/src/national-portal/national-portal-mapping';
import { isPortalSignature, signPortalRequest } from '../../../server/src/national-portal/portal-credentials';
import { parsePortalTime, toPortalTime } from '../../../server/src/national-portal/portal-time';
import { checkPortalReply, createNationalPortalConsumer } from '../../../server/src/outbox/national-portal-consumer';
import type { DossierRecord } from '../../../server/src/stores';
import { exampleForm, readModel } from '../../procedures/support/library';
import { createTestApp } from '../../support/test-app';
import { aDossierSync, aProgress, aProgressEntry, RECEIVED_AT } from '../outbox/outbox-fixtures';
import { startLocalReceiver } from '../outbox/local-receiver';

const SLUG = 'dang-ky-thanh-lap-doanh-nghiep';
const CREDENTIAL = { id: 'dvcqg', secret: 'portal-secret-0123456789-abcdefghijkl' };

/** The rows of one group, by field name, for the "a case per row" checks. */
const fieldsOf = (rows: readonly { field: string }[]) => rows.map((row) => row.field).sort();

// ---- outbound ----------------------------------------------------------------------------------------------------

const progressMessage: PortalChange = { entryId: 'd1:3', kind: 'dossier.progress_recorded', dossier: { ...aDossierSync('d1'), portalDossierCode: 'G22.99-1' }, change: aProgress('d1', 3, false) };
const statusMessage: PortalChange = {
  entryId: 'd1:4',
  kind: 'dossier.status_changed',
  dossier: { ...aDossierSync('d1'), status: 9, finishedAt: RECEIVED_AT + 86_400_000, returnedAt: RECEIVED_AT + 2 * 86_400_000, fees: undefined, components: [] },
  change: { dossierCode: '000.00.64.H10-250303-0011', status: 9, previousStatus: 4, at: RECEIVED_AT + 86_400_000 },
};

/** Each sync field: its value in the progress message and in the status message (counter dossier, no fees). */
const SYNC_CASES: Record<string, [unknown, unknown]> = {
  IdGoiTin: ['d1:3', 'd1:4'],
  LoaiDongBo: ['CapNhatTienTrinh', 'CapNhatTrangThai'],
  MaHoSo: ['000.00.64.H10-250303-0011', '000.00.64.H10-250303-0011'],
  MaHoSoDVCQG: ['G22.99-1', ''],
  MaTTHC: ['1.009664', '1.009664'],
  TenTTHC: ['Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Cấp giấy phép xây dựng nhà ở riêng lẻ'],
  KenhThucHien: ['2', '2'],
  SoGiayToChuHoSo: ['001085012345', '001085012345'],
  ChuHoSo: ['Nguyễn Văn An', 'Nguyễn Văn An'],
  DonViXuLy: ['000.00.64.H10', '000.00.64.H10'],
  NgayNopHoSo: ['20250303073700', '20250303073700'],
  NgayTiepNhan: ['20250303083700', '20250303083700'],
  NgayHenTra: ['20250318083700', '20250318083700'],
  NgayKetThucXuLy: ['', '20250304083700'],
  NgayTra: ['', '20250305083700'],
  TrangThaiHoSo: ['4', '9'],
  TaiLieuNop: [[{ TepDinhKemId: 'att-1', TenTepDinhKem: 'don.pdf', MaThanhPhanHoSo: 'TP1', MaBamSHA256: 'ab'.repeat(32), KichThuoc: 1234 }], []],
  DanhSachLePhi: [[{ TenPhiLePhi: 'Lệ phí cấp giấy phép xây dựng', Gia: '75000', TrangThaiThanhToan: '1', NgayThanhToan: '20250303083700' }], []],
  QuaTrinhXuLy: [[expect.objectContaining({ MaHoSo: '000.00.64.H10-250303-0011', TrangThai: '4' })], []],
};

const SYNC_ATTACHMENT_CASES: Record<string, unknown> = { TepDinhKemId: 'att-1', TenTepDinhKem: 'don.pdf', MaThanhPhanHoSo: 'TP1', MaBamSHA256: 'ab'.repeat(32), KichThuoc: 1234 };
const SYNC_FEE_CASES: Record<string, unknown> = { TenPhiLePhi: 'Lệ phí cấp giấy phép xây dựng', Gia: '75000', TrangThaiThanhToan: '1', NgayThanhToan: '20250303083700' };
const SYNC_PROGRESS_CASES: Record<string, unknown> = {
  MaHoSo: '000.00.64.H10-250303-0011',
  NguoiXuLy: 'Trần Thị Bình',
  ThoiDiemXuLy: '20250303084000',
  PhongBanXuLy: 'Phòng Quản lý đô thị',
  NoiDungXuLy: 'Chuyển bước 3',
  TrangThai: '4',
  NgayBatDau: '20250303083700',
  NgayKetThucTheoQuyDinh: '20250313083700',
};

describe('national portal mapping: the sync we send', () => {
  it('has a case for every sync row', () => {
    expect(Object.keys(SYNC_CASES).sort()).toEqual(fieldsOf(SYNC_FIELDS));
    expect(Object.keys(SYNC_ATTACHMENT_CASES).sort()).toEqual(fieldsOf(SYNC_ATTACHMENT_FIELDS));
    expect(Object.keys(SYNC_FEE_CASES).sort()).toEqual(fieldsOf(SYNC_FEE_FIELDS));
    expect(Object.keys(SYNC_PROGRESS_CASES).sort()).toEqual(fieldsOf(SYNC_PROGRESS_FIELDS));
  });

  it.each(Object.entries(SYNC_CASES))('sends %s from its source, for a progress record and for a status change', (field, [inProgress, inStatus]) => {
    expect(toNationalPortalPayload(progressMessage)[field]).toEqual(inProgress);
    expect(toNationalPortalPayload(statusMessage)[field]).toEqual(inStatus);
  });

  it.each(Object.entries(SYNC_ATTACHMENT_CASES))('sends each attachment\'s %s', (field, value) => {
    expect((toNationalPortalPayload(progressMessage).TaiLieuNop as Record<string, unknown>[])[0]![field]).toEqual(value);
  });

  it.each(Object.entries(SYNC_FEE_CASES))('sends the fees\' %s', (field, value) => {
    expect((toNationalPortalPayload(progressMessage).DanhSachLePhi as Record<string, unknown>[])[0]![field]).toEqual(value);
  });

  it.each(Object.entries(SYNC_PROGRESS_CASES))('sends the progress record\'s %s', (field, value) => {
    expect((toNationalPortalPayload(progressMessage).QuaTrinhXuLy as Record<string, unknown>[])[0]![field]).toEqual(value);
  });

  it('sends a fee not yet paid as 0 with no payment time, and the step agency only for a progress record', () => {
    const unpaid = toNationalPortalPayload({ ...progressMessage, dossier: { ...progressMessage.dossier, fees: { amount: 50_000, paid: false } } });
    expect(unpaid.DanhSachLePhi).toEqual([{ TenPhiLePhi: 'Phí, lệ phí', Gia: '50000', TrangThaiThanhToan: '0', NgayThanhToan: '' }]);
    const elsewhere = toNationalPortalPayload({ ...progressMessage, change: { ...aProgress('d1', 3, false), stepAgencyId: 'so-xay-dung' } });
    expect(elsewhere.DonViXuLy).toBe('so-xay-dung');
  });
});

// ---- the portal's reply, and conventions ----------------------------------------------------------------------

const SYNC_REPLY_CASES: Record<string, () => void> = {
  error_code: () => {
    expect(() => checkPortalReply(200, '{"error_code":0}')).not.toThrow();
    expect(() => checkPortalReply(200, '{"error_code":"0"}')).not.toThrow();
    expect(() => checkPortalReply(200, '{"error_code":3}')).toThrow(/error_code 3/);
    expect(() => checkPortalReply(200, '{}')).toThrow(/without an error_code/);
  },
  message: () => {
    expect(() => checkPortalReply(200, '{"error_code":3,"message":"Hồ sơ không tồn tại"}')).toThrow(/: Hồ sơ không tồn tại$/);
  },
};

const CONVENTION_CASES: Record<string, () => Promise<void> | void> = {
  yyyyMMddHHmmss: () => {
    expect(toPortalTime(Date.UTC(2025, 11, 31, 17, 0, 5))).toBe('20260101000005');
    expect(parsePortalTime('20260101000005')).toBe(Date.UTC(2025, 11, 31, 17, 0, 5));
    expect(parsePortalTime('20250231080000')).toBeUndefined();
    expect(toPortalTime(undefined)).toBe('');
  },
  Authorization: async () => {
    const receiver = await startLocalReceiver();
    receiver.answer = () => ({ status: 200, body: '{"error_code":0}' });
    await createNationalPortalConsumer({ url: receiver.url, token: 't-1' }).deliver({ ...aProgressEntry('d1', 3), attempt: 1 });
    expect(receiver.received[0]!.headers.authorization).toBe('Bearer t-1');
    expect(receiver.received[0]!.headers['idempotency-key']).toBe('d1:3');
    await receiver.close();
  },
  'Idempotency-Key': () => {
    expect(toNationalPortalPayload(progressMessage).IdGoiTin).toBe('d1:3');
  },
  'X-Portal-Key-Id': () => {
    expect(isPortalSignature(CREDENTIAL, '1700000000', '{}', signPortalRequest(CREDENTIAL.secret, 1_700_000_000, '{}'))).toBe(true);
  },
  'X-Portal-Timestamp': () => {
    expect(isPortalSignature(CREDENTIAL, '1700000001', '{}', signPortalRequest(CREDENTIAL.secret, 1_700_000_000, '{}'))).toBe(false);
  },
  'X-Portal-Signature': () => {
    expect(signPortalRequest(CREDENTIAL.secret, 1_700_000_000, '{}')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(isPortalSignature(CREDENTIAL, '1700000000', '{ }', signPortalRequest(CREDENTIAL.secret, 1_700_000_000, '{}'))).toBe(false);
  },
};

describe('national portal mapping: replies and conventions', () => {
  it('has a case for every reply and convention row', () => {
    expect(Object.keys(SYNC_REPLY_CASES).sort()).toEqual(fieldsOf(SYNC_REPLY_FIELDS));
    expect(Object.keys(CONVENTION_CASES).sort()).toEqual(fieldsOf(CONVENTION_FIELDS));
  });
  it.each(Object.entries(SYNC_REPLY_CASES))('reads the portal\'s %s', (_field, check) => check());
  it.each(Object.entries(CONVENTION_CASES))('keeps the %s convention', async (_field, check) => check());
});

// ---- inbound ---------------------------------------------------------------------------------------------------

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let sent = 0;

function aSubmission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sent += 1;
  return { MaHoSo: `G22.99-${sent}`, MaTTHC: '2.001610', ChuHoSo: 'Trần Văn Dân', SoGiayToChuHoSo: '001085012345', DuLieuBieuMau: exampleForm(SLUG), ...overrides };
}

async function send(body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const text = JSON.stringify(body);
  const timestamp = Math.floor(t.clock.now() / 1000);
  const response = await t.app.request('/api/national-portal/dossiers', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-portal-key-id': CREDENTIAL.id, 'x-portal-timestamp': String(timestamp), 'x-portal-signature': signPortalRequest(CREDENTIAL.secret, timestamp, text) },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function received(body: Record<string, unknown>): Promise<DossierRecord> {
  const answer = await send(body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return (await t.stores.dossiers.getByCode(String(answer.body.MaHoSo)))!;
}

/** Each submission field: the value the portal sends, and where it lands on the received dossier. */
const SUBMISSION_CASES: Record<string, { value: unknown; landsAs: (dossier: DossierRecord) => unknown; expected: unknown }> = {
  MaHoSo: { value: 'G22.99-KEPT', landsAs: (d) => d.nationalPortal?.dossierCode, expected: 'G22.99-KEPT' },
  MaTTHC: { value: '2.001610', landsAs: (d) => d.procedureKey, expected: SLUG },
  MaDonViTiepNhan: { value: 'ttpvhcc', landsAs: (d) => d.agencyId, expected: 'ttpvhcc' },
  ChuHoSo: { value: 'Lê Thị Hoa', landsAs: (d) => d.applicant.name, expected: 'Lê Thị Hoa' },
  SoGiayToChuHoSo: { value: '079190001234', landsAs: (d) => d.applicant.idNumber, expected: '079190001234' },
  SoDienThoai: { value: '0901234567', landsAs: (d) => d.applicant.phone, expected: '0901234567' },
  Email: { value: 'hoa@example.vn', landsAs: (d) => d.applicant.email, expected: 'hoa@example.vn' },
  DiaChi: { value: 'Số 5 Lê Lợi, Huế', landsAs: (d) => d.applicant.address, expected: 'Số 5 Lê Lợi, Huế' },
  NgayNopHoSo: { value: '20250302213000', landsAs: (d) => d.nationalPortal?.submittedAt, expected: Date.UTC(2025, 2, 2, 14, 30) },
  DuLieuBieuMau: { value: { ...exampleForm(SLUG), capital: 2_000_000_000 }, landsAs: (d) => d.form.capital, expected: 2_000_000_000 },
  TaiLieuNop: { value: [{ TenTaiLieu: 'Điều lệ công ty', LoaiBan: '2', SoLuong: 2 }], landsAs: (d) => (d.state as { documents: unknown }).documents, expected: [{ name: 'Điều lệ công ty', copyType: 'certifiedCopy', quantity: 2 }] },
  HinhThucNhanKetQua: { value: '2', landsAs: (d) => (d.state as { resultDelivery?: string }).resultDelivery, expected: 'post' },
};

const DOCUMENT_CASES: Record<string, { value: unknown; expected: Record<string, unknown> }> = {
  TenTaiLieu: { value: 'Giấy đề nghị', expected: { name: 'Giấy đề nghị' } },
  LoaiBan: { value: '3', expected: { copyType: 'copy' } },
  SoLuong: { value: 3, expected: { quantity: 3 } },
  MaThanhPhanHoSo: { value: 'giay-de-nghi', expected: { componentId: 'giay-de-nghi' } },
};

/** Each field of our acknowledgement, in a reply to a received dossier or to a refused one. */
const ACKNOWLEDGEMENT_CASES: Record<string, (ok: Record<string, unknown>, refused: Record<string, unknown>) => void> = {
  error_code: (ok, refused) => expect([ok.error_code, refused.error_code]).toEqual([0, 1]),
  message: (ok, refused) => expect([ok.message, refused.message]).toEqual(['Tiếp nhận hồ sơ thành công', 'Hồ sơ không hợp lệ: SoGiayToChuHoSo']),
  MaHoSo: (ok) => expect(ok.MaHoSo).toMatch(/^so-tai-chinh-250303-\d{4}$/),
  MaHoSoDVCQG: (ok) => expect(ok.MaHoSoDVCQG).toBe('G22.99-ACK-MaHoSoDVCQG'),
  TrangThaiHoSo: (ok) => expect(ok.TrangThaiHoSo).toBe('1'),
  errors: (_ok, refused) => expect(refused.errors).toEqual([{ field: 'SoGiayToChuHoSo', message: 'Không đúng định dạng' }]),
};

describe('national portal mapping: the dossiers the portal sends us', () => {
  beforeAll(async () => {
    t = await createTestApp({ nationalPortal: { credentials: [CREDENTIAL] } });
    const deployed = await t.app.request('/api/procedures', { method: 'POST', headers: { ...(await t.as('analyst')), 'content-type': 'application/json' }, body: JSON.stringify({ key: SLUG, xml: readModel(SLUG) }) });
    expect(deployed.status).toBe(201);
  });

  it('has a case for every submission and acknowledgement row', () => {
    expect(Object.keys(SUBMISSION_CASES).sort()).toEqual(fieldsOf(SUBMISSION_FIELDS));
    expect(Object.keys(DOCUMENT_CASES).sort()).toEqual(fieldsOf(SUBMISSION_DOCUMENT_FIELDS));
    expect(Object.keys(ACKNOWLEDGEMENT_CASES).sort()).toEqual(fieldsOf(ACKNOWLEDGEMENT_FIELDS));
  });

  it.each(Object.entries(SUBMISSION_CASES))('takes %s into the received dossier', async (field, { value, landsAs, expected }) => {
    const dossier = await received(aSubmission({ [field]: value }));
    expect(landsAs(dossier)).toEqual(expected);
  });

  it.each(Object.entries(DOCUMENT_CASES))('takes each document\'s %s', async (field, { value, expected }) => {
    const document = { TenTaiLieu: 'Tờ khai', LoaiBan: '1', SoLuong: 1, [field]: value };
    const dossier = await received(aSubmission({ TaiLieuNop: [document] }));
    expect((dossier.state as { documents: Record<string, unknown>[] }).documents[0]).toMatchObject(expected);
  });

  it.each(SUBMISSION_FIELDS.filter((row) => !row.schema.safeParse(undefined).success).map((row) => row.field))('refuses a dossier without %s, naming it', async (field) => {
    const answer = await send(aSubmission({ [field]: undefined }));
    expect([answer.status, answer.body.errors]).toEqual([400, [{ field, message: 'Bắt buộc nhập' }]]);
  });

  it.each(Object.entries(ACKNOWLEDGEMENT_CASES))('answers with %s', async (field, check) => {
    const ok = await send(aSubmission({ MaHoSo: `G22.99-ACK-${field}` }));
    const refused = await send(aSubmission({ SoGiayToChuHoSo: 'không có' }));
    check(ok.body, refused.body);
  });
});

// ---- the document ----------------------------------------------------------------------------------------------

describe('national portal mapping: docs/national-portal.md', () => {
  it('lists every row of the mapping, in order, with its source and whether a published text confirms it', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../docs/national-portal.md', import.meta.url)), 'utf8');
    const rows: string[] = [];
    let group = '';
    for (const line of doc.split('\n')) {
      const heading = /^### (\S+)$/.exec(line);
      if (heading) group = heading[1]!;
      const row = /^\| `([^`]+)` \| (.*) \| (.*) \|$/.exec(line);
      if (row) rows.push(`${group} ${row[1]} | ${row[2]!.replaceAll('\\|', '|')} | ${row[3] === '**unconfirmed**' ? '' : row[3]!.replaceAll('\\|', '|')}`);
    }
    expect(rows).toEqual(NATIONAL_PORTAL_MAPPING.map((row) => `${row.group} ${row.field} | ${row.source} | ${row.confirmedBy ?? ''}`));
  });
});
