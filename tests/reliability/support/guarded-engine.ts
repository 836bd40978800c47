/**
 * Runs the engine's parser, FEEL evaluator and runtime on hostile input in a worker thread, so that an input that hangs or
 * allocates without bound fails its test (the worker is terminated after a time limit or dies at a heap limit)
 * instead of hanging or crashing the test process. A `Promise.race` alone could not do it: a synchronous loop never
 * lets the timer fire.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';

/** Generous: each call normally answers in milliseconds; this only tells a hang from slowness on a loaded machine. */
export const HANG_GUARD_MS = 10_000;

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface ParseReply {
  hasDefinition: boolean;
  issues: { elementId: string; code: string; severity: string; message: string }[];
  /** Which of the `forbidden` strings appear anywhere in the definition or the issues. */
  found: string[];
  /** Own property names that appeared on built-in prototypes during the call. */
  polluted: string[];
}

export interface FeelReply {
  ok: boolean;
  message?: string;
  /** What kind of value came back: `null`, `number`, `list`, `context`, `host function`, … */
  valueKind: string;
  /** A host object (a JS function, `globalThis`, `process`, a built-in prototype) anywhere in the value. */
  reachesHost: boolean;
  polluted: string[];
}

export interface RunReply {
  /** `not runnable` when the model has errors; else the instance status after the last event. */
  status: string;
  /** Steps stopped by an incident (a FEEL failure becomes one). */
  incidents: number;
  /** Events delivered after the start. */
  rounds: number;
  /** The code of an EngineError the engine refused an event with (a known refusal, not a crash). */
  engineError?: string;
  polluted: string[];
}

type Request =
  | { kind: 'parse'; xml: string; forbidden: string[] }
  | { kind: 'feel'; body: string; context: Record<string, unknown> }
  | { kind: 'run'; xml: string; startJson: string; completionJsons: string[] };

// Plain JavaScript for the worker: it registers tsx itself, then imports the engine's TypeScript sources.
const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
const { register } = await import('tsx/esm/api');
register();
const { parseProcedure } = await import(workerData.modelUrl);
const { FeelEvaluator } = await import(workerData.feelUrl);
const { createEngine } = await import(workerData.runtimeUrl);
const feel = new FeelEvaluator();
const builtins = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype, Number: Number.prototype };
const hostObjects = new Set([globalThis, process, ...Object.values(builtins)]);
const snapshot = () => Object.entries(builtins).flatMap(([name, proto]) => Reflect.ownKeys(proto).map((key) => name + '.' + String(key)));
function polluted(before) {
  const known = new Set(before);
  return snapshot().filter((key) => !known.has(key));
}
function reachesHost(value, depth = 0, seen = new Set()) {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  if (hostObjects.has(value)) return true;
  if (depth > 20 || seen.has(value)) return false;
  seen.add(value);
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null || Array.isArray(value)) {
    for (const key of Reflect.ownKeys(value)) if (reachesHost(value[key], depth + 1, seen)) return true;
  }
  return false;
}
function kindOf(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'function') return 'host function';
  if (Array.isArray(value)) return 'list';
  if (typeof value !== 'object') return typeof value;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? 'context' : 'feel ' + (proto.constructor?.name ?? 'object');
}
parentPort.on('message', async ({ id, request }) => {
  const before = snapshot();
  try {
    if (request.kind === 'parse') {
      const { definition, issues } = await parseProcedure(request.xml);
      const text = JSON.stringify({ definition, issues });
      parentPort.postMessage({ id, reply: {
        hasDefinition: definition !== undefined,
        issues: issues.slice(0, 50).map((i) => ({ elementId: i.elementId, code: i.code, severity: i.severity, message: i.message.slice(0, 500) })),
        found: request.forbidden.filter((needle) => text.includes(needle)),
        polluted: polluted(before),
      } });
    } else if (request.kind === 'run') {
      const { definition, issues } = await parseProcedure(request.xml);
      if (!definition || issues.some((issue) => issue.severity === 'error')) {
        parentPort.postMessage({ id, reply: { status: 'not runnable', incidents: 0, rounds: 0, polluted: polluted(before) } });
        return;
      }
      const engine = createEngine({ clock: { now: () => 1740969420000 } });
      let result;
      let rounds = 0;
      try {
        result = await engine.start(definition, { variables: JSON.parse(request.startJson) });
        for (; rounds < 25 && result.status === 'running'; rounds += 1) {
          const step = engine.activeSteps(result.snapshot).find((candidate) => candidate.state === 'waiting');
          if (!step) break;
          const variables = JSON.parse(request.completionJsons[rounds % request.completionJsons.length]);
          result = await engine.deliver(definition, result.snapshot, { type: 'task.completed', stepId: step.stepId, variables });
        }
      } catch (error) {
        if (!error || error.name !== 'EngineError') throw error;
        parentPort.postMessage({ id, reply: { status: 'refused', incidents: 0, rounds, engineError: error.code, polluted: polluted(before) } });
        return;
      }
      const incidents = engine.activeSteps(result.snapshot).filter((step) => step.state === 'incident').length;
      parentPort.postMessage({ id, reply: { status: result.status, incidents, rounds, polluted: polluted(before) } });
    } else {
      const result = feel.evaluate(request.body, request.context);
      parentPort.postMessage({ id, reply: {
        ok: result.ok,
        message: result.ok ? undefined : String(result.message).slice(0, 500),
        valueKind: result.ok ? kindOf(result.value) : 'failure',
        reachesHost: result.ok ? reachesHost(result.value) : false,
        polluted: polluted(before),
      } });
    }
  } catch (error) {
    parentPort.postMessage({ id, thrown: String(error && error.stack || error).slice(0, 2000) });
  }
});
parentPort.postMessage({ ready: true });
`;

export class GuardedEngine {
  private worker: Worker | undefined;
  private ready: Promise<Worker> | undefined;
  private nextId = 0;

  private start(): Promise<Worker> {
    this.ready ??= new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          modelUrl: pathToFileURL(`${repoRoot}engine/src/model/index.ts`).href,
          feelUrl: pathToFileURL(`${repoRoot}engine/src/runtime/feel-evaluator.ts`).href,
          runtimeUrl: pathToFileURL(`${repoRoot}engine/src/runtime/index.ts`).href,
        },
        // A runaway allocation kills the worker, not the test process.
        resourceLimits: { maxOldGenerationSizeMb: 768 },
      });
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
      this.worker = worker;
    });
    return this.ready;
  }

  parse(xml: string, forbidden: string[] = []): Promise<ParseReply> {
    return this.ask({ kind: 'parse', xml, forbidden }) as Promise<ParseReply>;
  }

  feel(body: string, context: Record<string, unknown> = {}): Promise<FeelReply> {
    return this.ask({ kind: 'feel', body, context }) as Promise<FeelReply>;
  }

  /** Parses `xml` and, when it has no errors, runs an instance: started with, then each open step completed with, the variables given as JSON. */
  run(xml: string, startJson: string, completionJsons: string[]): Promise<RunReply> {
    return this.ask({ kind: 'run', xml, startJson, completionJsons }) as Promise<RunReply>;
  }

  /** One request, answered within `HANG_GUARD_MS` or failed; a hung or dead worker is replaced for the next request. */
  private async ask(request: Request, limitMs: number = HANG_GUARD_MS): Promise<unknown> {
    const worker = await this.start();
    const id = (this.nextId += 1);
    const label =
      request.kind === 'feel' ? `FEEL ${JSON.stringify(request.body.slice(0, 120))}` : `${request.kind === 'parse' ? 'parseProcedure' : 'running'} a model of ${request.xml.length} characters`;
    let timer: NodeJS.Timeout | undefined;
    const cleanups: (() => void)[] = [];
    try {
      return await new Promise((resolve, reject) => {
        const onMessage = (message: { id?: number; reply?: unknown; thrown?: string }) => {
          if (message.id !== id) return;
          if (message.thrown !== undefined) reject(new Error(`${label} threw: ${message.thrown}`));
          else resolve(message.reply);
        };
        const onError = (error: Error) => reject(new Error(`${label} killed the worker: ${error.message}`));
        const onExit = (code: number) => reject(new Error(`${label} ended the worker (exit ${code})`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        cleanups.push(() => worker.off('message', onMessage), () => worker.off('error', onError), () => worker.off('exit', onExit));
        timer = setTimeout(() => reject(new Error(`${label} did not return within ${limitMs} ms`)), limitMs);
        worker.postMessage({ id, request });
      });
    } catch (error) {
      await this.close();
      throw error;
    } finally {
      clearTimeout(timer);
      for (const cleanup of cleanups) cleanup();
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) await worker.terminate();
  }
}
