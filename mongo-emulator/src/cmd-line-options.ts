/** @module parseCmdLineOptions: the subset of mongod's command-line flags the emulator understands; others are refused. */

export interface CmdLineOptions {
  port: number;
  bindIp: string;
  dbpath: string | undefined;
  storageEngine: string;
  replSet: string | undefined;
  auth: boolean;
  setParameters: Record<string, string>;
  /** The flags as given, for getCmdLineOpts. */
  argv: string[];
}

/** Flags that take a value, as mongod names them (mongod --help). */
const VALUE_FLAGS = new Set(['port', 'bind_ip', 'dbpath', 'storageEngine', 'replSet', 'setParameter', 'oplogSize', 'keyFile', 'wiredTigerCacheSizeGB', 'logpath', 'logappend', 'maxConns']);
/** Flags without a value that change nothing in memory but are accepted so mongodb-memory-server's usual sets work. */
const SWITCH_FLAGS = new Set(['noauth', 'auth', 'bind_ip_all', 'ipv6', 'quiet', 'nounixsocket', 'journal', 'nojournal', 'enableMajorityReadConcern']);

export class BadOptionsError extends Error {
  override readonly name = 'BadOptionsError';
}

/** Parses `--flag value` and `--flag=value`; an unknown flag is an error, as mongod exits with "unrecognised option". */
export function parseCmdLineOptions(argv: string[]): CmdLineOptions {
  const options: CmdLineOptions = { port: 27017, bindIp: '127.0.0.1', dbpath: undefined, storageEngine: 'wiredTiger', replSet: undefined, auth: false, setParameters: {}, argv };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new BadOptionsError(`Error parsing command line: too many positional options have been specified on the command line ('${arg}')`);
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (SWITCH_FLAGS.has(flag) && inline === undefined) {
      if (flag === 'auth') options.auth = true;
      if (flag === 'noauth') options.auth = false;
      if (flag === 'bind_ip_all') options.bindIp = '0.0.0.0';
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) throw new BadOptionsError(`Error parsing command line: unrecognised option '--${flag}'`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new BadOptionsError(`Error parsing command line: the required argument for option '--${flag}' is missing`);
    apply(options, flag, value);
  }
  return options;
}

function apply(options: CmdLineOptions, flag: string, value: string): void {
  switch (flag) {
    case 'port': {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BadOptionsError(`Error parsing command line: the argument ('${value}') for option '--port' is invalid`);
      options.port = port;
      break;
    }
    case 'bind_ip':
      options.bindIp = value.split(',')[0]!.trim();
      break;
    case 'dbpath':
      options.dbpath = value;
      break;
    case 'storageEngine':
      if (!['wiredTiger', 'ephemeralForTest', 'inMemory'].includes(value)) throw new BadOptionsError(`Error parsing command line: unknown storage engine '${value}'`);
      options.storageEngine = value;
      break;
    case 'replSet':
      options.replSet = value;
      break;
    case 'setParameter': {
      const [name, parameter] = value.split(/=(.*)/s, 2);
      if (!name || parameter === undefined) throw new BadOptionsError(`Error parsing command line: --setParameter expects name=value, got '${value}'`);
      options.setParameters[name] = parameter;
      break;
    }
    default:
      break;
  }
}
