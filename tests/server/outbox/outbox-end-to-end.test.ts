/**
 * From a dossier worked through the API to the receivers: everything the dossier core recorded in the outbox reaches
 * a local webhook receiver exactly as recorded and in order, and the national portal gets each status change and
 * progress record in its field names.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDossierSyncSource } from '../../../server/src/outbox/dossier-sync-source';
import { createNationalPortalConsumer } from '../../../server/src/outbox/national-portal-consumer';
import { createOutboxDeliverer } from '../../../server/src/outbox/outbox-deliverer';
import { createWebhookConsumer } from '../../../server/src/outbox/webhook-consumer';
import { MemoryOutboxStore } from '../../../server/src/persistence/memory/memory-outbox-store';
import { complete, createDossierTestApp, openStepOf, receive } from '../dossiers/dossier-fixture';
import { startLocalReceiver, type LocalReceiver } from './local-receiver';

let hooks: LocalReceiver;
let portalReceiver: LocalReceiver;
beforeEach(async () => {
  hooks = await startLocalReceiver('/hook');
  portalReceiver = await startLocalReceiver('/portal');
});
afterEach(async () => {
  await hooks.close();
  await portalReceiver.close();
});

describe('outbox from the dossier core to the receivers', () => {
  it('delivers every recorded entry of a received and handed-over dossier exactly as recorded, in order', async () => {
    // given a dossier received at the counter and its first step completed
    const webhook = createWebhookConsumer({ url: hooks.url, secret: 'end-to-end-secret-0123456789' });
    let portal = createNationalPortalConsumer({ url: portalReceiver.url });
    const outbox = new MemoryOutboxStore([webhook.name, portal.name]);
    const t = await createDossierTestApp({ outbox });
    const dossier = await receive(t);
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    // The portal acknowledges each message (national-portal-mapping.ts syncReply): a bare 200 is not a delivery.
    portalReceiver.answer = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error_code: 0, message: 'Thành công' }) });
    portal = createNationalPortalConsumer({ url: portalReceiver.url, dossierOf: createDossierSyncSource({ dossiers: t.stores.dossiers, procedures: t.stores.procedures, attachments: t.attachments }) });
    const deliverer = createOutboxDeliverer({ outbox, consumers: [webhook, portal], clock: t.clock, owner: 'server-1' });
    // when
    while ((await deliverer.deliverOnce()) > 0);
    // then the webhook got every entry, as recorded, in seq order
    const recorded = await outbox.listByDossier(dossier.id);
    expect(recorded.length).toBeGreaterThan(3);
    expect(hooks.received.map((request) => JSON.parse(request.body))).toEqual(recorded);
    // and the portal one message per status change or progress record, with the dossier's code and the recorded status
    const portalKinds = recorded.filter((entry) => entry.kind === 'dossier.status_changed' || entry.kind === 'dossier.progress_recorded');
    const messages = portalReceiver.received.map((request) => JSON.parse(request.body) as { IdGoiTin: string; MaHoSo: string; TrangThaiHoSo: string; SoGiayToChuHoSo: string });
    expect(messages.map((message) => message.IdGoiTin)).toEqual(portalKinds.map((entry) => entry.id));
    expect(new Set(messages.map((message) => message.MaHoSo))).toEqual(new Set([dossier.dossierCode]));
    expect(messages.map((message) => message.TrangThaiHoSo)).toEqual(portalKinds.map((entry) => String(entry.payload.status)));
    expect(messages.every((message) => message.SoGiayToChuHoSo === '001085012345')).toBe(true);
  });
});
