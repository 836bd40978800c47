/**
 * @module stats-scope — who may see which figures (action `stats.read`, `access/authorize.ts`): a supervisor within
 * their supervision scope, a head of unit for their unit, an administrator everything; officials are refused. The
 * result names the period (Vietnam days, `to` inclusive) and the agencies, department, official and procedure the
 * figures are narrowed to.
 */
import { assertAllowed, forbidden } from '../access/auth-middleware';
import type { Principal } from '../access/principal';
import { watchesEveryAgency } from '../access/user-record';
import { Refusal } from '../../../engine/src/index';

/** The query parameters every statistics route takes. */
export interface StatsParams {
  from?: string;
  to?: string;
  agencyId?: string;
  departmentId?: string;
  procedureKey?: string;
  officialId?: string;
}

export interface StatsScope {
  /** Instants; `to` is the end of the last day, or now when that is earlier (the future is not judged). */
  period: { from: number; to: number };
  /** The dates as asked (echoed in answers). */
  days: { from: string; to: string };
  /** Agencies the figures are limited to; undefined is every agency. */
  agencyIds?: readonly string[];
  departmentId?: string;
  officialId?: string;
  procedureKey?: string;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Start of the Vietnam (UTC+7) day `yyyy-mm-dd`. */
export function startOfVietnamDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const at = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - VIETNAM_OFFSET_MS : Number.NaN;
  if (Number.isNaN(at)) throw new Refusal({ kind: 'invalid', code: 'INVALID_DATE', title: 'Invalid date', detail: `"${day}" is not a date yyyy-mm-dd.` });
  return at;
}

/** The Vietnam day of an instant, `yyyy-mm-dd`. */
export function vietnamDayOf(at: number): string {
  return new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Resolves the scope of a statistics request, or throws 403 (outside the principal's scope) or 400 (bad dates). */
export function resolveStatsScope(principal: Principal, params: StatsParams, now: number): StatsScope {
  const to = params.to ?? vietnamDayOf(now);
  const from = params.from ?? `${to.slice(0, 8)}01`;
  const fromAt = startOfVietnamDay(from);
  const toAt = startOfVietnamDay(to) + DAY_MS - 1;
  if (fromAt > toAt) throw new Refusal({ kind: 'invalid', code: 'INVALID_PERIOD', title: 'Invalid period', detail: '`from` is after `to`.' });
  const base = {
    period: { from: fromAt, to: Math.max(fromAt, Math.min(toAt, now)) },
    days: { from, to },
    ...(params.procedureKey ? { procedureKey: params.procedureKey } : {}),
    ...(params.officialId ? { officialId: params.officialId } : {}),
  };
  return { ...base, ...unitScope(principal, params) };
}

function unitScope(principal: Principal, params: StatsParams): Pick<StatsScope, 'agencyIds' | 'departmentId'> {
  const department = params.departmentId ? { departmentId: params.departmentId } : {};
  if (principal.role === 'administrator') return { ...(params.agencyId ? { agencyIds: [params.agencyId] } : {}), ...department };
  if (principal.role === 'supervisor') {
    const scope = principal.supervisorScope;
    if (params.agencyId) {
      assertAllowed(principal, 'stats.read', { agencyId: params.agencyId });
      return { agencyIds: [params.agencyId], ...department };
    }
    if (watchesEveryAgency(scope)) return department;
    if (!scope) throw forbidden('You have no supervision scope.');
    return { agencyIds: scope.agencyIds, ...department };
  }
  // A head of unit (officials are refused by the policy): their agency, and their department when they head one.
  const unit = { agencyId: params.agencyId ?? principal.agencyId, departmentId: params.departmentId ?? principal.departmentId };
  assertAllowed(principal, 'stats.read', unit);
  return { agencyIds: [unit.agencyId], ...(unit.departmentId ? { departmentId: unit.departmentId } : {}) };
}

/**
 * The unit whose open steps a principal may count on the heatmap: an official or head of unit their own unit (a
 * head without a department the whole agency), a supervisor their scope, administrators and analysts everything.
 */
export function heatmapScope(principal: Principal): { agencyIds?: readonly string[]; departmentId?: string } {
  switch (principal.role) {
    case 'administrator':
    case 'analyst':
      return {};
    case 'supervisor': {
      const scope = principal.supervisorScope;
      if (watchesEveryAgency(scope)) return {};
      return { agencyIds: scope?.agencyIds ?? [] };
    }
    default:
      return { agencyIds: [principal.agencyId], ...(principal.departmentId ? { departmentId: principal.departmentId } : {}) };
  }
}
