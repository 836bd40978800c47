/**
 * @module create-admin — the command that creates the first administrator of a province (`--province 79`, else
 * PROVINCE_CODE, else the home province '00') or a national supervisor (`--national-supervisor`), who reads every
 * province and acts on none; the API can make neither. A second entry beside main.ts (and, like it, a reader of
 * process.env). It opens the database the server uses (MONGODB_URI, else the embedded one under
 * DATA_DIR: stop the server first, the embedded database has one owner) and reads the password from ADMIN_PASSWORD
 * or standard input, never from the command line, where `ps` and shell history would show it.
 *
 * @example
 * npm run create-admin -- --username quantri.tinh --display-name "Quản trị tỉnh" --agency 000.00.00.H10 --agency-name "UBND tỉnh"
 * npm run create-admin -- --province 79 --username quantri.hcm --agency 000.00.00.H29 --agency-name "UBND TP. Hồ Chí Minh"
 * npm run create-admin -- --national-supervisor --username giamsat.quocgia --agency vpcp --agency-name "Văn phòng Chính phủ"
 * printf '%s\n' "$PASSWORD" | npm run create-admin -- --username quantri.tinh --reset
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAdministrator, CreateAdministratorRefused } from './access/create-administrator';
import { createPasswordHashing } from './access/password-hashing';
import { HttpProblem } from './http/http-problem';
import { createLogger } from './logger';
import { connectMongoose } from './persistence/mongo/connect-mongoose';
import { createMongoAccessStores } from './persistence/mongo/create-mongo-access-stores';
import { startDatabase } from './persistence/mongo/start-database';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const USAGE = 'usage: npm run create-admin -- --username <name> [--province <two digits>] [--national-supervisor] [--display-name <name>] [--agency <id>] [--agency-name <name>] [--reset]\n' +
  'The password comes from ADMIN_PASSWORD or standard input (at least 12 characters, not the user name, not a common password).';

/** The first line of standard input; typed without echo when it is a terminal. */
async function readPassword(): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  if (terminal) process.stderr.write('Mật khẩu / password: ');
  // A terminal echoes through readline's output: a sink that drops it keeps the password off the screen.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: silent, terminal });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
    if (terminal) process.stderr.write('\n');
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      province: { type: 'string' },
      'national-supervisor': { type: 'boolean' },
      'display-name': { type: 'string' },
      agency: { type: 'string' },
      'agency-name': { type: 'string' },
      reset: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.username) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const password = process.env.ADMIN_PASSWORD ?? (await readPassword());

  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  const database = await startDatabase({ uri: process.env.MONGODB_URI, dataDir: resolve(repoRoot, process.env.DATA_DIR ?? '.data'), logger }); // as main.ts
  // An embedded database that keeps nothing after this process ends would lose the administrator at once: refuse.
  if ((database as { durable?: boolean }).durable === false) {
    await database.stop();
    process.stderr.write('The embedded database here keeps no data after this command ends: set MONGODB_URI, or use a build whose embedded database is durable.\n');
    return 1;
  }
  const connection = await connectMongoose(database.uri, { dbName: process.env.MONGODB_DB ?? 'lienthong' });
  try {
    const access = await createMongoAccessStores(connection);
    const { user, created } = await createAdministrator(
      { ...access, passwords: createPasswordHashing() },
      {
        username: values.username,
        password,
        provinceCode: values.province ?? (process.env.PROVINCE_CODE?.trim() || undefined),
        kind: values['national-supervisor'] ? 'nationalSupervisor' : 'administrator',
        displayName: values['display-name'],
        agencyId: values.agency,
        agencyName: values['agency-name'],
        reset: values.reset,
      },
    );
    const kind = user.supervisorScope === 'national' ? 'national supervisor' : 'administrator';
    process.stdout.write(`${created ? 'Created' : 'Reset'} ${kind} ${user.username} (${user.id}) of province ${user.provinceCode} at ${user.agencyId} on the ${database.backend} database.\n`);
    return 0;
  } catch (error) {
    if (error instanceof HttpProblem) process.stderr.write(`${error.detail ?? error.title}\n`);
    else if (error instanceof CreateAdministratorRefused) process.stderr.write(`${error.message}\n`);
    else throw error;
    return 1;
  } finally {
    await connection.close();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('create-admin failed:', error);
    process.exit(1);
  },
);
