/**
 * Duration fitting and the arrival model against hand-computed values: empirical percentiles as numpy and R compute
 * them (type 7), the lognormal maximum-likelihood fit on few samples, the fallback when there is no history, and the
 * Poisson arrivals in working time with their weekday factors.
 */
import { describe, expect, it } from 'vitest';
import {
  arrivalInstants, createRandomSource, createVietnamWorkingCalendar, fitDuration, fromLocalDateTime, localDayOf, meanDuration,
  sampleDuration, weekdayOf,
} from '../../../engine/src/index';

const H = 3_600_000;

describe('fitting step durations', () => {
  it('uses the measured durations themselves from 30 samples on, with their median and 90th percentile', () => {
    const samples = Array.from({ length: 40 }, (_, index) => (index + 1) * H);
    const fitted = fitDuration(samples);
    expect(fitted.method).toBe('empirical');
    expect(fitted.sampleSize).toBe(40);
    // type 7: position (n−1)q → 19.5 → 20.5 h; 35.1 → 36.1 h
    expect(fitted.p50Ms).toBeCloseTo(20.5 * H, 6);
    expect(fitted.p90Ms).toBeCloseTo(36.1 * H, 6);
    const random = createRandomSource(9);
    const draws = Array.from({ length: 20_000 }, () => sampleDuration(fitted.distribution, random));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(H);
    expect(Math.max(...draws)).toBeLessThanOrEqual(40 * H);
    // the mean of the draws is the sample mean 20.5 h within 4 standard errors (σ of uniform on [1, 40] h ≈ 11.3 h)
    const mean = draws.reduce((sum, ms) => sum + ms, 0) / draws.length;
    expect(Math.abs(mean - 20.5 * H)).toBeLessThan(4 * (11.3 * H) / Math.sqrt(draws.length));
  });

  it('fits a lognormal by maximum likelihood when a step has only a few samples, and says so with the sample size', () => {
    // ln of 1, e, e² hours: mean ln(H) + 1, population standard deviation √(2/3)
    const fitted = fitDuration([H, Math.E * H, Math.E ** 2 * H]);
    expect(fitted.method).toBe('lognormal');
    expect(fitted.sampleSize).toBe(3);
    expect(fitted.distribution).toMatchObject({ kind: 'lognormal' });
    if (fitted.distribution.kind !== 'lognormal') throw new Error('unreachable');
    expect(fitted.distribution.mu).toBeCloseTo(Math.log(H) + 1, 12);
    expect(fitted.distribution.sigma).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(meanDuration(fitted.distribution)).toBeCloseTo(Math.exp(Math.log(H) + 1 + 1 / 3), 3);
  });

  it('falls back to what the analyst typed (or the budget) when there is no history, and to the single value when there is one', () => {
    const budget = { kind: 'fixed' as const, ms: 8 * H };
    expect(fitDuration([], { fallback: budget })).toEqual({ distribution: budget, method: 'fallback', sampleSize: 0 });
    expect(fitDuration([2 * H], { fallback: budget })).toMatchObject({ distribution: { kind: 'fixed', ms: 2 * H }, method: 'single', sampleSize: 1, p50Ms: 2 * H });
  });
});

describe('the arrival model', () => {
  const calendar = createVietnamWorkingCalendar();
  const period = { fromAt: fromLocalDateTime('2026-03-02T00:00'), toAt: fromLocalDateTime('2026-05-25T00:00') };

  it('receives dossiers only in working hours, about the rate times the working days (Poisson: within 4 standard deviations)', () => {
    const instants = arrivalInstants(calendar, period, { perWorkingDay: 50 }, createRandomSource(1));
    // 2/3–22/5/2026: 12 weeks = 60 weekdays, minus the Hùng Kings' day (27/4), 30/4 and 1/5 → 57 working days
    const expected = 50 * 57;
    expect(Math.abs(instants.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
    const hours = new Set(instants.map((at) => new Date(at + 7 * H).getUTCHours()));
    for (const hour of hours) expect([7, 8, 9, 10, 11, 13, 14, 15, 16]).toContain(hour);
    expect(instants.every((at) => ![0, 6].includes(weekdayOf(localDayOf(at))))).toBe(true);
  });

  it('follows weekday factors: twice the rate on Mondays gives Mondays a third of the dossiers of a plain week', () => {
    const instants = arrivalInstants(calendar, { fromAt: fromLocalDateTime('2026-06-01T00:00'), toAt: fromLocalDateTime('2026-08-31T00:00') },
      { perWorkingDay: 40, weekdayFactors: { monday: 2 } }, createRandomSource(2));
    const mondays = instants.filter((at) => weekdayOf(localDayOf(at)) === 1).length;
    // 6 day-weights per week, 2 of them Monday's: p = 1/3 (binomial, within 4 standard deviations)
    const p = 1 / 3;
    expect(Math.abs(mondays / instants.length - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / instants.length));
  });
});
