/** @module model — BPMN XML → ProcedureDefinition (plain data) and validation issues; the only importer of bpmn-moddle. */
export * from './procedure-definition';
export { parseProcedure, type ParseResult } from './parse-procedure';
export { lienthongDescriptor, LIENTHONG_URI } from './lienthong-descriptor';
export { checkFeelExpression } from './check-feel-expression';
export { validateProcedure, validationRules, type ValidationRule } from './validate-procedure';
export { validateBoundaryEvents } from './validate-boundary-events';
export { validateBudgets } from './validate-budgets';
export { validateDeadEnds } from './validate-dead-ends';
export { validateExpressions } from './validate-expressions';
export { validateGateways } from './validate-gateways';
export { validateReachability } from './validate-reachability';
export { validateSequenceFlows } from './validate-sequence-flows';
export { validateStartEvents } from './validate-start-events';
export { validateStepAssignments } from './validate-step-assignments';
export { validateUnsupportedElements } from './validate-unsupported-elements';
export { exportProcedureXml, roundTripXml, type RoundTrip } from './export-procedure-xml';
export { readXmlInventory, type XmlInventory } from './read-xml-inventory';
