/** @module lookupMessagesVi — the tracking page's message choice (nhận tin nhắn qua Zalo, SMS) in Vietnamese. */
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
};
