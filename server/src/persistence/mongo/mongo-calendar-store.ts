/**
 * @module MongoCalendarStore — CalendarStore on the `calendars` collection (a few documents per province: read them
 * all). The province plugin confines each read to the current province's layers; a write's `_id` carries the writing
 * province (`<provinceCode>:<scope>`), so that every province keeps its own layer of a scope.
 */
import type { Connection } from 'mongoose';
import type { CalendarLayerRecord, CalendarStore } from '../../calendars/calendar-store';
import { currentProvinceScope, writingProvince } from '../../tenancy/province-scope';
import { backfillProvince } from './backfill-province';
import { calendarModel, type CalendarDocument, type CalendarModel } from './calendar-model';

const toRecord = ({ _id: _ignored, ...record }: CalendarDocument): CalendarLayerRecord => record;

/**
 * How long one read of the layers answers this process's further reads of the same province. A dossier command reads
 * them two to four times (its unit of work, the appointment's explanation, the steps' clocks), each a round trip
 * for the same few documents (`bench/load-bench.ts`). A change made in this process is seen at once (`put` forgets
 * the reads); one made in another process within this time: the same window as a command already under way when a
 * layer changes, which read the layers at its start and commits after the change's re-projection.
 */
export const LAYERS_FRESH_MS = 200;

export class MongoCalendarStore implements CalendarStore {
  private readonly recent = new Map<string, { at: number; layers: Promise<CalendarLayerRecord[]> }>();

  constructor(private readonly calendars: CalendarModel) {}

  async list(): Promise<CalendarLayerRecord[]> {
    const scope = currentProvinceScope('Reading the calendars');
    const slot = scope.kind === 'province' ? scope.provinceCode : '*';
    const now = performance.now();
    const hit = this.recent.get(slot);
    if (hit && now - hit.at < LAYERS_FRESH_MS) return hit.layers;
    const layers = this.calendars.find({}).sort({ scope: 1 }).lean<CalendarDocument[]>().then((found) => found.map(toRecord));
    this.recent.set(slot, { at: now, layers });
    layers.catch(() => this.recent.delete(slot));
    return layers;
  }

  async get(scope: string): Promise<CalendarLayerRecord | undefined> {
    const found = await this.calendars.findOne({ scope }).lean<CalendarDocument>();
    return found ? toRecord(found) : undefined;
  }

  async put(record: CalendarLayerRecord): Promise<void> {
    const provinceCode = writingProvince('Calendar.put');
    this.recent.clear();
    await this.calendars.replaceOne({ _id: `${provinceCode}:${record.scope}` }, record, { upsert: true });
    this.recent.clear();
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
