/**
 * @module lookupMessagesVi — citizen messages in Vietnamese: the tracking page's choice (nhận tin nhắn qua Zalo, SMS) and
 * the dossier page's list of what became of each message (dossier/dossier-messages.tsx).
 */
export const lookupMessagesVi = {
  'lookup.notify.title': 'Nhận tin nhắn về hồ sơ',
  'lookup.notify.phone': 'Tin nhắn về hồ sơ này được gửi đến số {phone}.',
  'lookup.notify.noPhone': 'Hồ sơ không có số điện thoại di động nên không nhận được tin nhắn.',
  'lookup.notify.zns': 'Tin nhắn Zalo',
  'lookup.notify.sms': 'Tin nhắn SMS',
  'lookup.notify.on': 'Đang nhận',
  'lookup.notify.off': 'Đã tắt',
  'lookup.notify.hint': 'Khi tắt một kênh, cơ quan không gửi tin nhắn nào về hồ sơ này qua kênh đó nữa. Ông/Bà có thể bật lại bất cứ lúc nào.',
  'lookup.notify.saved': 'Đã lưu lựa chọn của Ông/Bà.',
  'lookup.notify.expired': 'Phiên tra cứu đã hết hạn. Vui lòng tra cứu lại để thay đổi lựa chọn.',
  'msg.title': 'Tin nhắn gửi công dân',
  'msg.at': 'Thời điểm',
  'msg.notification': 'Nội dung',
  'msg.channel': 'Kênh',
  'msg.state': 'Tình trạng',
  'msg.fallback': '(thay cho Zalo)',
  'msg.status.sent': 'Đã gửi, chờ báo nhận',
  'msg.status.delivered': 'Đã đến máy',
  'msg.status.undelivered': 'Không đến được',
  'msg.status.failed': 'Bị từ chối',
  'msg.status.optedOut': 'Không gửi (công dân đã tắt kênh)',
  'msg.event.dossier.received': 'Đã tiếp nhận hồ sơ',
  'msg.event.dossier.refused': 'Không tiếp nhận hồ sơ',
  'msg.event.supplement.requested': 'Yêu cầu bổ sung',
  'msg.event.supplement.window_closing': 'Sắp hết hạn bổ sung',
  'msg.event.processing.stopped': 'Dừng xử lý',
  'msg.event.result.ready': 'Đã có kết quả',
  'msg.event.dossier.reappointed': 'Hẹn lại ngày trả kết quả',
};
