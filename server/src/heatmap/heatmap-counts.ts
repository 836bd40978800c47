/**
 * @module heatmap-counts — the live heatmap's overlay: per element of one procedure version, the open steps of
 * its dossiers waiting there, and how many are nearly due and overdue now; limited to the steps the asker may see
 * (an official their own unit). Also the list behind a click on one element.
 */
import { stepInScope, stepMarkAt } from '../statistics/classify-dossier-facts';
import type { StatsDeps } from '../statistics/stats-deps';
import { byDue, toStepItem, type StepItem } from '../statistics/stats-lists';

export interface ElementCounts {
  waiting: number;
  nearlyDue: number;
  overdue: number;
  paused: number;
}

export interface HeatmapScope {
  agencyIds?: readonly string[];
  departmentId?: string;
}

export interface Heatmap {
  procedureKey: string;
  version: number;
  elements: Record<string, ElementCounts>;
  updatedAt: number;
}

export async function heatmapCounts(deps: Pick<StatsDeps, 'facts' | 'clock'>, procedureKey: string, version: number, scope: HeatmapScope): Promise<Heatmap> {
  const records = await deps.facts.list({ procedureKey, procedureVersion: version, withOpenSteps: true, withoutHistory: true, ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}) });
  const now = deps.clock.now();
  const elements: Record<string, ElementCounts> = {};
  for (const record of records) {
    for (const step of record.openSteps) {
      if (!stepInScope(step, scope)) continue;
      const counts = (elements[step.elementId] ??= { waiting: 0, nearlyDue: 0, overdue: 0, paused: 0 });
      counts.waiting += 1;
      const mark = stepMarkAt(step, now);
      if (mark === 'nearlyDue') counts.nearlyDue += 1;
      else if (mark === 'overdue') counts.overdue += 1;
      else if (mark === 'paused') counts.paused += 1;
    }
  }
  return { procedureKey, version, elements, updatedAt: now };
}

export async function heatmapElementSteps(deps: Pick<StatsDeps, 'facts' | 'clock'>, procedureKey: string, version: number, elementId: string, scope: HeatmapScope): Promise<StepItem[]> {
  const records = await deps.facts.list({ procedureKey, procedureVersion: version, withOpenSteps: true, withoutHistory: true, ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}) });
  const now = deps.clock.now();
  const items: StepItem[] = [];
  for (const record of records) {
    for (const step of record.openSteps) {
      if (step.elementId === elementId && stepInScope(step, scope)) items.push(toStepItem(record, step, stepMarkAt(step, now)));
    }
  }
  return items.sort(byDue);
}
