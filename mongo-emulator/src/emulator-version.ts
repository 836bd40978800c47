/** @module EMULATOR_VERSION: the mongod version the emulator reports (--version, buildInfo), and its wire versions. */

export const EMULATOR_VERSION = '8.0.4';

/** MongoDB 8.0 speaks wire version 25 (driver specs: "Wire version" table): the first with `bulkWrite` across collections. */
export const MAX_WIRE_VERSION = 25;

/** Said wherever a human may look: this process is not MongoDB. */
export const EMULATOR_NOTICE = 'MongoDB wire-protocol EMULATOR (mingo + bson; data in memory, or durable under --dbpath): this is NOT MongoDB; for development and tests only';
