/**
 * @module calendarMonth — a month of a working calendar, weeks from Monday as Vietnamese wall calendars print them:
 * the day, the lunar date under it, and its mark (holiday, compensatory or swapped day off, local closure, make-up
 * working day, weekly rest day), each day a button an administrator picks to mark it.
 */
import { t, type MessageKey } from '../i18n/locale';
import './calendar-month.css';

/** One day as the month shows it; `source` says which calendar decided it. */
export interface CalendarMonthDay {
  date: string;
  day: number;
  lunar: string;
  weekend: boolean;
  working: boolean;
  kind?: 'holiday' | 'compensatory' | 'swappedDayOff' | 'makeUpWorkingDay' | 'localClosure';
  reason?: string;
  source?: 'national' | 'province' | 'own';
  /** Changed on the page and not saved yet. */
  pending?: boolean;
}

export interface CalendarMonthProps {
  year: number;
  month: number;
  /** The month's cells in weeks from Monday, `null` outside the month. */
  days: readonly (CalendarMonthDay | null)[];
  selected?: string;
  onSelect(date: string): void;
}

const kindLabel = (day: CalendarMonthDay): string =>
  day.kind ? t(`calendar.kind.${day.kind}` as MessageKey) : day.working ? '' : t('calendar.kind.weekend');

export function CalendarMonth({ year, month, days, selected, onSelect }: CalendarMonthProps) {
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <table class="ui-month" aria-label={t('calendar.month', { month, year })}>
      <thead>
        <tr>{weekdays.map((name) => <th scope="col" key={name}>{name}</th>)}</tr>
      </thead>
      <tbody>
        {Array.from({ length: days.length / 7 }, (_, week) => (
          <tr key={week}>
            {days.slice(week * 7, week * 7 + 7).map((day, i) => (
              <td key={day?.date ?? `blank-${week}-${i}`}>
                {day && (
                  <button
                    type="button"
                    class="ui-month-day"
                    data-date={day.date}
                    data-kind={day.kind ?? (day.working ? 'working' : 'weekend')}
                    data-source={day.source ?? ''}
                    aria-pressed={selected === day.date}
                    title={day.reason ?? kindLabel(day)}
                    onClick={() => onSelect(day.date)}
                  >
                    <span class="ui-month-solar">{day.day}</span>
                    <span class="ui-month-lunar" aria-label={t('calendar.lunar', { lunar: day.lunar })}>{day.lunar}</span>
                    {day.kind && <span class="ui-month-mark">{kindLabel(day)}</span>}
                    {day.pending && <span class="ui-month-pending" aria-hidden="true">•</span>}
                  </button>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
