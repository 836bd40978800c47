/**
 * @module access-gate — the first line of the access policy, run for every `/api` request right after authentication
 * and before any route reads its parameters or body: is a sign-in needed, and may the principal's role attempt the
 * operation at all, and on the dossier or step its path names? Without it a route that validates before it
 * authorizes answers an anonymous, unentitled or other-agency caller with its schema's 400, telling them what it
 * would accept. Deny by default: an `/api` operation the rules do not name needs a sign-in. The routes check again
 * inside their unit of work (the resource may change in between); the gate only makes the refusal come first.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { forbidden, principalOf } from './auth-middleware';
import { authorize, mayAttempt, type AccessResource, type Action } from './authorize';

/** `public`: anyone; `signedIn`: any signed-in user; an action: a signed-in user whose role may attempt it. */
export type Gate = 'public' | 'signedIn' | Action;

export interface AccessRule {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, `{name}` for a parameter: `/api/dossiers/{id}/refuse`. */
  path: string;
  gate: Gate;
  /**
   * The path's `{id}` names a dossier or a step: the gate reads it and applies `gate` to it (for a dossier's own
   * actions, `dossier.read`: the dossier is routed to the principal's unit). An unknown id passes to the route's 404.
   */
  resource?: 'dossier' | 'step';
}

/** Reads the access-relevant fields of a dossier or a step by id (one primary-key read); undefined when there is none. */
export type ResourceReaders = Record<'dossier' | 'step', (id: string) => Promise<AccessResource | undefined>>;

interface CompiledRule extends AccessRule {
  pattern: RegExp;
}

function compile(rule: AccessRule): CompiledRule {
  const source = rule.path
    .split('/')
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { ...rule, pattern: new RegExp(`^${source}/?$`) };
}

/** The action the gate checks on the resource: a dossier's own actions need it routed to the principal's unit. */
function resourceAction(rule: AccessRule, gate: Action): Action {
  return rule.resource === 'dossier' && gate === 'step.act' ? 'dossier.read' : gate;
}

/** Middleware for `/api/*`, after `authenticate`: 401 `UNAUTHENTICATED` or 403 `FORBIDDEN` before the route runs. */
export function accessGate(rules: readonly AccessRule[], readers?: ResourceReaders): MiddlewareHandler {
  const compiled = rules.map(compile);
  // HEAD is answered by the GET route (RFC 9110 §9.3.2), so it passes the GET gate.
  const ruleFor = (c: Context): CompiledRule | undefined => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    return compiled.find((rule) => rule.method === method && rule.pattern.test(c.req.path));
  };
  return async (c, next) => {
    const rule = c.req.method === 'OPTIONS' ? undefined : ruleFor(c);
    const gate = c.req.method === 'OPTIONS' ? 'public' : (rule?.gate ?? 'signedIn');
    if (gate === 'public') return next();
    const principal = principalOf(c);
    if (gate === 'signedIn') return next();
    if (!mayAttempt(principal, gate)) throw forbidden(`A ${principal.role} may not ${gate}.`);
    if (rule?.resource && readers) {
      // The id is the path segment after the collection: /api/dossiers/{id}/…, /api/steps/{id}/….
      const id = decodeURIComponent(c.req.path.split('/')[3] ?? '');
      const resource = await readers[rule.resource](id);
      const decision = resource && authorize(principal, resourceAction(rule, gate), resource);
      if (decision && !decision.allowed) throw forbidden(decision.reason);
    }
    return next();
  };
}
