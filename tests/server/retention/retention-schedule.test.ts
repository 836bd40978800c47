/**
 * Retention's daily run and its keyed hash (issue 18 item 6; Decree 13/2023/NĐ-CP Art. 3: personal data kept no
 * longer than needed), on the simulated clock: the administrator reads the dry run first; from RETENTION_DAILY_AT
 * (Vietnamese time) the day's run expires every dossier due, once a day, in whichever of several processes leased it
 * (another taking over when the holder's lease ran out); what an expired dossier keeps of the applicant's ID number is
 * an HMAC-SHA-256 under the retention key, which the citizen's lookup still matches; without the key nothing expires.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryAttachmentStore } from '../../../server/src/persistence/memory/memory-attachment-store';
import { createMemoryStores } from '../../../server/src/persistence/memory/create-memory-stores';
import { MemoryRetentionStore } from '../../../server/src/persistence/memory/memory-retention-store';
import { parseRetentionConfig } from '../../../server/src/retention/retention-config';
import { createRetentionSchedule, vietnameseDayOf } from '../../../server/src/retention/retention-schedule';
import { TEST_RETENTION_HASH_KEY } from '../../support/test-app';
import { APPLICANT, call, complete, createDossierTestApp, FIXTURE_KEY, openStepOf, receive, type TestApp } from '../dossiers/dossier-fixture';

const DAY_MS = 86_400_000;
const LEASE_MS = 10 * 60_000;
/** 02:00 in Vietnam is 19:00 UTC the day before. */
const vietnamTime = (date: string, hours: number, minutes = 0) => Date.parse(`${date}T00:00:00Z`) + (hours - 7) * 3_600_000 + minutes * 60_000;

/**
 * The fixture app with one dossier returned to the citizen on 3/3/2025, its procedure's dossiers kept one year, then
 * purged; and the retention store its routes use, which the schedule shares (as one database is shared).
 */
async function aReturnedDossier(options: { retentionHashKey?: string | null } = {}) {
  const stores = createMemoryStores();
  const attachments = new MemoryAttachmentStore();
  const retention = new MemoryRetentionStore({ dossiers: stores.dossiers, attachments });
  const t = await createDossierTestApp({ ...options, stores, attachments, retention, deploy: true });
  const returned = await receive(t);
  for (const [user, data] of [['official.motcua', {}], ['official.dkkd', { decision: 'approve', data: { reviewNote: 'đủ' } }], ['official.xaydung', {}], ['official.motcua', {}]] as const) {
    expect((await complete(t, user, (await openStepOf(t, user, returned.id)).id, data)).status).toBe(200);
  }
  expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${returned.id}/return-result`, {})).status).toBe(200);
  expect((await call(t, 'admin', 'PUT', `/api/retention/policies/${FIXTURE_KEY}`, { years: 1, mode: 'purge' })).status).toBe(200);
  return { t, returned, retention };
}

function scheduleOf(t: TestApp, retention: MemoryRetentionStore, owner: string, hashKey: string | null = TEST_RETENTION_HASH_KEY) {
  return createRetentionSchedule({
    deps: { stores: t.stores, retention, attachments: t.attachments, archives: new MemoryAttachmentStore(), clock: t.clock, ...(hashKey ? { hashKey } : {}) },
    owner,
    atMinute: 2 * 60,
    leaseMs: LEASE_MS,
  });
}

const dueCount = async (t: TestApp) =>
  (await call<{ procedures: { key: string; due: { count: number } }[] }>(t, 'admin', 'GET', '/api/retention')).body.procedures.find((p) => p.key === FIXTURE_KEY)!.due.count;

describe('the daily retention run', () => {
  it('waits for 02:00 Vietnamese time, then expires the dossier due once that day, keeping its ID number under the retention key', async () => {
    // given a dossier returned a year and a week ago, the dry run reporting it, and the schedule at 01:59 on 10/3/2026
    const { t, returned, retention } = await aReturnedDossier();
    t.clock.set(vietnamTime('2026-03-10', 1, 59));
    expect(await dueCount(t)).toBe(1);
    const schedule = scheduleOf(t, retention, 'process-a');
    // when it ticks before 02:00, at 02:00, and again at 03:00
    const early = await schedule.tickOnce();
    t.clock.set(vietnamTime('2026-03-10', 2, 0));
    const onTime = await schedule.tickOnce();
    t.clock.set(vietnamTime('2026-03-10', 3, 0));
    const again = await schedule.tickOnce();
    // then only the 02:00 tick ran, expiring the dossier
    expect(early).toEqual([]);
    expect(onTime).toEqual([{ day: '2026-03-10', expired: 1, remaining: 0 }]);
    expect(again).toEqual([]);
    expect(await dueCount(t)).toBe(0);
    // and the dossier keeps an HMAC-SHA-256 of the ID number under the key, not its plain SHA-256
    const stored = await t.stores.dossiers.get(returned.id);
    expect(stored?.applicant.name).toBe('');
    expect(stored?.retention).toMatchObject({
      idNumberDigestAlgorithm: 'hmac-sha256',
      idNumberDigest: createHmac('sha256', TEST_RETENTION_HASH_KEY).update(APPLICANT.idNumber).digest('hex'),
    });
    expect(stored?.retention?.idNumberDigest).not.toBe(createHash('sha256').update(APPLICANT.idNumber).digest('hex'));
    // and the citizen's lookup still tells what became of it, to the right ID number only
    const lookup = await call<{ retention?: { message: string } }>(t, undefined, 'GET', `/api/lookup?code=${returned.dossierCode}&idNumber=${APPLICANT.idNumber}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body.retention?.message).toBe('Hồ sơ đã hết thời hạn lưu trữ, dữ liệu cá nhân đã được xoá.');
    expect((await call(t, undefined, 'GET', `/api/lookup?code=${returned.dossierCode}&idNumber=001085099999`)).status).toBe(404);
  });

  it('runs the day in one of two processes, the other taking it over only when the holder’s lease has run out', async () => {
    // given two processes' schedules on one store, and process A holding today's lease at 02:00 when it died
    const { t, retention } = await aReturnedDossier();
    t.clock.set(vietnamTime('2026-03-10', 2, 0));
    expect(await retention.claimScheduledRun(vietnameseDayOf(t.clock.now()).day, 'process-a', t.clock.now(), LEASE_MS)).toBe(true);
    const b = scheduleOf(t, retention, 'process-b');
    // when B ticks while A's lease runs, then after it ran out
    const whileLeased = await b.tickOnce();
    t.clock.advance(LEASE_MS + 1);
    const afterLease = await b.tickOnce();
    // then B runs the day only once the lease is over, and A's coming back finds the day done
    expect(whileLeased).toEqual([]);
    expect(afterLease).toEqual([{ day: '2026-03-10', expired: 1, remaining: 0 }]);
    expect(await scheduleOf(t, retention, 'process-a').tickOnce()).toEqual([]);
    // and the next day runs again, with nothing left to expire
    t.clock.advance(DAY_MS);
    expect(await b.tickOnce()).toEqual([{ day: '2026-03-11', expired: 0, remaining: 0 }]);
  });

  it('expires nothing without a retention key: the schedule is refused, a run answers a Vietnamese problem, the dry run still reports', async () => {
    // given a server configured without RETENTION_HASH_KEY and a dossier due
    const { t, retention } = await aReturnedDossier({ retentionHashKey: null });
    t.clock.set(vietnamTime('2026-03-10', 2, 0));
    // when a schedule is made and the administrator asks for a run
    const scheduling = () => scheduleOf(t, retention, 'process-a', null);
    const run = await call<{ code: string; title: string }>(t, 'admin', 'POST', '/api/retention/runs', { limit: 10 });
    // then both are refused and the dossier is still due, with its personal data
    expect(scheduling).toThrow(/RETENTION_HASH_KEY/);
    expect(run.status).toBe(409);
    expect(run.body).toMatchObject({ code: 'RETENTION_KEY_MISSING', title: 'Chưa cấu hình khoá băm cho việc hết hạn lưu trữ' });
    expect(await dueCount(t)).toBe(1);
  });
});

describe('parseRetentionConfig', () => {
  it('refuses a daily run without a key, a short key and a time that is not HH:MM; takes a key alone', () => {
    const key = 'k'.repeat(32);
    expect(() => parseRetentionConfig({ RETENTION_DAILY_AT: '02:00' })).toThrow(/RETENTION_HASH_KEY/);
    expect(() => parseRetentionConfig({ RETENTION_HASH_KEY: 'short' })).toThrow(/at least 32/);
    expect(() => parseRetentionConfig({ RETENTION_HASH_KEY: key, RETENTION_DAILY_AT: '2h' })).toThrow(/HH:MM/);
    expect(parseRetentionConfig({ RETENTION_HASH_KEY: key })).toEqual({ hashKey: key });
    expect(parseRetentionConfig({ RETENTION_HASH_KEY: key, RETENTION_DAILY_AT: '02:30' })).toEqual({ hashKey: key, dailyAtMinute: 150 });
    expect(parseRetentionConfig({})).toEqual({});
  });
});
