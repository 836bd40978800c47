/** @module processing-time — a statutory processing time as a form writes it: "10 ngày làm việc". */

/** The units of DOMAIN.md "Time": working days or hours, calendar days (Civil Code 2015 Art. 148), or same day. */
export interface ProcessingTime {
  amount: number;
  unit: 'workingDays' | 'workingHours' | 'calendarDays' | 'sameDay';
}

export function formatProcessingTime(time: ProcessingTime): string {
  switch (time.unit) {
    case 'workingDays':
      return `${time.amount} ngày làm việc`;
    case 'workingHours':
      return `${time.amount} giờ làm việc`;
    case 'calendarDays':
      return `${time.amount} ngày`;
    case 'sameDay':
      return 'trong ngày làm việc';
  }
}
