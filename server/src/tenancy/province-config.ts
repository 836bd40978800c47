/**
 * @module province-config — which provinces a server process serves and which it sweeps (issue 18 item 2), read once
 * at start from `PROVINCE_CODE`, `PROVINCES` and `SWEEP_PROVINCES` (main.ts passes them in; nothing else reads them).
 *
 * - A province's own deployment sets `PROVINCE_CODE` (two digits, '00' when unset): every document is that province's,
 *   and work outside any scope acts in it (its home province).
 * - A national deployment sets `PROVINCES=01,79,…` instead: no home province, so every request, sweep and job names
 *   the province it acts in, and a store call that does not fails (`ProvinceScopeMissing`).
 * - `SWEEP_PROVINCES` (all of them by default, `none` for a process that only serves requests) splits the periodic
 *   jobs of a national deployment between processes: the deadline sweeper, the outbox deliverer, the payment
 *   reconciliation and the outbox alarm run once per swept province on each tick.
 */
import { DEFAULT_HOME_PROVINCE, isProvinceCode } from './province-scope';

export interface ProvinceConfig {
  /** Where work outside any scope acts; undefined in a national deployment. */
  homeProvince: string | undefined;
  /** Every province this deployment serves, in the order configured. */
  provinces: string[];
  /** The provinces whose periodic jobs this process runs. */
  sweepProvinces: string[];
}

export interface ProvinceEnv {
  PROVINCE_CODE?: string | undefined;
  PROVINCES?: string | undefined;
  SWEEP_PROVINCES?: string | undefined;
}

/** Thrown with a message naming the variable and what it should hold; main.ts prints it and exits. */
export class ProvinceConfigInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProvinceConfigInvalid';
  }
}

function listOf(variable: string, value: string): string[] {
  const codes = value.split(',').map((code) => code.trim());
  const wrong = codes.filter((code) => !isProvinceCode(code));
  if (wrong.length > 0) throw new ProvinceConfigInvalid(`${variable} lists province codes of two digits separated by commas (e.g. 01,79), not ${wrong.map((code) => JSON.stringify(code)).join(', ')}`);
  const repeated = codes.filter((code, index) => codes.indexOf(code) !== index);
  if (repeated.length > 0) throw new ProvinceConfigInvalid(`${variable} names province ${repeated[0]} twice`);
  return codes;
}

export function parseProvinceConfig(env: ProvinceEnv): ProvinceConfig {
  const provinceCode = env.PROVINCE_CODE?.trim() || undefined;
  const provincesText = env.PROVINCES?.trim() || undefined;
  if (provinceCode !== undefined && provincesText !== undefined) {
    throw new ProvinceConfigInvalid('set PROVINCE_CODE for one province\'s deployment or PROVINCES for a national one, not both');
  }
  if (provinceCode !== undefined && !isProvinceCode(provinceCode)) {
    throw new ProvinceConfigInvalid(`PROVINCE_CODE is the province's code of two digits (e.g. 79), not ${JSON.stringify(provinceCode)}`);
  }
  const homeProvince = provincesText === undefined ? (provinceCode ?? DEFAULT_HOME_PROVINCE) : undefined;
  const provinces = provincesText === undefined ? [homeProvince!] : listOf('PROVINCES', provincesText);

  const sweepText = env.SWEEP_PROVINCES?.trim() || undefined;
  let sweepProvinces = provinces;
  if (sweepText === 'none') sweepProvinces = [];
  else if (sweepText !== undefined) {
    sweepProvinces = listOf('SWEEP_PROVINCES', sweepText);
    const unserved = sweepProvinces.filter((code) => !provinces.includes(code));
    if (unserved.length > 0) throw new ProvinceConfigInvalid(`SWEEP_PROVINCES names ${unserved.join(', ')}, which this deployment does not serve (${provinces.join(', ')})`);
  }
  return { homeProvince, provinces, sweepProvinces };
}
