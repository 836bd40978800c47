/**
 * Dashboard benchmark (`npm run bench:dashboard`, `-- --quick` for 100,000): the supervisors' summary, breakdowns (by
 * agency, department, procedure and official), delay attribution, trend (per day, week and month), the drill-downs to
 * dossiers and the heatmap at 1,000,000 dossiers over 34 provinces, read from the rollups kept in the database (issue
 * 18), beside the former design (every dossier's facts held in the process and computed over on each query) in the same run.
 *
 * Seeding: 600 dossiers go through the dossier core's use cases on a simulated clock (receive, complete, supplement,
 * return); their facts records are copied, shifted by whole weeks over 2025 and given one of 34 provinces (its own
 * agencies, departments and officials). Running 1,000,000 dossiers through the use cases takes days, and writing
 * 1,000,000 facts documents to the emulator the better part of an hour, so the database receives what production would
 * hold for the queries timed: every rollup document the 1,000,000 dossiers produce (computed from their facts with the
 * same `rollupIncrements` the unit of work applies, merged per document, inserted in batches) and the facts of the
 * dossiers with an open step or received in the last week (what the step counts, the heatmap, the open
 * dossiers' delays and the drill-downs read). Copies older than the last two weeks are finished dossiers, as a real
 * history is. The former design is timed on `--legacy=N` facts (100,000 by default) in process memory, the cache
 * `main.ts` kept, with the same functions; its time grows with the dossiers it holds (it reads each one per query).
 * `--dossiers=N` changes the total. Prints p50/p95 per query and the peak RSS; writes bench/results/dashboard.json.
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
import { dossierRollupModel } from '../server/src/persistence/mongo/dossier-rollup-model';
import type { Connection } from 'mongoose';
import { addContributions, rollupContributions, rollupId, type RollupContribution, type RollupIncrement } from '../server/src/statistics/dossier-rollup';
import { summaryFromFacts } from '../server/src/statistics/stats-summary';
import { breakdownFromFacts, officialBreakdownFromFacts } from '../server/src/statistics/stats-breakdown';
import { delaysFromFacts } from '../server/src/statistics/stats-delays';
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

const YEAR = 'from=2025-01-01&to=2025-12-31';
const QUERIES = [
  { name: 'summary (national, 2025)', path: `/api/stats/summary?${YEAR}` },
  { name: 'summary (this month, to now)', path: '/api/stats/summary' },
  { name: 'breakdown by agency (2025)', path: `/api/stats/breakdown?by=agency&${YEAR}` },
  { name: 'breakdown by department (2025)', path: `/api/stats/breakdown?by=department&${YEAR}` },
  { name: 'breakdown by procedure (2025)', path: `/api/stats/breakdown?by=procedure&${YEAR}` },
  { name: 'breakdown by official (2025)', path: `/api/stats/breakdown?by=official&${YEAR}` },
  { name: 'delay attribution (2025)', path: `/api/stats/delays?${YEAR}` },
  { name: 'trend by day (2025)', path: `/api/stats/trend?interval=day&${YEAR}` },
  { name: 'trend by week (2025)', path: `/api/stats/trend?interval=week&${YEAR}` },
  { name: 'trend by month (2025)', path: `/api/stats/trend?interval=month&${YEAR}` },
  { name: 'dossiers finished late, page 1 (month)', path: '/api/stats/dossiers?classification=overdue&limit=100' },
  { name: 'dossiers in process late, page 1', path: '/api/stats/dossiers?classification=inProcessOverdue&limit=100' },
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

/** Where each copy of a template goes: its template, its shift by whole weeks, its province. */
interface Placement {
  i: number;
  template: DossierFactsRecord;
  shift: number;
  province: number;
}

function* placements(templates: readonly DossierFactsRecord[], total: number): Generator<Placement> {
  const random = createRandom(100_000);
  const finished = templates.filter((template) => template.endAt !== undefined && template.openSteps.length === 0);
  for (let i = 0; i < total; i += 1) {
    const week = Math.floor(random() * WEEKS);
    // Older copies are finished dossiers (a history), the last weeks' may be open.
    const pool = week >= WEEKS - OPEN_WEEKS ? templates : finished;
    yield { i, template: pool[i % pool.length]!, shift: week * WEEK, province: i % PROVINCES };
  }
}

const provinceCodeOf = (province: number) => String(province + 1).padStart(2, '0');
/** Province 01 keeps the seeded agencies and officials (their names label the rows); the others have their own. */
const unitIn = (province: number) => (id: string) => (province === 0 ? id : `${id}.P${provinceCodeOf(province)}`);

/** A copy of a template, shifted by whole weeks (weekdays and working hours kept) into its province. */
function copyOf({ i, template, shift, province }: Placement): DossierFactsRecord & { provinceCode: string } {
  const unit = unitIn(province);
  const json = JSON.stringify(template, (key, value: unknown) => {
    if (typeof value === 'number' && /At$|^from$|^to$/.test(key)) return value + shift;
    if (typeof value === 'string' && /^(agencyId|departmentId|responsibleAgencyId|assigneeId)$/.test(key)) return unit(value);
    if (Array.isArray(value) && /^(agencyIds|departmentIds|officialIds)$/.test(key)) return (value as string[]).map(unit);
    return value;
  });
  const copy = JSON.parse(json) as DossierFactsRecord & { provinceCode: string };
  copy.dossierId = `bench-${i}`;
  copy.dossierCode = `BENCH-${String(i).padStart(7, '0')}`;
  copy.provinceCode = provinceCodeOf(province);
  copy.terminalAt = Object.fromEntries(Object.entries(template.terminalAt).map(([status, at]) => [status, at + shift]));
  for (const step of [...copy.steps, ...copy.openSteps]) step.stepId = `${copy.dossierId}.${step.stepId}`;
  return copy;
}

function* copies(templates: readonly DossierFactsRecord[], total: number): Generator<DossierFactsRecord & { provinceCode: string }> {
  for (const placement of placements(templates, total)) yield copyOf(placement);
}

/**
 * What a copy adds to the rollups, from its template's contributions (`rollupContributions`, computed once per
 * template) with the instants shifted and the units renamed: the same increments as `rollupIncrements(undefined,
 * copyOf(placement))`, without judging each copy again (a whole week's shift keeps every classification).
 */
function addCopy(merged: Map<string, RollupIncrement>, contributions: readonly RollupContribution[], { shift, province }: Placement): void {
  const unit = unitIn(province);
  addContributions(
    merged,
    contributions.map(({ key, prefix, events }) => ({
      prefix,
      key: {
        ...key,
        provinceCode: provinceCodeOf(province),
        agencyId: key.agencyId === '' ? '' : unit(key.agencyId),
        agencyIds: key.agencyIds.map(unit),
        departmentIds: key.departmentIds.map(unit),
        ...(key.officialId === undefined ? {} : { officialId: unit(key.officialId) }),
      },
      events: events.map((event) => ({ ...event, at: event.at + shift, ...(event.delayOf === undefined ? {} : { delayOf: unit(event.delayOf) }) })),
    })),
  );
}

/**
 * The database as production would hold it for these queries: the rollups of all `TOTAL` dossiers, and the facts of
 * those with an open step or received in the last week (their rollups added by `putMany` itself, the others' merged
 * and inserted in batches: new documents, so inserted whole rather than upserted one by one, which the emulator
 * takes minutes over).
 */
async function fillDatabase(facts: DossierFactsStore, connection: Connection, templates: readonly DossierFactsRecord[]): Promise<{ fillMs: number; rollupDocuments: number; openFacts: number }> {
  const started = performance.now();
  const merged = new Map<string, RollupIncrement>();
  const contributions = new Map(templates.map((template) => [template, rollupContributions(template)]));
  let open: DossierFactsRecord[] = [];
  let openFacts = 0;
  for (const placement of placements(templates, TOTAL)) {
    const { template, shift } = placement;
    // The last week's dossiers, open or finished, with their facts (what the drill-downs list); the others as rollups
    // (the whole history's facts would take the better part of an hour to write to the emulator).
    if (template.openSteps.length > 0 || (template.receivedAt ?? 0) + shift >= NOW - WEEK) {
      // The stored facts carry no province yet (tenancy is issue 18's item 2): their rollups are keyed without it.
      const { provinceCode: _province, ...stored } = copyOf(placement);
      open.push(stored);
      if (open.length === 2_000) {
        await facts.putMany(open);
        openFacts += open.length;
        open = [];
      }
      continue;
    }
    addCopy(merged, contributions.get(template)!, placement);
  }
  await facts.putMany(open);
  openFacts += open.length;
  const documents = [...merged.values()];
  console.log(`  merged ${documents.length.toLocaleString('en')} rollup documents, wrote ${openFacts.toLocaleString('en')} dossiers' facts: ${Math.round(performance.now() - started)} ms`);
  // Those the open dossiers' `putMany` wrote already take the others' increments as upserts; the rest are inserted.
  const rollups = dossierRollupModel(connection).collection;
  const stored = await rollups.find({}, { projection: { _id: 1, provinceCode: 1 } }).toArray();
  const existing = new Set(stored.map((document) => String(document._id)));
  // The province the store stamps on what it writes (the home province of the tenancy plugin, when there is one): the
  // inserted documents carry it too, so the supervisor's reads see them; the 34 provinces differ by their own units.
  const home = stored[0]?.provinceCode as string | undefined;
  if (home !== undefined) for (const document of documents) document.provinceCode = home;
  const fresh = documents.filter((document) => !existing.has(rollupId(document.bucket, document)));
  await facts.addRollups(documents.filter((document) => existing.has(rollupId(document.bucket, document))));
  for (let offset = 0; offset < fresh.length; offset += 5_000) {
    await rollups.insertMany(fresh.slice(offset, offset + 5_000).map((document) => ({ _id: rollupId(document.bucket, document), ...document })) as never, { ordered: false });
  }
  return { fillMs: performance.now() - started, rollupDocuments: documents.length, openFacts };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** What an answer counted, printed after the times: the figures are there, not only fast. */
function checkOf(body: string): string {
  const json = JSON.parse(body) as { received?: number; rows?: { received?: number; dossiersDelayed?: number }[]; points?: { received: number }[]; total?: number; items?: unknown[] };
  if (json.points) return `${json.points.reduce((sum, point) => sum + point.received, 0)} received over ${json.points.length} points`;
  if (json.rows) return `${json.rows.length} rows, ${json.rows.reduce((sum, row) => sum + (row.received ?? row.dossiersDelayed ?? 0), 0)} ${json.rows[0]?.dossiersDelayed === undefined ? 'received' : 'delayed'}`;
  if (json.items) return `${json.items.length} listed of ${json.total}`;
  return json.received === undefined ? `${body.length} bytes` : `${json.received} received`;
}

async function measure(adapter: string, facts: DossierFactsStore, runs: number, warmups = 2) {
  const checks: string[] = [];
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
      if (run === runs - 1) checks.push(`${query.name}: ${checkOf(body)}`);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    // CPU time of this process (the mongod or emulator child's work is in the wall time only).
    const row = { adapter, query: query.name, p50Ms: Math.round(percentile(times, 50)), p95Ms: Math.round(percentile(times, 95)), cpuP50Ms: Math.round(percentile(cpu, 50)), responseBytes: bytes };
    rows.push(row);
    console.log(`${adapter.padEnd(24)} ${query.name.padEnd(38)} p50 ${String(row.p50Ms).padStart(6)} ms   p95 ${String(row.p95Ms).padStart(6)} ms   node CPU p50 ${String(row.cpuP50Ms).padStart(5)} ms`);
  }
  for (const check of checks) console.log(`  check ${check}`);
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
    ['breakdown by department (2025)', () => breakdownFromFacts(deps, year, 'department')],
    ['breakdown by procedure (2025)', () => breakdownFromFacts(deps, year, 'procedure')],
    ['breakdown by official (2025)', () => officialBreakdownFromFacts(deps, year)],
    ['delay attribution (2025)', () => delaysFromFacts(deps, year)],
    ['trend by day (2025)', () => trendFromFacts(deps, year, 'day')],
    ['trend by week (2025)', () => trendFromFacts(deps, year, 'week')],
    ['trend by month (2025)', () => trendFromFacts(deps, year, 'month')],
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
    console.log(`${row.adapter.padEnd(24)} ${name.padEnd(38)} p50 ${String(row.p50Ms).padStart(6)} ms   p95 ${String(row.p95Ms).padStart(6)} ms`);
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
    filled = await fillDatabase(mongo, connection, templates);
    console.log(`filled: ${filled.rollupDocuments.toLocaleString('en')} rollup documents and the facts of ${filled.openFacts.toLocaleString('en')} dossiers (open, or received in the last week) in ${Math.round(filled.fillMs)} ms`);
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
