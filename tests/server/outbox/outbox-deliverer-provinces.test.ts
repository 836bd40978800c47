/**
 * A national deployment's outbox deliverer (issue 18 item 2, "Province tenancy") takes each province's entries to the
 * consumers inside that province, on one MongoDB outbox (MONGODB_URI, else the embedded database): a consumer reads
 * the dossier of an entry in the entry's province, and a province whose round fails does not hold back the other's
 * notifications. No home province, so an unscoped outbox call fails.
 */
import type { Connection } from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxConsumer } from '../../../server/src/outbox/outbox-consumer';
import { createOutboxDeliverer } from '../../../server/src/outbox/outbox-deliverer';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { currentProvinceScope, DEFAULT_HOME_PROVINCE, inProvince, setHomeProvince } from '../../../server/src/tenancy/province-scope';
import { useContractDatabase } from '../../contracts/support/contract-database';
import { createSimulatedClock } from '../../support/test-app';
import { aProgressEntry, RECEIVED_AT } from './outbox-fixtures';

const { freshDb } = useContractDatabase('outbox deliverer per province');

/** A consumer that notes, for each entry delivered, the province the delivery ran in. */
function recordingConsumer(failIn?: string) {
  const delivered: [string, string][] = [];
  const consumer: OutboxConsumer = {
    name: 'recorder',
    accepts: () => true,
    async deliver(entry) {
      const scope = currentProvinceScope();
      const provinceCode = scope.kind === 'province' ? scope.provinceCode : 'national';
      if (provinceCode === failIn) throw new Error(`province ${failIn} unreachable`);
      delivered.push([entry.dossierId, provinceCode]);
    },
  };
  return { consumer, delivered };
}

/** Two provinces' entries in one outbox: dossier `d01` in province 01, `d79` in 79. */
async function twoProvincesOutbox(db: Connection) {
  const outbox = await createMongoOutboxStore(db, { consumers: ['recorder'] });
  await inProvince('01', async () => await outbox.enqueue([aProgressEntry('d01', 1), aProgressEntry('d01', 2)]));
  await inProvince('79', async () => await outbox.enqueue([aProgressEntry('d79', 1)]));
  return outbox;
}

describe('the outbox deliverer of a national deployment', () => {
  afterEach(() => setHomeProvince(DEFAULT_HOME_PROVINCE));

  it('delivers each province\'s entries inside that province, in order per dossier, on one round', { timeout: 60_000 }, async () => {
    // given a national deployment with entries of dossiers of provinces 01 and 79 in one outbox
    setHomeProvince(undefined);
    const outbox = await twoProvincesOutbox(freshDb('outbox-provinces'));
    const { consumer, delivered } = recordingConsumer();
    const deliverer = createOutboxDeliverer({ outbox, consumers: [consumer], clock: createSimulatedClock(RECEIVED_AT + 1_000), owner: 'process-a', provinces: ['01', '79'] });

    // when it delivers until nothing is left
    while ((await deliverer.deliverOnce()) > 0);

    // then every entry went out once, each in its own dossier's province
    expect(delivered).toEqual([
      ['d01', '01'],
      ['d79', '79'],
      ['d01', '01'],
    ]);
  });

  it('goes on with the other province when one province\'s deliveries fail, retrying them later', { timeout: 60_000 }, async () => {
    // given province 01's consumer unreachable
    setHomeProvince(undefined);
    const outbox = await twoProvincesOutbox(freshDb('outbox-provinces-failing'));
    const { consumer, delivered } = recordingConsumer('01');
    const deliverer = createOutboxDeliverer({ outbox, consumers: [consumer], clock: createSimulatedClock(RECEIVED_AT + 1_000), owner: 'process-a', provinces: ['01', '79'] });

    // when a round runs
    await deliverer.deliverOnce();

    // then province 79's entry went out and province 01's waits for its retry
    expect(delivered).toEqual([['d79', '79']]);
    const pending = await inProvince('01', async () => (await outbox.tallyByConsumer()).find((tally) => tally.consumer === 'recorder'));
    expect(pending?.retrying).toBe(1);
    expect(pending?.failingSince).toBeDefined();
  });
});
