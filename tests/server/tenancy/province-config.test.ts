/**
 * Which provinces a server process serves and sweeps (issue 18 item 2), from PROVINCE_CODE, PROVINCES and
 * SWEEP_PROVINCES: a mistyped value stops the start with a message naming the variable, before any document is
 * written in the wrong province. Province codes are the two digits of the national list of administrative units.
 */
import { describe, expect, it } from 'vitest';
import { parseProvinceConfig } from '../../../server/src/tenancy/province-config';

describe('the province configuration', () => {
  it('serves home province 00 and sweeps it when nothing is set, as a single-province deployment always has', () => {
    expect(parseProvinceConfig({})).toEqual({ homeProvince: '00', provinces: ['00'], sweepProvinces: ['00'] });
  });

  it('serves and sweeps the PROVINCE_CODE of a province\'s own deployment as its home province', () => {
    expect(parseProvinceConfig({ PROVINCE_CODE: '79' })).toEqual({ homeProvince: '79', provinces: ['79'], sweepProvinces: ['79'] });
  });

  it('gives a national deployment (PROVINCES) no home province and sweeps every province it serves by default', () => {
    expect(parseProvinceConfig({ PROVINCES: '01, 79,48' })).toEqual({ homeProvince: undefined, provinces: ['01', '79', '48'], sweepProvinces: ['01', '79', '48'] });
  });

  it('sweeps only the SWEEP_PROVINCES named, or none', () => {
    expect(parseProvinceConfig({ PROVINCES: '01,79,48', SWEEP_PROVINCES: '79' }).sweepProvinces).toEqual(['79']);
    expect(parseProvinceConfig({ PROVINCES: '01,79', SWEEP_PROVINCES: 'none' }).sweepProvinces).toEqual([]);
  });

  it('refuses a code that is not two digits, a province named twice, both variables at once, and sweeping a province not served', () => {
    expect(() => parseProvinceConfig({ PROVINCE_CODE: '7' })).toThrow(/PROVINCE_CODE .*two digits.*"7"/);
    expect(() => parseProvinceConfig({ PROVINCES: '01,HN' })).toThrow(/PROVINCES .*two digits.*"HN"/);
    expect(() => parseProvinceConfig({ PROVINCES: '01,79,01' })).toThrow(/PROVINCES names province 01 twice/);
    expect(() => parseProvinceConfig({ PROVINCE_CODE: '01', PROVINCES: '01,79' })).toThrow(/not both/);
    expect(() => parseProvinceConfig({ PROVINCES: '01,79', SWEEP_PROVINCES: '48' })).toThrow(/SWEEP_PROVINCES names 48, which this deployment does not serve \(01, 79\)/);
  });
});
