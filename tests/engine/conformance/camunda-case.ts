/**
 * The shape of one Camunda 7 corpus conformance case and the driver that runs it. A case names a model file, the
 * process and start variables, a list of driver steps (complete a task, deliver a message, signal or timer), what
 * must hold after the start and after each step, and the final outcome.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parseProcedure } from '../../../engine/src/model/index';
import type { ProcedureDefinition } from '../../../engine/src/model/index';
import type { Handler, ResolveProcedure } from '../../../engine/src/runtime/index';
import { corpusDir } from '../model/corpus';
import { RuntimeDriver } from '../runtime/runtime-driver';
import { juelDefinitionToFeel } from './juel-to-feel';

/** Folder of the Camunda 7 BPMN test models (Apache-2.0), relative to the corpus root. */
export const camundaBpmnDir = 'camunda-bpm-platform/engine/src/test/resources/org/camunda/bpm/engine/test/bpmn';

export type Variables = Record<string, unknown>;

/** One driver step: what the host does next. `timer` names the element whose armed timer is due. */
export type Action =
  | { complete: string; variables?: Variables }
  | { message: string; variables?: Variables }
  | { signal: string }
  | { timer: string }
  | { cancel: true };

export interface Expectation {
  /** Element ids of the open steps, sorted, one entry per open step (so two instances of a task appear twice). */
  waiting?: string[];
  /** Element ids of the armed timers, sorted. */
  timers?: string[];
  /** Elements entered at least once so far. */
  entered?: string[];
  /** Elements never entered so far. */
  notEntered?: string[];
  /** How many times each element was entered so far. */
  counts?: Record<string, number>;
  status?: 'running' | 'completed' | 'terminated' | 'failed';
  /** A subset of the root scope's variables (while running) or of process.completed's variables. */
  variables?: Variables;
  /** Codes of error.unhandled effects so far. */
  unhandledErrors?: string[];
  /** `element:code` of the incidents raised so far. */
  incidents?: string[];
}

/** `rejected`: the engine refuses the event with this EngineError code (e.g. a message nobody waits for). */
export type Step = Action & { then?: Expectation; rejected?: string };

export interface CamundaCase {
  /** The test title: `<Camunda test class>.<method>: <what it shows>`. */
  name: string;
  /** Model file under `camundaBpmnDir`. */
  file: string;
  /** Element kind the case is counted under in the README. */
  kind: string;
  processId?: string;
  variables?: Variables;
  /** Handlers by the names the parser derives from camunda:class / expression / delegateExpression. */
  handlers?: () => Record<string, Handler>;
  /** Other corpus files whose processes call activities may call (resolved through `resolveProcedure`). */
  calledFiles?: string[];
  /** Model issues of severity error that this file is known to have and that do not affect the run. */
  toleratedIssues?: string[];
  start?: Expectation;
  steps?: Step[];
  end: Expectation;
  /**
   * The spec-conformant outcome our engine does not reach yet: the case runs as `it.fails`, so it turns red (and
   * must be promoted to a normal case) once the engine is fixed. Not counted among the asserted cases.
   */
  knownGap?: string;
}

const definitions = new Map<string, Promise<ProcedureDefinition>>();

/** Parses a corpus model once and translates its JUEL expressions into FEEL. */
export function loadCamundaModel(file: string, tolerated: string[] = []): Promise<ProcedureDefinition> {
  let loaded = definitions.get(file);
  if (!loaded) {
    loaded = (async () => {
      const xml = readFileSync(path.join(corpusDir, camundaBpmnDir, file), 'utf8');
      const { definition, issues } = await parseProcedure(xml);
      const errors = issues.filter((issue) => issue.severity === 'error' && !tolerated.includes(issue.code));
      if (!definition || errors.length > 0) throw new Error(`${file}: ${errors.map((e) => `${e.code} ${e.elementId}: ${e.message}`).join('; ')}`);
      return juelDefinitionToFeel(definition);
    })();
    definitions.set(file, loaded);
  }
  return loaded;
}

async function resolverFor(files: string[] | undefined): Promise<ResolveProcedure | undefined> {
  if (!files?.length) return undefined;
  const byProcess = new Map<string, ProcedureDefinition>();
  for (const file of files) {
    const definition = await loadCamundaModel(file);
    for (const process of definition.processes) byProcess.set(process.id, definition);
  }
  return (calledElement) => {
    const definition = byProcess.get(calledElement);
    return definition && { definition, version: '1' };
  };
}

/** What a run showed, for comparing a straight run with a restarted one. */
export interface RunRecord {
  visited: string[];
  status: string;
  restarts: number;
  checkpoints: Array<{ waiting: string[]; timers: string[] }>;
}

function check(driver: RuntimeDriver, expectation: Expectation, where: string): void {
  const visited = driver.visited;
  const label = (what: string): string => `${where}: ${what}`;
  if (expectation.waiting) expect(driver.openSteps(), label('waiting')).toEqual([...expectation.waiting].sort());
  if (expectation.timers) expect(driver.armedTimers().map((t) => t.elementId).sort(), label('timers')).toEqual([...expectation.timers].sort());
  for (const id of expectation.entered ?? []) expect(visited, label(`entered ${id}`)).toContain(id);
  for (const id of expectation.notEntered ?? []) expect(visited, label(`never entered ${id}`)).not.toContain(id);
  for (const [id, times] of Object.entries(expectation.counts ?? {})) expect(visited.filter((v) => v === id).length, label(`times ${id} was entered`)).toBe(times);
  if (expectation.status) expect(driver.status, label('status')).toBe(expectation.status);
  if (expectation.variables) {
    const completed = driver.effectsOf('process.completed').at(-1);
    expect(completed?.variables ?? driver.variables, label('variables')).toMatchObject(expectation.variables);
  }
  if (expectation.incidents) expect(driver.effectsOf('incident.raised').map((e) => `${e.elementId}:${e.code}`), label('incidents')).toEqual(expectation.incidents);
  if (expectation.unhandledErrors) expect(driver.effectsOf('error.unhandled').map((e) => e.code), label('unhandled errors')).toEqual(expectation.unhandledErrors);
}

async function act(driver: RuntimeDriver, step: Action): Promise<void> {
  if ('complete' in step) await driver.complete(step.complete, step.variables);
  else if ('message' in step) await driver.message(step.message, step.variables);
  else if ('signal' in step) await driver.signal(step.signal);
  else if ('timer' in step) await driver.fireTimer(step.timer);
  else await driver.send({ type: 'instance.cancelled' });
}

function describeStep(step: Action): string {
  const [key, value] = Object.entries(step)[0]!;
  return `${key} ${String(value)}`;
}

/** Runs one case, straight or with a JSON snapshot → fresh engine → restore before every step; asserts as it goes. */
export async function runCase(c: CamundaCase, restart: boolean): Promise<RunRecord> {
  const definition = await loadCamundaModel(c.file, c.toleratedIssues);
  const resolveProcedure = await resolverFor(c.calledFiles);
  const driver = new RuntimeDriver(definition, { restart, handlers: c.handlers?.() ?? {}, ...(resolveProcedure ? { resolveProcedure } : {}) });
  const checkpoints: RunRecord['checkpoints'] = [];
  const checkpoint = (): void => void checkpoints.push({ waiting: driver.openSteps(), timers: driver.armedTimers().map((t) => t.elementId).sort() });
  await driver.start({ ...(c.processId ? { processId: c.processId } : {}), ...(c.variables ? { variables: c.variables } : {}) });
  checkpoint();
  if (c.start) check(driver, c.start, 'after start');
  for (const [k, step] of (c.steps ?? []).entries()) {
    if (step.rejected) await expect(act(driver, step), `step ${k + 1} is refused`).rejects.toMatchObject({ code: step.rejected });
    else await act(driver, step);
    checkpoint();
    if (step.then) check(driver, step.then, `after step ${k + 1} (${describeStep(step)})`);
  }
  check(driver, c.end, 'at the end');
  return { visited: driver.visited, status: driver.status, restarts: driver.restarts, checkpoints };
}
