// Lint = the dependency direction of STYLE.md, checked mechanically (as temporal's sdk-typescript does).
// Import cycles are checked by dpdm in `npm run lint` (eslint-plugin-import-x needs native bindings the lock cannot pin for every platform).
import tseslint from 'typescript-eslint';

const engineForbidden = {
  paths: [
    { name: 'mongoose', message: 'engine/ has no I/O: persistence goes through the ports in engine/src/ports.ts' },
    { name: 'mongodb', message: 'engine/ has no I/O: persistence goes through the ports in engine/src/ports.ts' },
    { name: 'hono', message: 'engine/ knows nothing of HTTP' },
  ],
  patterns: [
    { group: ['node:*'], message: 'engine/ runs in the browser too: no node: modules' },
    { group: ['hono/*', '@hono/*', 'mongoose/*', 'mongodb/*'], message: 'engine/ has no I/O' },
    { group: ['**/server/**', '**/modeler/**', '**/tests/**'], message: 'engine/ depends on nothing of ours' },
  ],
};

const noServer = {
  patterns: [{ group: ['**/server/**', '**/server/src/**'], message: 'nothing imports server/ but its entry and the tests' }],
};

/** The emulator is a separate program: the server starts its bin/mongod as mongodb-memory-server starts a mongod. */
const noEmulatorSource = { group: ['**/mongo-emulator/**'], message: 'the emulator is started as a binary (mongo-emulator/bin/mongod), never imported' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'modeler/dist/**', '.data/**', 'bench/results/**', 'tests/fixtures/lint-violation/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', engineForbidden],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'time enters the engine through the Clock port' },
        { object: 'process', property: 'env', message: 'only server/src/main.ts reads process.env' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'timers are persisted dueAt values, never setTimeout' },
        { name: 'setInterval', message: 'timers are persisted dueAt values, never setInterval' },
        { name: 'process', message: 'engine/ does not touch the process' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'the current time comes from the Clock port' },
        { selector: "CallExpression[callee.name='eval']", message: 'expressions go through FEEL, never eval' },
        { selector: "NewExpression[callee.name='Function']", message: 'expressions go through FEEL, never new Function' },
      ],
    },
  },
  {
    // Benchmarks, like tests, may measure the server's adapters; the front end, the library data and the emulator may not.
    files: ['modeler/**/*.ts', 'modeler/**/*.tsx', 'procedures/**/*.ts', 'mongo-emulator/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noServer] },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/src/persistence/mongo/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'mongoose', message: 'mongoose lives only in server/src/persistence/mongo/' }], patterns: [noEmulatorSource] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'only server/src/main.ts reads process.env' }],
    },
  },
  {
    files: ['server/src/persistence/mongo/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEmulatorSource] }] },
  },
  {
    // The rooms that decide (dossiers, clocks and timers, statistics, calendars, outbox, incidents, documents) know
    // nothing of HTTP: they refuse with refusal.ts, read the command's key from command-key.ts, and http/ answers;
    // nor of an adapter: they load and save through ports (routes → use cases → ports ← adapters).
    files: ['server/src/{dossiers,sweeper,statistics,calendars,outbox,incidents,documents}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'mongoose', message: 'mongoose lives only in server/src/persistence/mongo/' },
          { name: 'hono', message: 'the deciding rooms know nothing of HTTP: routes/ and http/ do' },
        ],
        patterns: [
          { group: ['**/http/*', '**/routes/*'], message: 'the deciding rooms know nothing of HTTP: throw a Refusal (server/src/refusal.ts); http/ maps it to a problem' },
          { group: ['hono/*', '@hono/*'], message: 'the deciding rooms know nothing of HTTP' },
          { group: ['**/persistence/*', '**/persistence/**'], message: 'the deciding rooms use the ports (stores.ts, the room\'s own *-store.ts); main.ts chooses the adapter' },
          noEmulatorSource,
        ],
      }],
    },
  },
  {
    // The two entries: the server, and the command that creates the first administrator on its database.
    files: ['server/src/main.ts', 'server/src/create-admin.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
