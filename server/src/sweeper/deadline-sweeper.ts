/**
 * @module deadline-sweeper — finds due deadlines with one indexed query (`claimDue` on `{status, dueAt}`), leases
 * them so one process handles each, and fires them (`fireTimer`). Nothing relies on an in-memory timer: the interval
 * only polls, the deadlines are the stored `dueAt` (STYLE.md §2; a 30-day statutory deadline outlives any
 * `setTimeout`). A timer whose work conflicts stays leased and is claimed again when the lease expires.
 *
 * @example
 * const sweeper = createDeadlineSweeper({ ...dossierDeps, owner: `server-${process.pid}` });
 * sweeper.start();            // polls every intervalMs
 * await sweeper.stop();       // on SIGTERM: waits for the sweep under way
 */
import type { DossierDeps } from '../dossiers/dossier-deps';
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
  /** Told about a timer that failed (it is retried after its lease expires). */
  onError?(error: unknown, timerId: string): void;
}

export interface DeadlineSweeper {
  /** Claims and fires what is due now; returns how many timers fired. */
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

  async function sweepOnce(): Promise<number> {
    const claimed = await options.stores.timers.claimDue(options.clock.now(), options.owner, leaseMs, batch);
    let fired = 0;
    for (const timer of claimed) {
      try {
        if ((await fireTimer(options, timer, options.owner)) === 'fired') fired += 1;
      } catch (error) {
        options.onError?.(error, timer.id);
      }
    }
    return fired;
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
