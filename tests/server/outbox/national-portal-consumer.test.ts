/**
 * The national-portal consumer: a progress record reaches the portal in its Vietnamese field names, and only the
 * portal's acknowledgement (`error_code` 0) makes it delivered: an error reply, even with HTTP 200, is a failure.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNationalPortalConsumer } from '../../../server/src/outbox/national-portal-consumer';
import { createOutboxEntry } from '../../../server/src/outbox/outbox-payloads';
import { startLocalReceiver, type LocalReceiver } from './local-receiver';
import { aDossierSync, aProgress, aProgressEntry, RECEIVED_AT } from './outbox-fixtures';

let receiver: LocalReceiver;
const ACKNOWLEDGED = { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error_code: 0, message: 'Thành công' }) };

beforeEach(async () => {
  receiver = await startLocalReceiver('/dvcqg/dong-bo');
  receiver.answer = () => ACKNOWLEDGED;
});
afterEach(async () => {
  await receiver.close();
});

describe('national portal consumer', () => {
  it('posts a progress record with the portal field names, times in Vietnam time and attachments with their hashes', async () => {
    // given
    const portal = createNationalPortalConsumer({ url: receiver.url, token: 'portal-token' });
    // when
    await portal.deliver({ ...aProgressEntry('d1', 3), attempt: 1 });
    // then
    const [request] = receiver.received;
    expect(request!.headers.authorization).toBe('Bearer portal-token');
    expect(request!.headers['idempotency-key']).toBe('d1:3');
    expect(JSON.parse(request!.body)).toEqual({
      IdGoiTin: 'd1:3',
      LoaiDongBo: 'CapNhatTienTrinh',
      MaHoSo: '000.00.64.H10-250303-0011',
      MaHoSoDVCQG: '',
      MaTTHC: '1.009664',
      TenTTHC: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      KenhThucHien: '2',
      SoGiayToChuHoSo: '001085012345',
      ChuHoSo: 'Nguyễn Văn An',
      DonViXuLy: '000.00.64.H10',
      NgayNopHoSo: '20250303073700',
      NgayTiepNhan: '20250303083700',
      NgayHenTra: '20250318083700',
      NgayKetThucXuLy: '',
      NgayTra: '',
      TrangThaiHoSo: '4',
      TaiLieuNop: [{ TepDinhKemId: 'att-1', TenTepDinhKem: 'don.pdf', MaThanhPhanHoSo: 'TP1', MaBamSHA256: 'ab'.repeat(32), KichThuoc: 1234 }],
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp giấy phép xây dựng', Gia: '75000', TrangThaiThanhToan: '1', NgayThanhToan: '20250303083700' }],
      QuaTrinhXuLy: [
        {
          MaHoSo: '000.00.64.H10-250303-0011',
          NguoiXuLy: 'Trần Thị Bình',
          ThoiDiemXuLy: '20250303084000',
          PhongBanXuLy: 'Phòng Quản lý đô thị',
          NoiDungXuLy: 'Chuyển bước 3',
          TrangThai: '4',
          NgayBatDau: '20250303083700',
          NgayKetThucTheoQuyDinh: '20250313083700',
        },
      ],
    });
  });

  it('reads the dossier sync fields at delivery time when the entry was written without them, keeping the recorded status', async () => {
    // given
    const portal = createNationalPortalConsumer({ url: receiver.url, dossierOf: async () => ({ ...aDossierSync('d1'), status: 9, finishedAt: RECEIVED_AT + 86_400_000 }) });
    const entry = createOutboxEntry({ dossierId: 'd1', seq: 1, kind: 'dossier.status_changed', payload: { dossierCode: 'X-1', status: 5, previousStatus: 4, at: RECEIVED_AT }, createdAt: RECEIVED_AT });
    // when
    await portal.deliver({ ...entry, attempt: 1 });
    // then
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ LoaiDongBo: 'CapNhatTrangThai', MaHoSo: 'X-1', TrangThaiHoSo: '5', NgayKetThucXuLy: '20250304083700', QuaTrinhXuLy: [] });
  });

  it('takes status changes and progress records, not notifications, and refuses for good a dossier it cannot find', async () => {
    // given
    const portal = createNationalPortalConsumer({ url: receiver.url, dossierOf: async () => undefined });
    const progress = createOutboxEntry({ dossierId: 'gone', seq: 1, kind: 'dossier.progress_recorded', payload: aProgress('gone', 1, false), createdAt: 0 });
    const notice = createOutboxEntry({ dossierId: 'd1', seq: 2, kind: 'notification.citizen', payload: { event: 'result.ready', dossierCode: 'X', applicant: { name: 'A' } }, createdAt: 0 });
    // when
    const refused = portal.deliver({ ...progress, attempt: 1 });
    // then
    await expect(refused).rejects.toMatchObject({ permanent: true });
    expect(portal.accepts(notice)).toBe(false);
    expect(portal.accepts(progress)).toBe(true);
    expect(receiver.received).toEqual([]);
  });

  it.each([
    ['an error_code as a number', 200, '{"error_code":12,"message":"Trạng thái không hợp lệ"}', 'the portal refused the sync (error_code 12): Trạng thái không hợp lệ'],
    ['an error_code as text', 200, '{"error_code":"E01","message":"Sai mã TTHC"}', 'the portal refused the sync (error_code "E01"): Sai mã TTHC'],
    ['no error_code', 200, '{"message":"ok"}', 'the portal answered HTTP 200 without an error_code: ok'],
    ['an empty body', 200, '', 'the portal answered HTTP 200 without an acknowledgement (no JSON error_code)'],
    ['an HTML page', 202, '<html>Bảo trì</html>', 'the portal answered HTTP 202 without an acknowledgement (no JSON error_code)'],
    ['a reply over 64 KiB', 200, JSON.stringify({ error_code: 0, message: 'x'.repeat(70_000) }), "the portal's reply is larger than 65536 bytes; not read as an acknowledgement"],
  ])('fails, to be retried, a delivery the portal answers with %s', async (_case, status, body, error) => {
    // given a portal that answers so
    receiver.answer = () => ({ status, headers: { 'content-type': 'application/json' }, body });
    const portal = createNationalPortalConsumer({ url: receiver.url });
    // when a progress record is delivered
    const delivery = portal.deliver({ ...aProgressEntry('d1', 3), attempt: 1 });
    // then it fails with the portal's words, not for good
    await expect(delivery).rejects.toMatchObject({ name: 'DeliveryError', message: error, permanent: false });
    expect(receiver.received).toHaveLength(1);
  });

  it.each([['a number', 0], ['text', '0']])('delivers when the portal acknowledges with error_code 0 as %s', async (_case, code) => {
    // given a portal that acknowledges
    receiver.answer = () => ({ status: 200, body: JSON.stringify({ error_code: code, message: 'Thành công' }) });
    const portal = createNationalPortalConsumer({ url: receiver.url });
    // when / then
    await expect(portal.deliver({ ...aProgressEntry('d1', 3), attempt: 1 })).resolves.toBeUndefined();
  });
});
