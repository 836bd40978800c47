/**
 * Dashboard benchmark (`npm run bench:dashboard`, `-- --quick` for 100,000): the supervisors' summary, breakdowns,
 * trend and heatmap at 1,000,000 dossiers over 34 provinces, read from the rollups kept in the database (issue 18),
 * beside the former design (every dossier's facts held in the process and computed over on each query) in the same run.
 *
 * Seeding: 600 dossiers go through the dossier core's use cases on a simulated clock (receive, complete, supplement,
 * return); their facts records are copied, shifted by whole weeks over 2025 and given one of 34 provinces (its own
 * agencies and departments). Running 1,000,000 dossiers through the use cases takes days, and writing 1,000,000 facts
 * documents to the emulator the better part of an hour, so the database receives what production would hold for the
 * queries timed: every rollup document the 1,000,000 dossiers produce (computed from their facts with the same
 * `rollupIncrements` the unit of work applies, merged per document, inserted in batches) and the facts of the dossiers
 * with an open step (what the step counts and the heatmap read). Copies older than the last two weeks are finished
 * dossiers, as a real history is. The former design is timed on `--legacy=N` facts (100,000 by default) in process
 * memory, the cache `main.ts` kept, with the same functions; its time grows with the dossiers it holds (it reads each
 * one per query). `--dossiers=N` changes the total. Prints p50/p95 per query and the peak RSS; writes
 * bench/results/dashboard.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../server/src/logger';
import { connectMongoose } from '../server/src/persistence/mongo/connect-mongoose';
import { startDatabase } from '../server/src/persistence/mongo/start-database';
import { MongoDossierFactsStore } from '../server/src/persistence/mongo/mongo-dossier-facts-store';
import { MemoryDossierFactsStore } from '../server/src/persistence/memory/memory-dossier-facts-store';
import { mergeIncrements, rollupIncrements, type RollupIncrement } from '../server/src/statistics/dossier-rollup';
import { summaryFromFacts } from '../server/src/statistics/stats-summary';
import { breakdownFromFacts } from '../server/src/statistics/stats-breakdown';
import { trendFromFacts } from '../server/src/statistics/stats-trend';
import { resolveStatsScope } from '../server/src/statistics/stats-scope';
import type { StatsDeps } from '../server/src/statistics/stats-deps';
import type { DossierFactsRecord } from '../server/src/statistics/dossier-facts-record';
import type { DossierFactsStore } from '../server/src/statistics/dossier-facts-store';
import { createRandom, seedDossiers } from '../tests/support/seed-dossiers';
import { createSimulatedClock, createTestApp } from '../tests/support/test-app';

const quick = process.argv.includes('--quick');
const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const TOTAL = Number(argument('dossiers') ?? (quick ? 100_000 : 1_000_000));
const LEGACY = Number(argument('legacy') ?? (quick ? 20_000 : 100_000));
const PROVINCES = 34;
const TEMPLATES = quick ? 200 : 600;
const RUNS = quick ? 5 : 15;
const WEEK = 7 * 86_400_000;
const START = Date.UTC(2025, 0, 6, 1, 0); // Monday 6 January 2025, 08:00 in Vietnam
const TEMPLATE_STOP = START + 6 * WEEK + 3 * 86_400_000;
const WEEKS = 46;
const NOW = TEMPLATE_STOP + WEEKS * WEEK;
/** Copies shifted into these last weeks may still be open; older ones are finished dossiers. */
const OPEN_WEEKS = 2;
const root = resolve(fileURLToPath(new URL('.', import.meta.url)));

const QUERIES = [
  { name: 'summary (national, 2025)', path: '/api/stats/summary?from=2025-01-01&to=2025-12-31' },
  { name: 'summary (this month, to now)', path: '/api/stats/summary' },
  { name: 'breakdown by agency (2025)', path: '/api/stats/breakdown?by=agency&from=2025-01-01&to=2025-12-31' },
  { name: 'breakdown by procedure (2025)', path: '/api/stats/breakdown?by=procedure&from=2025-01-01&to=2025-12-31' },
  { name: 'trend by month (2025)', path: '/api/stats/trend?interval=month&from=2025-01-01&to=2025-12-31' },
  { name: 'trend by week (2025)', path: '/api/stats/trend?interval=week&from=2025-01-01&to=2025-12-31' },
  { name: 'heatmap (one procedure version)', path: '/api/heatmap/seed-xay-dung/versions/1' },
];

/** Real facts from dossiers run through the dossier core. */
async function seedTemplates(): Promise<DossierFactsRecord[]> {
  const t = await createTestApp({ startAt: START });
  const analyst = await t.as('analyst');
  await seedDossiers(
    {
      ...t,
      deploy: async (key, xml) => {
        const response = await t.app.request('/api/procedures', { method: 'POST', headers: { ...analyst, 'content-type': 'application/json' }, body: JSON.stringify({ key, xml }) });
        if (response.status !== 201) throw new Error(`deploy ${key}: ${response.status}`);
      },
    },
    { count: TEMPLATES, startAt: START, days: 40, stopAt: TEMPLATE_STOP },
  );
  return [...(await t.facts.list({}))];
}

/** Copies of the templates, each shifted by whole weeks (weekdays and working hours kept) into one of 34 provinces. */
function* copies(templates: readonly DossierFactsRecord[], total: number): Generator<DossierFactsRecord & { provinceCode: string }> {
  const random = createRandom(100_000);
  const finished = templates.filter((template) => template.endAt !== undefined && template.openSteps.length === 0);
  for (let i = 0; i < total; i += 1) {
    const week = Math.floor(random() * WEEKS);
    // Older copies are finished dossiers (a history), the last weeks' may be open.
    const pool = week >= WEEKS - OPEN_WEEKS ? templates : finished;
    const template = pool[i % pool.length]!;
    const shift = week * WEEK;
    const province = i % PROVINCES;
    const code = String(province + 1).padStart(2, '0');
    const move = (at: number | undefined) => (at === undefined ? undefined : at + shift);
    // Province 01 keeps the seeded agencies (their names label the rows); the others have their own.
    const unit = (id: string) => (province === 0 ? id : `${id}.P${code}`);
    const json = JSON.stringify(template, (key, value: unknown) => {
      if (typeof value === 'number' && /At$|^from$|^to$/.test(key)) return move(value);
      if (typeof value === 'string' && /^(agencyId|departmentId)$/.test(key)) return unit(value);
      if (Array.isArray(value) && /^(agencyIds|departmentIds)$/.test(key)) return (value as string[]).map(unit);
      return value;
    });
    const copy = JSON.parse(json) as DossierFactsRecord & { provinceCode: string };
    copy.dossierId = `bench-${i}`;
    copy.dossierCode = `BENCH-${String(i).padStart(7, '0')}`;
    copy.provinceCode = code;
    copy.terminalAt = Object.fromEntries(Object.entries(template.terminalAt).map(([status, at]) => [status, at + shift]));
    for (const step of [...copy.steps, ...copy.openSteps]) step.stepId = `${copy.dossierId}.${step.stepId}`;
    yield copy;
  }
}

/**
 * The database as production would hold it for these queries: the rollups of all `TOTAL` dossiers, and the facts of
 * those with an open step (their rollups added by `putMany` itself, the others' merged and inserted in batches).
 */
async function fillDatabase(facts: DossierFactsStore, templates: readonly DossierFactsRecord[]): Promise<{ fillMs: number; rollupDocuments: number; openFacts: number }> {
  const started = performance.now();
  const merged = new Map<string, RollupIncrement>();
  let open: DossierFactsRecord[] = [];
  let openFacts = 0;
  for (const copy of copies(templates, TOTAL)) {
    if (copy.openSteps.length > 0) {
      // The stored facts carry no province yet (tenancy is issue 18's item 2): their rollups are keyed without it.
      const { provinceCode: _province, ...stored } = copy;
      open.push(stored);
      if (open.length === 2_000) {
        await facts.putMany(open);
        openFacts += open.length;
        open = [];
      }
      continue;
    }
    mergeIncrements(rollupIncrements(undefined, copy), merged);
  }
  await facts.putMany(open);
  openFacts += open.length;
  const documents = [...merged.values()];
  await facts.addRollups(documents);
  return { fillMs: performance.now() - started, rollupDocuments: documents.length, openFacts };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(adapter: string, facts: DossierFactsStore, runs: number, warmups = 2) {
  const t = await createTestApp({ facts, clock: createSimulatedClock(NOW) });
  const headers = await t.as('supervisor');
  const rows = [];
  for (const query of QUERIES) {
    const times: number[] = [];
    const cpu: number[] = [];
    let bytes = 0;
    for (let run = -warmups; run < runs; run += 1) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const response = await t.app.request(query.path, { headers });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${query.path}: ${response.status} ${body.slice(0, 200)}`);
      const used = process.cpuUsage(cpuBefore);
      if (run >= 0) {
        times.push(performance.now() - started);
        cpu.push((used.user + used.system) / 1000);
      }
      bytes = body.length;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    // CPU time of this process (the mongod or emulator child's work is in the wall time only).
    const row = { adapter, query: query.name, p50Ms: Math.round(percentile(times, 50)), p95Ms: Math.round(percentile(times, 95)), cpuP50Ms: Math.round(percentile(cpu, 50)), responseBytes: bytes };
    rows.push(row);
    console.log(`${adapter.padEnd(24)} ${query.name.padEnd(34)} p50 ${String(row.p50Ms).padStart(6)} ms   p95 ${String(row.p95Ms).padStart(6)} ms   node CPU p50 ${String(row.cpuP50Ms).padStart(5)} ms`);
  }
  return rows;
}

/** The former design: every dossier's facts in this process, each figure computed over them (the same functions). */
async function measureLegacy(templates: readonly DossierFactsRecord[]) {
  const memory = new MemoryDossierFactsStore();
  for (const copy of copies(templates, LEGACY)) {
    const { provinceCode: _province, ...stored } = copy;
    await memory.put(stored);
  }
  const t = await createTestApp({ facts: memory, clock: createSimulatedClock(NOW) });
  const deps: StatsDeps = { facts: memory, clock: t.clock, calendars: t.calendars, agencies: t.access.agencies, users: t.access.users, procedures: t.stores.procedures };
  const principal = { role: 'supervisor', supervisorScope: 'province' } as unknown as Parameters<typeof resolveStatsScope>[0];
  const year = resolveStatsScope(principal, { from: '2025-01-01', to: '2025-12-31' }, NOW);
  const month = resolveStatsScope(principal, {}, NOW);
  const work: [string, () => Promise<unknown>][] = [
    ['summary (national, 2025)', () => summaryFromFacts(deps, year)],
    ['summary (this month, to now)', () => summaryFromFacts(deps, month)],
    ['breakdown by agency (2025)', () => breakdownFromFacts(deps, year, 'agency')],
    ['breakdown by procedure (2025)', () => breakdownFromFacts(deps, year, 'procedure')],
    ['trend by month (2025)', () => trendFromFacts(deps, year, 'month')],
    ['trend by week (2025)', () => trendFromFacts(deps, year, 'week')],
  ];
  const rows = [];
  for (const [name, run] of work) {
    const times: number[] = [];
    for (let i = -1; i < RUNS; i += 1) {
      const started = performance.now();
      await run();
      if (i >= 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const row = { adapter: `former/memory ${LEGACY / 1000}k`, query: name, p50Ms: Math.round(percentile(times, 50)), p95Ms: Math.round(percentile(times, 95)) };
    console.log(`${row.adapter.padEnd(24)} ${name.padEnd(34)} p50 ${String(row.p50Ms).padStart(6)} ms   p95 ${String(row.p95Ms).padStart(6)} ms`);
    rows.push(row);
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`dashboard bench: ${TOTAL.toLocaleString('en')} dossiers over ${PROVINCES} provinces (${TEMPLATES} through the dossier core, the rest copies of their facts)`);
  let started = performance.now();
  const templates = await seedTemplates();
  console.log(`seeded ${templates.length} dossiers through the use cases in ${Math.round(performance.now() - started)} ms`);
  const rows = [];
  rows.push(...(await measureLegacy(templates)));
  const logger = createLogger({ level: 'warn' });
  const database = await startDatabase({ uri: process.env.MONGODB_URI, logger });
  const connection = await connectMongoose(database.uri, { dbName: `dashboard-bench-${process.pid}` });
  const backend = database.backend;
  let filled = { fillMs: 0, rollupDocuments: 0, openFacts: 0 };
  try {
    const mongo = await MongoDossierFactsStore.create(connection);
    started = performance.now();
    filled = await fillDatabase(mongo, templates);
    console.log(`filled: ${filled.rollupDocuments.toLocaleString('en')} rollup documents and ${filled.openFacts.toLocaleString('en')} open dossiers' facts in ${Math.round(filled.fillMs)} ms`);
    rows.push(...(await measure(`rollups/${backend} ${TOTAL / 1000}k`, mongo, RUNS, 1)));
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await database.stop();
  }
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`mongoose adapter on: ${backend}${backend === 'emulator' ? ' (the wire-protocol emulator, NOT MongoDB)' : ''}`);
  const load = loadavg().map((value) => value.toFixed(1)).join(' ');
  console.log(`peak RSS ${peakRssMb} MB; load average ${load} on ${availableParallelism()} cores`);
  const result = { dossiers: TOTAL, provinces: PROVINCES, legacyDossiers: LEGACY, seededThroughUseCases: TEMPLATES, runs: RUNS, backend, ...filled, peakRssMb, loadAverage: load, rows, node: process.version, at: new Date().toISOString() };
  if (!quick) {
    mkdirSync(resolve(root, 'results'), { recursive: true });
    writeFileSync(resolve(root, 'results/dashboard.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
