/**
 * @module budgetHours — budgets compared in working hours: systems count 8 working hours per day (DOMAIN.md "Time");
 * a calendar day is counted as a working day here, which only approximates mixed-unit sums.
 */
const HOURS_PER_UNIT: Record<string, number> = { workingDays: 8, workingHours: 1, calendarDays: 8, sameDay: 8 };

/** Working hours of `value` `unit`; `undefined` when the value is missing or not a number (sameDay needs none). */
export function budgetHours(value: string, unit: string): number | undefined {
  const resolvedUnit = unit || 'workingDays';
  if (resolvedUnit === 'sameDay') return 8;
  if (!/^\d+(\.\d+)?$/.test(value)) return undefined;
  return Number(value) * (HOURS_PER_UNIT[resolvedUnit] ?? 8);
}
