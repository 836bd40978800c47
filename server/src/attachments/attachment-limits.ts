/** @module attachment-limits — how much a dossier may carry: per file and per dossier (configurable in createApp). */

export interface AttachmentLimits {
  maxFileBytes: number;
  maxDossierBytes: number;
}

/** 20 MB per file, 100 MB per dossier: scans of a few dozen pages each, well under what GridFS handles. */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxFileBytes: 20 * 1024 * 1024, maxDossierBytes: 100 * 1024 * 1024 };
