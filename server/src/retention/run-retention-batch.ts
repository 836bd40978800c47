/**
 * @module runRetentionBatch — one bounded batch of retention (issue 18 item 6): at most `limit` closed dossiers whose
 * period is over lose their personal data and attachments, archived first (archive mode) or not (purge mode); their
 * facts stay for the statistics. Resumable and idempotent: what is done is written on the dossier (`retention`), the
 * next batch takes up what is left, and a dossier interrupted between its expiry and the removal of its attachments
 * is taken up at the removal. The event loop is given back between dossiers, so a batch never holds it long.
 */
import { Refusal, type Clock } from '../../../engine/src/index';
import type { AttachmentStore } from '../attachments/attachment-store';
import { ConcurrencyConflict, type DossierRecord, type DossierSummary, type Stores } from '../stores';
import { archiveBundle } from './archive-bundle';
import { digestIdNumber, expirePersonalData } from './expire-personal-data';
import { closedBefore, policyOf, type RetentionMode } from './retention-policy';
import type { RetentionStore } from './retention-store';

export interface RetentionDeps {
  stores: Pick<Stores, 'dossiers' | 'procedures'>;
  retention: RetentionStore;
  attachments: AttachmentStore;
  /** Where archive bundles go (GridFS bucket `archives` in the server). */
  archives: AttachmentStore;
  clock: Clock;
  /**
   * The key of the ID numbers' keyed hash (RETENTION_HASH_KEY, expire-personal-data.ts `digestIdNumber`). Without it
   * nothing expires (`RETENTION_KEY_MISSING`); the dry run still reports.
   */
  hashKey?: string;
}

/** Refused when no retention key is configured: a plain hash of an ID number would keep it, in effect. */
export function retentionKeyMissing(): Refusal {
  return new Refusal({
    kind: 'conflict',
    code: 'RETENTION_KEY_MISSING',
    title: 'Chưa cấu hình khoá băm cho việc hết hạn lưu trữ',
    detail: 'Máy chủ chưa có RETENTION_HASH_KEY: chưa thể xoá dữ liệu cá nhân của hồ sơ hết hạn; báo cáo chạy thử vẫn xem được.',
  });
}

/** Largest batch one request may ask for. */
export const MAX_RETENTION_BATCH = 100;

export interface ExpiredDossier {
  dossierCode: string;
  procedureKey: string;
  mode: RetentionMode;
  archive?: { id: string; sha256: string; size: number };
  attachmentCount: number;
  attachmentBytes: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function removeAttachments(deps: RetentionDeps, dossier: DossierRecord): Promise<void> {
  for (const file of await deps.attachments.listByDossier(dossier.id)) await deps.attachments.delete(file.id);
  await deps.stores.dossiers.update({ ...dossier, retention: { ...dossier.retention!, attachmentsRemoved: true } });
}

/** Expires one dossier; undefined when another run got there first. */
async function expireOne(deps: RetentionDeps & { hashKey: string }, summary: DossierSummary, policy: { years: number; mode: RetentionMode }, actorId: string): Promise<ExpiredDossier | undefined> {
  const dossier = await deps.stores.dossiers.get(summary.id);
  if (!dossier) return undefined;
  try {
    if (dossier.retention) {
      // Expired by an interrupted run: only its attachments are left to remove.
      await removeAttachments(deps, dossier);
      return undefined;
    }
    const now = deps.clock.now();
    const files = await deps.attachments.listByDossier(dossier.id);
    const procedure = await deps.stores.procedures.get(dossier.procedureKey, dossier.procedureVersion);
    const { kept, personal } = expirePersonalData(dossier, procedure?.definition.procedure?.formSchema);
    let archive: ExpiredDossier['archive'];
    if (policy.mode === 'archive') {
      // A bundle an interrupted run left behind is replaced, so a dossier has one archive whatever was retried.
      for (const old of await deps.archives.listByDossier(dossier.id)) await deps.archives.delete(old.id);
      const bundle = archiveBundle({ dossier, personal, closedAt: dossier.updatedAt, archivedAt: now, files, attachments: deps.attachments });
      const stored = await deps.archives.put(bundle, { dossierId: dossier.id, filename: `${dossier.dossierCode}.ndjson`, contentType: 'application/x-ndjson', uploadedAt: now, uploadedBy: actorId });
      archive = { id: stored.id, sha256: stored.sha256, size: stored.size };
    }
    const attachmentBytes = files.reduce((sum, file) => sum + file.size, 0);
    const expired = await deps.stores.dossiers.update({
      ...kept,
      retention: {
        expiredAt: now,
        mode: policy.mode,
        periodYears: policy.years,
        closedAt: dossier.updatedAt,
        ...(archive ? { archive } : {}),
        idNumberDigest: digestIdNumber(dossier.applicant.idNumber, deps.hashKey),
        idNumberDigestAlgorithm: 'hmac-sha256',
        attachmentsRemoved: false,
        attachmentCount: files.length,
        attachmentBytes,
      },
    });
    await deps.retention.forgetStepSearch(dossier.id);
    await removeAttachments(deps, expired);
    return { dossierCode: dossier.dossierCode, procedureKey: dossier.procedureKey, mode: policy.mode, ...(archive ? { archive } : {}), attachmentCount: files.length, attachmentBytes };
  } catch (error) {
    if (error instanceof ConcurrencyConflict) return undefined;
    throw error;
  }
}

/**
 * Expires at most `limit` dossiers whose period is over, procedure by procedure, the earliest closed first; returns
 * them and how many are still due after the batch.
 */
export async function runRetentionBatch(deps: RetentionDeps, options: { limit: number; actorId: string }): Promise<{ expired: ExpiredDossier[]; remaining: number }> {
  const { hashKey } = deps;
  if (!hashKey) throw retentionKeyMissing();
  const limit = Math.max(1, Math.min(MAX_RETENTION_BATCH, options.limit));
  const policies = await deps.retention.policies();
  const procedures = (await deps.stores.procedures.listLatest()).map((procedure) => procedure.key).sort();
  const expired: ExpiredDossier[] = [];
  let handled = 0;
  for (const key of procedures) {
    if (handled >= limit) break;
    const policy = policyOf(policies, key);
    const due = await deps.retention.due(key, closedBefore(deps.clock.now(), policy.years), limit - handled);
    for (const summary of due) {
      const done = await expireOne({ ...deps, hashKey }, summary, policy, options.actorId);
      if (done) expired.push(done);
      handled += 1;
      await yieldToEventLoop();
    }
  }
  let remaining = 0;
  for (const key of procedures) remaining += (await deps.retention.summarizeDue(key, closedBefore(deps.clock.now(), policyOf(policies, key).years))).count;
  return { expired, remaining };
}
