/** @module MongoCalendarStore — CalendarStore on the `calendars` collection (a few documents: read them all). */
import type { Connection } from 'mongoose';
import type { CalendarLayerRecord, CalendarStore } from '../../calendars/calendar-store';
import { calendarModel, type CalendarDocument, type CalendarModel } from './calendar-model';

const toRecord = ({ _id, ...rest }: CalendarDocument): CalendarLayerRecord => ({ ...rest, scope: _id });

export class MongoCalendarStore implements CalendarStore {
  constructor(private readonly calendars: CalendarModel) {}

  async list(): Promise<CalendarLayerRecord[]> {
    return (await this.calendars.find({}).sort({ _id: 1 }).lean<CalendarDocument[]>()).map(toRecord);
  }

  async get(scope: string): Promise<CalendarLayerRecord | undefined> {
    const found = await this.calendars.findById(scope).lean<CalendarDocument>();
    return found ? toRecord(found) : undefined;
  }

  async put(record: CalendarLayerRecord): Promise<void> {
    const { scope, ...fields } = record;
    await this.calendars.replaceOne({ _id: scope }, fields, { upsert: true });
  }
}

export async function createMongoCalendarStore(connection: Connection): Promise<MongoCalendarStore> {
  const model = calendarModel(connection);
  await model.createCollection();
  return new MongoCalendarStore(model);
}
