/**
 * @module province-scope — which province a piece of work acts in (issue 18 item 2, "Province tenancy").
 *
 * A national deployment keeps 34 provinces in one database. Every stored document carries `provinceCode`, and every
 * store operation is confined to the province of the work that runs it: a request acts in its principal's province
 * (a national supervisor reads nationally), a background sweep acts in each province in turn. The scope travels with
 * the work through `AsyncLocalStorage` (Node's async context) rather than as a parameter of every store method, so
 * that the adapters apply it in one place (`province-scoped-plugin.ts`, the memory partitions) and no route, use case
 * or engine call can forget it: a store call outside any scope either acts in the deployment's home province (a
 * single-province deployment) or, in a national deployment (no home province), fails.
 *
 * A national scope reads every province and writes none: a national supervisor watches, a province acts.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type ProvinceScope = { kind: 'province'; provinceCode: string } | { kind: 'national' };

/** Two digits, as the national list of administrative units numbers provinces (Decision 124/2004/QĐ-TTg, as amended). */
export const PROVINCE_CODE_PATTERN = /^[0-9]{2}$/;

/** The code documents of a single-province deployment carry when no `PROVINCE_CODE` is configured. */
export const DEFAULT_HOME_PROVINCE = '00';

/** Thrown when a store is used outside any province in a deployment without a home province. */
export class ProvinceScopeMissing extends Error {
  constructor(operation: string) {
    super(`${operation} ran outside any province, and this deployment has no home province: run it inProvince(code, …)`);
    this.name = 'ProvinceScopeMissing';
  }
}

/** Thrown when a national scope (which reads every province) tries to write, or a write names another province. */
export class ProvinceWriteRefused extends Error {
  constructor(operation: string, detail: string) {
    super(`${operation}: ${detail}`);
    this.name = 'ProvinceWriteRefused';
  }
}

const storage = new AsyncLocalStorage<ProvinceScope>();
let homeProvince: string | undefined = DEFAULT_HOME_PROVINCE;

export function isProvinceCode(value: unknown): value is string {
  return typeof value === 'string' && PROVINCE_CODE_PATTERN.test(value);
}

/**
 * Sets the province that work outside any scope acts in: the deployment's own (`PROVINCE_CODE`), or none for a
 * national deployment, where every request, sweep and job must name its province. Called once, at start.
 */
export function setHomeProvince(provinceCode: string | undefined): void {
  if (provinceCode !== undefined && !isProvinceCode(provinceCode)) throw new Error(`A province code is two digits, not ${JSON.stringify(provinceCode)}`);
  homeProvince = provinceCode;
}

export function homeProvinceCode(): string | undefined {
  return homeProvince;
}

/** Runs `work` (and everything it awaits) acting in one province. */
export function inProvince<T>(provinceCode: string, work: () => T): T {
  if (!isProvinceCode(provinceCode)) throw new Error(`A province code is two digits, not ${JSON.stringify(provinceCode)}`);
  return storage.run({ kind: 'province', provinceCode }, work);
}

/** Runs `work` reading every province; any write inside it is refused. */
export function nationally<T>(work: () => T): T {
  return storage.run({ kind: 'national' }, work);
}

/** The scope the current work runs in: its own, else the home province; throws when there is neither. */
export function currentProvinceScope(operation = 'A store operation'): ProvinceScope {
  const scope = storage.getStore();
  if (scope) return scope;
  if (homeProvince !== undefined) return { kind: 'province', provinceCode: homeProvince };
  throw new ProvinceScopeMissing(operation);
}

/** The province the current work may write in; throws in a national scope. */
export function writingProvince(operation = 'A store write'): string {
  const scope = currentProvinceScope(operation);
  if (scope.kind === 'national') throw new ProvinceWriteRefused(operation, 'a national scope reads every province and writes none');
  return scope.provinceCode;
}

/** The filter that confines a read to the current scope: `{ provinceCode }`, or nothing nationally. */
export function provinceFilter(operation = 'A store read'): { provinceCode?: string } {
  const scope = currentProvinceScope(operation);
  return scope.kind === 'national' ? {} : { provinceCode: scope.provinceCode };
}
