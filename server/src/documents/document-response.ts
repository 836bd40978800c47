/**
 * @module document-response — serves a rendered form as a page to print. Forms carry personal data, so they are not
 * cached, and they run no script: their own CSP allows only the inline print style and nothing else.
 */

/** The CSP of a printable form: no script, no request, no framing (CSP Level 3 `default-src 'none'`). */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function toDocumentResponse(html: string): Response {
  return new Response(html, {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': DOCUMENT_CSP,
      'cache-control': 'no-store',
    },
  });
}
