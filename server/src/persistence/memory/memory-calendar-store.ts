/** @module MemoryCalendarStore — the local calendar layers in a map, for tests. */
import type { CalendarLayerRecord, CalendarStore } from '../../calendars/calendar-store';

export class MemoryCalendarStore implements CalendarStore {
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
