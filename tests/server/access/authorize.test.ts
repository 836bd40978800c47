import { describe, expect, it } from 'vitest';
import { authorize, type AccessResource, type Action } from '../../../server/src/access/authorize';
import type { Principal } from '../../../server/src/access/principal';

const people = {
  admin: { userId: 'a', username: 'admin', displayName: 'A', provinceCode: '79', role: 'administrator', agencyId: 'tinh' },
  analyst: { userId: 'n', username: 'analyst', displayName: 'N', provinceCode: '79', role: 'analyst', agencyId: 'tinh' },
  motcua: { userId: 'o1', username: 'official.motcua', displayName: 'O', provinceCode: '79', role: 'official', agencyId: 'ttpvhcc', departmentId: 'quay' },
  dkkd: { userId: 'o2', username: 'official.dkkd', displayName: 'O', provinceCode: '79', role: 'official', agencyId: 'so-tai-chinh', departmentId: 'phong-dkkd' },
  congan: { userId: 'o3', username: 'official.congan', displayName: 'O', provinceCode: '79', role: 'official', agencyId: 'cong-an-xa' },
  headTaiChinh: { userId: 'h1', username: 'head.taichinh', displayName: 'H', provinceCode: '79', role: 'headOfUnit', agencyId: 'so-tai-chinh' },
  headDkkd: { userId: 'h2', username: 'head.dkkd', displayName: 'H', provinceCode: '79', role: 'headOfUnit', agencyId: 'so-tai-chinh', departmentId: 'phong-dkkd' },
  province: { userId: 's1', username: 'supervisor', displayName: 'S', provinceCode: '79', role: 'supervisor', agencyId: 'tinh', supervisorScope: 'province' },
  communeWatch: { userId: 's2', username: 'supervisor.xa', displayName: 'S', provinceCode: '79', role: 'supervisor', agencyId: 'xa', supervisorScope: { agencyIds: ['ubnd-xa', 'cong-an-xa'] } },
  national: { userId: 's3', username: 'giamsat.quocgia', displayName: 'S', provinceCode: '00', role: 'supervisor', agencyId: 'vpcp', supervisorScope: 'national' },
} satisfies Record<string, Principal>;

const dkkdStep: AccessResource = { agencyId: 'so-tai-chinh', departmentId: 'phong-dkkd' };
const dauTuStep: AccessResource = { agencyId: 'so-tai-chinh', departmentId: 'phong-dau-tu' };
const businessDossier: AccessResource = { agencyId: 'ttpvhcc', routedTo: [{ agencyId: 'so-tai-chinh', departmentId: 'phong-dkkd' }] };
const birthDossier: AccessResource = { agencyId: 'ubnd-xa', routedTo: [{ agencyId: 'cong-an-xa' }, { agencyId: 'bhxh' }] };

const cases: [keyof typeof people, Action, AccessResource, boolean][] = [
  ['analyst', 'procedure.deploy', {}, true],
  ['motcua', 'procedure.deploy', {}, false],
  ['admin', 'procedure.deploy', {}, false],
  ['analyst', 'procedure.retire', {}, true],
  ['admin', 'procedure.retire', {}, true],
  ['motcua', 'procedure.retire', {}, false],
  ['motcua', 'procedure.read', {}, true],
  ['motcua', 'dossier.receive', { agencyId: 'ttpvhcc' }, true],
  ['motcua', 'dossier.receive', { agencyId: 'ubnd-xa' }, false],
  ['dkkd', 'step.act', dkkdStep, true],
  ['dkkd', 'step.act', dauTuStep, false],
  ['dkkd', 'step.act', { ...dkkdStep, assigneeId: 'o2' }, true],
  ['dkkd', 'step.act', { ...dkkdStep, assigneeId: 'someone-else' }, false],
  ['headDkkd', 'step.act', { ...dkkdStep, assigneeId: 'someone-else' }, true],
  ['congan', 'step.act', { agencyId: 'cong-an-xa' }, true],
  ['congan', 'step.act', { agencyId: 'cong-an-xa', departmentId: 'doi-cu-tru' }, false],
  ['motcua', 'step.act', dkkdStep, false],
  ['dkkd', 'step.reassign', dkkdStep, false],
  ['headDkkd', 'step.reassign', dkkdStep, true],
  ['headDkkd', 'step.reassign', dauTuStep, false],
  ['headTaiChinh', 'step.reassign', dauTuStep, true],
  ['dkkd', 'dossier.read', businessDossier, true],
  ['motcua', 'dossier.read', businessDossier, true],
  ['congan', 'dossier.read', businessDossier, false],
  ['congan', 'dossier.read', birthDossier, true],
  ['province', 'dossier.read', businessDossier, true],
  ['communeWatch', 'dossier.read', birthDossier, true],
  // A national supervisor reads every agency's dossiers and figures (the request reads every province) and acts on none.
  ['national', 'dossier.read', birthDossier, true],
  ['national', 'stats.read', { agencyId: 'so-tai-chinh' }, true],
  ['national', 'step.act', dkkdStep, false],
  ['national', 'user.manage', {}, false],
  ['communeWatch', 'dossier.read', businessDossier, false],
  ['communeWatch', 'stats.read', { agencyId: 'cong-an-xa' }, true],
  ['province', 'step.act', dkkdStep, false],
  ['headDkkd', 'stats.read', dkkdStep, true],
  ['dkkd', 'stats.read', dkkdStep, false],
  ['admin', 'stats.read', dkkdStep, true],
  ['admin', 'user.manage', {}, true],
  ['admin', 'calendar.manage', {}, true],
  ['admin', 'dossier.read', businessDossier, false],
  ['headTaiChinh', 'user.manage', {}, false],
];

describe('authorize', () => {
  it.each(cases)('given %s, %s on %j is allowed: %s', (who, action, resource, allowed) => {
    // when
    const decision = authorize(people[who], action, resource);
    // then
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.reason).toMatch(/\S/);
  });
});
