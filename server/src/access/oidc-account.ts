/**
 * @module oidc-account — which local user a person signed in by the province's identity provider is, with the role
 * and unit they act in. Found by the provider's subject, else (first time) by e-mail, whose user is then linked to
 * the subject. Role and unit come from the configured claims when the provider sends them, else from the local
 * directory. Nobody is created here: an unknown person is refused, and a claim can never make someone an
 * administrator whom the directory does not already name one. Every check runs before the one write.
 */
import { HttpProblem } from '../http/http-problem';
import type { AgencyStore } from './agency-store';
import type { OidcConfig } from './oidc-config';
import type { OidcClaims } from './oidc-relying-party';
import { ROLES, type Role } from './role';
import type { UserRecord } from './user-record';
import type { UserStore } from './user-store';
import { inProvince, nationally } from '../tenancy/province-scope';

export interface OidcAccountDeps {
  users: UserStore;
  agencies: AgencyStore;
}

function refused(code: string, detail: string): HttpProblem {
  return new HttpProblem({ status: 403, code, title: 'Single sign-on refused', detail });
}

function claimText(claims: OidcClaims, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Found across every province: the person's record names the province they then act in. */
async function findUser(users: UserStore, claims: OidcClaims): Promise<UserRecord | undefined> {
  const bySubject = await nationally(async () => await users.list({ oidcSubject: claims.sub }));
  if (bySubject.length === 1) return bySubject[0];
  if (bySubject.length > 1) throw refused('SSO_ACCOUNT_AMBIGUOUS', 'Several users carry this identity; an administrator must keep one.');
  // An e-mail the provider says it has not verified is no proof of who this is.
  const email = claims.email_verified === false ? undefined : claimText(claims, 'email');
  if (!email) return undefined;
  const byEmail = (await nationally(async () => await users.list({ email }))).filter((user) => user.oidcSubject === undefined);
  if (byEmail.length > 1) throw refused('SSO_ACCOUNT_AMBIGUOUS', 'Several users share this e-mail address; an administrator must tell them apart.');
  return byEmail[0];
}

async function unitOf(agencies: AgencyStore, unit: string): Promise<{ agencyId: string; departmentId?: string }> {
  const [agencyId = '', departmentId] = unit.split('/');
  const agency = await agencies.get(agencyId);
  if (!agency || (departmentId !== undefined && !agency.departments.some((department) => department.id === departmentId))) {
    throw refused('SSO_CLAIM_INVALID', `The identity provider names a unit "${unit}" that Liên thông does not know.`);
  }
  return departmentId === undefined ? { agencyId } : { agencyId, departmentId };
}

/** The user to sign in (already saved when linking or the claims changed it), or a 403 problem. */
export async function resolveOidcAccount(deps: OidcAccountDeps, claims: OidcClaims, config: Pick<OidcConfig, 'roleClaim' | 'unitClaim'>): Promise<UserRecord> {
  const user = await findUser(deps.users, claims);
  if (!user) throw refused('SSO_UNKNOWN_ACCOUNT', 'This identity is not registered in Liên thông; ask an administrator to add you.');
  // The claimed unit is one of the user's province, and the link is written there.
  return inProvince(user.provinceCode, async () => await applyClaims(deps, user, claims, config));
}

async function applyClaims(deps: OidcAccountDeps, user: UserRecord, claims: OidcClaims, config: Pick<OidcConfig, 'roleClaim' | 'unitClaim'>): Promise<UserRecord> {
  if (user.disabled) throw refused('SSO_ACCOUNT_DISABLED', 'This account is disabled.');

  const claimedRole = claimText(claims, config.roleClaim);
  if (claimedRole !== undefined && !ROLES.includes(claimedRole as Role)) {
    throw refused('SSO_CLAIM_INVALID', `The identity provider names a role "${claimedRole}" that Liên thông does not know.`);
  }
  if (claimedRole === 'administrator' && user.role !== 'administrator') {
    throw refused('SSO_CLAIM_INVALID', 'The administrator role is given in Liên thông only, never by the identity provider.');
  }
  const claimedUnit = claimText(claims, config.unitClaim);
  const unit = claimedUnit === undefined ? undefined : await unitOf(deps.agencies, claimedUnit);

  const signedIn: UserRecord = {
    ...user,
    oidcSubject: claims.sub,
    ...(claimedRole === undefined ? {} : { role: claimedRole as Role }),
    ...(unit === undefined ? {} : { agencyId: unit.agencyId }),
  };
  if (unit !== undefined) {
    if (unit.departmentId === undefined) delete signedIn.departmentId;
    else signedIn.departmentId = unit.departmentId;
  }
  const changed = (['oidcSubject', 'role', 'agencyId', 'departmentId'] as const).some((field) => signedIn[field] !== user[field]);
  return changed ? deps.users.update(signedIn) : user;
}
