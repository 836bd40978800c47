/** @module deployedProcedureKeys — keys of the procedures deployed on the server, refreshed by the modeler view. */
export const deployedProcedureKeys = new Set<string>();
