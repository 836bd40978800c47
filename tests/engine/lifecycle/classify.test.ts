import { describe, expect, it } from 'vitest';
import { classifyFinished, classifyOpen } from '../../../engine/src/lifecycle/index';
import { vn } from './vietnam-time';

const dueAt = vn('2026-05-12T15:00');

describe('classification of finished steps and dossiers', () => {
  it.each([
    ['a day before the due day', vn('2026-05-11T16:00'), 0, 'early'],
    ['on the due day, in the morning', vn('2026-05-12T08:00'), 0, 'onTime'],
    ['exactly at the due instant', dueAt, 0, 'onTime'],
    ['a minute after the due instant', dueAt + 60_000, 0, 'overdue'],
    ['the next day', vn('2026-05-13T08:00'), 0, 'overdue'],
    ['a day early but after two supplement requests', vn('2026-05-11T16:00'), 2, 'overdue'],
    ['a day early after one supplement request', vn('2026-05-11T16:00'), 1, 'early'],
  ] as const)('classifies a result finished %s as %s', (_case, finishedAt, supplementCount, expected) => {
    expect(classifyFinished({ finishedAt, dueAt, supplementCount })).toBe(expected);
  });

  it('counts the local day in Vietnam time, not UTC: 06:30 on the due day is the due day', () => {
    // 2026-05-12T06:30+07:00 is still 11 May in UTC
    expect(classifyFinished({ finishedAt: vn('2026-05-12T06:30'), dueAt })).toBe('onTime');
  });
});

describe('classification of open steps and dossiers', () => {
  it.each([
    ['running before the due instant', { at: dueAt - 1 }, 'inTime'],
    ['running after the due instant', { at: dueAt + 1 }, 'overdue'],
    ['paused before the due instant, judged long after', { at: dueAt + 1e9, pausedAt: dueAt - 1 }, 'pausedInTime'],
    ['paused after the due instant', { at: dueAt + 1e9, pausedAt: dueAt + 1 }, 'pausedOverdue'],
    ['in time but asked to supplement twice', { at: dueAt - 1, supplementCount: 2 }, 'overdue'],
    ['paused in time but asked to supplement twice', { at: dueAt - 1, pausedAt: dueAt - 2, supplementCount: 2 }, 'pausedOverdue'],
  ] as const)('classifies a dossier %s as %s', (_case, facts, expected) => {
    expect(classifyOpen({ dueAt, ...facts })).toBe(expected);
  });
});
