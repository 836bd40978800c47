/**
 * @module signature-routes — ký số: `PUT/GET /api/signing-certificates/mine`, an official's own signing certificate
 * (a PKCS#12 upload, kept sealed; only its public facts come back), and `POST /api/signatures/verify`, the verdict
 * on every signature of an uploaded PDF (chain to the trust list, validity at signing time, document unchanged),
 * with a Vietnamese sentence per signature for the screen.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../../engine/src/index';
import { principalOf } from '../access/auth-middleware';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { SignatureError } from '../signatures/signature-error';
import { SIGNING_LIMITS, type SigningDeps } from '../signatures/signing-deps';
import { summaryOf, uploadSigningCertificate } from '../signatures/upload-signing-certificate';
import { verifyPdfSignatures } from '../signatures/verify-pdf-signatures';
import { problem } from './route-schemas';

/** Where a PDF to verify is posted: its body is the PDF itself, bounded by `SIGNING_LIMITS.maxPdfBytes`. */
export const SIGNATURE_VERIFY_PATH = /^\/api\/signatures\/verify$/;

const CertificateSummary = z
  .object({
    userId: z.string(),
    subject: z.string(),
    issuer: z.string(),
    serialNumber: z.string(),
    validFrom: z.number().int(),
    validTo: z.number().int(),
    fingerprint256: z.string(),
    uploadedAt: z.number().int(),
  })
  .openapi('SigningCertificate');

const Verdict = z.object({
  valid: z.boolean(),
  code: z.string().optional(),
  message: z.string(),
  signer: z.string().optional(),
  signingTime: z.string().optional(),
});

const SignatureReport = z.object({ valid: z.boolean(), code: z.string().optional(), message: z.string(), signatures: z.array(Verdict) }).openapi('SignatureReport');

const putCertificateRoute = createRoute({
  method: 'put',
  path: '/signing-certificates/mine',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            /** The .p12/.pfx file in base64: 64 KiB at most. */
            pkcs12: z.string().min(1).max(Math.ceil((SIGNING_LIMITS.maxPkcs12Bytes * 4) / 3) + 4).regex(/^[A-Za-z0-9+/]+={0,2}$/),
            password: z.string().max(SIGNING_LIMITS.maxPasswordLength),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'The certificate kept for signing', content: { 'application/json': { schema: CertificateSummary } } },
    401: problem('Not signed in'),
    403: problem('Only officials sign'),
    422: problem('The file does not open, or its certificate is expired or untrusted'),
    503: problem('Signing is not configured on this server'),
  },
});

const getCertificateRoute = createRoute({
  method: 'get',
  path: '/signing-certificates/mine',
  responses: {
    200: { description: 'The certificate kept for signing', content: { 'application/json': { schema: CertificateSummary } } },
    401: problem('Not signed in'),
    403: problem('Only officials sign'),
    404: problem('No certificate uploaded yet'),
    503: problem('Signing is not configured on this server'),
  },
});

const verifyRoute = createRoute({
  method: 'post',
  path: '/signatures/verify',
  request: { body: { required: true, content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } },
  responses: {
    200: { description: 'The verdict on each signature', content: { 'application/json': { schema: SignatureReport } } },
    401: problem('Not signed in'),
    403: problem('Only officials and supervisors verify'),
    413: problem('The PDF is too large'),
    503: problem('Signing is not configured on this server'),
  },
});

const SIGNERS = ['official', 'headOfUnit'];

function signingOf(deps: { signing?: SigningDeps }): SigningDeps {
  if (!deps.signing) throw new SignatureError({ code: 'SIGNING_NOT_CONFIGURED', message: 'Máy chủ chưa được cấu hình ký số.' });
  return deps.signing;
}

function requireSigner(c: Parameters<typeof principalOf>[0]): string {
  const principal = principalOf(c);
  if (!SIGNERS.includes(principal.role)) throw new HttpProblem({ status: 403, code: 'FORBIDDEN', title: 'Chỉ cán bộ xử lý hồ sơ mới ký số.' });
  return principal.userId;
}

export function createSignatureRoutes(deps: { signing?: SigningDeps; clock: Clock }): OpenAPIHono {
  const routes = createApiRouter();

  routes.openapi(putCertificateRoute, (async (c: Parameters<typeof principalOf>[0]) => {
    const userId = requireSigner(c);
    const signing = signingOf(deps);
    const body = (c.req as unknown as { valid(t: 'json'): { pkcs12: string; password: string } }).valid('json');
    const summary = await uploadSigningCertificate(signing, { userId, pkcs12: Buffer.from(body.pkcs12, 'base64'), password: body.password, now: deps.clock.now() });
    return Response.json(summary);
  }) as never);

  routes.openapi(getCertificateRoute, (async (c: Parameters<typeof principalOf>[0]) => {
    const userId = requireSigner(c);
    const record = await signingOf(deps).certificates.get(userId);
    if (!record) throw new HttpProblem({ status: 404, code: 'NO_SIGNING_CERTIFICATE', title: 'Bạn chưa tải lên chứng thư số.' });
    return Response.json(summaryOf(record));
  }) as never);

  routes.openapi(verifyRoute, (async (c: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(c);
    if (![...SIGNERS, 'supervisor'].includes(principal.role)) throw new HttpProblem({ status: 403, code: 'FORBIDDEN', title: 'Bạn không có quyền kiểm tra chữ ký số.' });
    const signing = signingOf(deps);
    const pdf = Buffer.from(await (c as unknown as { req: { arrayBuffer(): Promise<ArrayBuffer> } }).req.arrayBuffer());
    if (pdf.length > SIGNING_LIMITS.maxPdfBytes) throw new SignatureError({ code: 'PDF_TOO_LARGE', message: 'Tệp PDF quá lớn.' });
    return Response.json(verifyPdfSignatures(pdf, { trustAnchors: signing.trustAnchors, now: new Date(deps.clock.now()) }));
  }) as never);

  return routes;
}
