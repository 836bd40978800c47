/**
 * @module budgetParams — a budget overrun's figures (the engine's `budgetFigures`, in working days) as the catalogue's
 * placeholders, each with its unit in the interface's language: the browser's lint and the server's finding alike,
 * so a finding only the server can make (a call to a deployed procedure) says its numbers too.
 */
import { t } from '../../i18n/locale';

const days = (value: string | number | undefined) => `${value ?? '?'} ${t('unit.workingDays')}`;

export function budgetParams(figures: Record<string, string | number>): Record<string, string | number> {
  const params: Record<string, string | number> = { limit: days(figures.limitDays), agency: figures.agency || '—', called: figures.called ?? '' };
  if (figures.totalDays === undefined) return params;
  return { ...params, total: days(figures.totalDays), excess: days(figures.excessDays), steps: figures.steps ?? '' };
}
