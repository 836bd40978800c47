/**
 * @module adminAuditTrail — writes the audit of administration (issue 18 item 4): every change an administrator
 * makes to users, roles, agencies, departments, calendars, procedures and settings leaves one record of who, when,
 * what, the target before and after, and the client address. `installAdminAuditTrail` puts the trail on every
 * request, so a route records its change with one call, `recordAdministration(c, change)`.
 *
 * The address is the socket's; `X-Forwarded-For` is read only as far as the trusted-proxy setting (TRUST_PROXY_HOPS)
 * says (http/client-address.ts), so a client cannot write another address into the audit.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../../../engine/src/index';
import { clientAddress, type TrustProxy } from '../http/client-address';
import type { AdminAuditRecord, AdminAuditStore } from '../stores';
import type { UnitOfWork } from '../unit-of-work';

/** What a route says about its change; the trail adds who, when and from where. */
export type AdministrativeChange = Pick<AdminAuditRecord, 'action' | 'target' | 'before' | 'after'>;

export interface AdminAuditTrail {
  /** Appends the record of `change` made by `actorId` in request `c`, inside `unit` when given; returns it. */
  record(c: Context, actorId: string, change: AdministrativeChange, unit?: UnitOfWork): Promise<AdminAuditRecord>;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `installAdminAuditTrail` on every request. */
    adminAuditTrail?: AdminAuditTrail;
  }
}

export function createAdminAuditTrail(deps: { store: AdminAuditStore; clock: Clock; trustProxy?: TrustProxy; newId?: () => string }): AdminAuditTrail {
  const newId = deps.newId ?? randomUUID;
  return {
    async record(c, actorId, change, unit) {
      // JSON round trip: the record keeps plain data (no undefined fields, no class instances) in every adapter.
      const plain = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown));
      const record: AdminAuditRecord = {
        id: newId(),
        at: deps.clock.now(),
        actorId,
        action: change.action,
        target: change.target,
        ...(change.before !== undefined ? { before: plain(change.before) } : {}),
        ...(change.after !== undefined ? { after: plain(change.after) } : {}),
        address: clientAddress(c, { trustProxy: deps.trustProxy }),
      };
      await (unit ? deps.store.within(unit) : deps.store).append(record);
      return record;
    },
  };
}

/** Middleware: the trail on every request under it. */
export function installAdminAuditTrail(trail: AdminAuditTrail): MiddlewareHandler {
  return async (c, next) => {
    c.set('adminAuditTrail', trail);
    await next();
  };
}

/**
 * Records `change` made by the signed-in principal of `c`. Throws when no trail is installed: an administrative
 * route that cannot leave its record must not change anything unrecorded. A change written in a unit of work passes
 * it (`tx.unit`), so the change and its record commit together.
 */
export async function recordAdministration(c: Context, change: AdministrativeChange, unit?: UnitOfWork): Promise<AdminAuditRecord> {
  const trail = c.get('adminAuditTrail');
  const principal = c.get('principal');
  if (!trail) throw new Error('the administration audit trail is not installed (installAdminAuditTrail)');
  return trail.record(c, principal?.userId ?? 'anonymous', change, unit);
}
