/**
 * @module MemoryTimerStore — persisted wake-ups kept in two heaps so that claiming k due timers among n open ones
 * costs O(k log n), not O(n): the in-memory twin of the `{status, dueAt}` index the mongoose adapter queries.
 */
import type { TimerRecord, TimerStore, TimerWrite } from '../../stores';
import { MinHeap } from './min-heap';
import type { UndoLog } from './undo-log';
import { firstFound, sortedBy, type NationalReads } from './province-partitioned';

/** Heap entries point at a timer version (`generation`); an entry whose timer has moved on since is skipped. */
interface HeapRef {
  id: string;
  generation: number;
}

interface Slot {
  record: TimerRecord;
  generation: number;
}

export interface MemoryTimerState {
  slots: Map<string, Slot>;
  /** Scheduled timers without a lease, by dueAt. */
  unleased: MinHeap<HeapRef>;
  /** Scheduled timers under a lease, by leaseUntil: they become claimable again when it passes. */
  leased: MinHeap<HeapRef>;
  idsByDossier: Map<string, Set<string>>;
  /** Last generation handed out; shared by every view of the state so that generations never repeat. */
  generation: number;
}

export function createMemoryTimerState(): MemoryTimerState {
  return { slots: new Map(), unleased: new MinHeap(), leased: new MinHeap(), idsByDossier: new Map(), generation: 0 };
}

function withoutLease(record: TimerRecord): TimerRecord {
  const { leaseOwner: _owner, leaseUntil: _until, ...rest } = record;
  return rest;
}

export class MemoryTimerStore implements TimerStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryTimerStore> = {
    get: firstFound,
    listByDossier: sortedBy<TimerRecord>((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };

  constructor(
    private readonly state: MemoryTimerState = createMemoryTimerState(),
    private readonly undo?: UndoLog,
  ) {}

  withUndo(undo: UndoLog): MemoryTimerStore {
    return new MemoryTimerStore(this.state, undo);
  }

  async schedule(timer: Omit<TimerRecord, 'status'>): Promise<void> {
    const current = this.state.slots.get(timer.id)?.record;
    if (current?.status === 'fired') return;
    const { leaseOwner: _owner, leaseUntil: _until, firedAt: _firedAt, ...fields } = structuredClone(timer);
    if (current?.status === 'scheduled' && current.dueAt === timer.dueAt) {
      // Same wake-up scheduled again: keep any lease, so a sweeper already firing it is not doubled.
      this.put({ ...current, ...fields, status: 'scheduled' });
      return;
    }
    this.put({ ...fields, status: 'scheduled' });
  }

  async writeMany(writes: readonly TimerWrite[]): Promise<void> {
    for (const write of writes) await ('schedule' in write ? this.schedule(write.schedule) : this.cancel(write.cancel));
  }

  async cancel(id: string): Promise<void> {
    const current = this.state.slots.get(id)?.record;
    if (current?.status !== 'scheduled') return;
    this.put({ ...withoutLease(current), status: 'cancelled' });
  }

  async get(id: string): Promise<TimerRecord | undefined> {
    const found = this.state.slots.get(id)?.record;
    return found && structuredClone(found);
  }

  async claimDue(now: number, owner: string, leaseMs: number, limit: number): Promise<TimerRecord[]> {
    const { leased, unleased } = this.state;
    // Leases that ran out put their timers back in line; each costs O(log n) and happens once per expiry.
    while ((leased.peekKey() ?? Infinity) <= now) {
      const ref = leased.pop()!.value;
      const slot = this.live(ref);
      if (slot) unleased.push(slot.record.dueAt, ref);
    }
    const claimed: TimerRecord[] = [];
    while (claimed.length < limit && (unleased.peekKey() ?? Infinity) <= now) {
      const slot = this.live(unleased.pop()!.value);
      if (!slot) continue;
      const record: TimerRecord = { ...slot.record, leaseOwner: owner, leaseUntil: now + leaseMs };
      this.put(record);
      claimed.push(structuredClone(record));
    }
    return claimed;
  }

  async markFired(id: string, owner: string, firedAt: number): Promise<boolean> {
    const current = this.state.slots.get(id)?.record;
    if (current?.status !== 'scheduled' || current.leaseOwner !== owner) return false;
    this.put({ ...current, status: 'fired', firedAt });
    return true;
  }

  async listByDossier(dossierId: string): Promise<TimerRecord[]> {
    const ids = this.state.idsByDossier.get(dossierId) ?? new Set<string>();
    return [...ids]
      .map((id) => structuredClone(this.state.slots.get(id)!.record))
      .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The slot an entry points at, if the timer is still scheduled and unchanged since the entry was pushed. */
  private live(ref: HeapRef): Slot | undefined {
    const slot = this.state.slots.get(ref.id);
    return slot && slot.generation === ref.generation && slot.record.status === 'scheduled' ? slot : undefined;
  }

  /** Stores a new version of a timer, indexes it, and records how to restore the previous one. */
  private put(record: TimerRecord): void {
    const previous = this.state.slots.get(record.id)?.record;
    this.index(record.id, record);
    this.undo?.record(() => this.index(record.id, previous));
  }

  private index(id: string, record: TimerRecord | undefined): void {
    const { slots, leased, unleased, idsByDossier } = this.state;
    const before = slots.get(id)?.record;
    if (before && before.dossierId !== record?.dossierId) idsByDossier.get(before.dossierId)?.delete(id);
    if (!record) {
      slots.delete(id);
      return;
    }
    const generation = ++this.state.generation;
    slots.set(id, { record, generation });
    const ids = idsByDossier.get(record.dossierId) ?? new Set<string>();
    idsByDossier.set(record.dossierId, ids.add(id));
    if (record.status !== 'scheduled') return;
    if (record.leaseUntil === undefined) unleased.push(record.dueAt, { id, generation });
    else leased.push(record.leaseUntil, { id, generation });
  }
}
