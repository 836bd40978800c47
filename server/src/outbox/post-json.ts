/**
 * @module postJson — one POST of a JSON body to a configured receiver, with a timeout (AbortSignal.timeout), and
 * with redirects followed only to the same origin and only when they keep the method (307/308, RFC 9110 §15.4):
 * a receiver must not be able to send our payloads, signatures or tokens to another host.
 */
import { DeliveryError } from './delivery-error';

export interface PostJsonOptions {
  headers?: Record<string, string>;
  /** 10 seconds by default; keep it well under the outbox lease. */
  timeoutMs?: number;
  /** The global fetch by default. */
  fetch?: typeof fetch;
}

const MAX_REDIRECTS = 3;

/** Whether a refused request may succeed later: timeouts, rate limits and server errors (RFC 9110 §15.5.9, §15.6; RFC 6585 §4). */
function isRetryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Resolves with the 2xx response; throws a DeliveryError (permanent for a refusal that a retry will not change). */
export async function postJson(url: URL, body: string, options: PostJsonOptions = {}): Promise<Response> {
  const doFetch = options.fetch ?? fetch;
  let target = url;
  for (let redirects = 0; ; redirects += 1) {
    let response: Response;
    try {
      response = await doFetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', ...options.headers },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : `failed (${(error as Error).message})`;
      throw new DeliveryError(`POST to ${target.host} ${reason}`, { cause: error });
    }
    if (response.ok) return response;
    await response.body?.cancel().catch(() => undefined);

    if (response.status === 307 || response.status === 308) {
      const location = response.headers.get('location');
      const next = location ? new URL(location, target) : undefined;
      if (!next || next.origin !== target.origin || redirects >= MAX_REDIRECTS) {
        throw new DeliveryError(`POST to ${target.host} was redirected elsewhere; redirects to another host are not followed`, { permanent: true });
      }
      target = next;
      continue;
    }
    throw new DeliveryError(`POST to ${target.host} answered HTTP ${response.status}`, { permanent: !isRetryable(response.status) });
  }
}
