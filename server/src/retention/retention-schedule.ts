/**
 * @module retention-schedule — the daily run of retention (issue 18 item 6): once a day, from a configured time of the
 * Vietnamese day (RETENTION_DAILY_AT, UTC+7), every closed dossier whose period is over is expired in bounded batches
 * (run-retention-batch.ts) until none is due, in each province in turn (run-in-each-province.ts), as the deadline
 * sweeper and the outbox deliverer run.
 *
 * Like them it leases its work in the database instead of trusting one process: the day's run of a province is
 * claimed in the retention store (`claimScheduledRun`, a lease renewed after each batch) and marked finished, so of
 * several server processes one runs it, another takes it over when the holder dies (its lease expires), and none runs
 * it twice that day. A batch is itself idempotent (each dossier's expiry is written on it), so a run taken over
 * mid-way goes on where the other stopped. Time comes from the injected clock; the interval only polls.
 *
 * @example
 * const schedule = createRetentionSchedule({ deps, owner: `server-${process.pid}`, atMinute: 2 * 60 });
 * schedule.start();           // polls every intervalMs
 * await schedule.stop();      // on SIGTERM: waits for the run under way
 */
import { runInEachProvince } from '../tenancy/run-in-each-province';
import { MAX_RETENTION_BATCH, retentionKeyMissing, runRetentionBatch, type RetentionDeps } from './run-retention-batch';

export interface RetentionScheduleOptions {
  deps: RetentionDeps;
  /** Who holds the day's lease: unique per server process. */
  owner: string;
  /** Minutes after midnight, Vietnamese time, from which the day's run starts (02:00 = 120). */
  atMinute: number;
  /** How long a claim of the day's run is ours without renewal; a dead holder's run is taken over after it. Default 10 min. */
  leaseMs?: number;
  /** Dossiers per batch. Default MAX_RETENTION_BATCH. */
  batch?: number;
  /** Batches one day's run goes to at most, so a backlog is spread over days. Default 1,000. */
  maxBatches?: number;
  /** Poll interval of `start()`. Default 60 s. */
  intervalMs?: number;
  /** The provinces run, one after another, each in its own scope; absent: once, in the caller's scope. */
  provinces?: readonly string[];
  /** Told of each run done: the day, the province, how many dossiers expired and how many are still due. */
  onRun?(run: ScheduledRun): void;
  onError?(error: unknown, provinceCode?: string): void;
}

export interface ScheduledRun {
  day: string;
  provinceCode?: string;
  expired: number;
  remaining: number;
}

export interface RetentionSchedule {
  /** Runs the day's retention in each province where it is time and no other process has run or is running it. */
  tickOnce(): Promise<ScheduledRun[]>;
  start(): void;
  stop(): Promise<void>;
}

/** Vietnam keeps UTC+7 all year (no daylight saving time). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The Vietnamese day of `at` (YYYY-MM-DD) and the minute of that day. */
export function vietnameseDayOf(at: number): { day: string; minute: number } {
  const local = new Date(at + VIETNAM_OFFSET_MS);
  return { day: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The actor the scheduled run's expiries name (archive bundles' `uploadedBy`). */
export const SCHEDULED_RETENTION_ACTOR = 'system:retention-schedule';

export function createRetentionSchedule(options: RetentionScheduleOptions): RetentionSchedule {
  const { deps, owner } = options;
  if (!deps.hashKey) throw retentionKeyMissing();
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const batch = options.batch ?? MAX_RETENTION_BATCH;
  const maxBatches = options.maxBatches ?? 1_000;
  let interval: ReturnType<typeof setInterval> | undefined;
  let running: Promise<ScheduledRun[]> | undefined;

  async function runProvince(provinceCode: string | undefined): Promise<ScheduledRun | undefined> {
    const { day, minute } = vietnameseDayOf(deps.clock.now());
    if (minute < options.atMinute) return undefined;
    if (!(await deps.retention.claimScheduledRun(day, owner, deps.clock.now(), leaseMs))) return undefined;
    let expired = 0;
    let remaining = 0;
    for (let batches = 0; batches < maxBatches; batches += 1) {
      const result = await runRetentionBatch(deps, { limit: batch, actorId: SCHEDULED_RETENTION_ACTOR });
      expired += result.expired.length;
      remaining = result.remaining;
      // Nothing left, or nothing this batch could do (another process's dossiers): the day's run ends.
      if (remaining === 0 || result.expired.length === 0) break;
      // Still ours after each batch; refused when another process took the run over after our lease ran out.
      if (!(await deps.retention.claimScheduledRun(day, owner, deps.clock.now(), leaseMs))) break;
    }
    await deps.retention.finishScheduledRun(day, owner, deps.clock.now());
    const run = { day, ...(provinceCode === undefined ? {} : { provinceCode }), expired, remaining };
    options.onRun?.(run);
    return run;
  }

  async function tickOnce(): Promise<ScheduledRun[]> {
    const runs = await runInEachProvince(options.provinces, runProvince, (error, provinceCode) => options.onError?.(error, provinceCode));
    return runs.filter((run): run is ScheduledRun => run !== undefined);
  }

  const tick = (): void => {
    if (running) return;
    running = tickOnce()
      .catch((error: unknown) => {
        options.onError?.(error);
        return [];
      })
      .finally(() => {
        running = undefined;
      });
  };

  return {
    tickOnce,
    start() {
      if (interval) return;
      interval = setInterval(tick, options.intervalMs ?? 60_000);
      interval.unref();
      tick();
    },
    async stop() {
      if (interval) clearInterval(interval);
      interval = undefined;
      await running;
    },
  };
}
