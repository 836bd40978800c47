/**
 * @module refusal — a command the domain refuses, in the domain's words: which kind of refusal, a stable code, a
 * title and a detail. The engine and the rooms of the server that decide know nothing of HTTP; the server's `http/` answers a
 * refusal as the RFC 9457 problem of its kind (server/src/http/problem-from-error.ts), so the code a client reads is the same.
 */

/** What went wrong, as the domain sees it; `http/` maps each kind to one status (RFC 9110 §15.5). */
export type RefusalKind =
  /** The command is malformed or out of bounds (400). */
  | 'invalid'
  /** What it names does not exist (404). */
  | 'notFound'
  /** Not allowed in the current state, or lost a race (409). */
  | 'conflict'
  /** Larger than a set limit (413). */
  | 'tooLarge'
  /** Well-formed, but its content cannot be applied (422). */
  | 'unprocessable';

export interface RefusalOptions {
  kind: RefusalKind;
  code: string;
  title: string;
  detail?: string;
  /** Further members the answer carries, e.g. `errors` of an e-form or `maxBytes` of a limit. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

export class Refusal extends Error {
  readonly kind: RefusalKind;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly extensions: Record<string, unknown>;

  constructor(options: RefusalOptions) {
    super(options.detail ?? options.title, { cause: options.cause });
    this.name = 'Refusal';
    this.kind = options.kind;
    this.code = options.code;
    this.title = options.title;
    if (options.detail !== undefined) this.detail = options.detail;
    this.extensions = options.extensions ?? {};
  }
}
