/**
 * The procedure library (procedures/<slug>/<slug>.bpmn) at engine level: each model parses cleanly, names an agency
 * and a budget for every step, splits its statutory deadline exactly, declares the supplement policy its README
 * states, is fully drawn, and runs to the end on the engine when every step approves.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { BudgetUnit } from '../../engine/src/index';
import { parseProcedure } from '../../engine/src/index';
import { LIBRARY_SPECS } from '../../procedures/tools/specs/library-specs';
import { writeProcedureXml } from '../../procedures/tools/write-procedure-xml';
import { librarySlugs, loadDefinition, readModel, readReadme } from './support/library';
import { longestPath } from './support/longest-path';
import { appointmentOf, simulateDossier } from './support/simulate-dossier';

interface Expected {
  slug: string;
  procedureCode: string;
  statutory: { value: number; unit: BudgetUnit };
  policy: 'restart' | 'pause' | 'boundedWait';
  agencies: string[];
  returnStep: string;
  /** A branch the law lets run longer than the statutory deadline, and the longest it may take. */
  extension?: { avoid: string[]; ceilingDays: number };
}

const LIBRARY: Expected[] = [
  {
    slug: 'lien-thong-khai-sinh',
    procedureCode: 'ND63-2024-NHOM-1',
    statutory: { value: 3, unit: 'workingDays' },
    policy: 'boundedWait',
    agencies: ['ttpvhcc', 'ubnd-xa-demo', 'cong-an-xa-demo', 'bhxh-tinh'],
    returnStep: 'task-return',
    extension: { avoid: ['task-verify-residence'], ceilingDays: 5 },
  },
  {
    slug: 'lien-thong-khai-tu',
    procedureCode: '1.011537',
    statutory: { value: 5, unit: 'workingDays' },
    policy: 'boundedWait',
    agencies: ['ttpvhcc', 'ubnd-xa-demo', 'cong-an-xa-demo', 'bhxh-tinh'],
    returnStep: 'task-return',
  },
  {
    slug: 'cap-giay-chung-nhan-dang-ky-dau-tu',
    procedureCode: '1.009664',
    statutory: { value: 15, unit: 'workingDays' },
    policy: 'restart',
    agencies: ['ttpvhcc', 'so-tai-chinh'],
    returnStep: 'task-return',
  },
  {
    slug: 'cap-giay-phep-xay-dung-nha-o',
    procedureCode: '1.009994',
    statutory: { value: 15, unit: 'workingDays' },
    policy: 'pause',
    agencies: ['ttpvhcc', 'ubnd-xa-demo'],
    returnStep: 'task-return',
  },
  {
    slug: 'dang-ky-bien-dong-dat-dai',
    procedureCode: '1.013831',
    statutory: { value: 14, unit: 'workingDays' },
    policy: 'pause',
    agencies: ['ttpvhcc', 'vpdk-dat-dai', 'thue-co-so'],
    returnStep: 'task-return',
  },
  {
    slug: 'dang-ky-thanh-lap-doanh-nghiep',
    procedureCode: '2.001610',
    statutory: { value: 3, unit: 'workingDays' },
    policy: 'restart',
    agencies: ['ttpvhcc', 'so-tai-chinh'],
    returnStep: 'task-return',
  },
];

/** Monday 6 January 2025, 08:00 in Vietnam (UTC+7): an ordinary working morning. */
const MONDAY_MORNING = Date.parse('2025-01-06T01:00:00Z');

describe('the procedure library', () => {
  it('ships exactly the six procedures of the list, each with a README', () => {
    // given the procedures folder as the server seeds it
    const slugs = librarySlugs();
    // then it holds the six procedures and each explains itself
    expect(slugs).toEqual(LIBRARY.map((entry) => entry.slug).sort());
    for (const slug of slugs) expect(readReadme(slug)).toMatch(/## Step/);
  });

  it('keeps every shipped model identical to what the generator writes from its spec', () => {
    for (const spec of LIBRARY_SPECS) expect(readModel(spec.slug), spec.slug).toBe(writeProcedureXml(spec));
  });
});

describe.each(LIBRARY)('procedure $slug', (expected) => {
  it('parses with no issue at all, errors or warnings', async () => {
    // when the shipped XML is parsed
    const { definition, issues } = await parseProcedure(readModel(expected.slug));
    // then it is a procedure with its national code and statutory deadline
    expect(issues).toEqual([]);
    expect(definition?.procedure?.procedureCode).toBe(expected.procedureCode);
    expect(definition?.procedure?.statutoryBudget).toEqual(expected.statutory);
  });

  it('gives every user task an agency, a budget, a nearly-due threshold and the official → head → supervisor ladder', async () => {
    const definition = await loadDefinition(expected.slug);
    const userTasks = definition.processes.flatMap((process) => Object.values(process.nodes)).filter((node) => node.kind === 'userTask');
    expect(userTasks.length).toBeGreaterThan(3);
    for (const task of userTasks) {
      expect(task.assignment?.agencyId, task.id).toMatch(/\S/);
      expect(task.budget, task.id).toBeDefined();
      expect(task.nearlyDue, task.id).toBeDefined();
      expect(task.escalation?.map((rung) => rung.target), task.id).toEqual(['official', 'headOfUnit', 'supervisor']);
    }
    const agencies = new Set(userTasks.map((task) => task.assignment!.agencyId));
    for (const agency of expected.agencies) expect(agencies, agency).toContain(agency);
  });

  it('splits the statutory deadline exactly along the longest path, called processes included', async () => {
    // given the model
    const definition = await loadDefinition(expected.slug);
    // when every step on the longest path uses its whole budget
    const path = longestPath(definition, { avoid: expected.extension?.avoid ?? [] });
    // then the budgets add up to the statutory deadline
    expect(path.days).toBeCloseTo(expected.statutory.value, 9);
    if (expected.extension) {
      const extended = longestPath(definition);
      expect(extended.days).toBeGreaterThan(expected.statutory.value);
      expect(extended.days).toBeLessThanOrEqual(expected.extension.ceilingDays);
      expect(extended.steps).toEqual(expect.arrayContaining(expected.extension.avoid));
    }
  });

  it('declares an e-form that compiles strictly and that its example fills validly, and lists the components of its dossier', async () => {
    // given the shipped model and its spec's example form
    const definition = await loadDefinition(expected.slug);
    const spec = LIBRARY_SPECS.find((candidate) => candidate.slug === expected.slug)!;
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    addFormats(ajv);
    // when the e-form is compiled the way the server checks it (with formats) and the example checked against it
    const validate = ajv.compile(JSON.parse(definition.procedure!.formSchema!) as object);
    // then the example is valid, the form stays small, and every component has a name, a legal basis, and a condition when optional
    expect(validate(spec.eform.example), JSON.stringify(validate.errors)).toBe(true);
    expect(definition.procedure!.formSchema!.length).toBeLessThan(16 * 1024);
    const components = definition.procedure!.components ?? [];
    expect(components.length).toBeGreaterThanOrEqual(3);
    expect(components).toEqual(spec.components);
    for (const component of components) {
      expect(component.legalBasis, component.id).toMatch(/\S/);
      if (!component.required) expect(component.condition, component.id).toMatch(/\S/);
    }
    const readme = readReadme(expected.slug);
    expect(readme).toContain('## E-form and components');
    for (const component of components) expect(readme, component.id).toContain(`| \`${component.id}\` |`);
  });

  it('declares the supplement policy its README states', async () => {
    const definition = await loadDefinition(expected.slug);
    const policy = definition.procedure!.supplementPolicy;
    expect(policy.kind).toBe(expected.policy);
    expect(readReadme(expected.slug)).toContain(`Supplement policy: \`${expected.policy}\``);
    if (policy.kind === 'boundedWait') {
      expect(policy.waitBudget).toEqual({ value: 7, unit: 'workingDays' });
      expect(Object.values(definition.messages).map((message) => message.name)).toContain('supplement.window_closed');
    }
  });

  it('draws a shape for every pool, lane and flow node, an edge for every sequence flow, and no two nodes overlap', async () => {
    const definition = await loadDefinition(expected.slug);
    const xml = readModel(expected.slug);
    const shapes = new Map<string, { x: number; y: number; width: number; height: number }>();
    for (const match of xml.matchAll(/<bpmndi:BPMNShape[^>]*bpmnElement="([^"]+)"[^>]*>\s*<dc:Bounds x="(-?\d+)" y="(-?\d+)" width="(\d+)" height="(\d+)"/g)) {
      shapes.set(match[1]!, { x: Number(match[2]), y: Number(match[3]), width: Number(match[4]), height: Number(match[5]) });
    }
    const edges = new Map<string, number>();
    for (const match of xml.matchAll(/<bpmndi:BPMNEdge[^>]*bpmnElement="([^"]+)">([\s\S]*?)<\/bpmndi:BPMNEdge>/g)) {
      edges.set(match[1]!, (match[2]!.match(/<di:waypoint /g) ?? []).length);
    }
    const nodes = definition.processes.flatMap((process) => Object.values(process.nodes));
    for (const process of definition.processes) {
      for (const lane of Object.keys(process.lanes)) expect(shapes.has(lane), lane).toBe(true);
      for (const flow of Object.keys(process.flows)) expect(edges.get(flow) ?? 0, flow).toBeGreaterThanOrEqual(2);
    }
    for (const node of nodes) expect(shapes.has(node.id), node.id).toBe(true);
    const placed = nodes.filter((node) => node.kind !== 'boundaryEvent').map((node) => ({ id: node.id, ...shapes.get(node.id)! }));
    for (const [index, a] of placed.entries()) {
      for (const b of placed.slice(index + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it('runs to the end on the engine when every step approves, and finishes by the appointment', async () => {
    // given a dossier received on a Monday morning
    const definition = await loadDefinition(expected.slug);
    // when every step is completed with decision "approve" at the end of its budget
    const run = await simulateDossier(definition, { receivedAt: MONDAY_MORNING });
    // then the process completes after the result was returned, no later than receipt + the statutory deadline
    expect(run.status).toBe('completed');
    expect(run.effects.at(-1)?.type).toBe('process.completed');
    expect(run.steps.at(-1)?.elementId).toBe(expected.returnStep);
    expect(run.finishedAt).toBeLessThanOrEqual(appointmentOf(definition, MONDAY_MORNING));
    const agencies = new Set(run.steps.map((step) => step.agencyId));
    for (const agency of expected.agencies) expect(agencies, agency).toContain(agency);
  });
});

/** The element ids of a simulated run's steps, in the order they were completed. */
const trail = (run: { steps: { elementId: string }[] }) => run.steps.map((step) => step.elementId);
const when = (decisions: Record<string, Record<number, Record<string, unknown>>>) => (elementId: string, attempt: number) =>
  decisions[elementId]?.[attempt] ?? { decision: 'approve' };

describe('inter-agency group 1: birth, residence, health-insurance card', () => {
  it('opens the Police and Social Insurance steps at the same moment once the birth is registered', async () => {
    const definition = await loadDefinition('lien-thong-khai-sinh');
    // when every step approves
    const run = await simulateDossier(definition, { receivedAt: MONDAY_MORNING });
    // then both agencies start when the birth registration ends
    const birth = run.steps.find((step) => step.elementId === 'task-register-birth')!;
    const police = run.steps.find((step) => step.elementId === 'task-review-residence')!;
    const insurance = run.steps.find((step) => step.elementId === 'task-issue-health-card')!;
    expect(police.activatedAt).toBe(birth.completedAt);
    expect(insurance.activatedAt).toBe(birth.completedAt);
    expect([police.agencyId, insurance.agencyId]).toEqual(['cong-an-xa-demo', 'bhxh-tinh']);
    expect(run.variables).toMatchObject({ residenceDecision: 'approve', healthCardDecision: 'approve' });
  });

  it('takes the verification step when the Police need one, and still ends within the 5 working days the decree allows', async () => {
    const definition = await loadDefinition('lien-thong-khai-sinh');
    // when the residence official asks for a verification
    const run = await simulateDossier(definition, {
      receivedAt: MONDAY_MORNING,
      decide: when({ 'task-review-residence': { 1: { decision: 'approve', needsVerification: true } } }),
    });
    // then the verification runs, past the 3-day appointment but within 5 working days
    expect(trail(run)).toContain('task-verify-residence');
    expect(run.finishedAt).toBeGreaterThan(appointmentOf(definition, MONDAY_MORNING));
    expect(run.finishedAt).toBeLessThanOrEqual(appointmentOf(definition, MONDAY_MORNING, 5));
  });

  it('ends the dossier rejected when the citizen lets the 7 working days to supplement run out', async () => {
    const definition = await loadDefinition('lien-thong-khai-sinh');
    // given the civil-status official asks for a supplement
    // when the server delivers supplement.window_closed instead of the supplement
    const run = await simulateDossier(definition, {
      receivedAt: MONDAY_MORNING,
      decide: when({ 'task-register-birth': { 1: { decision: 'supplement' } } }),
      answer: () => 'supplement.window_closed',
    });
    // then the route ends without reaching the Police, Social Insurance or the return step
    expect(run.status).toBe('completed');
    expect(trail(run)).toEqual(['task-receive', 'task-register-birth', 'task-wait-supplement']);
  });
});

describe('inter-agency group 2: death, residence deletion, funeral allowance', () => {
  it('sends the funeral allowance to the commune social affairs office for a social-assistance beneficiary', async () => {
    const definition = await loadDefinition('lien-thong-khai-tu');
    const run = await simulateDossier(definition, { receivedAt: MONDAY_MORNING, startVariables: { funeralAllowance: 'social' } });
    expect(trail(run)).toEqual(expect.arrayContaining(['task-social-review', 'task-social-decide', 'task-deregister-check']));
    expect(trail(run)).not.toContain('task-insurance-review');
    expect(run.finishedAt).toBeLessThanOrEqual(appointmentOf(definition, MONDAY_MORNING));
  });

  it('deletes the residence alone when no funeral allowance is asked for', async () => {
    const definition = await loadDefinition('lien-thong-khai-tu');
    const run = await simulateDossier(definition, { receivedAt: MONDAY_MORNING, startVariables: { funeralAllowance: 'none' } });
    expect(trail(run)).toEqual(['task-receive', 'task-register-death', 'task-deregister-check', 'task-deregister-approve', 'task-return']);
  });
});

describe('decisions shared by the one-agency routes', () => {
  it('refuses at intake: the dossier is not accepted and nothing else happens', async () => {
    const definition = await loadDefinition('cap-giay-phep-xay-dung-nha-o');
    const run = await simulateDossier(definition, { receivedAt: MONDAY_MORNING, decide: when({ 'task-receive': { 1: { decision: 'reject' } } }) });
    expect(run.status).toBe('completed');
    expect(trail(run)).toEqual(['task-receive']);
  });

  it('asks the business for a supplement, waits for supplement.received, then reviews the dossier again', async () => {
    const definition = await loadDefinition('dang-ky-thanh-lap-doanh-nghiep');
    const run = await simulateDossier(definition, { receivedAt: MONDAY_MORNING, decide: when({ 'task-review': { 1: { decision: 'supplement' } } }) });
    expect(trail(run)).toEqual(['task-receive', 'task-review', 'task-wait-supplement', 'task-review', 'task-head', 'task-return']);
  });

  it('lets the head of office return the dossier to the expert, who sends it up again', async () => {
    const definition = await loadDefinition('cap-giay-chung-nhan-dang-ky-dau-tu');
    const run = await simulateDossier(definition, { receivedAt: MONDAY_MORNING, decide: when({ 'task-head': { 1: { decision: 'return' } } }) });
    expect(trail(run)).toEqual(['task-receive', 'task-review', 'task-head', 'task-review', 'task-head', 'task-sign', 'task-return']);
  });

  it('returns a refusal letter at the counter when the expert rejects the dossier', async () => {
    const definition = await loadDefinition('cap-giay-chung-nhan-dang-ky-dau-tu');
    const run = await simulateDossier(definition, { receivedAt: MONDAY_MORNING, decide: when({ 'task-review': { 1: { decision: 'reject' } } }) });
    expect(trail(run)).toEqual(['task-receive', 'task-review', 'task-return-refusal']);
  });
});

describe('land change registration', () => {
  it('waits for fees.paid between the tax notice and the update of the land records', async () => {
    const definition = await loadDefinition('dang-ky-bien-dong-dat-dai');
    const run = await simulateDossier(definition, { receivedAt: MONDAY_MORNING });
    const steps = trail(run);
    expect(steps.slice(steps.indexOf('task-tax-notice'), steps.indexOf('task-tax-notice') + 3)).toEqual([
      'task-tax-notice',
      'task-wait-fees',
      'task-update-records',
    ]);
    const wait = run.steps.find((step) => step.elementId === 'task-wait-fees')!;
    expect(wait.kind).toBe('receiveTask');
    const node = definition.processes[0]!.nodes['task-wait-fees']!;
    expect(definition.messages[node.messageRef!]?.name).toBe('fees.paid');
  });

  it('asks the commune to verify when needed and still finishes within 14 working days', async () => {
    const definition = await loadDefinition('dang-ky-bien-dong-dat-dai');
    const run = await simulateDossier(definition, {
      receivedAt: MONDAY_MORNING,
      decide: when({ 'task-review': { 1: { decision: 'approve', needsCommuneCheck: true } } }),
    });
    const check = run.steps.find((step) => step.elementId === 'task-commune-check');
    expect(check?.agencyId).toBe('ubnd-xa-demo');
    expect(run.finishedAt).toBeLessThanOrEqual(appointmentOf(definition, MONDAY_MORNING));
  });
});
