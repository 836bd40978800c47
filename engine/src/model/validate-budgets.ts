/**
 * @module validateBudgets — the step budgets along the longest path from a start event to an end must fit in the
 * statutory deadline: provinces split each statutory deadline across steps (internal process decisions, DOMAIN.md),
 * and a split that adds up to more breaks the law. Checked when the statutory deadline is in working days; step
 * budgets in working hours count 8 per day (DOMAIN.md "Time"), same-day steps count 0, calendar days are not
 * comparable and are left out. Loops are cut where they turn back; parallel branches count their longest one.
 */
import type { Budget, FlowNode, ProcedureDefinition, ProcessDefinition, ValidationIssue } from './procedure-definition';

const WORKING_HOURS_PER_DAY = 8;

export function validateBudgets(definition: ProcedureDefinition): ValidationIssue[] {
  const statutory = definition.procedure?.statutoryBudget;
  if (!statutory || statutory.unit !== 'workingDays') return [];
  const processes = definition.processes.filter((process) => process.isExecutable);
  const issues: ValidationIssue[] = [];
  for (const process of processes.length > 0 ? processes : definition.processes) {
    const longest = new LongestPath(process).ofScope(process.childNodeIds);
    if (longest.days <= statutory.value + 1e-9) continue;
    const steps = longest.path
      .map((id) => process.nodes[id])
      .filter((node): node is FlowNode => node !== undefined && budgetDays(node.budget) > 0)
      .map((node) => `${node.name ?? node.id} ${format(budgetDays(node.budget))}`);
    issues.push({
      elementId: process.id,
      code: 'BUDGET_EXCEEDS_STATUTORY',
      severity: 'error',
      message:
        `The step budgets along the longest path of process ${process.name ? `"${process.name}" (${process.id})` : process.id} ` +
        `add up to ${format(longest.days)} working days (${steps.join(' + ')}), ${format(longest.days - statutory.value)} more than ` +
        `the statutory ${format(statutory.value)} working days`,
    });
  }
  return issues;
}

function budgetDays(budget: Budget | undefined): number {
  if (!budget) return 0;
  if (budget.unit === 'workingDays') return budget.value;
  if (budget.unit === 'workingHours') return budget.value / WORKING_HOURS_PER_DAY;
  return 0;
}

function format(days: number): string {
  return String(Math.round(days * 100) / 100);
}

interface Longest {
  days: number;
  path: string[];
}

/** Longest path by depth-first search with memoisation; an edge back to a node on the current path is skipped. */
class LongestPath {
  private readonly memo = new Map<string, Longest>();
  private readonly onPath = new Set<string>();

  constructor(private readonly process: ProcessDefinition) {}

  ofScope(nodeIds: string[]): Longest {
    const nodes = nodeIds.map((id) => this.process.nodes[id]).filter((node): node is FlowNode => node !== undefined);
    const starts = nodes.filter((node) => node.kind === 'startEvent');
    const entries = starts.length > 0 ? starts : nodes.filter((node) => node.incoming.length === 0 && node.kind !== 'boundaryEvent' && !node.triggeredByEvent);
    return entries.map((node) => this.from(node.id)).reduce(longer, { days: 0, path: [] });
  }

  private from(id: string): Longest {
    const known = this.memo.get(id);
    if (known) return known;
    const node = this.process.nodes[id];
    if (!node || this.onPath.has(id)) return { days: 0, path: [] };
    this.onPath.add(id);
    const own = node.budget ? { days: budgetDays(node.budget), path: [id] } : this.inside(node);
    let best: Longest = { days: 0, path: [] };
    for (const flowId of node.outgoing) {
      const target = this.process.flows[flowId]?.targetRef;
      if (target !== undefined && !this.onPath.has(target)) best = longer(best, this.from(target));
    }
    this.onPath.delete(id);
    const result = { days: own.days + best.days, path: [...own.path, ...best.path] };
    this.memo.set(id, result);
    return result;
  }

  /** A sub-process without its own budget takes as long as its longest inner path. */
  private inside(node: FlowNode): Longest {
    if (!node.childNodeIds || node.triggeredByEvent) return { days: 0, path: [node.id] };
    const inner = this.ofScope(node.childNodeIds);
    return { days: inner.days, path: [node.id, ...inner.path] };
  }
}

function longer(a: Longest, b: Longest): Longest {
  return b.days > a.days ? b : a;
}
