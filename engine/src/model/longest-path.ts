/**
 * @module LongestPath — the longest start-to-end path of a process counted in working days of step budgets,
 * following sub-processes and call activities into what they call (a process of the same definitions first, then a
 * deployed procedure by key: the order the runtime resolves `calledElement` in). The budget rule compares it with the
 * statutory deadline and with each agency's share (Decree 63/2024/NĐ-CP).
 */
import type { Budget, FlowNode, ProcedureDefinition, ProcessDefinition } from './procedure-definition';

const WORKING_HOURS_PER_DAY = 8;

/** Procedures deployed on the server, by key: what a call activity may call besides a process of its own file. */
export type DeployedProcedures = ReadonlyMap<string, ProcedureDefinition>;

/** One budgeted element on a path: a step, or a call activity standing for its called procedure's whole path. */
export interface PathStep {
  id: string;
  label: string;
  days: number;
}

export interface Longest {
  days: number;
  steps: PathStep[];
  /** The largest `extendsStatutoryTo` of a step on the path (called procedures included); 0 when none. */
  ceiling: number;
}

export interface LongestPathOptions {
  deployed?: DeployedProcedures;
  /** Leave out steps that extend the statutory deadline: the path the plain deadline applies to. */
  avoidExtended?: boolean;
}

const NONE: Longest = { days: 0, steps: [], ceiling: 0 };
const BLOCKED: Longest = { days: Number.NEGATIVE_INFINITY, steps: [], ceiling: 0 };

/** Working days of a budget: working hours count 8 per day (DOMAIN.md "Time"), same-day steps and calendar days 0. */
export function budgetDays(budget: Budget | undefined): number {
  if (!budget) return 0;
  if (budget.unit === 'workingDays') return budget.value;
  if (budget.unit === 'workingHours') return budget.value / WORKING_HOURS_PER_DAY;
  return 0;
}

/** What `calledElement` resolves to: a process of the same definitions, else a deployed procedure's main process. */
export function resolveCalled(
  definition: ProcedureDefinition,
  calledElement: string | undefined,
  deployed: DeployedProcedures | undefined,
): { definition: ProcedureDefinition; process: ProcessDefinition } | undefined {
  if (!calledElement) return undefined;
  const local = definition.processes.find((process) => process.id === calledElement);
  if (local) return { definition, process: local };
  const other = deployed?.get(calledElement);
  const process = other && (other.processes.find((candidate) => candidate.isExecutable) ?? other.processes[0]);
  return other && process ? { definition: other, process } : undefined;
}

/**
 * Depth-first search with memoisation; an edge back to a node on the current path is skipped (a supplement round
 * trip counts once), parallel branches count their longest one. `calling` holds the processes already being walked
 * up the call chain: a call back into one of them (a call cycle) counts 0 instead of recursing forever.
 */
export class LongestPath {
  private readonly memo = new Map<string, Longest>();
  private readonly onPath = new Set<string>();

  constructor(
    private readonly definition: ProcedureDefinition,
    private readonly process: ProcessDefinition,
    private readonly options: LongestPathOptions = {},
    private readonly calling: ReadonlySet<string> = new Set([processKey(definition, process)]),
  ) {}

  ofProcess(): Longest {
    return this.ofScope(this.process.childNodeIds);
  }

  /** The called procedure of a call activity, walked on its own; `undefined` when unknown or a call cycle. */
  ofCalled(node: FlowNode): Longest | undefined {
    const called = resolveCalled(this.definition, node.calledElement, this.options.deployed);
    if (!called) return undefined;
    const key = processKey(called.definition, called.process);
    if (this.calling.has(key)) return undefined;
    return new LongestPath(called.definition, called.process, this.options, new Set([...this.calling, key])).ofProcess();
  }

  private ofScope(nodeIds: string[]): Longest {
    const nodes = nodeIds.map((id) => this.process.nodes[id]).filter((node): node is FlowNode => node !== undefined);
    const starts = nodes.filter((node) => node.kind === 'startEvent');
    const entries = starts.length > 0 ? starts : nodes.filter((node) => node.incoming.length === 0 && node.kind !== 'boundaryEvent' && !node.triggeredByEvent);
    return entries.map((node) => this.from(node.id)).reduce(longer, NONE);
  }

  private from(id: string): Longest {
    const known = this.memo.get(id);
    if (known) return known;
    const node = this.process.nodes[id];
    if (!node || this.onPath.has(id)) return NONE;
    if (this.options.avoidExtended && node.extendsStatutoryTo !== undefined) return BLOCKED;
    this.onPath.add(id);
    const own = this.own(node);
    let best: Longest = node.outgoing.length === 0 ? NONE : BLOCKED;
    for (const flowId of node.outgoing) {
      const target = this.process.flows[flowId]?.targetRef;
      if (target !== undefined && !this.onPath.has(target)) best = longer(best, this.from(target));
    }
    if (best === BLOCKED && node.outgoing.length > 0) best = NONE;
    this.onPath.delete(id);
    const result = { days: own.days + best.days, steps: [...own.steps, ...best.steps], ceiling: Math.max(own.ceiling, best.ceiling) };
    this.memo.set(id, result);
    return result;
  }

  /** A step's own budget; a sub-process or call activity without one takes as long as its longest inner path. */
  private own(node: FlowNode): Longest {
    const ceiling = node.extendsStatutoryTo ?? 0;
    const label = node.name ?? node.id;
    if (node.budget) return { days: budgetDays(node.budget), steps: budgetDays(node.budget) > 0 ? [{ id: node.id, label, days: budgetDays(node.budget) }] : [], ceiling };
    if (node.kind === 'callActivity') {
      const inner = this.ofCalled(node) ?? NONE;
      return { days: inner.days, steps: inner.days > 0 ? [{ id: node.id, label, days: inner.days }] : [], ceiling: Math.max(ceiling, inner.ceiling) };
    }
    if (!node.childNodeIds || node.triggeredByEvent) return { ...NONE, ceiling };
    const inner = this.ofScope(node.childNodeIds);
    return { ...inner, ceiling: Math.max(ceiling, inner.ceiling) };
  }
}

function processKey(definition: ProcedureDefinition, process: ProcessDefinition): string {
  return `${definition.id}#${process.id}`;
}

function longer(a: Longest, b: Longest): Longest {
  return b.days > a.days ? b : a;
}
