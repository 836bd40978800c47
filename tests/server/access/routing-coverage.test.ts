/**
 * Routing coverage (issue 16): a procedure whose user task is routed to a unit where nobody sees the step, or with no
 * head of unit to escalate to, cannot be deployed, and the validate route says so live in the modeler, naming the
 * element and the unit; the six library procedures deploy with the demo directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app';

const template = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');
const proceduresDir = fileURLToPath(new URL('../../../procedures/', import.meta.url));
const json = { 'content-type': 'application/json' };

interface Issue {
  elementId: string;
  code: string;
  message: string;
  severity: string;
}

describe('routing coverage at deploy and in the validate route', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let headers: Record<string, string>;
  const post = async (path: string, body: object) => t.app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });

  beforeAll(async () => {
    t = await createTestApp();
    headers = { ...json, ...(await t.as('analyst')) };
  });

  it('refuses a counter lane with only its agency set, naming the task and the unit, and deploys nothing', async () => {
    // given the template with the counter lane's department removed (Bộ phận Một cửa's officials all have one)
    const xml = template.replace('<lt:assignment agency="ttpvhcc" department="quay-mot-cua" />', '<lt:assignment agency="ttpvhcc" />');
    // when the analyst validates, then deploys it
    const validation = (await (await post('/api/procedures/validate', { xml })).json()) as { valid: boolean; issues: Issue[] };
    const deploy = await post('/api/procedures', { key: 'mot-cua-khong-phong', xml });
    // then both name each counter task and the unit, and nothing is stored
    expect(validation.valid).toBe(false);
    const unreachable = validation.issues.filter((issue) => issue.code === 'UNIT_UNREACHABLE');
    expect(unreachable.map((issue) => issue.elementId).sort()).toEqual(['task-receive', 'task-return']);
    expect(unreachable[0]).toMatchObject({ severity: 'error' });
    expect(unreachable[0]!.message).toContain('Trung tâm Phục vụ hành chính công tỉnh Demo (ttpvhcc) with no department');
    expect(unreachable[0]!.message).toContain('nobody’s inbox');
    expect(unreachable[0]!.message).toContain('no head of unit');
    expect(deploy.status).toBe(422);
    const problem = (await deploy.json()) as { code: string; issues: Issue[]; detail: string };
    expect(problem.code).toBe('PROCEDURE_INVALID');
    expect(problem.issues.filter((issue) => issue.code === 'UNIT_UNREACHABLE')).toEqual(unreachable);
    expect(problem.detail).toContain('task-receive');
    expect(await t.stores.procedures.latest('mot-cua-khong-phong')).toBeUndefined();
  });

  it('refuses an agency or a department the directory does not have', async () => {
    // given the construction lane routed to an unknown department, and the finance lane to an unknown agency
    const xml = template
      .replace('department="phong-quy-hoach"', 'department="phong-khong-co"')
      .replace('<lt:assignment agency="so-tai-chinh" department="phong-dkkd" />', '<lt:assignment agency="so-khong-co" department="phong-dkkd" />');
    // when
    const { issues } = (await (await post('/api/procedures/validate', { xml })).json()) as { issues: Issue[] };
    // then
    const messages = Object.fromEntries(issues.filter((issue) => issue.code === 'UNIT_UNREACHABLE').map((issue) => [issue.elementId, issue.message]));
    expect(messages['task-appraise']).toContain('department phong-khong-co of Sở Xây dựng (so-xay-dung)');
    expect(messages['task-review']).toContain('agency so-khong-co');
    expect(messages['task-review']).toContain('not in the agency directory');
  });

  it('counts only enabled people: a unit whose only official is disabled reaches nobody', async () => {
    // given the construction department's only official disabled (its head heads the whole agency, so add none)
    const official = (await t.access.users.getByUsername('official.xaydung'))!;
    const head = (await t.access.users.getByUsername('head.xaydung'))!;
    await t.access.users.update({ ...official, disabled: true });
    await t.access.users.update({ ...head, disabled: true });
    try {
      // when
      const { issues } = (await (await post('/api/procedures/validate', { xml: template })).json()) as { issues: Issue[] };
      // then
      const issue = issues.find((candidate) => candidate.code === 'UNIT_UNREACHABLE');
      expect(issue?.elementId).toBe('task-appraise');
      expect(issue?.message).toContain('Phòng Quy hoạch - Kiến trúc (phong-quy-hoach) of Sở Xây dựng (so-xay-dung)');
    } finally {
      await t.access.users.update(official);
      await t.access.users.update(head);
    }
    // and with them enabled again the template deploys
    expect((await post('/api/procedures', { key: 'mau-hai-co-quan', xml: template })).status).toBe(201);
  });

  it('deploys each of the six library procedures through the API with the demo directory', async () => {
    const slugs = readdirSync(proceduresDir).filter((slug) => slug !== 'tools' && !slug.includes('.'));
    expect(slugs).toHaveLength(6);
    for (const slug of slugs) {
      const xml = readFileSync(`${proceduresDir}${slug}/${slug}.bpmn`, 'utf8');
      const response = await post('/api/procedures', { key: slug, xml });
      expect({ slug, status: response.status, body: response.status === 201 ? '' : await response.text() }).toEqual({ slug, status: 201, body: '' });
    }
  });
});
