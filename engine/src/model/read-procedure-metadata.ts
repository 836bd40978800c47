/**
 * @module readProcedureMetadata — `lt:procedure`: national procedure code, statutory deadline, legal basis,
 * supplement policy (DOMAIN.md "Supplements, fees and pauses"), e-form schema, the components of the dossier and its
 * result document.
 * Read from the definitions' extension elements, or else from the first process that carries one (bpmn-js property
 * panels edit the process).
 */
import type { ProcedureMetadata, SupplementPolicy } from './procedure-definition';
import { elementProp, extensionValues, stringProp, type ModdleElement } from './moddle-element';
import { describeElement } from './describe-element';
import type { ReadContext } from './read-context';
import { parseDecimal, readBudgetValues } from './read-extensions';
import { readRequiredComponents } from './read-required-components';
import { readResultDeclaration } from './read-result-declaration';

const POLICIES = ['restart', 'pause', 'boundedWait'] as const;

export function findProcedureElement(definitions: ModdleElement, processes: ModdleElement[]): ModdleElement | undefined {
  for (const owner of [definitions, ...processes]) {
    const found = extensionValues(owner).find((element) => element.$type === 'lt:Procedure');
    if (found) return found;
  }
  return undefined;
}

export function readProcedureMetadata(procedure: ModdleElement, context: ReadContext): ProcedureMetadata {
  const owner = procedure.$parent?.$parent ?? procedure;
  const report = (message: string) =>
    context.issues.push({
      elementId: owner.id ?? '',
      code: 'PROCEDURE_METADATA_INVALID',
      severity: 'error',
      message: `${describeElement(owner)} has procedure metadata (lt:procedure) that ${message}`,
    });
  const procedureCode = stringProp(procedure, 'procedureCode') ?? '';
  if (procedureCode === '') report('has no procedureCode (the national procedure code, mã TTHC)');
  const statutoryValue = stringProp(procedure, 'statutoryValue');
  const statutoryUnit = stringProp(procedure, 'statutoryUnit');
  const statutoryBudget =
    statutoryValue === undefined && statutoryUnit === undefined
      ? undefined
      : readBudgetValues(statutoryValue, statutoryUnit, 'statutory deadline', report);
  const metadata: ProcedureMetadata = {
    procedureCode,
    name: stringProp(procedure, 'name'),
    statutoryBudget,
    legalBasis: stringProp(procedure, 'legalBasis'),
    supplementPolicy: readSupplementPolicy(procedure, report),
    maxReappointments: readCount(procedure, 'maxReappointments', report),
    leadAgencyId: stringProp(procedure, 'leadAgency'),
    formSchema: readFormSchema(procedure, report),
    components: readRequiredComponents(procedure, report),
    result: readResultDeclaration(procedure, report),
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)) as ProcedureMetadata;
}

/** Without a declared policy the clock pauses: the national statistics subtract the citizen's time (Decision 766). */
function readSupplementPolicy(procedure: ModdleElement, report: (message: string) => void): SupplementPolicy {
  const policy = stringProp(procedure, 'supplementPolicy') ?? 'pause';
  if (!(POLICIES as readonly string[]).includes(policy)) {
    report(`has unknown supplementPolicy "${policy}"; expected ${POLICIES.join(', ')}`);
    return { kind: 'pause' };
  }
  if (policy !== 'boundedWait') return { kind: policy as 'restart' | 'pause' };
  const waitBudget = readBudgetValues(
    stringProp(procedure, 'supplementWaitValue'),
    stringProp(procedure, 'supplementWaitUnit'),
    'supplement wait (supplementWaitValue)',
    report,
  );
  // Decree 63/2024: the citizen has 7 working days to supplement; used only when the model's wait is unusable.
  return { kind: 'boundedWait', waitBudget: waitBudget ?? { value: 7, unit: 'workingDays' } };
}

function readCount(procedure: ModdleElement, name: string, report: (message: string) => void): number | undefined {
  const text = stringProp(procedure, name);
  const value = parseDecimal(text);
  if (value === undefined) return undefined;
  if (Number.isNaN(value) || !Number.isInteger(value) || value < 0) {
    report(`has ${name} "${text}" that is not a whole number`);
    return undefined;
  }
  return value;
}

function readFormSchema(procedure: ModdleElement, report: (message: string) => void): string | undefined {
  const formSchema = elementProp(procedure, 'formSchema');
  const body = formSchema && stringProp(formSchema, 'body')?.trim();
  if (!body) return undefined;
  try {
    JSON.parse(body);
  } catch (error) {
    report(`has an lt:formSchema that is not JSON: ${(error as Error).message}`);
  }
  return body;
}
