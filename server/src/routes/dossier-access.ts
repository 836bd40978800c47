/**
 * @module dossier-access — the access policy applied to dossiers and steps (server issue "People and access"): an
 * official reads and acts only on what is routed to their unit, a supervisor reads within scope, a head of unit
 * reassigns in their unit. Every refusal is a 403 problem with the policy's reason.
 */
import type { Context } from 'hono';
import type { DossierRecord, DossierSummary, StepRecord } from '../stores';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import type { AccessResource } from '../access/authorize';
import type { Principal } from '../access/principal';
import type { Actor } from '../dossiers/dossier-deps';
import { dossierStateOf } from '../../../engine/src/index';

export function dossierResource(dossier: DossierSummary): AccessResource {
  return { agencyId: dossier.agencyId, routedTo: dossierStateOf(dossier).routedTo };
}

export function stepResource(step: StepRecord): AccessResource {
  return { ...(step.agencyId ? { agencyId: step.agencyId } : {}), ...(step.departmentId ? { departmentId: step.departmentId } : {}), ...(step.assigneeId ? { assigneeId: step.assigneeId } : {}) };
}

export function actorOf(principal: Principal): Actor {
  return { id: principal.userId, name: principal.displayName, agencyId: principal.agencyId, ...(principal.departmentId ? { departmentId: principal.departmentId } : {}) };
}

/** The signed-in principal as the actor of a change. */
export function actorFrom(c: Context): Actor {
  return actorOf(principalOf(c));
}

/** An official or head of unit of a unit the dossier was routed to may act on the dossier as a whole. */
export function assertMayActOnDossier(principal: Principal, dossier: DossierRecord): void {
  assertAllowed(principal, 'dossier.read', dossierResource(dossier));
  assertAllowed(principal, 'step.act', { agencyId: principal.agencyId, ...(principal.departmentId ? { departmentId: principal.departmentId } : {}) });
}
