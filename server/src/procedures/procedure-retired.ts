/**
 * @module procedure-retired — the refusal every way in gives a new dossier of a retired procedure ("đã ngừng áp
 * dụng", issue 18): the counter, the citizen's online submission and the national portal alike, and a deploy over
 * the retirement. In Vietnamese, since the citizen and the official read it as it is.
 */
import { Refusal } from '../../../engine/src/index';
import type { ProcedureRetirement } from '../stores';

/** dd/mm/yyyy in Vietnam's time (UTC+7, no daylight saving). */
function vietnamDate(at: number): string {
  const day = new Date(at + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(day.getUTCDate())}/${two(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

/** 409 `PROCEDURE_RETIRED`, naming the day and the reason. */
export function procedureRetired(key: string, retirement: ProcedureRetirement): Refusal {
  return new Refusal({
    kind: 'conflict',
    code: 'PROCEDURE_RETIRED',
    title: 'Thủ tục hành chính đã ngừng áp dụng',
    detail: `Thủ tục ${key} đã ngừng áp dụng từ ngày ${vietnamDate(retirement.at)}, không tiếp nhận hồ sơ mới. Lý do: ${retirement.reason}`,
    extensions: { procedureKey: key },
  });
}
