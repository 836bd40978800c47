/**
 * @module MongoCalendarStore — CalendarStore on the `calendars` collection (a few documents per province: read them
 * all). The province plugin confines each read to the current province's layers; a write's `_id` carries the writing
 * province (`<provinceCode>:<scope>`), so that every province keeps its own layer of a scope.
 */
import type { Connection } from 'mongoose';
import type { CalendarLayerRecord, CalendarStore } from '../../calendars/calendar-store';
import { writingProvince } from '../../tenancy/province-scope';
import { backfillProvince } from './backfill-province';
import { calendarModel, type CalendarDocument, type CalendarModel } from './calendar-model';

const toRecord = ({ _id: _ignored, ...record }: CalendarDocument): CalendarLayerRecord => record;

export class MongoCalendarStore implements CalendarStore {
  constructor(private readonly calendars: CalendarModel) {}

  async list(): Promise<CalendarLayerRecord[]> {
    return (await this.calendars.find({}).sort({ scope: 1 }).lean<CalendarDocument[]>()).map(toRecord);
  }

  async get(scope: string): Promise<CalendarLayerRecord | undefined> {
    const found = await this.calendars.findOne({ scope }).lean<CalendarDocument>();
    return found ? toRecord(found) : undefined;
  }

  async put(record: CalendarLayerRecord): Promise<void> {
    const provinceCode = writingProvince('Calendar.put');
    await this.calendars.replaceOne({ _id: `${provinceCode}:${record.scope}` }, record, { upsert: true });
  }
}

/** The store, after the upgrade to provinces (`backfillProvince`) and with the unique scope per province. */
export async function createMongoCalendarStore(connection: Connection): Promise<MongoCalendarStore> {
  await backfillProvince(connection);
  const model = calendarModel(connection);
  await model.createCollection();
  await model.syncIndexes();
  return new MongoCalendarStore(model);
}
