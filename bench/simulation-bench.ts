/**
 * @module simulation-bench — what a what-if costs: 10,000 dossiers of inter-agency group 1 (`lien-thong-khai-sinh`:
 * birth, permanent residence, health-insurance card) received over the second quarter of 2026 on the Vietnamese
 * working calendar, officials queueing at the one-stop counter, the commune, the Police and Social Insurance, 5 %
 * asked to supplement. Three runs of the same seeded scenario, same figures expected:
 *   1. the simulation as shipped: one engine for the definition, identical transitions reused;
 *   2. one engine for the definition, every transition computed by the token stepper;
 *   3. the naive re-run: a new engine built and run for every dossier.
 * Usage: npm run bench:simulation [-- --dossiers 10000]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import {
  createVietnamWorkingCalendar, fromLocalDateTime, parseProcedure, simulateProcedure, workingTimeBetween,
  type SimulationControl, type SimulationResult, type SimulationScenario,
} from '../engine/src/index';

const here = dirname(fileURLToPath(import.meta.url));
const dossiersArg = process.argv.indexOf('--dossiers');
const dossiers = dossiersArg > 0 ? Number(process.argv[dossiersArg + 1]) : 10_000;
const H = 3_600_000;

const xml = readFileSync(join(here, '..', 'procedures', 'lien-thong-khai-sinh', 'lien-thong-khai-sinh.bpmn'), 'utf8');
const parsedAt = performance.now();
const { definition } = await parseProcedure(xml);
const parseMs = performance.now() - parsedAt;
if (!definition) throw new Error('lien-thong-khai-sinh does not parse');
const calendar = createVietnamWorkingCalendar();
const period = { fromAt: fromLocalDateTime('2026-04-01T00:00'), toAt: fromLocalDateTime('2026-07-01T00:00') };
const workingDays = workingTimeBetween(calendar, period.fromAt, period.toAt) / calendar.workingDayMs;
const lognormal = (medianHours: number, sigma: number) => ({ kind: 'lognormal' as const, mu: Math.log(medianHours * H), sigma });

const scenario: SimulationScenario = {
  definition, calendar, period, seed: 2026,
  arrivals: { perWorkingDay: dossiers / workingDays, weekdayFactors: { monday: 1.3, friday: 0.8 } },
  // a province's group 1 at 65–85 % load: officials per unit
  staffing: { ttpvhcc: 15, 'ubnd-xa-demo': 17, 'cong-an-xa-demo': 34, 'bhxh-tinh': 19 },
  durations: {
    'task-receive': lognormal(0.25, 0.5),
    'task-register-birth': lognormal(0.45, 0.6),
    'task-review-residence': lognormal(0.45, 0.6),
    'task-verify-residence': lognormal(6, 0.6),
    'task-approve-residence': lognormal(0.15, 0.5),
    'task-issue-health-card': lognormal(0.5, 0.6),
    'task-approve-health-card': lognormal(0.15, 0.5),
    'task-return': lognormal(0.2, 0.5),
  },
  outcomes: {
    'task-register-birth': [{ variables: { decision: 'supplement' }, probability: 0.05 }],
    'task-review-residence': [{ variables: { needsVerification: true }, probability: 0.1 }],
  },
  citizen: { reply: { kind: 'exponential', meanMs: 2 * 8 * H }, noReplyProbability: 0.05 },
};

async function timed(label: string, control: SimulationControl, reuse: boolean): Promise<{ label: string; ms: number; result: SimulationResult; heapMiB: number }> {
  const started = performance.now();
  const result = await simulateProcedure({ ...scenario, reuseTransitions: reuse }, control);
  const ms = performance.now() - started;
  return { label, ms, result, heapMiB: process.memoryUsage().heapUsed / 1024 / 1024 };
}

const load = loadavg()[0]!.toFixed(1);
const runs = [
  await timed('shipped: one engine, identical transitions reused', {}, true),
  await timed('one engine, every transition computed', {}, false),
  await timed('naive re-run: a new engine per dossier', { enginePerDossier: true }, false),
];
const figures = (result: SimulationResult) => JSON.stringify({ ...result, transitions: undefined });
const same = runs.every((run) => figures(run.result) === figures(runs[0]!.result));
const { result } = runs[0]!;
const pct = (share: number) => `${(100 * share).toFixed(1)} %`;

console.log(`inter-agency group 1, ${result.dossiers.received} dossiers received 1/4–30/6/2026 (${workingDays} working days), seed ${scenario.seed}; parse ${parseMs.toFixed(0)} ms; load average ${load} → ${loadavg()[0]!.toFixed(1)}`);
console.log('| run | time | dossiers/s | engine transitions computed / reused | ratio to shipped |');
console.log('|---|---:|---:|---:|---:|');
for (const run of runs) {
  console.log(`| ${run.label} | ${(run.ms / 1000).toFixed(2)} s | ${Math.round(run.result.dossiers.received / (run.ms / 1000)).toLocaleString('en')} | ${run.result.transitions.computed.toLocaleString('en')} / ${run.result.transitions.reused.toLocaleString('en')} | ${(run.ms / runs[0]!.ms).toFixed(1)}× |`);
}
console.log(`same figures in all three runs: ${same ? 'yes' : 'NO'}`);
console.log(`on time ${pct(result.onTime.share)} (95 % CI ${pct(result.onTime.ci95.low)}–${pct(result.onTime.ci95.high)}), working days p50 ${result.workingDays.p50.toFixed(2)} p90 ${result.workingDays.p90.toFixed(2)} p95 ${result.workingDays.p95.toFixed(2)} against ${result.statutory?.value} (5 with verification); late ${result.lateness.late}, most often ${result.lateness.mostResponsibleAgencyId ?? '—'} ${JSON.stringify(result.lateness.byAgency)}`);
console.log(`utilisation ${result.units.map((unit) => `${unit.key} ${pct(unit.utilisation ?? 0)} (wait ${unit.meanWaitingHours.toFixed(2)} h)`).join(', ')}`);

mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'simulation.json'), `${JSON.stringify({
  at: new Date().toISOString(), dossiers: result.dossiers.received, workingDays, loadAverage: load, same,
  runs: runs.map((run) => ({ label: run.label, seconds: run.ms / 1000, transitions: run.result.transitions })),
  result: { ...result, workingDays: { ...result.workingDays, histogram: undefined } },
}, null, 2)}\n`);
