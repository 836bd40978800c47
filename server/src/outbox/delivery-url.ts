/**
 * @module parseDeliveryUrl — destinations come from configuration only, and only as http(s) URLs: no `file:`,
 * `data:` or other schemes that `fetch` or a mail transport might otherwise honour.
 */

/** The URL, or an Error naming what is wrong (the URL itself is not repeated: it may carry a token). */
export function parseDeliveryUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${what} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${what} must be an http or https URL, not ${url.protocol}`);
  return url;
}
