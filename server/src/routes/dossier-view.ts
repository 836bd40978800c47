/**
 * @module dossier-view — the JSON shapes of dossiers, steps, progress and audit records at the HTTP edge: instants
 * as ISO 8601 (STYLE.md §3), engine snapshots left out (they are the server's, not the client's).
 */
import { z } from '@hono/zod-openapi';
import type { AuditRecord, DossierRecord, DossierSummary, ProgressEntry, StepRecord } from '../stores';
import { dossierStateOf } from '../../../engine/src/index';

const iso = (at: number | undefined): string | undefined => (at === undefined ? undefined : new Date(at).toISOString());

export const DossierSchema = z
  .object({
    id: z.string(),
    dossierCode: z.string(),
    procedureKey: z.string(),
    procedureVersion: z.number().int(),
    agencyId: z.string(),
    status: z.number().int().describe('National status code 1–10'),
    channel: z.number().int(),
    nationalPortalCode: z.string().optional().describe("The national portal's own code of a dossier submitted there (Cổng Dịch vụ công quốc gia)"),
    applicant: z
      .object({ name: z.string(), idNumber: z.string(), phone: z.string().optional(), email: z.string().optional(), address: z.string().optional() })
      .passthrough(),
    form: z.record(z.string(), z.unknown()),
    submittedAt: z.string().optional(),
    receivedAt: z.string().optional(),
    appointmentAt: z.string().optional(),
    finishedAt: z.string().optional(),
    returnedAt: z.string().optional(),
    documents: z
      .array(
        z.object({
          name: z.string(),
          copyType: z.enum(['original', 'certifiedCopy', 'copy', 'electronic']),
          quantity: z.number().int(),
          componentId: z.string().optional(),
        }),
      )
      .optional()
      .describe('The documents handed in (form 01)'),
    supplementRequests: z
      .array(
        z
          .object({
            number: z.number().int(),
            at: z.string().optional(),
            receivedAt: z.string().optional(),
            reason: z.string(),
            missingComponents: z.array(z.object({ name: z.string(), detail: z.string().optional() })),
          })
          .passthrough(),
      )
      .optional()
      .describe('Each supplement asked (form 02), in order'),
    retention: z
      .object({ expiredAt: z.string(), mode: z.enum(['archive', 'purge']), periodYears: z.number().int(), closedAt: z.string(), archiveSha256: z.string().optional() })
      .optional()
      .describe('Its retention period ended: the applicant, the personal e-form fields and the attachments are no longer here (issue 18 item 6)'),
  })
  .passthrough()
  .openapi('Dossier');

/** A progress record (tiến trình, form 05's rows): the status after an action, and the step's start and due. */
export const ProgressRecordSchema = z
  .object({
    seq: z.number().int(),
    status: z.number().int(),
    at: z.string(),
    action: z.string(),
    actorId: z.string().optional(),
    departmentId: z.string().optional(),
    stepElementId: z.string().optional(),
    stepStartAt: z.string().optional(),
    stepDueAt: z.string().optional(),
    note: z.string().optional(),
  })
  .passthrough()
  .openapi('ProgressRecord');

/**
 * A dossier in a list: no e-form, and counts instead of the received documents and supplement requests, so a page of
 * 100 stays a few hundred kilobytes whatever citizens submitted (issue 14). `GET /api/dossiers/{id}` has the rest.
 */
export const DossierSummarySchema = DossierSchema.omit({ form: true, documents: true, supplementRequests: true })
  .extend({ documentCount: z.number().int(), supplementRequestCount: z.number().int() })
  .openapi('DossierSummary');

export const StepSchema = z
  .object({
    id: z.string(),
    dossierId: z.string(),
    name: z.string(),
    elementId: z.string(),
    kind: z.string().optional().describe('The BPMN element kind: officials act on userTask; a receiveTask waits for the citizen'),
    status: z.string(),
    startedAt: z.string(),
    dueAt: z.string().optional(),
    completedAt: z.string().optional(),
    agencyId: z.string().optional(),
    departmentId: z.string().optional(),
    assigneeId: z.string().optional(),
    outcome: z.string().optional(),
  })
  .passthrough()
  .openapi('Step');

/** Plain JSON: undefined members dropped, as the response will carry it. */
function asJson<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export type DossierView = z.infer<typeof DossierSchema>;
export type StepView = z.infer<typeof StepSchema>;
export type DossierSummaryView = z.infer<typeof DossierSummarySchema>;
type Json = Record<string, never>;

/** What a dossier and its summary both show: everything but the e-form and the lists of documents and requests. */
function commonFieldsOf(dossier: DossierSummary) {
  const state = dossierStateOf(dossier);
  return {
    id: dossier.id,
    dossierCode: dossier.dossierCode,
    procedureKey: dossier.procedureKey,
    procedureVersion: dossier.procedureVersion,
    agencyId: dossier.agencyId,
    status: dossier.status,
    channel: dossier.channel,
    ...(dossier.nationalPortal ? { nationalPortalCode: dossier.nationalPortal.dossierCode } : {}),
    applicant: dossier.applicant,
    submittedAt: iso(dossier.submittedAt),
    receivedAt: iso(dossier.receivedAt),
    appointmentAt: iso(dossier.appointmentAt),
    finishedAt: iso(dossier.finishedAt),
    returnedAt: iso(dossier.returnedAt),
    incidents: state.incidents,
    routedTo: state.routedTo,
    ...(dossier.retention
      ? {
          retention: {
            expiredAt: iso(dossier.retention.expiredAt)!,
            mode: dossier.retention.mode,
            periodYears: dossier.retention.periodYears,
            closedAt: iso(dossier.retention.closedAt)!,
            ...(dossier.retention.archive ? { archiveSha256: dossier.retention.archive.sha256 } : {}),
          },
        }
      : {}),
  };
}

export function toDossierView(dossier: DossierRecord): DossierView {
  const state = dossierStateOf(dossier);
  return asJson({
    ...commonFieldsOf(dossier),
    form: dossier.form,
    documents: state.documents,
    supplementRequests: state.supplementRequests.map((r) => ({ ...r, at: iso(r.at), receivedAt: iso(r.receivedAt) })),
  });
}

export function toDossierSummaryView(dossier: DossierSummary): DossierSummaryView {
  const state = dossierStateOf(dossier);
  return asJson({
    ...commonFieldsOf(dossier),
    documentCount: state.documents?.length ?? 0,
    supplementRequestCount: state.supplementRequests?.length ?? 0,
  });
}

export function toStepView(step: StepRecord): StepView {
  const { clock: _clock, rev: _rev, ...rest } = step;
  return asJson({ ...rest, startedAt: iso(step.startedAt), dueAt: iso(step.dueAt), nearlyDueAt: iso(step.nearlyDueAt), pausedAt: iso(step.pausedAt), completedAt: iso(step.completedAt) });
}

export function toProgressView(entry: ProgressEntry): z.infer<typeof ProgressRecordSchema> {
  return asJson({ ...entry, at: iso(entry.at), stepStartAt: iso(entry.stepStartAt), stepDueAt: iso(entry.stepDueAt) });
}

export function toAuditView(record: AuditRecord): Json {
  return asJson({ ...record, at: iso(record.at) });
}
