/** @module myDossiersMessagesVi — "Hồ sơ của tôi": a citizen's own dossiers after signing in with VNeID, in Vietnamese. */
export const myDossiersMessagesVi = {
  'nav.myDossiers': 'Hồ sơ của tôi',
  'my.title': 'Hồ sơ của tôi',
  'my.intro': 'Đăng nhập bằng tài khoản định danh điện tử (VNeID) để xem mọi hồ sơ bạn đã nộp, theo số định danh cá nhân của bạn.',
  'my.closed': 'Hệ thống của tỉnh chưa mở đăng nhập bằng tài khoản định danh điện tử (VNeID). Bạn vẫn tra cứu được từng hồ sơ bằng mã hồ sơ và số định danh cá nhân ghi trên giấy tiếp nhận.',
  'my.toLookup': 'Tra cứu hồ sơ',
  'my.signIn': 'Đăng nhập bằng VNeID',
  'my.finishing': 'Đang hoàn tất đăng nhập…',
  'my.signedIn': 'Xin chào {name}.',
  'my.signOut': 'Đăng xuất',
  'my.empty': 'Chưa có hồ sơ nào mang số định danh của bạn.',
  'my.count': '{total} hồ sơ',
  'my.received': 'Ngày nộp',
  'my.appointment': 'Ngày hẹn trả',
  'my.finished': 'Ngày xử lý xong',
  'my.lookup': 'Xem chi tiết',
} as const;
