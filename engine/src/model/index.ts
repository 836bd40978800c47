/** @module model — BPMN XML → ProcedureDefinition (plain data) and validation issues; the only importer of bpmn-moddle. */
export * from './procedure-definition';
export { parseProcedure, type ParseResult } from './parse-procedure';
export { lienthongDescriptor, LIENTHONG_URI } from './lienthong-descriptor';
export { validateProcedure, validationRules, type ValidationRule } from './validate-procedure';
