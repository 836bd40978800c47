/**
 * @module calendarModel — the `calendars` collection: one local calendar layer per province and scope. `_id` is
 * `<provinceCode>:<scope>` (two provinces keep layers of the same scope, their administrators' confirmation of the
 * national years `VN` included), the scope in its own field, unique within the province.
 */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { CalendarLayerRecord } from '../../calendars/calendar-store';

export type CalendarDocument = CalendarLayerRecord & { _id: string };

const calendarSchema = new Schema<CalendarDocument>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    layer: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: Number, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'calendars', versionKey: false, minimize: false },
);
calendarSchema.index({ scope: 1 }, { unique: true });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
calendarSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('Calendar', calendarSchema);
}

export type CalendarModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, CalendarModel>();

export function calendarModel(connection: Connection): CalendarModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
