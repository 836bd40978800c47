/**
 * @module security-headers — hono `secureHeaders` with a Content Security Policy (CSP Level 3) that lets the page
 * load only our own scripts, styles, fonts and workers. Monaco starts its language workers from `blob:` URLs; no
 * third-party origin is allowed anywhere.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // monaco-editor and bpmn-js set element styles at run time; inline styles cannot run code.
      styleSrc: ["'self'", "'unsafe-inline'"],
      workerSrc: ["'self'", 'blob:'],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    crossOriginEmbedderPolicy: false,
    // A response that sets its own, stricter header keeps it (the printable forms allow no script at all).
    overwrite: false,
  });
}
