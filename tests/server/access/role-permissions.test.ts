/**
 * What the signed-in role may do, as the front end is told (issue 16, item 4): `GET /api/auth/me` lists the actions of
 * the role in authorize's table, so the modeler offers Deploy to an analyst and only reading to a head of unit.
 */
import { describe, expect, it } from 'vitest';
import { aUser, createAccessTestApp } from './access-test-app';

const analyst = aUser({ id: 'u1', username: 'analyst', role: 'analyst', agencyId: 'so-noi-vu' });
const head = aUser({ id: 'u2', username: 'head.motcua', role: 'headOfUnit', agencyId: 'ubnd-xa-demo' });

describe('the permissions of the signed-in user', () => {
  it('lists procedure.deploy for an analyst, and procedure.read without procedure.deploy for a head of unit', async () => {
    // given an analyst and a head of unit signed in
    const { app, bearer } = await createAccessTestApp({ users: [analyst, head] });
    // when each asks who they are
    const permissionsOf = async (username: string) => ((await (await app.request('/api/auth/me', { headers: await bearer(username) })).json()) as { permissions: string[] }).permissions;
    // then the analyst may deploy and the head of unit may read procedures, reassign in their unit, and not deploy
    expect(await permissionsOf('analyst')).toEqual(['procedure.deploy', 'procedure.read', 'procedure.retire', 'incident.read', 'simulation.run']);
    const ofHead = await permissionsOf('head.motcua');
    expect(ofHead).toContain('procedure.read');
    expect(ofHead).toContain('step.reassign');
    expect(ofHead).not.toContain('procedure.deploy');
  });
});
