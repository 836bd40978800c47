/**
 * @module statsApi — the statistics and live-heatmap API (`/api/stats/*`, `/api/heatmap/*`, `/api/events`) as the
 * dashboard and the heatmap read it (the server's `stats-routes.ts`, `heatmap-routes.ts`, `event-routes.ts`).
 */
import { sessionToken } from '../../api/api-client';
import { requestBlob, requestJson, withQuery, type Query } from './workspace-api';

export interface ElementCounts {
  waiting: number;
  nearlyDue: number;
  overdue: number;
  paused?: number;
}

/** The figures of Decision 766/QĐ-TTg for one scope: the summary, and each breakdown row. */
export interface StatsFigures {
  received: number;
  processed: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedOverdue: number;
  inProcessInTime: number;
  inProcessOverdue: number;
  nearlyDueSteps: number;
  overdueSteps: number;
  pausedInTime: number;
  pausedOverdue: number;
  /** Open steps nobody can see: their unit has no enabled official or head of unit. */
  orphanedSteps: number;
  onTimeRate: number | null;
  averageProcessingDays: number | null;
}

export interface StatsSummary extends StatsFigures {
  period: { from: string; to: string };
  /** The rate's parts (server `partsOf`): processed = finished + inProcess = onTime + overdue. */
  finished: number;
  inProcess: number;
  onTime: number;
  overdue: number;
  onlineRate: number | null;
  digitisationRate: number | null;
}

export interface BreakdownRow extends StatsFigures {
  key: string;
  label: string;
}

export interface TrendPoint {
  periodStart: string;
  received: number;
  finished: number;
  onTimeRate: number | null;
}

export interface DelayRow {
  agencyId: string;
  label: string;
  dossiersDelayed: number;
  overrunWorkingHours: number;
  apologiesIssued: number;
}

export interface StepItem {
  stepId: string;
  dossierId: string;
  dossierCode: string;
  stepName: string;
  agencyId?: string;
  departmentId?: string;
  assigneeId?: string;
  dueAt?: string;
  mark: string;
}

export interface DossierItem {
  dossierId: string;
  dossierCode: string;
  status: number;
  receivedAt?: string;
  appointmentAt?: string;
  finishedAt?: string;
  classification: string;
}

export interface HeatmapAnswer {
  procedureKey?: string;
  version?: number;
  elements: Record<string, ElementCounts>;
}

/** A row of any statistics table: the page shows its columns as they come. */
export type StatsRow = Record<string, unknown>;

/** `{ items }`, `{ rows }` or a bare array: the rows of a statistics answer. */
export function rowsOf(answer: unknown): StatsRow[] {
  if (Array.isArray(answer)) return answer as StatsRow[];
  if (answer && typeof answer === 'object') {
    for (const name of ['items', 'rows', 'groups', 'points', 'series', 'dossiers', 'steps']) {
      const value = (answer as Record<string, unknown>)[name];
      if (Array.isArray(value)) return value as StatsRow[];
    }
  }
  return [];
}

const enc = encodeURIComponent;

export const statsApi = {
  summary: (query: Query) => requestJson<StatsSummary>('GET', withQuery('/api/stats/summary', query)),
  breakdown: (query: Query) => requestJson<{ rows: BreakdownRow[] }>('GET', withQuery('/api/stats/breakdown', query)),
  trend: (query: Query) => requestJson<{ points: TrendPoint[] }>('GET', withQuery('/api/stats/trend', query)),
  delays: (query: Query) => requestJson<{ rows: DelayRow[] }>('GET', withQuery('/api/stats/delays', query)),
  steps: (query: Query) => requestJson<{ items: StepItem[]; total: number }>('GET', withQuery('/api/stats/steps', query)),
  dossiers: (query: Query) => requestJson<{ items: DossierItem[]; total: number }>('GET', withQuery('/api/stats/dossiers', query)),
  /** The same table as CSV (`format=csv`), fetched with the session so the browser can save it. */
  csv: (table: string, query: Query) => requestBlob(withQuery(`/api/stats/${table}`, { ...query, format: 'csv' })),
  heatmap: (key: string, version: number) => requestJson<HeatmapAnswer>('GET', `/api/heatmap/${enc(key)}/versions/${version}`),
  heatmapDossiers: (key: string, version: number, elementId: string) =>
    requestJson<unknown>('GET', `/api/heatmap/${enc(key)}/versions/${version}/elements/${enc(elementId)}/dossiers`),
  /** Server-sent events of one procedure; EventSource cannot send headers, so the token rides in the query. */
  events: (procedureKey: string) => new EventSource(withQuery('/api/events', { procedureKey, access_token: sessionToken() })),
};
