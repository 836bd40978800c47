/**
 * @module oidc-config — how Liên thông signs officials in through the province's identity provider (OpenID Connect
 * Core 1.0, authorization code flow §3.1 with PKCE, RFC 7636), read from the environment by main.ts:
 * `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET`, `OIDC_REDIRECT_URL`, `OIDC_ROLE_CLAIM`, `OIDC_UNIT_CLAIM`,
 * and `LOCAL_PASSWORDS=off` to close username-and-password sign-in once the province's sign-in is trusted.
 */

export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** A confidential client authenticates at the token endpoint (client_secret_basic); absent for a public client. */
  clientSecret?: string;
  /** The sign-in page of the front end (`…/sign-in`) that the provider sends the browser back to with `code` and `state`. */
  redirectUrl: string;
  /** The ID token claim naming the role (one of `ROLES`); absent or empty: the local directory's role. */
  roleClaim?: string;
  /** The ID token claim naming the unit as `agencyId` or `agencyId/departmentId`; absent: the local directory's unit. */
  unitClaim?: string;
  /** Scopes asked for; `openid email profile` by default. */
  scope?: string;
}

export interface SignInMethods {
  oidc?: OidcConfig;
  /** Username and password sign-in (the pilot); on unless turned off. */
  localPasswords: boolean;
}

function required(name: string, value: string | undefined): string {
  if (!value?.trim()) throw new Error(`${name} is required when OIDC_ISSUER is set`);
  return value.trim();
}

function parseUrl(name: string, value: string): string {
  // Kept as written: the issuer must equal the discovery document's `issuer` exactly (OpenID Connect Discovery §4.3).
  try {
    new URL(value);
    return value;
  } catch {
    throw new Error(`${name} must be an absolute URL, got "${value}"`);
  }
}

/** Throws on a half-given configuration (an issuer without a client id or redirect URL) or an unknown LOCAL_PASSWORDS. */
export function parseSignInMethods(env: Record<string, string | undefined>): SignInMethods {
  const passwords = (env.LOCAL_PASSWORDS ?? 'on').trim().toLowerCase();
  if (!['on', 'off'].includes(passwords)) throw new Error(`LOCAL_PASSWORDS must be "on" or "off", got "${env.LOCAL_PASSWORDS}"`);
  const localPasswords = passwords === 'on';
  if (!env.OIDC_ISSUER?.trim()) {
    if (!localPasswords) throw new Error('LOCAL_PASSWORDS=off needs OIDC_ISSUER: nobody could sign in');
    return { localPasswords };
  }
  const oidc: OidcConfig = {
    issuer: parseUrl('OIDC_ISSUER', env.OIDC_ISSUER.trim()),
    clientId: required('OIDC_CLIENT_ID', env.OIDC_CLIENT_ID),
    redirectUrl: parseUrl('OIDC_REDIRECT_URL', required('OIDC_REDIRECT_URL', env.OIDC_REDIRECT_URL)),
    ...(env.OIDC_CLIENT_SECRET?.trim() ? { clientSecret: env.OIDC_CLIENT_SECRET.trim() } : {}),
    ...(env.OIDC_ROLE_CLAIM?.trim() ? { roleClaim: env.OIDC_ROLE_CLAIM.trim() } : {}),
    ...(env.OIDC_UNIT_CLAIM?.trim() ? { unitClaim: env.OIDC_UNIT_CLAIM.trim() } : {}),
    ...(env.OIDC_SCOPE?.trim() ? { scope: env.OIDC_SCOPE.trim() } : {}),
  };
  return { oidc, localPasswords };
}

/**
 * Citizens' sign-in with their electronic identity (VNeID) to list their own dossiers (issue 18): CITIZEN_OIDC_ISSUER,
 * CITIZEN_OIDC_CLIENT_ID, CITIZEN_OIDC_CLIENT_SECRET, CITIZEN_OIDC_REDIRECT_URL (the front end's `/my-dossiers`),
 * CITIZEN_OIDC_SCOPE and CITIZEN_OIDC_ID_NUMBER_CLAIM (`id_number` by default *(verify: VNeID's claim name)*); off
 * without an issuer.
 */
export function parseCitizenSignIn(env: Record<string, string | undefined>): { config: OidcConfig; idNumberClaim: string } | undefined {
  if (!env.CITIZEN_OIDC_ISSUER?.trim()) return undefined;
  return {
    config: {
      issuer: parseUrl('CITIZEN_OIDC_ISSUER', env.CITIZEN_OIDC_ISSUER.trim()),
      clientId: required('CITIZEN_OIDC_CLIENT_ID', env.CITIZEN_OIDC_CLIENT_ID),
      redirectUrl: parseUrl('CITIZEN_OIDC_REDIRECT_URL', required('CITIZEN_OIDC_REDIRECT_URL', env.CITIZEN_OIDC_REDIRECT_URL)),
      ...(env.CITIZEN_OIDC_CLIENT_SECRET?.trim() ? { clientSecret: env.CITIZEN_OIDC_CLIENT_SECRET.trim() } : {}),
      scope: env.CITIZEN_OIDC_SCOPE?.trim() || 'openid profile',
    },
    idNumberClaim: env.CITIZEN_OIDC_ID_NUMBER_CLAIM?.trim() || 'id_number',
  };
}
