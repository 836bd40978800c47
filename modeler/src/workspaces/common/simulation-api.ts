/**
 * @module simulationApi — the measured step durations (`GET /api/simulation/durations`, also as CSV) that the heatmap
 * shows, and the forecast (`POST /api/simulation/forecasts`) that the dashboard runs (the server's duration-routes.ts
 * and forecast-routes.ts, issue 19).
 */
import type { components } from '../../api/api-types';
import { requestBlob, requestJson, withQuery, type Query } from './workspace-api';

// The answers' types are the server's (generated api-types.ts, from its zod schemas): never copied by hand.
type Schemas = components['schemas'];
export type MeasuredDurations = Schemas['MeasuredDurations'];
export type MeasuredStep = MeasuredDurations['steps'][number];
export type ForecastRequest = Schemas['ForecastRequest'];
export type ForecastAnswer = Schemas['ForecastAnswer'];
export type ForecastFigures = ForecastAnswer['scenario'];

export const simulationApi = {
  durations: (query: Query) => requestJson<MeasuredDurations>('GET', withQuery('/api/simulation/durations', query)),
  /** The same figures as CSV for Excel, fetched with the session so the browser can save it. */
  durationsCsv: (query: Query) => requestBlob(withQuery('/api/simulation/durations', { ...query, format: 'csv' })),
  forecast: (request: ForecastRequest) => requestJson<ForecastAnswer>('POST', '/api/simulation/forecasts', request),
};
