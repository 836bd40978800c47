/**
 * One tick of a periodic job in a national deployment runs once per province, inside that province (issue 18 item 2):
 * the deadline sweeper, the outbox deliverer, the payment reconciliation, the outbox alarm and the heatmap's poll all
 * go through `runInEachProvince`, so a province whose run fails is reported and the next province still runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { currentProvinceScope, DEFAULT_HOME_PROVINCE, setHomeProvince } from '../../../server/src/tenancy/province-scope';
import { runInEachProvince } from '../../../server/src/tenancy/run-in-each-province';

const scopeNow = () => {
  const scope = currentProvinceScope();
  return scope.kind === 'province' ? scope.provinceCode : 'national';
};

describe('a periodic job run in each province', () => {
  afterEach(() => setHomeProvince(DEFAULT_HOME_PROVINCE));

  it('runs once per province, one after another, each run inside its own province', async () => {
    // given a national deployment
    setHomeProvince(undefined);
    const seen: string[] = [];
    // when
    const results = await runInEachProvince(['01', '79', '48'], async (provinceCode) => {
      await Promise.resolve();
      seen.push(`${provinceCode} in ${scopeNow()}`);
      return provinceCode;
    }, () => undefined);
    // then
    expect(seen).toEqual(['01 in 01', '79 in 79', '48 in 48']);
    expect(results).toEqual(['01', '79', '48']);
  });

  it('reports a province whose run fails and still runs the provinces after it', async () => {
    // given
    setHomeProvince(undefined);
    const failures: [string, string][] = [];
    // when
    const results = await runInEachProvince(['01', '79'], async (provinceCode) => {
      if (provinceCode === '01') throw new Error('the gateway of 01 is down');
      return scopeNow();
    }, (error, provinceCode) => failures.push([provinceCode, (error as Error).message]));
    // then
    expect(failures).toEqual([['01', 'the gateway of 01 is down']]);
    expect(results).toEqual(['79']);
  });

  it('runs once in the caller\'s scope, its failure the caller\'s, when built without provinces (one province\'s deployment)', async () => {
    // given a deployment of province 79 alone
    setHomeProvince('79');
    // when / then
    expect(await runInEachProvince(undefined, async () => scopeNow(), () => undefined)).toEqual(['79']);
    await expect(runInEachProvince(undefined, async () => Promise.reject(new Error('down')), () => undefined)).rejects.toThrow('down');
  });
});
