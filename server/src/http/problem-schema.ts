/** @module problem-schema — the OpenAPI description of RFC 9457 problem answers, for `createRoute` responses. */
import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().describe('Stable machine-readable code, e.g. VALIDATION_FAILED, FORBIDDEN'),
  })
  .openapi('ProblemDetails');

/** One `responses` entry answering `application/problem+json`. */
export function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } } };
}
