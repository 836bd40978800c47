/** @module role — the five roles of the people who use Liên thông (DOMAIN.md "Who uses it"). */

/**
 * - `administrator` manages users, agencies and working calendars;
 * - `analyst` models and deploys procedures;
 * - `official` receives dossiers and acts on the steps routed to their unit;
 * - `headOfUnit` does what an official does and also reassigns work in their unit and reads its statistics;
 * - `supervisor` reads dossiers and statistics within a scope of agencies, and acts on nothing.
 */
export type Role = 'administrator' | 'analyst' | 'official' | 'headOfUnit' | 'supervisor';

export const ROLES: readonly Role[] = ['administrator', 'analyst', 'official', 'headOfUnit', 'supervisor'];
