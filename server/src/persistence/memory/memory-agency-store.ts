/** @module MemoryAgencyStore — the agency directory in a Map, for tests and the demo. */
import type { AgencyRecord, AgencyStore } from '../../access/agency-store';
import { firstFound, sortedBy, type NationalReads } from './province-partitioned';

export class MemoryAgencyStore implements AgencyStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryAgencyStore> = {
    get: firstFound,
    list: sortedBy<AgencyRecord>((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };

  private readonly agencies = new Map<string, AgencyRecord>();

  async get(id: string): Promise<AgencyRecord | undefined> {
    const agency = this.agencies.get(id);
    return agency && structuredClone(agency);
  }

  async list(): Promise<AgencyRecord[]> {
    return [...this.agencies.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((agency) => structuredClone(agency));
  }

  async put(agency: AgencyRecord): Promise<AgencyRecord> {
    this.agencies.set(agency.id, structuredClone(agency));
    return structuredClone(agency);
  }
}
