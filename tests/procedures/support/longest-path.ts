/**
 * @module longestPath — the latest a dossier can finish when every step uses its whole budget, in working days
 * from receipt, following call activities into the processes they call. Working hours count 8 per day; a same-day
 * step ends with the working day it is in (DOMAIN.md "Time"). Loops are cut where they turn back (the supplement
 * wait and "return" flows), and the citizen's waits (receive tasks, no budget) take no time: the clock is paused.
 */
import type { Budget, FlowNode, ProcedureDefinition, ProcessDefinition } from '../../../engine/src/index';

const HOURS_PER_DAY = 8;
const EPSILON = 1e-9;

export interface LongestPath {
  days: number;
  /** Element ids with a budget along the longest path, called processes included. */
  steps: string[];
}

export function longestPath(definition: ProcedureDefinition, options: { avoid?: readonly string[] } = {}): LongestPath {
  const main = definition.processes.find((process) => process.isExecutable) ?? definition.processes[0]!;
  return new PathWalker(definition, new Set(options.avoid ?? [])).run(main, { days: 0, steps: [] });
}

export function afterBudget(days: number, budget: Budget): number {
  if (budget.unit === 'workingDays') return days + budget.value;
  if (budget.unit === 'workingHours') return days + budget.value / HOURS_PER_DAY;
  if (budget.unit === 'sameDay') return Math.floor(days + EPSILON) + 1;
  throw new Error(`a ${budget.unit} budget cannot be added to working days`);
}

class PathWalker {
  constructor(
    private readonly definition: ProcedureDefinition,
    private readonly avoid: Set<string>,
  ) {}

  run(process: ProcessDefinition, start: LongestPath): LongestPath {
    const backEdges = findBackEdges(process);
    const finishes = new Map<string, LongestPath | undefined>();
    const finishOf = (id: string): LongestPath | undefined => {
      if (finishes.has(id)) return finishes.get(id);
      finishes.set(id, undefined);
      const node = process.nodes[id]!;
      const startAt = this.avoid.has(id) ? undefined : this.startOf(process, node, start, backEdges, finishOf);
      const result = startAt && this.through(node, startAt);
      finishes.set(id, result);
      return result;
    };
    const ends = process.childNodeIds.map((id) => process.nodes[id]!).filter((node) => node.kind === 'endEvent');
    return ends.map((node) => finishOf(node.id)).reduce<LongestPath>((best, path) => (path && path.days > best.days + EPSILON ? path : best), start);
  }

  private startOf(
    process: ProcessDefinition,
    node: FlowNode,
    start: LongestPath,
    backEdges: Set<string>,
    finishOf: (id: string) => LongestPath | undefined,
  ): LongestPath | undefined {
    if (node.kind === 'startEvent') return start;
    // A boundary event fires while its activity waits; the activity's own time is the latest it can fire.
    if (node.kind === 'boundaryEvent') return finishOf(node.attachedToRef ?? '');
    let best: LongestPath | undefined;
    for (const flowId of node.incoming) {
      if (backEdges.has(flowId)) continue;
      const before = finishOf(process.flows[flowId]!.sourceRef);
      if (before && (!best || before.days > best.days + EPSILON)) best = before;
    }
    return best;
  }

  private through(node: FlowNode, startAt: LongestPath): LongestPath {
    if (node.kind === 'callActivity') {
      const called = this.definition.processes.find((process) => process.id === node.calledElement);
      if (!called) throw new Error(`call activity ${node.id} calls ${node.calledElement}, not a process of this file`);
      return this.run(called, startAt);
    }
    if (!node.budget) return startAt;
    return { days: afterBudget(startAt.days, node.budget), steps: [...startAt.steps, node.id] };
  }
}

/** Sequence flows that lead back to a node on the current depth-first path from a start event. */
function findBackEdges(process: ProcessDefinition): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    const node = process.nodes[id]!;
    const outgoing = [...node.outgoing, ...(node.boundaryEventIds ?? []).flatMap((boundary) => process.nodes[boundary]!.outgoing)];
    for (const flowId of outgoing) {
      const target = process.flows[flowId]!.targetRef;
      if (state.get(target) === 'open') back.add(flowId);
      else if (!state.has(target)) visit(target);
    }
    state.set(id, 'done');
  };
  for (const id of process.childNodeIds) if (process.nodes[id]!.kind === 'startEvent') visit(id);
  return back;
}
