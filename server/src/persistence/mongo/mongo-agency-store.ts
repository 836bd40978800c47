/** @module MongoAgencyStore — AgencyStore on the `agencies` collection. */
import type { AgencyRecord, AgencyStore } from '../../access/agency-store';
import type { AgencyDocument, AgencyModel } from './agency-model';

function toRecord(document: AgencyDocument): AgencyRecord {
  const { _id, ...fields } = document;
  return { id: _id, ...fields };
}

export class MongoAgencyStore implements AgencyStore {
  constructor(private readonly agencies: AgencyModel) {}

  async get(id: string): Promise<AgencyRecord | undefined> {
    const found = await this.agencies.findById(id).lean<AgencyDocument>();
    return found ? toRecord(found) : undefined;
  }

  async list(): Promise<AgencyRecord[]> {
    const found = await this.agencies.find({}).sort({ _id: 1 }).lean<AgencyDocument[]>();
    return found.map(toRecord);
  }

  async put(agency: AgencyRecord): Promise<AgencyRecord> {
    const { id, ...fields } = agency;
    await this.agencies.replaceOne({ _id: id }, fields, { upsert: true });
    return structuredClone(agency);
  }
}
