/**
 * @module vietnamese-date-time — instants written as Vietnamese administrative documents write them
 * ("08 giờ 37 phút, ngày 20 tháng 11 năm 2019"), in Vietnam's time zone Asia/Ho_Chi_Minh. That zone is UTC+7 all
 * year (no daylight saving since 1975), so a fixed offset gives the same wall-clock time as the IANA zone.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (value: number) => String(value).padStart(2, '0');

/** Wall-clock parts of `instant` in Vietnam. */
export function toVietnamWallClock(instant: number): { year: number; month: number; day: number; hour: number; minute: number } {
  const shifted = new Date(instant + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** "ngày 20 tháng 11 năm 2019" */
export function formatVietnameseDate(instant: number): string {
  const { year, month, day } = toVietnamWallClock(instant);
  return `ngày ${pad(day)} tháng ${pad(month)} năm ${year}`;
}

/** "08 giờ 37 phút, ngày 20 tháng 11 năm 2019" */
export function formatVietnameseDateTime(instant: number): string {
  const { hour, minute } = toVietnamWallClock(instant);
  return `${pad(hour)} giờ ${pad(minute)} phút, ${formatVietnameseDate(instant)}`;
}

/** "08:37 20/11/2019", for table cells. */
export function formatShortDateTime(instant: number): string {
  const { year, month, day, hour, minute } = toVietnamWallClock(instant);
  return `${pad(hour)}:${pad(minute)} ${pad(day)}/${pad(month)}/${year}`;
}
