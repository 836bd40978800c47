/**
 * The day's dossier counter is named after the agency (`<agency>-yyMMdd`) and agency identifiers are national, so two
 * provinces never share one; if a misconfiguration gives one identifier to two provinces, the second province's
 * receipt must fail with a message rather than retry for ever against the first province's counter.
 */
import { describe, expect, it } from 'vitest';
import { useContractDatabase } from '../../contracts/support/contract-database';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { inProvince } from '../../../server/src/tenancy/province-scope';

const { freshDb } = useContractDatabase('day counter across provinces');

describe("the day's dossier counter on MongoDB", () => {
  it('refuses, rather than spins, a counter name another province already holds', async () => {
    // given province 01 numbered a receipt on its agency's counter
    const stores = await createMongoStores(freshDb('counter'));
    expect(await inProvince('01', async () => await stores.dossiers.nextSequence('H01-261207', 'dossier-a'))).toBe(1);
    // when province 79 asks for the same counter name
    const asked = inProvince('79', async () => await stores.dossiers.nextSequence('H01-261207', 'dossier-b'));
    // then it fails naming the cause, and province 01 goes on counting
    await expect(asked).rejects.toThrow(/held by another province/);
    expect(await inProvince('01', async () => await stores.dossiers.nextSequence('H01-261207', 'dossier-c'))).toBe(2);
  });
});
