/** @module replicationCommands: replSetInitiate/GetStatus/GetConfig/Reconfig for a one-member replica set. */
import { Long, type Document } from 'bson';
import { CommandError } from './command-error';
import type { CommandContext, CommandSpec } from './command-spec';

function requireReplication({ emulator }: CommandContext): void {
  if (!emulator.replication.isReplicaSet) throw new CommandError({ code: 76, message: 'This node was not started with replication enabled.' });
}

function requireConfig(context: CommandContext): Document {
  requireReplication(context);
  const config = context.emulator.replication.config;
  if (!config) throw new CommandError({ code: 94, message: 'no replset config has been received' });
  return config;
}

/**
 * Only a one-member set whose name matches --replSet is accepted; the member becomes primary at once
 * and logs the line mongodb-memory-server waits for (id 21331).
 */
const replSetInitiate: CommandSpec = {
  name: 'replSetInitiate',
  fields: [],
  adminOnly: true,
  run(context) {
    requireReplication(context);
    const replication = context.emulator.replication;
    if (replication.config) throw new CommandError({ code: 23, message: 'already initialized' });
    const given = context.body.replSetInitiate;
    const requested: Document = typeof given === 'object' && given !== null ? (given as Document) : {};
    const name = (requested._id as string | undefined) ?? replication.setName;
    if (name !== replication.setName) {
      throw new CommandError({ code: 93, message: `Attempting to initiate a replica set with name ${name}, but command line reports ${replication.setName}; rejecting` });
    }
    const members = (requested.members as Document[] | undefined) ?? [{ _id: 0, host: replication.host }];
    if (members.length !== 1) throw new CommandError({ code: 93, message: 'The emulator runs one-member replica sets only' });
    const config = { ...requested, _id: name, version: 1, term: 1, protocolVersion: Long.fromNumber(1), members: [{ ...members[0], _id: members[0]!._id ?? 0, host: replication.host, arbiterOnly: false, buildIndexes: true, hidden: false, priority: 1, votes: 1, secondaryDelaySecs: Long.ZERO }] };
    replication.initiate(config);
    const log = context.emulator.log;
    setImmediate(() => {
      log.log({ component: 'REPL', id: 21358, ctx: 'ReplCoord-0', msg: 'Replica set state transition', attr: { newState: 'PRIMARY', oldState: 'SECONDARY' } });
      log.log({ component: 'REPL', id: 21331, ctx: 'OplogApplier-0', msg: 'Transition to primary complete; database writes are now permitted', attr: { term: 1 } });
    });
    return {};
  },
};

const replSetGetConfig: CommandSpec = {
  name: 'replSetGetConfig',
  fields: ['commitmentStatus', 'includeNewlyAdded'],
  adminOnly: true,
  run: (context) => ({ config: requireConfig(context) }),
};

const replSetReconfig: CommandSpec = {
  name: 'replSetReconfig',
  fields: ['force'],
  adminOnly: true,
  run(context) {
    requireConfig(context);
    const members = ((context.body.replSetReconfig as Document).members as Document[] | undefined) ?? [];
    if (members.length !== 1) throw new CommandError({ code: 93, message: 'The emulator runs one-member replica sets only' });
    return {};
  },
};

const replSetGetStatus: CommandSpec = {
  name: 'replSetGetStatus',
  fields: ['initialSync'],
  adminOnly: true,
  run(context) {
    const config = requireConfig(context);
    const replication = context.emulator.replication;
    const uptime = Math.floor((Date.now() - context.emulator.startedAt.getTime()) / 1000);
    const optime = { ts: replication.nextClusterTime(), t: Long.fromNumber(1) };
    return {
      set: config._id,
      date: new Date(),
      myState: 1,
      term: Long.fromNumber(1),
      members: [{ _id: 0, name: replication.host, health: 1, state: 1, stateStr: 'PRIMARY', uptime, optime, optimeDate: new Date(), self: true, electionTime: optime.ts }],
    };
  },
};

export const replicationCommands: readonly CommandSpec[] = [replSetInitiate, replSetGetConfig, replSetReconfig, replSetGetStatus];
