/** The SMS/Zalo gateway consumer: one signed `{ to, template, params, text }` per recipient with a phone number. */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxEntry } from '../../../server/src/outbox/outbox-payloads';
import { createSmsGatewayConsumer } from '../../../server/src/outbox/sms-gateway-consumer';
import { createUserDirectory } from '../../../server/src/outbox/user-directory';
import { createMemoryAccessStores } from '../../../server/src/persistence/memory/create-memory-access-stores';
import { seedDemoAccess } from '../../../server/src/access/seed-demo-access';
import { createPasswordHashing } from '../../../server/src/access/password-hashing';
import { startLocalReceiver, type LocalReceiver } from './local-receiver';
import { RECEIVED_AT } from './outbox-fixtures';

let receiver: LocalReceiver;
beforeEach(async () => {
  receiver = await startLocalReceiver('/sms');
});
afterEach(async () => {
  await receiver.close();
});

describe('SMS/Zalo gateway consumer', () => {
  it('sends the citizen a supplement request as to, template, params and an unaccented text, signed over the body', async () => {
    // given
    const gateway = createSmsGatewayConsumer({ url: receiver.url, secret: 'gateway-secret-0123456789' });
    const entry = createOutboxEntry({
      dossierId: 'd1',
      seq: 4,
      kind: 'notification.citizen',
      payload: { event: 'supplement.requested', dossierCode: 'ttpvhcc-250303-0011', applicant: { name: 'Nguyễn Văn An', phone: '0912345678' }, missing: ['Bản vẽ mặt bằng'] },
      createdAt: RECEIVED_AT,
    });
    // when
    await gateway.deliver({ ...entry, attempt: 1 });
    // then
    const [request] = receiver.received;
    expect(JSON.parse(request!.body)).toEqual({
      to: '0912345678',
      template: 'citizen.supplement.requested',
      params: { name: 'Nguyễn Văn An', dossierCode: 'ttpvhcc-250303-0011', procedureName: '', appointmentAt: '', missing: 'Bản vẽ mặt bằng', agencyName: '', reason: '' },
      text: 'Ho so ttpvhcc-250303-0011 can bo sung giay to. Vui long xem phieu yeu cau bo sung.',
    });
    expect(request!.headers['x-lienthong-signature']).toBe(`sha256=${createHmac('sha256', 'gateway-secret-0123456789').update(request!.body).digest('hex')}`);
  });

  it('tells the officials of the step\'s department about a new step, found in the user directory', async () => {
    // given
    const access = createMemoryAccessStores();
    await seedDemoAccess({ ...access, passwords: createPasswordHashing() });
    const official = await access.users.get('u-official-xaydung');
    await access.users.update({ ...official!, phone: '0987000111' });
    const gateway = createSmsGatewayConsumer({ url: receiver.url, officials: createUserDirectory(access.users) });
    const entry = createOutboxEntry({
      dossierId: 'd1',
      seq: 5,
      kind: 'notification.official',
      payload: { event: 'step.activated', dossierCode: 'ttpvhcc-250303-0011', stepName: 'Thẩm định hồ sơ', agencyId: 'so-xay-dung', departmentId: 'phong-quy-hoach', dueAt: RECEIVED_AT },
      createdAt: RECEIVED_AT,
    });
    // when
    await gateway.deliver({ ...entry, attempt: 1 });
    // then
    expect(receiver.received.map((request) => JSON.parse(request.body).to)).toEqual(['0987000111']);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ template: 'official.step.activated', text: 'Ho so ttpvhcc-250303-0011 cho xu ly, han 08:37 03/03/2025.' });
  });
});
