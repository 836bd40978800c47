/**
 * @module statsApi — the statistics and live-heatmap API (`/api/stats/*`, `/api/heatmap/*`, `/api/events`) as the
 * dashboard and the heatmap read it (the server's `stats-routes.ts`, `heatmap-routes.ts`, `event-routes.ts`).
 */
import type { GetAnswer } from '../../api/api-answer';
import { sessionToken } from '../../api/api-client';
import { requestBlob, requestJson, withQuery, type Query } from './workspace-api';

// The answers' types are the server's (generated api-types.ts, from its zod schemas): never copied by hand.
type Heatmap = GetAnswer<'/api/heatmap/{key}/versions/{version}'>;
export type ElementCounts = Heatmap['elements'][string];
export type StatsSummary = GetAnswer<'/api/stats/summary'>;
export type BreakdownRow = GetAnswer<'/api/stats/breakdown'>['rows'][number];
/** The figures of Decision 766/QĐ-TTg for one scope: those of the summary and of each breakdown row. */
export type StatsFigures = Omit<BreakdownRow, 'key' | 'label'>;
export type TrendPoint = GetAnswer<'/api/stats/trend'>['points'][number];
export type DelayRow = GetAnswer<'/api/stats/delays'>['rows'][number];
export type StepItem = GetAnswer<'/api/stats/steps'>['items'][number];
export type DossierItem = GetAnswer<'/api/stats/dossiers'>['items'][number];
export type HeatmapAnswer = Heatmap;

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
  breakdown: (query: Query) => requestJson<GetAnswer<'/api/stats/breakdown'>>('GET', withQuery('/api/stats/breakdown', query)),
  trend: (query: Query) => requestJson<GetAnswer<'/api/stats/trend'>>('GET', withQuery('/api/stats/trend', query)),
  delays: (query: Query) => requestJson<GetAnswer<'/api/stats/delays'>>('GET', withQuery('/api/stats/delays', query)),
  steps: (query: Query) => requestJson<GetAnswer<'/api/stats/steps'>>('GET', withQuery('/api/stats/steps', query)),
  dossiers: (query: Query) => requestJson<GetAnswer<'/api/stats/dossiers'>>('GET', withQuery('/api/stats/dossiers', query)),
  /** The same table as CSV (`format=csv`), fetched with the session so the browser can save it. */
  csv: (table: string, query: Query) => requestBlob(withQuery(`/api/stats/${table}`, { ...query, format: 'csv' })),
  heatmap: (key: string, version: number) => requestJson<HeatmapAnswer>('GET', `/api/heatmap/${enc(key)}/versions/${version}`),
  heatmapDossiers: (key: string, version: number, elementId: string) =>
    requestJson<unknown>('GET', `/api/heatmap/${enc(key)}/versions/${version}/elements/${enc(elementId)}/dossiers`),
  /** Server-sent events of one procedure; EventSource cannot send headers, so the token rides in the query. */
  events: (procedureKey: string) => new EventSource(withQuery('/api/events', { procedureKey, access_token: sessionToken() })),
};
