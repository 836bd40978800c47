/**
 * @module DeliveryError — why a consumer could not deliver an entry. A permanent failure (the receiver refused the
 * request itself, e.g. HTTP 400) will not succeed on retry, so the deliverer marks it dead at once instead of
 * retrying it until the last attempt.
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;

  constructor(message: string, options: { permanent?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
    this.permanent = options.permanent ?? false;
  }
}
