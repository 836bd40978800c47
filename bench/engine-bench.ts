/**
 * Engine benchmark: the same workloads on our runtime (in memory, stateless `start`/`deliver` on plain JSON
 * snapshots) and on bpmn-engine, each workload × engine in its own child process (`--expose-gc`) so that heap and
 * peak RSS figures are not mixed. Prints both figures and the ratio (ours ÷ peer), writes bench/results/engine.json.
 *
 * The peer is run as its documentation recommends: the BPMN parsed once into a moddle context shared by every
 * Engine (`moddleContext`), conditions as expressions (`${…}`) rather than scripts, and state persisted without the
 * definitions' serialized source (recovered from the shared context). Throughput is measured with handlers that
 * answer synchronously and with handlers that answer through a resolved promise, on both engines, and printed per
 * second of wall time and per second of the child process's CPU time (other load on a shared machine moves the first
 * much more: ours is CPU-bound, bpmn-engine mostly waits on its own scheduling).
 * Usage: npm run bench:engine [-- --quick]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine as PeerEngine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import { parseProcedure } from '../engine/src/model/index';
import type { ProcedureDefinition } from '../engine/src/model/index';
import { createEngine } from '../engine/src/runtime/index';
import type { InstanceSnapshot } from '../engine/src/runtime/index';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

type Metrics = Record<string, number>;
type EngineName = 'ours' | 'peer';
interface Workload {
  name: string;
  model: string;
  ours(definition: ProcedureDefinition): Promise<Metrics>;
  peer(moddleContext: PeerModdleContext): Promise<Metrics>;
}

const model = (file: string): string => readFileSync(path.join(here, 'models', file), 'utf8');
const clock = { now: () => Date.parse('2026-01-05T01:00:00Z') };
const heapUsed = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** CPU time of this process (user + system) in ms: on the shared machine, a figure the other sessions' load moves less than wall time. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Runs `once` sequentially until `budgetMs` has passed (at least `min` times), after a warm-up of a quarter of the
 * budget so that both engines are measured with their hot paths compiled; returns instances per second of wall time
 * and per second of this process's CPU time.
 */
async function throughput(once: () => Promise<void>, budgetMs: number, min = 5): Promise<{ wall: number; cpu: number }> {
  const warm = performance.now();
  for (let k = 0; k < 3 || performance.now() - warm < budgetMs / 4; k += 1) await once();
  const started = performance.now();
  const cpuStarted = cpuMs();
  let count = 0;
  while (count < min || performance.now() - started < budgetMs) {
    await once();
    count += 1;
  }
  return { wall: (count * 1000) / (performance.now() - started), cpu: (count * 1000) / (cpuMs() - cpuStarted) };
}

type PeerModdleContext = NonNullable<ConstructorParameters<typeof PeerEngine>[0]>['moddleContext'];
type Next = (error: unknown, result?: unknown) => void;
type PeerCountContext = { environment: { output: Record<string, number> } };
type Answer = 'synchronous' | 'async';

/** bpmn-engine services; `async` answers on a resolved promise, as a handler awaiting I/O would. */
function peerServices(answer: Answer) {
  const reply = answer === 'async' ? (next: Next, result: unknown) => void Promise.resolve().then(() => next(null, result)) : (next: Next, result: unknown) => next(null, result);
  return {
    work: (_context: unknown, next: Next) => reply(next, {}),
    count: (context: PeerCountContext, next: Next) => {
      const output = context.environment.output;
      output.count = (output.count ?? 0) + 1;
      reply(next, output.count);
    },
    /** The loop condition `${environment.services.isBelow(environment.output.count, 50)}`: an expression, no script. */
    isBelow: (value: number, limit: number) => value < limit,
  };
}

const nextCount = (variables: Readonly<Record<string, unknown>>) => ({ count: ((variables.count as number) ?? 0) + 1 });
const ourHandlers = {
  synchronous: { work: () => undefined, count: ({ variables }: { variables: Readonly<Record<string, unknown>> }) => nextCount(variables) },
  async: { work: async () => undefined, count: async ({ variables }: { variables: Readonly<Record<string, unknown>> }) => nextCount(variables) },
};

async function peerRun(moddleContext: PeerModdleContext, name: string, answer: Answer): Promise<void> {
  const engine = new PeerEngine({ name, moddleContext, services: peerServices(answer) });
  const ended = engine.waitFor('end');
  await engine.execute();
  await ended;
}

const budget = quick ? 600 : 3000;
const parkedOurs = quick ? 2000 : 10_000;
const parkedPeer = quick ? 100 : 1000;

function throughputWorkload(name: string, file: string): Workload {
  return {
    name,
    model: file,
    async ours(definition) {
      const metrics: Metrics = {};
      for (const answer of ['synchronous', 'async'] as const) {
        const engine = createEngine({ clock, handlers: ourHandlers[answer] });
        const rate = await throughput(async () => {
          const result = await engine.start(definition);
          if (result.status !== 'completed') throw new Error(`${name}: ${result.status}`);
        }, budget);
        metrics[`instances/s, ${answer} handlers`] = rate.wall;
        metrics[`instances per CPU-second, ${answer} handlers`] = rate.cpu;
      }
      return metrics;
    },
    async peer(moddleContext) {
      const metrics: Metrics = {};
      for (const answer of ['synchronous', 'async'] as const) {
        let k = 0;
        const rate = await throughput(() => peerRun(moddleContext, `${name}-${(k += 1)}`, answer), budget, 3);
        metrics[`instances/s, ${answer} handlers`] = rate.wall;
        metrics[`instances per CPU-second, ${answer} handlers`] = rate.cpu;
      }
      return metrics;
    },
  };
}

/** Parks N instances at their first user task (after a warm-up of N/10) and measures heap, snapshot size and peak RSS. */
function parkedWorkload(name: string, file: string, completeAll: boolean): Workload {
  return {
    name,
    model: file,
    async ours(definition) {
      const engine = createEngine({ clock });
      // Warm-up, as for the throughput workloads: the first instances also compile the hot paths.
      for (let k = 0; k < parkedOurs / 10; k += 1) await engine.start(definition, { instanceId: `warm-${k}` });
      const before = heapUsed();
      const started = performance.now();
      const cpuStarted = cpuMs();
      const parked: InstanceSnapshot[] = [];
      for (let k = 0; k < parkedOurs; k += 1) parked.push((await engine.start(definition, { instanceId: `dossier-${k}` })).snapshot);
      const parkMs = performance.now() - started;
      const parkCpuMs = cpuMs() - cpuStarted;
      const perInstance = (heapUsed() - before) / parkedOurs;
      const metrics: Metrics = {
        'park instances/s': (parkedOurs * 1000) / parkMs,
        'park instances per CPU-second': (parkedOurs * 1000) / parkCpuMs,
        'heap bytes per parked instance, stored state': perInstance,
        'stored state bytes per parked instance': JSON.stringify(parked[0]).length,
      };
      if (completeAll) {
        const t = performance.now();
        const cpuT = cpuMs();
        for (let k = 0; k < parked.length; k += 1) {
          let snapshot = parked[k]!;
          for (let step = 0; step < 2; step += 1) {
            const [stepId] = Object.keys(snapshot.a);
            snapshot = (await engine.deliver(definition, snapshot, { type: 'task.completed', stepId: stepId! })).snapshot;
          }
          if (snapshot.st !== 'completed') throw new Error('not completed');
          parked[k] = snapshot;
        }
        metrics['complete instances/s'] = (parked.length * 1000) / (performance.now() - t);
        metrics['complete instances per CPU-second'] = (parked.length * 1000) / (cpuMs() - cpuT);
        const persisted = [];
        for (let k = 0; k < parkedOurs; k += 1) persisted.push(JSON.stringify((await engine.start(definition, { instanceId: `r-${k}` })).snapshot));
        // Restore as stored state: the parsed snapshot is what engine.deliver takes, so parsing is the whole restore.
        const parsed: InstanceSnapshot[] = [];
        const s = performance.now();
        for (const json of persisted) parsed.push(JSON.parse(json) as InstanceSnapshot);
        metrics['ms to restore 10,000, stored state'] = ((performance.now() - s) * 10_000) / parkedOurs;
        if (parsed.length !== parkedOurs) throw new Error('not restored');
        // Restore as a live instance: parse and bring back a `ProcessInstance` ready for events (`engine.restore`).
        const r = performance.now();
        for (const json of persisted) engine.restore(definition, JSON.parse(json) as InstanceSnapshot).stop();
        metrics['ms to restore 10,000, live instance'] = ((performance.now() - r) * 10_000) / parkedOurs;
        // A host that keeps live instances instead of snapshots pays this per instance.
        const beforeLive = heapUsed();
        const actors = persisted.map((json) => engine.restore(definition, JSON.parse(json) as InstanceSnapshot));
        metrics['heap bytes per parked instance, live instance'] = (heapUsed() - beforeLive) / actors.length;
        for (const actor of actors) actor.stop();
      }
      return metrics;
    },
    async peer(moddleContext) {
      const services = peerServices('synchronous');
      // Warm-up, as for ours (a tenth of the count), stopped before the heap is measured.
      for (let k = 0; k < parkedPeer / 10; k += 1) {
        const warm = new PeerEngine({ name: `warm-${k}`, moddleContext, services });
        await warm.execute();
        await warm.stop();
      }
      const before = heapUsed();
      const started = performance.now();
      const cpuStarted = cpuMs();
      const engines: PeerEngine[] = [];
      for (let k = 0; k < parkedPeer; k += 1) {
        const engine = new PeerEngine({ name: `dossier-${k}`, moddleContext, services });
        await engine.execute();
        engines.push(engine);
      }
      const parkMs = performance.now() - started;
      const parkCpuMs = cpuMs() - cpuStarted;
      const perInstance = (heapUsed() - before) / parkedPeer;
      // The compact state: without each definition's serialized source, which recover takes from the shared context.
      const states = (await Promise.all(engines.map((e) => e.getState()))).map((state) => ({ ...state, definitions: state.definitions.map(({ source: _source, ...definition }) => definition) }));
      const metrics: Metrics = {
        'park instances/s': (parkedPeer * 1000) / parkMs,
        'park instances per CPU-second': (parkedPeer * 1000) / parkCpuMs,
        // A parked bpmn-engine instance is a live Engine: it has no lighter form that can take the next event.
        'heap bytes per parked instance, stored state': perInstance,
        'stored state bytes per parked instance': JSON.stringify(states[0]).length,
      };
      if (completeAll) {
        const t = performance.now();
        const cpuT = cpuMs();
        for (const engine of engines) {
          const ended = engine.waitFor('end');
          engine.execution!.signal({ id: 'task-receive' });
          engine.execution!.signal({ id: 'task-review' });
          await ended;
        }
        metrics['complete instances/s'] = (engines.length * 1000) / (performance.now() - t);
        metrics['complete instances per CPU-second'] = (engines.length * 1000) / (cpuMs() - cpuT);
        const persisted = states.map((state) => JSON.stringify(state));
        const r = performance.now();
        for (const json of persisted) {
          const engine = new PeerEngine({ moddleContext, services }).recover(JSON.parse(json));
          await engine.resume();
          await engine.stop();
        }
        // bpmn-engine takes events only on a recovered and resumed Engine: both rows are that one figure.
        const restoreMs = ((performance.now() - r) * 10_000) / persisted.length;
        metrics['ms to restore 10,000, stored state'] = restoreMs;
        metrics['ms to restore 10,000, live instance'] = restoreMs;
        metrics['heap bytes per parked instance, live instance'] = perInstance;
      } else {
        await Promise.all(engines.map((e) => e.stop()));
      }
      return metrics;
    },
  };
}

const workloads: Workload[] = [
  throughputWorkload('20 sequential service tasks', 'sequential-20-service-tasks.bpmn'),
  throughputWorkload('parallel fork of 8 branches x 3 tasks, then join', 'parallel-8-branches-3-tasks.bpmn'),
  throughputWorkload('exclusive-gateway loop of 50 iterations', 'exclusive-loop-50.bpmn'),
  parkedWorkload('10,000 instances parked at a user task, then completed through two user tasks', 'two-user-tasks.bpmn', true),
  parkedWorkload('10,000 instances with an armed boundary timer', 'user-task-with-boundary-timer.bpmn', false),
];

async function ourDefinition(xml: string, file: string): Promise<ProcedureDefinition> {
  const { definition } = await parseProcedure(xml);
  if (!definition) throw new Error(`cannot parse ${file}`);
  // The loop condition is written for bpmn-engine (its expression calling a service); ours reads the same rule in FEEL.
  for (const process of definition.processes) {
    const loopBack = process.flows['flow-loop-back'];
    if (loopBack) loopBack.condition = { body: 'count < 50', language: 'feel' };
  }
  return definition;
}

async function child(engineName: EngineName, index: number): Promise<void> {
  const workload = workloads[index]!;
  const xml = model(workload.model);
  const metrics =
    engineName === 'ours'
      ? await workload.ours(await ourDefinition(xml, workload.model))
      : // Parsed once and shared by every Engine of the workload, as bpmn-engine's documentation recommends.
        await workload.peer((await new BpmnModdle().fromXML(xml)) as PeerModdleContext);
  metrics['peak RSS MB'] = (process.resourceUsage().maxRSS * 1024) / 1_048_576;
  process.stdout.write(`${JSON.stringify(metrics)}\n`);
  process.exit(0);
}

function parent(): void {
  const rows: Array<{ name: string; metric: string; ours: number; peer: number; ratio: number }> = [];
  workloads.forEach((workload, index) => {
    const run = (engineName: EngineName): Metrics => {
      const args = ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', engineName, String(index), ...(quick ? ['--quick'] : [])];
      const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
      return JSON.parse(out.trim().split('\n').at(-1)!) as Metrics;
    };
    const ours = run('ours');
    const peer = run('peer');
    console.log(`\n${workload.name}`);
    for (const metric of Object.keys(ours)) {
      const row = { name: workload.name, metric, ours: round(ours[metric]!), peer: round(peer[metric]!), ratio: round(ours[metric]! / peer[metric]!, 4) };
      rows.push(row);
      console.log(`  ${metric.padEnd(46)} ours ${String(row.ours).padStart(12)}   bpmn-engine ${String(row.peer).padStart(12)}   ratio ${row.ratio}`);
    }
  });
  const results = path.join(here, 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, 'engine.json'), `${JSON.stringify({ quick, parkedOurs, parkedPeer, workloads: rows }, null, 2)}\n`);
  console.log(`\nwrote ${path.join(results, 'engine.json')}`);
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await child(process.argv[childAt + 1] as EngineName, Number(process.argv[childAt + 2]));
else parent();
