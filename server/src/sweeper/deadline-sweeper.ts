/**
 * @module deadline-sweeper — finds due deadlines with one indexed query (`claimDue` on `{status, dueAt}`), leases
 * them so one process handles each, and fires them (`fireTimer`). Nothing relies on an in-memory timer: the interval
 * only polls, the deadlines are the stored `dueAt` (STYLE.md §2; a 30-day statutory deadline outlives any
 * `setTimeout`). A timer whose work conflicts stays leased and is claimed again when the lease expires.
 * In a national deployment each sweep runs once per province (`provinces`), inside that province's scope: it claims
 * only that province's timers and fires them there; a province whose sweep fails is reported and the others go on.
 *
 * @example
 * const sweeper = createDeadlineSweeper({ ...dossierDeps, owner: `server-${process.pid}` });
 * sweeper.start();            // polls every intervalMs
 * await sweeper.stop();       // on SIGTERM: waits for the sweep under way
 */
import type { DossierDeps } from '../dossiers/dossier-deps';
import { runInEachProvince } from '../tenancy/run-in-each-province';
import { fireTimer } from './fire-timer';

export interface DeadlineSweeperOptions extends DossierDeps {
  /** Who holds the leases: unique per server process. */
  owner: string;
  /** How long a claim is ours; a crashed owner's timers are claimed again after it. Default 60 s. */
  leaseMs?: number;
  /** Timers claimed per sweep. Default 100. */
  batch?: number;
  /** Poll interval of `start()`. Default 5 s. */
  intervalMs?: number;
  /** The provinces swept, one after another, each in its own scope; absent: once, in the caller's scope. */
  provinces?: readonly string[];
  /** Told about a timer that failed (it is retried after its lease expires), or a province's sweep (timerId ''). */
  onError?(error: unknown, timerId: string, provinceCode?: string): void;
}

export interface DeadlineSweeper {
  /** Claims and fires what is due now, in each province; returns how many timers fired. */
  sweepOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createDeadlineSweeper(options: DeadlineSweeperOptions): DeadlineSweeper {
  // Sized to the work: a batch of 100 firings takes a few seconds (each is one short transaction), so 30 s is 3× a
  // slow batch, and a crashed sweeper's claims are taken over within half a minute instead of a minute.
  const leaseMs = options.leaseMs ?? 30_000;
  const batch = options.batch ?? 100;
  let interval: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | undefined;

  async function sweepProvince(provinceCode: string | undefined): Promise<number> {
    const claimed = await options.stores.timers.claimDue(options.clock.now(), options.owner, leaseMs, batch);
    let fired = 0;
    for (const timer of claimed) {
      try {
        if ((await fireTimer(options, timer, options.owner)) === 'fired') fired += 1;
      } catch (error) {
        options.onError?.(error, timer.id, provinceCode);
      }
    }
    return fired;
  }

  async function sweepOnce(): Promise<number> {
    const fired = await runInEachProvince(options.provinces, sweepProvince, (error, provinceCode) => options.onError?.(error, '', provinceCode));
    return fired.reduce((sum, n) => sum + n, 0);
  }

  const tick = (): void => {
    if (running) return;
    running = sweepOnce()
      .catch((error: unknown) => {
        options.onError?.(error, '');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
  };

  return {
    sweepOnce,
    start() {
      interval ??= setInterval(tick, options.intervalMs ?? 5_000);
    },
    async stop() {
      if (interval) clearInterval(interval);
      interval = undefined;
      await running;
    },
  };
}
