/**
 * @module explain-clock — a due date told to a citizen in plain words, from the clock that keeps it: how it was
 * counted (the budget in working days or hours from when, weekly rest days and holidays not counted: the engine's
 * `computeDueDate` paragraph), then every pause (the citizen's supplement, fees) that is not counted, and, while the
 * clock is paused, that it waits for them. DOMAIN.md: "Every computed due date must be explainable".
 */
import {
  computeDueDate,
  formatLocalInstant,
  type Budget,
  type ClockPause,
  type Language,
  type LocalizedText,
  type WorkingCalendar,
  type WorkingClock,
} from '../../../engine/src/index';

function reasonText(pause: ClockPause, language: Language): string {
  if (language === 'vi') return pause.reason === 'fees' ? 'chờ nộp phí, lệ phí' : 'chờ công dân bổ sung hồ sơ';
  return pause.reason === 'fees' ? 'waiting for fees' : "waiting for the citizen's supplement";
}

/** "2 ngày 4 giờ làm việc" — working time in the 8-hour days officials count in. */
export function workingDurationText(ms: number, language: Language): string {
  const totalHours = Math.max(0, Math.round(ms / 3_600_000));
  const days = Math.floor(totalHours / 8);
  const hours = totalHours % 8;
  if (language === 'vi') {
    const parts = [days > 0 ? `${days} ngày` : '', hours > 0 ? `${hours} giờ` : ''].filter(Boolean);
    return parts.length === 0 ? 'dưới 1 giờ làm việc' : `${parts.join(' ')} làm việc`;
  }
  const parts = [days > 0 ? `${days} working day${days === 1 ? '' : 's'}` : '', hours > 0 ? `${hours} working hour${hours === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.length === 0 ? 'under 1 working hour' : parts.join(' ');
}

function sentences(clock: WorkingClock, calendar: WorkingCalendar, language: Language, appointmentAt: number | undefined): string {
  const vi = language === 'vi';
  const counted = computeDueDate(calendar, clock.epochStartAt, clock.budget);
  const parts = [counted.text[language]];
  if (clock.epoch > 0) {
    parts.push(vi
      ? `Thời hạn được tính lại từ đầu từ ${formatLocalInstant(clock.epochStartAt, language)}, khi nhận đủ hồ sơ bổ sung.`
      : `The period was counted again from ${formatLocalInstant(clock.epochStartAt, language)}, when the supplement arrived.`);
  }
  // Pauses of the current period only: a restart counts afresh and forgets the earlier ones.
  const pauses = clock.pauses.filter((pause) => pause.at >= clock.epochStartAt);
  for (const pause of pauses) {
    if (pause.resumedAt !== undefined) {
      parts.push(vi
        ? `Tạm dừng từ ${formatLocalInstant(pause.at, language)} đến ${formatLocalInstant(pause.resumedAt, language)} (${reasonText(pause, language)}): thời gian này không tính.`
        : `Paused from ${formatLocalInstant(pause.at, language)} to ${formatLocalInstant(pause.resumedAt, language)} (${reasonText(pause, language)}): not counted.`);
    } else {
      const left = workingDurationText(pause.remainingMs, language);
      parts.push(vi
        ? `Đang tạm dừng từ ${formatLocalInstant(pause.at, language)} (${reasonText(pause, language)}); còn ${left}, được tính tiếp khi hồ sơ được bổ sung.`
        : `Paused since ${formatLocalInstant(pause.at, language)} (${reasonText(pause, language)}); ${left} remain, counted again once the supplement arrives.`);
    }
  }
  if (pauses.some((pause) => pause.resumedAt !== undefined) && clock.dueAt !== counted.dueAt && !clock.pauses.some((p) => p.resumedAt === undefined)) {
    const due = formatLocalInstant(clock.dueAt, language, true);
    if (appointmentAt !== undefined && appointmentAt !== clock.dueAt) {
      // Pause policy: the receipt's appointment stands, but the citizen's time is not counted against the agencies.
      parts.push(vi
        ? `Ngày hẹn trên giấy tiếp nhận giữ nguyên; vì thời gian tạm dừng không tính, hồ sơ vẫn đúng hạn nếu được giải quyết xong trước ${due}.`
        : `The appointment on the receipt stands; as the paused time is not counted, the dossier is on time if it is settled by ${due}.`);
    } else {
      parts.push(vi ? `Vì vậy hạn hiện nay là ${due}.` : `The due date is therefore ${due}.`);
    }
  }
  return parts.join(' ');
}

/**
 * The explanation of `clock`'s due date in both languages. For the dossier's clock pass the appointment on the
 * receipt, which a pause does not move (only a restart or an apology letter does).
 */
export function explainClock(clock: WorkingClock, calendar: WorkingCalendar, appointmentAt?: number): LocalizedText {
  return { vi: sentences(clock, calendar, 'vi', appointmentAt), en: sentences(clock, calendar, 'en', appointmentAt) };
}

/** The citizen's window of a bounded wait: until when, counted how, and what happens after. */
export function explainSupplementWindow(pause: ClockPause & { windowDueAt: number }, waitBudget: Budget, calendar: WorkingCalendar): LocalizedText {
  const counted = computeDueDate(calendar, pause.at, waitBudget);
  return {
    vi: `Hạn chót bổ sung: ${formatLocalInstant(pause.windowDueAt, 'vi', true)}. ${counted.text.vi} Quá hạn này, hồ sơ không được tiếp tục giải quyết.`,
    en: `Bring the missing components by ${formatLocalInstant(pause.windowDueAt, 'en', true)}. ${counted.text.en} After that the dossier is not processed further.`,
  };
}

/** Pause and restart policies set no deadline for the citizen: say so, and that the clock waits. */
export function noSupplementDeadline(policy: 'pause' | 'restart'): LocalizedText {
  return policy === 'restart'
    ? {
        vi: 'Pháp luật không quy định thời hạn bổ sung cho thủ tục này. Thời hạn giải quyết dừng lại và được tính lại từ đầu khi cơ quan nhận đủ hồ sơ bổ sung.',
        en: 'The law sets no deadline to bring them for this procedure. The processing period stops and is counted again from the start once the complete supplement arrives.',
      }
    : {
        vi: 'Pháp luật không quy định thời hạn bổ sung cho thủ tục này. Thời hạn giải quyết tạm dừng và được tính tiếp khi cơ quan nhận được hồ sơ bổ sung.',
        en: 'The law sets no deadline to bring them for this procedure. The processing period is paused and resumes once the supplement arrives.',
      };
}
