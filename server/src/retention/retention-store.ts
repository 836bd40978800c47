/**
 * @module retentionStore — the port retention (issue 18 item 6) reads and writes beside the dossier store: the
 * procedures' policies, the closed dossiers whose period is over, and what their expiry left to remove. Adapters in
 * `persistence/memory` and `persistence/mongo`.
 */
import type { DossierSummary } from '../stores';
import type { RetentionPolicy } from './retention-policy';

/** What a dry run counts for one procedure. */
export interface DueSummary {
  /** Closed dossiers whose period is over and whose personal data is still there. */
  count: number;
  /** The earliest closing instant among them. */
  oldestClosedAt?: number;
  attachmentCount: number;
  attachmentBytes: number;
}

export interface RetentionStore {
  policies(): Promise<RetentionPolicy[]>;
  /** Stores `policy` in place of the procedure's previous one. */
  setPolicy(policy: RetentionPolicy): Promise<void>;
  /**
   * Closed dossiers of `procedureKey` whose closing change (their last change) is before `closedBefore` and that have
   * not expired, or expired with attachments left to remove; the earliest closed first, at most `limit`.
   */
  due(procedureKey: string, closedBefore: number, limit: number): Promise<DossierSummary[]>;
  /** The dry run of `due`: how many, the oldest, and their attachments. */
  summarizeDue(procedureKey: string, closedBefore: number): Promise<DueSummary>;
  /** Forgets what the inbox search kept of the dossier's applicant beside its steps (the folded name). */
  forgetStepSearch(dossierId: string): Promise<void>;
  /**
   * Takes, or renews, the lease of the daily run of `day` (YYYY-MM-DD) for `owner` until `now + leaseMs`: true unless
   * that day's run is finished or leased by another owner whose lease has not run out (retention-schedule.ts).
   */
  claimScheduledRun(day: string, owner: string, now: number, leaseMs: number): Promise<boolean>;
  /** Marks the daily run of `day` finished: no process runs it again. */
  finishScheduledRun(day: string, owner: string, now: number): Promise<void>;
}
