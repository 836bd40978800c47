/**
 * @module main — the server's entry: reads the environment (the only file that does), finds the database
 * (MONGODB_URI → mongodb-memory-server with a real mongod → the bundled wire-protocol emulator), serves the API and
 * the front end, seeds the procedure library, and shuts down cleanly on SIGTERM/SIGINT.
 */
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from './logger';
import { displayPath, startDatabase } from './persistence/mongo/start-database';
import { connectMongoose } from './persistence/mongo/connect-mongoose';
import { createMongoStores } from './persistence/mongo/create-mongo-stores';
import { noteTransactionOfRequest } from './command-key';
import { seedProcedures } from './seed/seed-procedures';
import { createMongoAccessStores } from './persistence/mongo/create-mongo-access-stores';
import { createDraftCollection } from './persistence/mongo/draft-model';
import { MongoDraftStore } from './persistence/mongo/mongo-draft-store';
import { seedDemoAccess } from './access/seed-demo-access';
import { createPasswordHashing } from './access/password-hashing';
import { decideDemoSeeding } from './access/decide-demo-seeding';
import { parseCitizenSignIn, parseSignInMethods } from './access/oidc-config';
import { parseSessionSecret } from './access/parse-session-secret';
import { parseSignInLimits } from './access/sign-in-throttle';
import { randomUUID } from 'node:crypto';
import { createDeadlineSweeper } from './sweeper/deadline-sweeper';
import { createMongoOutboxStore } from './persistence/mongo/mongo-outbox-store';
import { createGridFsAttachmentStore } from './persistence/mongo/gridfs-attachment-store';
import { MongoRetentionStore } from './persistence/mongo/mongo-retention-store';
import { parseOutboxConfig } from './outbox/outbox-config';
import { parsePortalCredentials } from './national-portal/portal-credentials';
import { createOutboxConsumers } from './outbox/create-outbox-consumers';
import { createOutboxDeliverer } from './outbox/outbox-deliverer';
import { createOutboxAlarm } from './outbox/outbox-alarm';
import { createUserDirectory } from './outbox/user-directory';
import { createDossierSyncSource } from './outbox/dossier-sync-source';
import { createMongoCalendarStore } from './persistence/mongo/mongo-calendar-store';
import { createStoredCalendarSource } from './calendars/stored-calendar-source';
import { MongoDossierFactsStore } from './persistence/mongo/mongo-dossier-facts-store';
import { rebuildRollups, rollupsOutdated } from './statistics/rebuild-rollups';
import { HeatmapNotifier } from './heatmap/heatmap-notifier';
import { pollDossierFacts } from './heatmap/poll-dossier-facts';
import { parsePublicInputConfig } from './http/public-input-config';
import { createSigningCertificateCollection } from './persistence/mongo/signing-certificate-model';
import { MongoSigningCertificateStore } from './persistence/mongo/mongo-signing-certificate-store';
import { parseSigningConfig } from './signatures/signing-config';
import { readCitizenChannelsFile } from './outbox/citizen-channels-config';
import { createCitizenMessageCollections } from './persistence/mongo/citizen-message-model';
import { MongoCitizenMessageStore } from './persistence/mongo/mongo-citizen-message-store';
import { parsePaymentConfig } from './payments/payment-config';
import { VnpayGateway } from './payments/vnpay-gateway';
import { createMongoPaymentOrderStore } from './persistence/mongo/mongo-payment-order-store';
import { createRefusalRefundConsumer } from './payments/refusal-refund-consumer';
import { createPaymentReconciler } from './payments/payment-reconciler';
import { parseProvinceConfig } from './tenancy/province-config';
import { inProvince, nationally, setHomeProvince } from './tenancy/province-scope';
import { runInEachProvince } from './tenancy/run-in-each-province';
import { parseRetentionConfig } from './retention/retention-config';
import { createRetentionSchedule } from './retention/retention-schedule';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

async function main(): Promise<void> {
  const env = process.env;
  const logger = createLogger({ level: env.LOG_LEVEL ?? 'info' });
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const clock = { now: () => Date.now() };
  const production = env.NODE_ENV === 'production';
  // Refuse a dangerous configuration before touching the database: a weak key in production, a mistyped SEED_DEMO.
  let accessConfig;
  try {
    accessConfig = {
      session: parseSessionSecret({ secret: env.SESSION_SECRET, production }),
      seedDemo: decideDemoSeeding({ seedDemo: env.SEED_DEMO, externalDatabase: Boolean(env.MONGODB_URI), production }),
      // The province's identity provider (OIDC_ISSUER, OIDC_CLIENT_ID, …) and LOCAL_PASSWORDS=off (oidc-config.ts).
      signInMethods: parseSignInMethods(env),
      // Citizens' electronic identity (CITIZEN_OIDC_ISSUER, …): "Hồ sơ của tôi" (oidc-config.ts).
      citizenSignIn: parseCitizenSignIn(env),
      // Ký số: SIGNING_KEY, SIGNING_TRUST_ANCHORS_FILE, SIGNING_LOCATION, CSC_SIGNING_URL/TOKEN (signing-config.ts).
      signing: parseSigningConfig(env),
      // Online fees: VNPAY_TMN_CODE, VNPAY_HASH_SECRET, VNPAY_PAYMENT_URL, VNPAY_API_URL, PAYMENT_RETURN_URL (payment-config.ts).
      payments: parsePaymentConfig(env),
      // Citizen messages through Zalo ZNS and brand-name SMS: the province's templates (citizen-channels-config.ts).
      citizenChannels: env.CITIZEN_CHANNELS_FILE ? readCitizenChannelsFile(env.CITIZEN_CHANNELS_FILE) : undefined,
      signInLimits: parseSignInLimits({ perUsername: env.SIGN_IN_FAILURES_PER_USERNAME, perAddress: env.SIGN_IN_FAILURES_PER_ADDRESS, windowMs: env.SIGN_IN_WINDOW_MS }),
      // The province of this deployment (PROVINCE_CODE), or the provinces of a national one (PROVINCES), and the ones
      // whose periodic jobs this process runs (SWEEP_PROVINCES): province-config.ts.
      provinces: parseProvinceConfig(env),
      // Retention: RETENTION_HASH_KEY (the ID numbers' keyed hash) and RETENTION_DAILY_AT (the daily run, which refuses
      // to start without the key): retention-config.ts.
      retention: parseRetentionConfig(env),
    };
  } catch (error) {
    process.stderr.write(`Liên thông cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  // Work outside any province acts in the home province; a national deployment has none, so nothing acts unscoped.
  setHomeProvince(accessConfig.provinces.homeProvince);
  const { provinces, sweepProvinces } = accessConfig.provinces;
  // Start-up work (seeding, rebuilding rollups) runs in each province; a failure there stops the start.
  const inEachProvince = <T>(work: (provinceCode: string) => Promise<T>) =>
    runInEachProvince(provinces, (provinceCode) => work(provinceCode!), (error) => {
      throw error;
    });

  // DATA_DIR (`.data` by default) holds the embedded database: `db/` for a real mongod, `emulator/` for the emulator.
  const databaseStarting = startDatabase({ uri: env.MONGODB_URI, dataDir: resolve(repoRoot, env.DATA_DIR ?? '.data'), logger });
  // The HTTP app's modules (about 2 s of loading) load while the embedded database starts in its own process.
  const { createApp } = await import('./create-app');
  const database = await databaseStarting;
  const databaseInfo = { backend: database.backend, durable: database.durable, ...(database.path ? { path: displayPath(database.path) } : {}) };
  const connection = await connectMongoose(database.uri, { dbName: env.MONGODB_DB ?? 'lienthong' });
  // Each transaction is noted on its request's Idempotency-Key: a retry after this process dies kills it (issue 13).
  const stores = await createMongoStores(connection, { noteTransaction: noteTransactionOfRequest });
  const access = await createMongoAccessStores(connection);
  // Demo users (password = user name) only where asked for: see decide-demo-seeding.ts. Their names are unique in the
  // whole deployment, so a national one seeds them in its first province.
  const signIns = accessConfig.seedDemo ? await inProvince(provinces[0]!, async () => await seedDemoAccess({ ...access, passwords: createPasswordHashing() })) : [];
  if (!accessConfig.seedDemo && (await nationally(async () => await access.users.list({ role: 'administrator' }))).every((user) => user.disabled)) {
    logger.warn('no administrator yet: create the first one with `npm run create-admin -- --username <name>` (docs/security.md)');
  }
  const sessionSecret = accessConfig.session.secret;
  if (accessConfig.session.warning) logger.warn(accessConfig.session.warning);

  const frontEndRoot = resolve(repoRoot, 'modeler/dist');
  if (!existsSync(resolve(frontEndRoot, 'index.html'))) {
    logger.warn({ frontEndRoot }, 'front end not built: run `npm run build:modeler` (npm install does it)');
  }
  // Outbound delivery: the national portal, webhooks, e-mail and the SMS/Zalo gateway, as configured (server/README.md).
  const attachments = await createGridFsAttachmentStore(connection);
  // Retention (issue 18 item 6): the expired dossiers' archive bundles in their own bucket, beside the attachments.
  const retention = { retention: new MongoRetentionStore(connection), archives: await createGridFsAttachmentStore(connection, { bucketName: 'archives' }) };
  const drafts = new MongoDraftStore(await createDraftCollection(connection));
  const signing = accessConfig.signing && { ...accessConfig.signing, certificates: new MongoSigningCertificateStore(await createSigningCertificateCollection(connection)) };
  const citizenMessages = new MongoCitizenMessageStore(await createCitizenMessageCollections(connection));
  const citizenChannels = accessConfig.citizenChannels;
  const consumers = createOutboxConsumers(
    parseOutboxConfig({
      portalUrl: env.PORTAL_URL,
      portalToken: env.PORTAL_TOKEN,
      webhookUrls: env.WEBHOOK_URLS,
      webhookSecret: env.WEBHOOK_SECRET,
      smtpUrl: env.SMTP_URL,
      smtpFrom: env.SMTP_FROM,
      smsGatewayUrl: env.SMS_GATEWAY_URL,
    }),
    {
      officials: createUserDirectory(access.users),
      dossierOf: createDossierSyncSource({ dossiers: stores.dossiers, procedures: stores.procedures, attachments }),
      ...(citizenChannels ? { citizenChannels: { config: citizenChannels, messages: citizenMessages, clock } } : {}),
    },
  );
  // Online fees: the orders, the gateway, and the refunds of refused dossiers as an outbox consumer.
  const paymentConfig = accessConfig.payments;
  const payments = paymentConfig && {
    orders: await createMongoPaymentOrderStore(connection),
    gateway: new VnpayGateway({ merchantCode: paymentConfig.merchantCode, secret: paymentConfig.secret, paymentUrl: paymentConfig.paymentUrl, apiUrl: paymentConfig.apiUrl, clock }),
    ...(paymentConfig.returnUrl ? { returnUrl: paymentConfig.returnUrl } : {}),
  };
  if (payments) consumers.push(createRefusalRefundConsumer({ payments: payments.orders, gateway: payments.gateway, clock }));
  const outbox = await createMongoOutboxStore(connection, { consumers: consumers.map((consumer) => consumer.name) });
  const calendarStore = await createMongoCalendarStore(connection);
  const calendars = createStoredCalendarSource(calendarStore);
  // The dashboard's read model and the live heatmap's change feed (other processes' changes arrive by polling).
  // The dashboard reads rollups kept in the database with each change (issue 18), not a copy of every fact in memory.
  const dashboard = { facts: await MongoDossierFactsStore.create(connection), heatmapChanges: new HeatmapNotifier() };
  await inEachProvince(async (provinceCode) => {
    if (!(await rollupsOutdated(dashboard.facts))) return;
    const rebuilt = await rebuildRollups({ calendars }, dashboard.facts);
    logger.info({ dossiers: rebuilt.dossiers, provinceCode }, 'dashboard rollups rebuilt from the facts');
  });
  const factsPoller = pollDossierFacts({
    facts: dashboard.facts,
    notifier: dashboard.heatmapChanges,
    clock,
    intervalMs: 2_000,
    provinces,
    onError: (error, provinceCode) => logger.warn({ err: error, provinceCode }, 'heatmap poll failed'),
  });
  const app = createApp({
    ...dashboard,
    // The provinces an anonymous request may name in X-Province-Code (access/request-province-scope.ts).
    provinces,
    stores,
    outbox,
    attachments,
    ...retention,
    ...(accessConfig.retention.hashKey ? { retentionHashKey: accessConfig.retention.hashKey } : {}),
    drafts,
    ...(signing ? { signing } : {}),
    ...(payments ? { payments } : {}),
    calendars,
    calendarStore,
    clock,
    logger,
    backend: database.backend,
    databaseDurability: databaseInfo,
    pingDatabase: async () => {
      await connection.db?.admin().ping();
    },
    frontEndRoot,
    access,
    sessionSecret,
    // Who may hand over dossiers submitted on the national portal (docs/national-portal.md).
    nationalPortal: { credentials: parsePortalCredentials(env.NATIONAL_PORTAL_CREDENTIALS) },
    // Failed sign-ins: SIGN_IN_FAILURES_PER_USERNAME (10) and SIGN_IN_FAILURES_PER_ADDRESS (30) per SIGN_IN_WINDOW_MS (15 min).
    signInLimits: accessConfig.signInLimits,
    signInMethods: accessConfig.signInMethods,
    ...(accessConfig.citizenSignIn ? { citizenSignIn: accessConfig.citizenSignIn } : {}),
    allowedOrigins: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : [],
    // What anonymous callers may send, and the proxies (TRUST_PROXY_HOPS) whose X-Forwarded-For entry names the client.
    ...parsePublicInputConfig({
      trustProxyHops: env.TRUST_PROXY_HOPS,
      formMaxBytes: env.FORM_MAX_BYTES,
      formMaxDepth: env.FORM_MAX_DEPTH,
      submissionsPer10Minutes: env.SUBMISSIONS_PER_10_MINUTES,
      lookupsPerMinute: env.LOOKUPS_PER_MINUTE,
    }),
    // How long a request whose process died keeps its Idempotency-Key locked (retries answer 409 meanwhile); 4 s by default.
    ...(env.IDEMPOTENCY_LOCK_MS ? { idempotencyLockMs: Number(env.IDEMPOTENCY_LOCK_MS) } : {}),
    // How long an outbox consumer may fail before the console, the dashboard and the log raise the alarm; 30 min by default.
    ...(env.OUTBOX_ALERT_AFTER_MS ? { outboxAlertAfterMs: Number(env.OUTBOX_ALERT_AFTER_MS) } : {}),
    citizenMessages,
    ...(citizenChannels ? { citizenChannels } : {}),
  });

  // Each province keeps its own copy of the procedure library, deployed and versioned there.
  const seeded = (await inEachProvince(async () => await seedProcedures({ stores, clock, logger, proceduresDir: resolve(repoRoot, 'procedures') })))[0] ?? [];

  // Deadlines are stored `dueAt` values; the sweeper only polls for what is due (several processes may run one each).
  const sweeper = createDeadlineSweeper({
    ...dashboard,
    stores,
    outbox,
    clock,
    calendars,
    newId: randomUUID,
    owner: `${host}:${port}:${process.pid}:${randomUUID()}`,
    intervalMs: Number(env.SWEEP_INTERVAL_MS ?? 5_000),
    provinces: sweepProvinces,
    // How long a claimed timer waits before another process may claim it (its claimer died); 30 s by default.
    ...(env.SWEEP_LEASE_MS ? { leaseMs: Number(env.SWEEP_LEASE_MS) } : {}),
    onError: (error, timerId, provinceCode) =>
      logger.warn({ err: error, provinceCode, ...(timerId ? { timerId } : {}) }, timerId ? 'deadline timer failed; retried after its lease' : 'deadline sweep of a province failed; its other provinces went on'),
  });
  sweeper.start();
  const deliverer = createOutboxDeliverer({
    outbox,
    consumers,
    clock,
    owner: `${host}:${port}:${process.pid}:${randomUUID()}`,
    pollIntervalMs: Number(env.OUTBOX_INTERVAL_MS ?? 2_000),
    provinces: sweepProvinces,
    // How long a leased delivery waits before another process may take it (its deliverer died); 30 s by default.
    ...(env.OUTBOX_LEASE_MS ? { leaseMs: Number(env.OUTBOX_LEASE_MS) } : {}),
    logger,
  });
  deliverer.start();
  // Orders whose IPN never came are asked about after PAYMENT_RECONCILE_AFTER_MINUTES; requested refunds are sent again.
  const reconciler =
    payments &&
    createPaymentReconciler({
      ...dashboard,
      stores,
      outbox,
      clock,
      calendars,
      newId: randomUUID,
      payments: payments.orders,
      gateway: payments.gateway,
      logger,
      pendingForMs: paymentConfig!.reconcileAfterMs,
      intervalMs: paymentConfig!.reconcileIntervalMs,
      provinces: sweepProvinces,
      onError: (error, orderId, provinceCode) => logger.warn({ err: error, provinceCode, ...(orderId ? { orderId } : {}) }, 'payment reconciliation failed; asked again later'),
    });
  reconciler?.start();
  logger.info({ consumers: consumers.map((consumer) => consumer.name), provinces: sweepProvinces }, 'outbox deliverer started');
  // One error line per consumer and province failing longer than OUTBOX_ALERT_AFTER_MS, checked every minute (outbox-alarm.ts).
  const alarms = new Map(
    sweepProvinces.map((provinceCode) => [
      provinceCode,
      createOutboxAlarm({ outbox, clock, logger: logger.child({ provinceCode }), ...(env.OUTBOX_ALERT_AFTER_MS ? { alertAfterMs: Number(env.OUTBOX_ALERT_AFTER_MS) } : {}) }),
    ]),
  );
  const checkAlarms = () =>
    runInEachProvince(sweepProvinces, (provinceCode) => alarms.get(provinceCode!)!.check(), (error, provinceCode) => logger.error({ err: error, provinceCode }, 'outbox alarm check failed'));
  const alarmTimer = setInterval(() => void checkAlarms(), 60_000);
  alarmTimer.unref();

  // --- Retention's daily run (issue 18 item 6), in each province from RETENTION_DAILY_AT, leased like the sweeper. ---
  const { hashKey: retentionHashKey, dailyAtMinute } = accessConfig.retention;
  const retentionSchedule =
    dailyAtMinute === undefined
      ? undefined
      : createRetentionSchedule({
          deps: { stores, ...retention, attachments, clock, hashKey: retentionHashKey },
          owner: `${host}:${port}:${process.pid}:${randomUUID()}`,
          atMinute: dailyAtMinute,
          provinces: sweepProvinces,
          onRun: (run) => logger.info(run, 'retention: the day’s run expired the dossiers due'),
          onError: (error, provinceCode) => logger.error({ err: error, provinceCode }, 'retention: the day’s run failed; tried again at the next poll'),
        });
  retentionSchedule?.start();
  // --- end of retention's daily run ---

  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const base = `http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}`;
    logger.info({ url: base, database: databaseInfo, procedures: seeded, provinces, sweepProvinces }, 'Liên thông is serving');
    process.stdout.write(
      [
        '',
        `  Liên thông is up on ${base}`,
        `    front end      ${base}/`,
        `    API            ${base}/api  (OpenAPI: ${base}/api/openapi.json)`,
        `    health         ${base}/health`,
        `    database       ${describeDatabase(databaseInfo)}`,
        `    provinces      ${describeProvinces(accessConfig.provinces)}`,
        '',
        ...(signIns.length > 0
          ? ['  Sign in with a demo user (password = user name; SEED_DEMO=0 to start without them):', ...signIns.map((signIn) => `    ${signIn.username.padEnd(22)} ${signIn.role}`)]
          : ['  No demo users (SEED_DEMO=1 seeds them). First administrator: npm run create-admin -- --username <name>']),
        '',
      ].join('\n') + '\n',
    );
  });

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await sweeper.stop();
    factsPoller.stop();
    clearInterval(alarmTimer);
    await deliverer.stop();
    reconciler?.stop();
    await retentionSchedule?.stop();
    await new Promise<void>((done) => server.close(() => done()));
    await connection.close();
    await database.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** The banner's provinces line: the home province, or a national deployment's provinces, and which this process sweeps. */
function describeProvinces(config: { homeProvince: string | undefined; provinces: string[]; sweepProvinces: string[] }): string {
  const served = config.homeProvince !== undefined ? `${config.homeProvince} (PROVINCE_CODE)` : `${config.provinces.join(', ')} (national: no home province)`;
  const swept = config.sweepProvinces.length === config.provinces.length ? '' : `; sweeps ${config.sweepProvinces.length > 0 ? config.sweepProvinces.join(', ') : 'none'}`;
  return served + swept;
}

/** The banner's database line: which backend, and whether (and where) the data outlives the process. */
function describeDatabase(info: { backend: string; durable: boolean; path?: string }): string {
  const kept = info.durable ? `durable${info.path ? ` in ${info.path}` : ''}` : 'in memory: lost when the process stops';
  return `${info.backend}  (${kept}${info.backend === 'emulator' ? '; the EMULATOR, not MongoDB' : ''})`;
}

main().catch((error: unknown) => {
  console.error('Liên thông failed to start:', error);
  process.exit(1);
});
