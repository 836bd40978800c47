/**
 * @module document-response — serves a rendered form as a page to print. Forms carry personal data, so they are not
 * cached, and they run no script: their own CSP allows only the inline print style and nothing else. PDFs likewise.
 */
import { createHash } from 'node:crypto';

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

/**
 * Serves a PDF as a download. `Repr-Digest` (RFC 9530) carries the SHA-256 of the bytes sent, so a client can check
 * what it stored; `X-Content-Digest` the digest of the form's content printed on the page.
 */
export function toPdfResponse(pdf: Buffer, options: { fileName: string; contentDigest?: string }): Response {
  const headers: Record<string, string> = {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${options.fileName.replace(/[^\w.-]/g, '_')}"`,
    'content-security-policy': DOCUMENT_CSP,
    'cache-control': 'no-store',
    'repr-digest': `sha-256=:${createHash('sha256').update(pdf).digest('base64')}:`,
  };
  if (options.contentDigest) headers['x-content-digest'] = `sha-256=${options.contentDigest}`;
  return new Response(new Uint8Array(pdf), { status: 200, headers });
}
