/**
 * The template gallery (issue 16, item 5): each template, drawn for the demo directory, passes the server's deploy
 * validation (structure, budgets within the deadline, every step reachable by an official and a head of unit), and
 * leaves its lanes unassigned rather than naming agencies a directory does not have.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app';
import { DEMO_AGENCIES } from '../../server/src/access/demo-agencies';
import { libraryTemplates } from '../../modeler/src/modeler/library-templates';
import { procedureTemplates } from '../../modeler/src/modeler/procedure-templates';
import type { Agency } from '../../modeler/src/api/api-client';

const agencies: Agency[] = DEMO_AGENCIES.map((agency) => ({ id: agency.id, name: agency.name, departments: agency.departments.map(({ id, name }) => ({ id, name })) }));

describe('the template gallery', () => {
  beforeAll(() => {
    Object.assign(globalThis, { localStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined } });
  });

  it('offers at least four templates: one department, two in sequence, another agency, supplement and fee', () => {
    expect(procedureTemplates.map((template) => template.key)).toEqual(['mot-cua-mot-phong', 'hai-phong-noi-tiep', 'lien-thong-co-quan-khac', 'bo-sung-va-nop-phi']);
    const supplementAndFee = procedureTemplates[3]!.xml(agencies);
    expect(supplementAndFee).toContain('name="supplement.received"');
    expect(supplementAndFee).toContain('name="fees.paid"');
    expect(procedureTemplates[2]!.xml(agencies)).toContain('agency="cong-an-xa-demo"');
  });

  it('offers the six library procedures too, the two Decree 63/2024 inter-agency groups among them, each named and with its deadline', () => {
    expect(libraryTemplates.map((template) => template.key)).toEqual([
      'cap-giay-chung-nhan-dang-ky-dau-tu',
      'cap-giay-phep-xay-dung-nha-o',
      'dang-ky-bien-dong-dat-dai',
      'dang-ky-thanh-lap-doanh-nghiep',
      'lien-thong-khai-sinh',
      'lien-thong-khai-tu',
    ]);
    const group1 = libraryTemplates.find((template) => template.key === 'lien-thong-khai-sinh')!;
    expect(group1.title).toEqual({ text: 'Liên thông: đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ em dưới 6 tuổi' });
    expect(group1.description).toEqual({ text: 'Thủ tục mẫu trong thư viện · 3 ngày làm việc · Nghị định 63/2024/NĐ-CP' });
    expect(group1.xml(agencies)).toContain('<bpmn:callActivity');
    expect(group1.xml(agencies)).toContain('lt:agencyShare');
  });

  it.each([...procedureTemplates, ...libraryTemplates].map((template) => [template.key, template] as const))('deploys %s as it is, with no error from the server’s validation', async (templateKey, template) => {
    // (a library template is deployed under a key of its own: the library procedure itself is already deployed)
    const key = libraryTemplates.includes(template) ? `${templateKey}-ban-sao` : templateKey;
    // given the whole server with the demo directory
    const { app, as } = await createTestApp();
    // when the analyst deploys the template under its key
    const response = await app.request('/api/procedures', { method: 'POST', headers: { ...(await as('analyst')), 'content-type': 'application/json' }, body: JSON.stringify({ key, xml: template.xml(agencies) }) });
    // then it is version 1
    const body = (await response.json()) as { version?: number; issues?: unknown[] };
    expect(body.issues ?? []).toEqual([]);
    expect(response.status).toBe(201);
    expect(body.version).toBe(1);
  });

  it('leaves a lane unassigned when the directory has no such agency', () => {
    // given a directory without the demo agencies
    const xml = procedureTemplates[0]!.xml([]);
    // then no lane names an agency
    expect(xml).not.toContain('lt:assignment');
  });
});
