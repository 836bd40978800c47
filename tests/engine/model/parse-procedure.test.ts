import { describe, expect, it } from 'vitest';
import { parseProcedure, type ProcedureDefinition, type ProcessDefinition } from '../../../engine/src/model/index';
import { readFixture } from './read-fixture';

async function parseOrdinary(): Promise<{ definition: ProcedureDefinition; process: ProcessDefinition }> {
  const { definition } = await parseProcedure(readFixture('ordinary-elements.bpmn'));
  if (!definition) throw new Error('fixture did not parse');
  return { definition, process: definition.processes[0] };
}

describe('parseProcedure on ordinary BPMN elements', () => {
  it('reads the process with its executable flag and direct children', async () => {
    // given / when
    const { definition, process } = await parseOrdinary();
    // then
    expect(definition.id).toBe('definitions-ordinary');
    expect(definition.processes.map((p) => p.id)).toEqual(['process-ordinary']);
    expect(process.isExecutable).toBe(true);
    expect(process.childNodeIds).toContain('sub-review');
    expect(process.childNodeIds).not.toContain('task-review');
  });

  it('derives incoming and outgoing flows from sourceRef and targetRef', async () => {
    // given / when
    const { process } = await parseOrdinary();
    // then
    expect(process.nodes['task-check'].incoming).toEqual(['flow-start-to-check', 'flow-documents-to-check']);
    expect(process.nodes['gw-complete'].outgoing).toEqual(['flow-complete', 'flow-incomplete']);
    expect(process.nodes['gw-complete'].defaultFlowId).toBe('flow-incomplete');
  });

  it('keeps a condition verbatim and marks "= expr" as FEEL', async () => {
    // given / when
    const { process } = await parseOrdinary();
    // then
    expect(process.flows['flow-complete'].condition).toEqual({ body: '= complete = true', language: 'feel' });
    expect(process.flows['flow-incomplete'].condition).toBeUndefined();
  });

  it('flattens sub-process nodes with the sub-process as their scope', async () => {
    // given / when
    const { process } = await parseOrdinary();
    // then
    expect(process.nodes['task-review'].scopeId).toBe('sub-review');
    expect(process.nodes['sub-review'].childNodeIds).toEqual(['sub-start', 'task-review', 'sub-end', 'event-sub-recall']);
    expect(process.nodes['event-sub-recall'].triggeredByEvent).toBe(true);
    expect(process.nodes['event-sub-start'].isInterrupting).toBe(false);
    expect(process.flows['flow-sub-start-to-review'].scopeId).toBe('sub-review');
  });

  it('links boundary events to their activity both ways', async () => {
    // given / when
    const { process } = await parseOrdinary();
    // then
    expect(process.nodes['boundary-timer'].attachedToRef).toBe('sub-review');
    expect(process.nodes['boundary-timer'].cancelActivity).toBe(false);
    expect(process.nodes['boundary-error'].cancelActivity).toBe(true);
    expect(process.nodes['sub-review'].boundaryEventIds).toEqual(['boundary-timer', 'boundary-error']);
  });

  it('resolves message, signal, error and escalation references to names and codes', async () => {
    // given / when
    const { definition, process } = await parseOrdinary();
    // then
    expect(process.nodes['catch-documents'].eventDefinitions).toEqual([
      { type: 'message', messageRef: 'message-documents', messageName: 'documentsReceived' },
    ]);
    expect(process.nodes['event-sub-start'].eventDefinitions).toEqual([{ type: 'signal', signalRef: 'signal-recall', signalName: 'recall' }]);
    expect(process.nodes['boundary-error'].eventDefinitions).toEqual([{ type: 'error', errorRef: 'error-rejected', errorCode: 'REJECTED' }]);
    expect(process.nodes['event-sub-end'].eventDefinitions).toEqual([
      { type: 'escalation', escalationRef: 'escalation-late', escalationCode: 'LATE' },
    ]);
    expect(process.nodes['end-rejected'].eventDefinitions).toEqual([{ type: 'terminate' }]);
    expect(definition.errors['error-rejected']).toEqual({ id: 'error-rejected', name: 'Rejected', code: 'REJECTED' });
  });

  it('keeps the ISO 8601 text of a timer', async () => {
    // given / when
    const { process } = await parseOrdinary();
    // then
    const [timer] = process.nodes['boundary-timer'].eventDefinitions ?? [];
    expect(timer).toMatchObject({ type: 'timer', timeDuration: { body: 'P2D' } });
  });

  it('reads multi-instance and standard loop characteristics', async () => {
    // given / when
    const { process } = await parseOrdinary();
    // then
    expect(process.nodes['sub-review'].loop).toEqual({
      type: 'multiInstance',
      isSequential: true,
      completionCondition: { body: 'nrOfCompletedInstances >= 2', language: 'feel' },
      inputCollection: { body: '${reviewers}', language: 'juel' },
      inputElement: 'reviewer',
    });
    expect(process.nodes['call-registration'].loop).toEqual({
      type: 'standardLoop',
      loopCondition: { body: '= retry', language: 'feel' },
      testBefore: true,
      loopMaximum: 3,
    });
  });

  it('reads call activity mappings from camunda:in and camunda:out', async () => {
    // given / when
    const { process } = await parseOrdinary();
    // then
    const call = process.nodes['call-registration'];
    expect(call.calledElement).toBe('process-registration');
    expect(call.inputMappings).toEqual([{ source: { body: 'dossierCode', language: 'feel' }, target: 'code' }]);
    expect(call.inputAllVariables).toBe(true);
    expect(call.outputMappings).toEqual([{ source: { body: 'registrationNumber', language: 'feel' }, target: 'registrationNumber' }]);
  });

  it('reads handler names, scripts and result variables', async () => {
    // given / when
    const { process } = await parseOrdinary();
    // then
    expect(process.nodes['task-notify'].handler).toBe('${notifier.send()}');
    expect(process.nodes['task-notify'].resultVariable).toBe('notified');
    expect(process.nodes['task-script'].script).toEqual({ format: 'javascript', body: 'next(null, 100);' });
    expect(process.nodes['task-script'].resultVariable).toBe('fee');
  });

  it('keeps foreign extension elements and attributes as plain data on the node', async () => {
    // given / when
    const { process } = await parseOrdinary();
    // then
    expect(process.nodes['call-registration'].foreignExtensions).toContainEqual({ type: 'camunda:in', attributes: { variables: 'all' } });
    expect(process.nodes['task-notify'].foreignAttributes).toEqual({
      'camunda:expression': '${notifier.send()}',
      'camunda:resultVariable': 'notified',
    });
  });

  it('produces plain data that survives JSON', async () => {
    // given
    const { definition } = await parseOrdinary();
    // when
    const copy = JSON.parse(JSON.stringify(definition)) as ProcedureDefinition;
    // then
    expect(copy).toEqual(definition);
  });
});

describe('parseProcedure on documents that are not BPMN', () => {
  it('reports XML that is not well-formed instead of throwing', async () => {
    // given
    const xml = '<bpmn:definitions id="broken-root" xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process>';
    // when
    const { definition, issues } = await parseProcedure(xml);
    // then
    expect(definition).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: 'XML_NOT_WELL_FORMED', elementId: 'broken-root', severity: 'error' })]);
  });

  it('reports a root in the pre-final BPMN namespace as not BPMN', async () => {
    // given
    const xml = '<definitions id="old-namespace" xmlns="http://schema.omg.org/spec/BPMN/2.0"><process id="p"/></definitions>';
    // when
    const { definition, issues } = await parseProcedure(xml);
    // then
    expect(definition).toBeUndefined();
    expect(issues[0]).toMatchObject({ code: 'NOT_BPMN', elementId: 'old-namespace' });
    expect(issues[0].message).toContain('http://schema.omg.org/spec/BPMN/2.0');
  });

  it('reports an empty document', async () => {
    // given / when
    const { definition, issues } = await parseProcedure('');
    // then
    expect(definition).toBeUndefined();
    expect(issues.map((issue) => issue.code)).toEqual(['XML_NOT_WELL_FORMED']);
  });
});
