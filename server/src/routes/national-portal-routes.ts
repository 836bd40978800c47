/**
 * @module national-portal-routes — `POST /api/national-portal/dossiers`: the National Public Service Portal (Cổng
 * Dịch vụ công quốc gia) hands over a dossier a citizen submitted there. The national portal's gate
 * (national-portal/national-portal-gate.ts) has already checked the rate, the credential, the size and the signature;
 * here the fields are checked against the mapping (national-portal-mapping.ts: exactly its submission rows), the
 * dossier received (201) or found again on a re-send (200), and the portal acknowledged in its own terms: `error_code`
 * 0 with our dossier code, or a problem whose `errors` name every field at fault by the portal's name.
 */
import { createRoute, z, type Hook } from '@hono/zod-openapi';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { ACKNOWLEDGEMENT_CODES, PortalSubmissionSchema, type PortalSubmission } from '../national-portal/national-portal-mapping';
import { portalProblem, type PortalFieldError } from '../national-portal/portal-problem';
import { receivePortalDossier, type PortalIntakeDeps } from '../national-portal/receive-portal-dossier';
import { jsonBody, problem } from './route-schemas';

const AcknowledgementSchema = z
  .object({
    error_code: z.literal(0),
    message: z.string(),
    MaHoSo: z.string().describe('Our dossier code, to quote in every later message'),
    MaHoSoDVCQG: z.string().describe("The portal's own code, echoed"),
    TrangThaiHoSo: z.string().describe('National status code now (1 for a new dossier)'),
  })
  .openapi('NationalPortalAcknowledgement');

const receiveRoute = createRoute({
  method: 'post',
  path: '/dossiers',
  description: 'Signed by a configured portal credential (X-Portal-Key-Id, X-Portal-Timestamp, X-Portal-Signature); see docs/national-portal.md',
  request: jsonBody(PortalSubmissionSchema),
  responses: {
    201: { description: 'Received (status 1, channel 2)', content: { 'application/json': { schema: AcknowledgementSchema } } },
    200: { description: 'Received before under this portal code (a re-send): the same dossier', content: { 'application/json': { schema: AcknowledgementSchema } } },
    400: problem('Fields missing or invalid (`errors` names each by its portal name; `error_code` 1)'),
    401: problem('No valid portal signature (`error_code` 4)'),
    409: problem('Another dossier was received under this portal code (`error_code` 3)'),
    413: problem('Body too large (`error_code` 5)'),
    422: problem('Unknown procedure or receiving agency (`error_code` 2)'),
    429: problem('Too many requests (`error_code` 6)'),
  },
});

/** A path of zod's issue in the portal's notation: `TaiLieuNop[0].SoLuong`. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, segment) => (typeof segment === 'number' ? `${field}[${segment}]` : field ? `${field}.${String(segment)}` : String(segment)), '');
}

/** The schema's refusal as the portal reads it: every field at fault, in Vietnamese. */
const portalValidationHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  const errors: PortalFieldError[] = result.error.issues.flatMap((issue): PortalFieldError[] => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: fieldOf([...issue.path, key]), message: 'Không phải một trường của hồ sơ' }));
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return [{ field: fieldOf(issue.path) || '(hồ sơ)', message: missing ? 'Bắt buộc nhập' : 'Không đúng định dạng' }];
  });
  throw portalProblem({
    status: 400,
    code: 'PORTAL_SUBMISSION_INVALID',
    title: 'The national portal dossier cannot be received',
    detail: result.error.issues.map((issue) => `${fieldOf(issue.path) || 'body'}: ${issue.message}`).join('; '),
    errorCode: ACKNOWLEDGEMENT_CODES.invalidFields,
    message: `Hồ sơ không hợp lệ: ${errors.map((error) => error.field).join(', ')}`,
    errors,
  });
};

export function createNationalPortalRoutes(deps: PortalIntakeDeps) {
  const routes = createApiRouter();
  routes.openapi(
    receiveRoute,
    async (c) => {
      const credentialId = c.get('portalCredentialId');
      // Mounted without its gate, nothing is received.
      if (!credentialId) throw new HttpProblem({ status: 401, code: 'UNAUTHENTICATED', title: 'Not signed in', detail: 'No portal signature was checked for this request.' });
      const submission = c.req.valid('json') as PortalSubmission;
      const { dossier, created } = await receivePortalDossier(deps, submission, credentialId);
      const acknowledgement = {
        error_code: 0 as const,
        message: created ? 'Tiếp nhận hồ sơ thành công' : 'Hồ sơ đã được tiếp nhận trước đó',
        MaHoSo: dossier.dossierCode,
        MaHoSoDVCQG: submission.MaHoSo,
        TrangThaiHoSo: String(dossier.status),
      };
      return created ? c.json(acknowledgement, 201) : c.json(acknowledgement, 200);
    },
    portalValidationHook,
  );
  return routes;
}
