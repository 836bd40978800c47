import { describe, expect, it } from 'vitest';
import { formatShortDateTime, formatVietnameseDate, formatVietnameseDateTime } from '../../../server/src/documents/vietnamese-date-time';

describe('Vietnamese dates on forms', () => {
  it('writes an instant in Hà Nội time (UTC+7) as the forms do', () => {
    expect(formatVietnameseDateTime(Date.UTC(2019, 10, 20, 1, 37))).toBe('08 giờ 37 phút, ngày 20 tháng 11 năm 2019');
  });

  it('moves to the next day and year when UTC is still on the evening before', () => {
    // given 31/12/2019 17:30 UTC = 01/01/2020 00:30 in Hà Nội
    const instant = Date.UTC(2019, 11, 31, 17, 30);
    // then
    expect(formatVietnameseDate(instant)).toBe('ngày 01 tháng 01 năm 2020');
    expect(formatShortDateTime(instant)).toBe('00:30 01/01/2020');
  });

  it('agrees with the IANA zone Asia/Ho_Chi_Minh', () => {
    // given
    const instant = Date.UTC(2025, 3, 30, 20, 5);
    const iana = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hourCycle: 'h23' }).format(instant);
    // then
    expect(iana).toBe('01/05/2025, 03:05');
    expect(formatShortDateTime(instant)).toBe('03:05 01/05/2025');
  });
});
