/**
 * @module run-in-each-province — one tick of a periodic job (the deadline sweeper, the outbox deliverer, the payment
 * reconciliation, the outbox alarm, the heatmap's poll) run once per province, each run inside its province's scope
 * (province-scope.ts), so that what it claims, reads and writes stays in that province. The provinces run one after
 * another; a province whose run fails is reported and the others still run, so one province's broken document or
 * unreachable gateway does not stop another province's deadlines.
 *
 * Without a list (a job built without `provinces`, as a province's own deployment and most tests build them) the job
 * runs once in whatever scope its caller is in, and its failure is its caller's, as before.
 */
import { inProvince } from './province-scope';

export async function runInEachProvince<T>(
  provinces: readonly string[] | undefined,
  work: (provinceCode: string | undefined) => Promise<T>,
  onError: (error: unknown, provinceCode: string) => void,
): Promise<T[]> {
  if (provinces === undefined) return [await work(undefined)];
  const results: T[] = [];
  for (const provinceCode of provinces) {
    try {
      results.push(await inProvince(provinceCode, async () => await work(provinceCode)));
    } catch (error) {
      onError(error, provinceCode);
    }
  }
  return results;
}
