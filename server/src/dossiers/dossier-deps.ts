/** @module dossier-deps — what every dossier use case needs: stores, the outbox, the clock and the calendar. */
import type { Clock } from '../../../engine/src/index';
import type { Stores } from '../stores';
import type { OutboxStore } from '../outbox/outbox-store';
import type { FormDataLimits } from './form-data-limits';
import type { CalendarSource } from './timekeeping';

export interface DossierDeps {
  stores: Stores;
  outbox: OutboxStore;
  clock: Clock;
  calendars: CalendarSource;
  /** New record ids (random UUIDs in the server; tests may make them predictable). */
  newId(): string;
  /** Bounds on e-forms and step data; DEFAULT_FORM_DATA_LIMITS when absent. */
  formLimits?: FormDataLimits;
}

export { SYSTEM_ACTOR, type Actor } from '../../../engine/src/index';
