/** @module crudCommands: every document read and write command, gathered for the dispatcher. */
import type { CommandSpec } from './command-spec';
import { findAndModifyCommand } from './find-and-modify-command';
import { queryCommands } from './query-commands';
import { writeCommands } from './write-commands';

export const crudCommands: readonly CommandSpec[] = [...queryCommands, ...writeCommands, findAndModifyCommand];
