/** @module EMULATOR_VERSION: the mongod version the emulator reports (--version, buildInfo), and its wire versions. */

export const EMULATOR_VERSION = '7.0.14';

/** MongoDB 7.0 speaks wire version 21 (driver specs: "Wire version" table). */
export const MAX_WIRE_VERSION = 21;

/** Said wherever a human may look: this process is not MongoDB. */
export const EMULATOR_NOTICE = 'MongoDB wire-protocol EMULATOR (mingo + bson; data in memory, or durable under --dbpath): this is NOT MongoDB; for development and tests only';
