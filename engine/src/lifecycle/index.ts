/** @module lifecycle — filled in by its issue; re-exported from engine/src/index.ts. */
export {};
