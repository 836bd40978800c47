/** @module route-schemas — request and problem schemas shared by the dossier, step and inbox route groups. */
import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string().optional() })
  .passthrough()
  .openapi('Problem');

export const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

/** The refusals every dossier mutation may answer. */
export const MUTATION_PROBLEMS = {
  400: problem('Malformed request'),
  401: problem('Not signed in'),
  403: problem('Not routed to your unit'),
  404: problem('No such dossier or step'),
  409: problem('Not allowed in the current status, or the step is no longer open'),
} as const;

export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

export const ApplicantSchema = z.object({
  name: z.string().min(1).max(200),
  idNumber: z.string().regex(/^[0-9A-Za-z]{6,20}$/, 'an ID card or passport number'),
  phone: z.string().max(30).optional(),
  email: z.string().email().optional(),
  address: z.string().max(500).optional(),
});

export const DocumentSchema = z.object({
  name: z.string().min(1).max(300),
  copyType: z.enum(['original', 'certifiedCopy', 'copy', 'electronic']),
  quantity: z.number().int().min(1).max(100),
  /** The procedure's component this is (`RequiredComponent.id`), when the counter ticked it on its checklist. */
  componentId: z.string().min(1).max(100).optional(),
});

export const NewDossierSchema = z.object({
  procedureKey: z.string().min(1).max(64),
  procedureVersion: z.number().int().positive().optional(),
  applicant: ApplicantSchema,
  form: z.record(z.string(), z.unknown()).default({}),
  documents: z.array(DocumentSchema).max(100).optional(),
  /** Where the applicant wants the result (form 01 item 6): at the counter (default), by public post, online. */
  resultDelivery: z.enum(['counter', 'post', 'online']).optional(),
});

export const IdParam = z.object({ id: z.string().min(1).max(200) });

/** The largest page any list answers: what one request may make the server read out and send. */
export const MAX_PAGE = 100;

/** `?offset=&limit=` of a list that grows with the dossier (records, attachments): 100 a page unless asked for fewer. */
export const PageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(MAX_PAGE),
});

/** The header that carries a list's `total` where the body stays the array older clients read. */
export const TOTAL_HEADER = 'x-total-count';
export const ReasonSchema = z.object({ reason: z.string().min(1).max(2000) });
export const NoteSchema = z.object({ note: z.string().max(2000).optional() });
