/**
 * @module calendar-store — the local calendar layers administrators keep (province and agency holidays, closures,
 * swapped Saturdays): per-year administrator data (DOMAIN.md "Holidays"), stored by scope (the layer id).
 */
import type { CalendarLayer } from '../../../engine/src/index';

export interface CalendarLayerRecord {
  /** The layer id, e.g. the province or agency id. */
  scope: string;
  layer: CalendarLayer;
  updatedAt: number;
  updatedBy: string;
}

export interface CalendarStore {
  /** Every stored layer, by scope. */
  list(): Promise<CalendarLayerRecord[]>;
  get(scope: string): Promise<CalendarLayerRecord | undefined>;
  /** Creates or replaces the layer of `record.scope`. */
  put(record: CalendarLayerRecord): Promise<void>;
}
