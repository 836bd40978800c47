/**
 * @module form-data-limits — the bounds on what anyone may store as a dossier's e-form (`form`) or a step's `data`,
 * checked before the procedure's schema and before anything is stored. Keys starting with `$` or holding a `.` are
 * MongoDB operators and field paths (`$where`, `$set`, `a.b`): stored as given they turn later queries and updates
 * into something else. Depth and size bound free-form data: every dossier read, list and hand-over carries it.
 */
import { Refusal } from '../../../engine/src/index';

export interface FormDataLimits {
  /** UTF-8 bytes of the JSON text; 64 KiB by default (FORM_MAX_BYTES in main.ts). */
  maxBytes: number;
  /** Nesting of objects and arrays; 8 by default, the value at the top is depth 1 (FORM_MAX_DEPTH in main.ts). */
  maxDepth: number;
}

/** A civil-status or business e-form is a few hundred fields of text; attachments travel separately (GridFS). */
export const DEFAULT_FORM_DATA_LIMITS: FormDataLimits = { maxBytes: 64 * 1024, maxDepth: 8 };

/** Enough to name what is wrong without answering with a body as large as the hostile one. */
const MAX_ISSUES = 20;

export interface FormDataIssue {
  /** A JSON Pointer (RFC 6901) into the checked data. */
  field: string;
  message: string;
}

const pointer = (path: string, key: string) => `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;

/** The key and depth issues of `value`, depth-first; it never descends past `maxDepth`, so any nesting is safe. */
function issuesOf(value: unknown, maxDepth: number): FormDataIssue[] {
  const issues: FormDataIssue[] = [];
  const visit = (node: unknown, path: string, depth: number): void => {
    if (issues.length >= MAX_ISSUES || node === null || typeof node !== 'object') return;
    if (depth > maxDepth) {
      issues.push({ field: path || '/', message: `nested deeper than ${maxDepth} levels` });
      return;
    }
    const entries: [string, unknown][] = Array.isArray(node) ? node.map((item, index) => [String(index), item]) : Object.entries(node);
    for (const [key, child] of entries) {
      if (!Array.isArray(node)) {
        if (key.startsWith('$')) issues.push({ field: pointer(path, key), message: `the key "${key}" starts with "$"` });
        else if (key.includes('.')) issues.push({ field: pointer(path, key), message: `the key "${key}" contains "."` });
      }
      visit(child, pointer(path, key), depth + 1);
    }
  };
  visit(value, '', 1);
  return issues.slice(0, MAX_ISSUES);
}

/**
 * Refuses `value` (the `form` of a submission or receipt, the `data` of a completed step) with a 400
 * `FORM_DATA_REFUSED` problem naming every key at fault (or the level too deep), or with 413 `FORM_TOO_LARGE`.
 */
export function assertFormDataWithinLimits(value: Record<string, unknown>, where: 'form' | 'data', limits: FormDataLimits = DEFAULT_FORM_DATA_LIMITS): void {
  const issues = issuesOf(value, limits.maxDepth);
  if (issues.length > 0) {
    throw new Refusal({
      kind: 'invalid',
      code: 'FORM_DATA_REFUSED',
      title: `The ${where} holds keys or nesting that cannot be stored`,
      detail: issues.map((issue) => `${where}${issue.field}: ${issue.message}`).join('; '),
      extensions: { issues: issues.map((issue) => ({ ...issue, field: `/${where}${issue.field === '/' ? '' : issue.field}` })) },
    });
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > limits.maxBytes) {
    throw new Refusal({
      kind: 'tooLarge',
      code: 'FORM_TOO_LARGE',
      title: `The ${where} is too large`,
      detail: `The ${where} is ${bytes} bytes of JSON; at most ${limits.maxBytes} are accepted. Send documents as attachments.`,
      extensions: { maxBytes: limits.maxBytes, bytes },
    });
  }
}
