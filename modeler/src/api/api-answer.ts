/**
 * @module api-answer — the JSON body a GET of an API path answers with 200, read from the generated `api-types.ts`
 * (the server's OpenAPI document), so a page's types follow the server's schemas instead of copying them.
 */
import type { paths } from './api-types';

/** The JSON body of `GET path` answered with 200. */
export type GetAnswer<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer Body } } } } } ? Body : never;
