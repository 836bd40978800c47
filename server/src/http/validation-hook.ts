/**
 * @module validation-hook — the zod-openapi `defaultHook`: a request that fails its route's schemas is answered
 * with one 400 `VALIDATION_FAILED` problem whose `issues` name every bad field at once (STYLE.md §4).
 */
import type { Hook } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import { HttpProblem } from './http-problem';

export interface ValidationIssue {
  /** Where the field is: `body`, `query`, `path` (`param`), `header` or `cookie`. */
  in: string;
  /** Dotted path to the field, indexes in brackets: `documents[0].name`; empty for the whole value. */
  path: string;
  message: string;
  code: string;
}

const LOCATIONS: Record<string, string> = { json: 'body', form: 'body', query: 'query', param: 'path', header: 'header', cookie: 'cookie' };

function toPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    return path === '' ? String(segment) : `${path}.${String(segment)}`;
  }, '');
}

export function validationProblem(target: string, issues: readonly z.core.$ZodIssue[]): HttpProblem {
  const where = LOCATIONS[target] ?? target;
  const listed: ValidationIssue[] = issues.map((issue) => ({ in: where, path: toPath(issue.path), message: issue.message, code: issue.code }));
  return new HttpProblem({
    status: 400,
    code: 'VALIDATION_FAILED',
    title: 'The request is not valid',
    detail: listed.map((issue) => `${issue.in}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}`).join('; '),
    extensions: { issues: listed },
  });
}

/** The `defaultHook` for every OpenAPIHono that defines routes (see `createApiRouter`). */
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) throw validationProblem(result.target, result.error.issues);
};
