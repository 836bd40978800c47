/**
 * @module MemoryRetentionStore — RetentionStore over the in-memory dossier and attachment stores, for tests and
 * benchmarks: it scans (the mongo adapter queries an index). The memory step store reads the applicant's name from the
 * dossier itself, so there is no folded copy to forget.
 */
import type { AttachmentStore } from '../../attachments/attachment-store';
import type { DossierStore, DossierSummary } from '../../stores';
import { CLOSED_STATUSES, type RetentionPolicy } from '../../retention/retention-policy';
import type { DueSummary, RetentionStore } from '../../retention/retention-store';
import { oneProvinceAtATime, type NationalReads } from './province-partitioned';

export class MemoryRetentionStore implements RetentionStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryRetentionStore> = {
    policies: oneProvinceAtATime,
    due: oneProvinceAtATime,
    summarizeDue: oneProvinceAtATime,
  };

  private readonly byKey = new Map<string, RetentionPolicy>();

  constructor(private readonly deps: { dossiers: DossierStore; attachments: AttachmentStore }) {}

  async policies(): Promise<RetentionPolicy[]> {
    return [...this.byKey.values()].sort((a, b) => a.procedureKey.localeCompare(b.procedureKey)).map((policy) => ({ ...policy }));
  }

  async setPolicy(policy: RetentionPolicy): Promise<void> {
    this.byKey.set(policy.procedureKey, { ...policy });
  }

  private async allDue(procedureKey: string, closedBefore: number): Promise<DossierSummary[]> {
    const closed = await this.deps.dossiers.listSummaries({ procedureKey, status: [...CLOSED_STATUSES] }, { offset: 0, limit: Number.MAX_SAFE_INTEGER });
    return closed.items
      .filter((dossier) => dossier.updatedAt < closedBefore && (!dossier.retention || !dossier.retention.attachmentsRemoved))
      .sort((a, b) => a.updatedAt - b.updatedAt || a.id.localeCompare(b.id));
  }

  async due(procedureKey: string, closedBefore: number, limit: number): Promise<DossierSummary[]> {
    return (await this.allDue(procedureKey, closedBefore)).slice(0, limit);
  }

  async summarizeDue(procedureKey: string, closedBefore: number): Promise<DueSummary> {
    const due = await this.allDue(procedureKey, closedBefore);
    let attachmentCount = 0;
    let attachmentBytes = 0;
    for (const dossier of due) {
      for (const file of await this.deps.attachments.listByDossier(dossier.id)) {
        attachmentCount += 1;
        attachmentBytes += file.size;
      }
    }
    return { count: due.length, ...(due[0] ? { oldestClosedAt: due[0].updatedAt } : {}), attachmentCount, attachmentBytes };
  }

  async forgetStepSearch(): Promise<void> {}

  private readonly runs = new Map<string, { owner: string; leasedUntil: number; finishedAt?: number }>();

  async claimScheduledRun(day: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    const run = this.runs.get(day);
    if (run && (run.finishedAt !== undefined || (run.owner !== owner && run.leasedUntil > now))) return false;
    this.runs.set(day, { owner, leasedUntil: now + leaseMs });
    return true;
  }

  async finishScheduledRun(day: string, owner: string, now: number): Promise<void> {
    this.runs.set(day, { owner, leasedUntil: now, finishedAt: now });
  }
}
