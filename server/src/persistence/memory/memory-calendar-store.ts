/** @module MemoryCalendarStore — the local calendar layers in a map, for tests. */
import type { CalendarLayerRecord, CalendarStore } from '../../calendars/calendar-store';
import { firstFound, sortedBy, type NationalReads } from './province-partitioned';

export class MemoryCalendarStore implements CalendarStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryCalendarStore> = {
    get: firstFound,
    list: sortedBy<CalendarLayerRecord>((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0)),
  };

  private readonly layers = new Map<string, CalendarLayerRecord>();

  async list(): Promise<CalendarLayerRecord[]> {
    return [...this.layers.values()].map((record) => structuredClone(record));
  }

  async get(scope: string): Promise<CalendarLayerRecord | undefined> {
    const record = this.layers.get(scope);
    return record ? structuredClone(record) : undefined;
  }

  async put(record: CalendarLayerRecord): Promise<void> {
    this.layers.set(record.scope, structuredClone(record));
  }
}
