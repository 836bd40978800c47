/**
 * @module http-problem — the one shape of every error answer: RFC 9457 problem details
 * (`application/problem+json` with type, title, status, detail, instance) plus a stable `code`.
 */

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  [extension: string]: unknown;
}

export interface HttpProblemOptions {
  status: number;
  code: string;
  title: string;
  detail?: string;
  /** Extension members (RFC 9457 §3.2), e.g. `issues` for validation problems. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
  /** Response headers the problem needs, e.g. `Retry-After` on a 429 (RFC 9110 §10.2.3). */
  headers?: Record<string, string>;
}

/** A request the server refuses, with the problem body it answers. Thrown by routes, turned into a response by `app.onError`. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(options: HttpProblemOptions) {
    super(options.detail ?? options.title, { cause: options.cause });
    this.name = 'HttpProblem';
    this.status = options.status;
    this.code = options.code;
    this.title = options.title;
    this.detail = options.detail;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(instance?: string): ProblemBody {
    return {
      ...this.extensions,
      type: `https://lienthong.gov.vn/problems/${this.code.toLowerCase().replaceAll('_', '-')}`,
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(instance === undefined ? {} : { instance }),
      code: this.code,
    };
  }
}

/** Builds the `Response` for a problem, with the RFC 9457 media type. */
export function toProblemResponse(problem: HttpProblem, instance?: string): Response {
  return new Response(JSON.stringify(problem.toBody(instance)), {
    status: problem.status,
    headers: { ...problem.headers, 'content-type': 'application/problem+json; charset=utf-8' },
  });
}
