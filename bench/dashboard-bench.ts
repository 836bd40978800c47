/**
 * Dashboard benchmark (`npm run bench:dashboard`, `-- --quick` for 10,000 dossiers): 100,000 dossiers stored, the
 * supervisors' queries timed through `createApp(...).request()` on the memory adapter and on the mongoose adapter
 * (MONGODB_URI, else mongodb-memory-server's mongod, else the repository's wire-protocol emulator).
 *
 * Seeding: 600 dossiers go through the dossier core's use cases on a simulated clock (receive, complete, supplement,
 * return), and their facts records are then copied, shifted by whole weeks over a year, up to 100,000 facts records
 * written directly (running 100,000 dossiers through the use cases takes hours). The queries read only facts.
 * `-- --memory-only` skips the mongoose adapter; `-- --phases=memory,database,cached` picks the adapters: the memory
 * store, the mongoose store read on every query, and the mongoose store behind the in-process cache (as `main.ts`).
 * Prints p50/p95 per query and the peak RSS; writes bench/results/dashboard.json.
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
import { CachedDossierFactsStore } from '../server/src/persistence/cached-dossier-facts-store';
import type { DossierFactsRecord } from '../server/src/statistics/dossier-facts-record';
import type { DossierFactsStore } from '../server/src/statistics/dossier-facts-store';
import { createRandom, seedDossiers } from '../tests/support/seed-dossiers';
import { createSimulatedClock, createTestApp } from '../tests/support/test-app';

const quick = process.argv.includes('--quick');
const memoryOnly = process.argv.includes('--memory-only');
/** `--phases=memory,database,cached`: which adapters to measure (all by default). */
const phases = (process.argv.find((arg) => arg.startsWith('--phases='))?.slice('--phases='.length) ?? 'memory,database,cached').split(',');
const TOTAL = quick ? 10_000 : 100_000;
const TEMPLATES = quick ? 200 : 600;
const RUNS = quick ? 5 : 15;
/** Fewer runs on the database: each query reads its facts over the wire. */
const DATABASE_RUNS = quick ? 2 : 3;
const WEEK = 7 * 86_400_000;
const START = Date.UTC(2025, 0, 6, 1, 0); // Monday 6 January 2025, 08:00 in Vietnam
const TEMPLATE_STOP = START + 6 * WEEK + 3 * 86_400_000;
const WEEKS = 46;
const NOW = TEMPLATE_STOP + WEEKS * WEEK;
const root = resolve(fileURLToPath(new URL('.', import.meta.url)));

const QUERIES = [
  { name: 'summary (province, 2025)', path: '/api/stats/summary?from=2025-01-01&to=2025-12-31' },
  { name: 'breakdown by agency (2025)', path: '/api/stats/breakdown?by=agency&from=2025-01-01&to=2025-12-31' },
  { name: 'trend by month (2025)', path: '/api/stats/trend?interval=month&from=2025-01-01&to=2025-12-31' },
  { name: 'heatmap (one procedure version)', path: '/api/heatmap/seed-xay-dung/versions/1' },
  { name: 'overdue steps, first page', path: '/api/stats/steps?mark=overdue&limit=50' },
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

/** Copies of the templates, each shifted by whole weeks (weekdays and working hours kept). */
function* copies(templates: readonly DossierFactsRecord[]): Generator<DossierFactsRecord> {
  const random = createRandom(100_000);
  for (let i = 0; i < TOTAL; i += 1) {
    const template = templates[i % templates.length]!;
    const shift = Math.floor(random() * WEEKS) * WEEK;
    const move = (at: number | undefined) => (at === undefined ? undefined : at + shift);
    const json = JSON.stringify(template, (key, value: unknown) => (typeof value === 'number' && /At$|^from$|^to$/.test(key) ? move(value) : value));
    const copy = JSON.parse(json) as DossierFactsRecord;
    copy.dossierId = `bench-${i}`;
    copy.dossierCode = `BENCH-${String(i).padStart(6, '0')}`;
    copy.terminalAt = Object.fromEntries(Object.entries(template.terminalAt).map(([status, at]) => [status, at + shift]));
    for (const step of [...copy.steps, ...copy.openSteps]) step.stepId = `${copy.dossierId}.${step.stepId}`;
    yield copy;
  }
}

async function fill(facts: DossierFactsStore, templates: readonly DossierFactsRecord[]): Promise<number> {
  const started = performance.now();
  let batch: DossierFactsRecord[] = [];
  for (const copy of copies(templates)) {
    batch.push(copy);
    if (batch.length === 2_000) {
      await facts.putMany(batch);
      batch = [];
    }
  }
  await facts.putMany(batch);
  return performance.now() - started;
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
    console.log(`${adapter.padEnd(18)} ${query.name.padEnd(34)} p50 ${String(row.p50Ms).padStart(6)} ms   p95 ${String(row.p95Ms).padStart(6)} ms   node CPU p50 ${String(row.cpuP50Ms).padStart(5)} ms`);
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`dashboard bench: ${TOTAL.toLocaleString('en')} dossiers (${TEMPLATES} through the dossier core, the rest facts copied and shifted by weeks)`);
  let started = performance.now();
  const templates = await seedTemplates();
  const seedMs = performance.now() - started;
  console.log(`seeded ${templates.length} dossiers through the use cases in ${Math.round(seedMs)} ms`);

  const rows = [];
  let memoryFillMs = 0;
  if (phases.includes('memory')) {
    const memory = new MemoryDossierFactsStore();
    memoryFillMs = await fill(memory, templates);
    rows.push(...(await measure('memory', memory, RUNS)));
  }
  if (memoryOnly || !(phases.includes('database') || phases.includes('cached'))) return;
  const logger = createLogger({ level: 'warn' });
  const database = await startDatabase({ uri: process.env.MONGODB_URI, logger });
  const connection = await connectMongoose(database.uri, { dbName: `dashboard-bench-${process.pid}` });
  const backend = database.backend;
  let mongoFillMs = 0;
  let cacheLoadMs = 0;
  try {
    const mongo = await MongoDossierFactsStore.create(connection);
    started = performance.now();
    mongoFillMs = await fill(mongo, templates);
    if (phases.includes('database')) rows.push(...(await measure(`mongoose/${backend}`, mongo, DATABASE_RUNS, 1)));
    if (phases.includes('cached')) {
      // The first query loads every facts record into the process (timed apart), later ones only catch up.
      const cached = new CachedDossierFactsStore(mongo, createSimulatedClock(NOW));
      const loadStarted = performance.now();
      await cached.list({ procedureKey: 'none' });
      cacheLoadMs = performance.now() - loadStarted;
      console.log(`cache loaded ${TOTAL.toLocaleString('en')} facts from mongoose/${backend} in ${Math.round(cacheLoadMs)} ms`);
      rows.push(...(await measure(`cached/${backend}`, cached, RUNS)));
    }
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await database.stop();
  }
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`\nfilled ${TOTAL.toLocaleString('en')} facts: memory ${Math.round(memoryFillMs)} ms, mongoose/${backend} ${Math.round(mongoFillMs)} ms`);
  console.log(`mongoose adapter on: ${backend}${backend === 'emulator' ? ' (the wire-protocol emulator, NOT MongoDB)' : ''}`);
  const load = loadavg().map((value) => value.toFixed(1)).join(' ');
  console.log(`peak RSS ${peakRssMb} MB; load average ${load} on ${availableParallelism()} cores`);
  const result = { dossiers: TOTAL, seededThroughUseCases: TEMPLATES, factsCopied: TOTAL, runs: { memory: RUNS, database: DATABASE_RUNS }, backend, fillMs: { memory: Math.round(memoryFillMs), mongoose: Math.round(mongoFillMs) }, cacheLoadMs: Math.round(cacheLoadMs), phases, peakRssMb, loadAverage: load, rows, node: process.version, at: new Date().toISOString() };
  if (!quick) {
    mkdirSync(resolve(root, 'results'), { recursive: true });
    writeFileSync(resolve(root, phases.length === 3 ? 'results/dashboard.json' : `results/dashboard-${phases.join('-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
