/**
 * A national deployment's deadline sweeper (issue 18 item 2, "Province tenancy") sweeps each province in its own scope
 * on one database: the due step clocks of two provinces' dossiers both fire, each dossier's documents change only in
 * its own province, and a province whose sweep fails does not stop the other's deadlines (Decree 61/2018/NĐ-CP
 * Art. 19: a step's time limit runs whatever happens to another province). On the mongoose adapter (MONGODB_URI, else
 * the embedded database), with no home province, so any store call left outside a province fails.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { parseProcedure } from '../../../engine/src/index';
import { createStoredCalendarSource } from '../../../server/src/calendars/stored-calendar-source';
import { receiveDossier } from '../../../server/src/dossiers/receive-dossier';
import { createMongoCalendarStore } from '../../../server/src/persistence/mongo/mongo-calendar-store';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { MongoDossierFactsStore } from '../../../server/src/persistence/mongo/mongo-dossier-facts-store';
import { createDeadlineSweeper } from '../../../server/src/sweeper/deadline-sweeper';
import { currentProvinceScope, DEFAULT_HOME_PROVINCE, inProvince, setHomeProvince } from '../../../server/src/tenancy/province-scope';
import { useContractDatabase } from '../../contracts/support/contract-database';
import { createSimulatedClock } from '../../support/test-app';
import { APPLICANT, FIXTURE_KEY, VALID_FORM } from '../dossiers/dossier-fixture';
import { vn } from './sweeper-fixture';

const { freshDb } = useContractDatabase('deadline sweeper per province');
const fixtureXml = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');
/** The collections that hold a dossier's documents, each naming it by `dossierId` (the dossier and its facts by `_id`). */
const DOSSIER_COLLECTIONS = ['steps', 'timers', 'progress', 'audit', 'outbox'] as const;

/** Two provinces on one database: the fixture procedure deployed in each, and one dossier received at each one's counter. */
async function twoProvinces(db: Connection) {
  const clock = createSimulatedClock(vn(2025, 3, 3, 8, 37));
  const stores = await createMongoStores(db);
  const outbox = await createMongoOutboxStore(db, { consumers: ['test'] });
  const facts = await MongoDossierFactsStore.create(db);
  const calendars = createStoredCalendarSource(await createMongoCalendarStore(db));
  const deps = { stores, outbox, facts, clock, calendars, newId: randomUUID };
  const { definition } = await parseProcedure(fixtureXml);
  const dossierIn = (provinceCode: string) =>
    inProvince(provinceCode, async () => {
      await stores.procedures.deploy({ key: FIXTURE_KEY, name: 'Thủ tục liên thông', xml: fixtureXml, definition: definition!, deployedAt: clock.now(), deployedBy: 'test' });
      // Agency identifiers are national (the dossier code's agency part), so each province's centre has its own.
      const agencyId = `ttpvhcc-${provinceCode}`;
      const dossier = await receiveDossier(deps, { procedureKey: FIXTURE_KEY, agencyId, applicant: APPLICANT, form: VALID_FORM }, { id: `u-counter-${provinceCode}`, agencyId, departmentId: 'quay-mot-cua' });
      return dossier.id;
    });
  return { deps, dossiers: { '01': await dossierIn('01'), '79': await dossierIn('79') } };
}

/** The province of every document of `dossierId`, read from the database itself. */
async function provincesOfDocuments(db: Connection, dossierId: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const name of ['dossiers', 'dossierFacts']) {
    for (const doc of await db.collection(name).find({ _id: dossierId as never }).toArray()) found.add(String(doc.provinceCode));
  }
  for (const name of DOSSIER_COLLECTIONS) {
    for (const doc of await db.collection(name).find({ dossierId }).toArray()) found.add(String(doc.provinceCode));
  }
  return found;
}

describe('the deadline sweeper of a national deployment', () => {
  afterEach(() => setHomeProvince(DEFAULT_HOME_PROVINCE));

  it('fires the due step clocks of two provinces, each in its own province, on one tick', { timeout: 60_000 }, async () => {
    // given a national deployment (no home province) with one dossier received in province 01 and one in 79
    setHomeProvince(undefined);
    const db = freshDb('sweep-provinces');
    const { deps, dossiers } = await twoProvinces(db);
    const errors: unknown[] = [];
    const sweeper = createDeadlineSweeper({ ...deps, owner: 'server-a', provinces: ['01', '79'], onError: (error) => errors.push(error) });
    const overdueOf = async (dossierId: string) => (await db.collection('outbox').find({ dossierId, 'payload.event': 'step.overdue' }).toArray()).map((entry) => entry.provinceCode as string);

    // when the counter steps' time has run out (Monday 16:00, half a working day after receipt) and the sweeper ticks
    deps.clock.set(vn(2025, 3, 3, 16, 0));
    const fired = await sweeper.sweepOnce();

    // then both provinces' step clocks fired, each told in its own province
    expect(errors).toEqual([]);
    expect(fired).toBeGreaterThanOrEqual(2);
    expect(await overdueOf(dossiers['01'])).toEqual(['01']);
    expect(await overdueOf(dossiers['79'])).toEqual(['79']);
    // and every document of each dossier (the dossier, steps, timers, progress, audit, outbox, facts) is its province's
    expect(await provincesOfDocuments(db, dossiers['01'])).toEqual(new Set(['01']));
    expect(await provincesOfDocuments(db, dossiers['79'])).toEqual(new Set(['79']));
    // and nothing due is left in either province
    const left = await db.collection('timers').countDocuments({ status: 'scheduled', dueAt: { $lte: deps.clock.now() } });
    expect(left).toBe(0);
  });

  it('goes on with the other provinces when one province\'s sweep fails, and reports which one failed', { timeout: 60_000 }, async () => {
    // given two provinces' due timers, and province 01's timers unreadable (its claim fails)
    setHomeProvince(undefined);
    const db = freshDb('sweep-provinces-failing');
    const { deps, dossiers } = await twoProvinces(db);
    const claimDue = deps.stores.timers.claimDue.bind(deps.stores.timers);
    deps.stores.timers.claimDue = async (...args) => {
      const scope = currentProvinceScope();
      if (scope.kind === 'province' && scope.provinceCode === '01') throw new Error('province 01 timers unreadable');
      return claimDue(...args);
    };
    const failures: [string, string | undefined][] = [];
    const sweeper = createDeadlineSweeper({ ...deps, owner: 'server-a', provinces: ['01', '79'], onError: (error, _timerId, provinceCode) => failures.push([(error as Error).message, provinceCode]) });

    // when the sweeper ticks after the counter steps are due
    deps.clock.set(vn(2025, 3, 3, 16, 0));
    await sweeper.sweepOnce();

    // then province 01's failure is reported with its province, and province 79's clock fired all the same
    expect(failures).toEqual([['province 01 timers unreadable', '01']]);
    expect(await db.collection('outbox').countDocuments({ dossierId: dossiers['79'], 'payload.event': 'step.overdue' })).toBe(1);
    expect(await db.collection('outbox').countDocuments({ dossierId: dossiers['01'], 'payload.event': 'step.overdue' })).toBe(0);
  });
});
