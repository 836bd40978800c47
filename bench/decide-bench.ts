/**
 * Decide benchmark: the dossier's whole decision per command (engine/src/dossier `decide` / `decideNew`), with no
 * server and no store, on inter-agency group 1 (`lien-thong-khai-sinh`): each command's µs and bytes allocated, beside
 * a physical baseline measured in the same run: copying the same dossier and steps once through JSON (what any
 * store round trip of that state costs at least).
 *
 * Allocation is measured as the heap growth over a batch run with a semi-space large enough that no scavenge happens
 * in the batch (`--max-semi-space-size=256`, set by the npm script), after a full GC: bytes allocated, not retained.
 * Usage: npm run bench:decide [-- --dossiers N]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createVietnamWorkingCalendar,
  decide,
  decideNew,
  parseProcedure,
  toTimekeeping,
  type Actor,
  type Calendars,
  type DecisionResult,
  type DossierCommand,
  type DossierRecord,
  type ProcedureDefinition,
  type StepRecord,
} from '../engine/src/index';
import { LIBRARY_SPECS } from '../procedures/tools/specs/library-specs';

const here = path.dirname(fileURLToPath(import.meta.url));
const argDossiers = process.argv.indexOf('--dossiers');
const DOSSIERS = argDossiers > 0 ? Number(process.argv[argDossiers + 1]) : 2000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc (npm run bench:decide)');

const vn = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h - 7, min);
const SLUG = 'lien-thong-khai-sinh';
const ROUTE: { elementId: string; actor: Actor; data?: Record<string, unknown> }[] = [
  { elementId: 'task-receive', actor: { id: 'official.motcua', agencyId: 'ttpvhcc', departmentId: 'quay-mot-cua' } },
  { elementId: 'task-register-birth', actor: { id: 'official.hotich', agencyId: 'ubnd-xa-demo', departmentId: 'tu-phap-ho-tich' } },
  { elementId: 'task-review-residence', actor: { id: 'official.congan', agencyId: 'cong-an-xa-demo' }, data: { needsVerification: false } },
  { elementId: 'task-issue-health-card', actor: { id: 'official.bhxh', agencyId: 'bhxh-tinh' } },
  { elementId: 'task-approve-residence', actor: { id: 'official.congan', agencyId: 'cong-an-xa-demo' } },
  { elementId: 'task-approve-health-card', actor: { id: 'official.bhxh', agencyId: 'bhxh-tinh' } },
  { elementId: 'task-return', actor: { id: 'official.motcua', agencyId: 'ttpvhcc', departmentId: 'quay-mot-cua' } },
];

interface Life {
  dossier: DossierRecord;
  steps: Map<string, StepRecord>;
}

function keep(life: Life, result: DecisionResult): void {
  life.dossier = result.dossier;
  for (const step of result.createdSteps) life.steps.set(step.id, { ...step, rev: 0 });
  for (const step of result.changedSteps) life.steps.set(step.id, step);
}

const openSteps = (life: Life): StepRecord[] => [...life.steps.values()].filter((s) => s.status === 'open');

async function main(): Promise<void> {
  const { definition } = await parseProcedure(readFileSync(path.join(here, '..', 'procedures', SLUG, `${SLUG}.bpmn`), 'utf8'));
  const def = definition as ProcedureDefinition;
  const everyone = toTimekeeping(createVietnamWorkingCalendar());
  const calendars: Calendars = { forAgency: () => everyone };
  const form = LIBRARY_SPECS.find((s) => s.slug === SLUG)!.eform.example;
  const at0 = vn(2026, 5, 11, 8, 0);

  /** One dossier through its route; `measure` wraps every decision with its command's name. */
  async function oneLife(n: number, measure: <T>(name: string, work: () => Promise<T>) => Promise<T>): Promise<void> {
    const actor = ROUTE[0]!.actor;
    const opened = await measure('counter.receive', () =>
      decideNew({ dossier: { id: `d${n}`, dossierCode: `ttpvhcc-260511-${n}`, procedureKey: SLUG, procedureVersion: 1, agencyId: 'ttpvhcc', channel: 1, applicant: { name: 'Trần Thị Bình', idNumber: '001190012345' }, form: { ...form } }, definition: def, calendars, actor, at: at0 }, { type: 'counter.receive', outcome: { kind: 'accepted' } }),
    );
    const life: Life = { dossier: opened.dossier, steps: new Map() };
    keep(life, opened);
    let at = at0;
    for (const work of ROUTE) {
      at += 30 * 60_000;
      const step = openSteps(life).find((s) => s.elementId === work.elementId)!;
      const input = { dossier: life.dossier, steps: openSteps(life), definition: def, calendars, actor: work.actor, at };
      keep(life, await measure('step.claim', () => decide(input, { type: 'step.claim', stepId: step.id })));
      const command: DossierCommand = { type: 'step.complete', stepId: step.id, decision: 'approve', ...(work.data ? { data: work.data } : {}) };
      keep(life, await measure('step.complete', () => decide({ ...input, dossier: life.dossier, steps: openSteps(life) }, command)));
    }
    if (life.dossier.status !== 9) throw new Error(`dossier ${n} ended in status ${life.dossier.status}`);
  }

  const direct = <T>(_name: string, work: () => Promise<T>): Promise<T> => work();
  for (let n = 0; n < 200; n += 1) await oneLife(n, direct); // warm-up: every path compiled

  // time per command
  const spent = new Map<string, { ms: number; count: number }>();
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    const slot = spent.get(name) ?? { ms: 0, count: 0 };
    slot.ms += performance.now() - started;
    slot.count += 1;
    spent.set(name, slot);
    return result;
  };
  const wallStart = performance.now();
  for (let n = 0; n < DOSSIERS; n += 1) await oneLife(n, timed);
  const wallMs = performance.now() - wallStart;

  // bytes allocated per whole life: the median of 15 batches of 10 lives (no scavenge within a batch with a 256 MB semi-space)
  const BATCH = 10;
  const samples: number[] = [];
  for (let k = 0; k < 15; k += 1) {
    gc!();
    const before = process.memoryUsage().heapUsed;
    for (let n = 0; n < BATCH; n += 1) await oneLife(n, direct);
    samples.push((process.memoryUsage().heapUsed - before) / BATCH);
  }
  const bytesPerLife = samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  const commandsPerLife = 1 + 2 * ROUTE.length;

  // the physical baseline: one JSON copy of a dossier in process with its open steps
  const sample: Life = { dossier: {} as DossierRecord, steps: new Map() };
  {
    const opened = await decideNew({ dossier: { id: 'x', dossierCode: 'x', procedureKey: SLUG, procedureVersion: 1, agencyId: 'ttpvhcc', channel: 1, applicant: { name: 'Trần Thị Bình', idNumber: '001190012345' }, form: { ...form } }, definition: def, calendars, actor: ROUTE[0]!.actor, at: at0 }, { type: 'counter.receive', outcome: { kind: 'accepted' } });
    keep(sample, opened);
  }
  const state = { dossier: sample.dossier, steps: openSteps(sample) };
  const COPIES = 20_000;
  for (let k = 0; k < 2000; k += 1) JSON.parse(JSON.stringify(state));
  const copyStart = performance.now();
  for (let k = 0; k < COPIES; k += 1) JSON.parse(JSON.stringify(state));
  const copyUs = ((performance.now() - copyStart) * 1000) / COPIES;
  gc!();
  const copyBefore = process.memoryUsage().heapUsed;
  for (let k = 0; k < 500; k += 1) JSON.parse(JSON.stringify(state));
  const copyBytes = (process.memoryUsage().heapUsed - copyBefore) / 500;

  const rows = [...spent.entries()].map(([name, { ms, count }]) => ({ command: name, count, usPerCommand: Math.round((ms * 1000) / count) }));
  console.log(`decide: ${DOSSIERS} dossiers of ${SLUG} through their whole route (${commandsPerLife} commands each), ${Math.round(wallMs)} ms`);
  console.table(rows);
  console.log(`whole life: ${Math.round((wallMs * 1000) / DOSSIERS)} µs and ~${Math.round(bytesPerLife / 1024)} KiB allocated per dossier; ~${Math.round(bytesPerLife / commandsPerLife / 1024)} KiB per command`);
  console.log(`baseline, same run: one JSON copy of the dossier with its open steps (${JSON.stringify(state).length} bytes) ${copyUs.toFixed(1)} µs, ~${Math.round(copyBytes / 1024)} KiB allocated`);
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(path.join(here, 'results', 'decide.json'), `${JSON.stringify({ dossiers: DOSSIERS, wallMs, rows, bytesPerLife, commandsPerLife, baseline: { copyUs, copyBytes, stateBytes: JSON.stringify(state).length } }, null, 2)}\n`);
}

await main();
