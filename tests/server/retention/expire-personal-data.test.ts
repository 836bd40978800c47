/** Which part of a closed dossier is personal data (issue 18 item 6), on the e-form schema's `x-personal` marks. */
import { describe, expect, it } from 'vitest';
import { expirePersonalData } from '../../../server/src/retention/expire-personal-data';
import type { DossierRecord } from '../../../server/src/stores';

const dossier = (form: Record<string, unknown>): DossierRecord => ({
  id: 'd1',
  rev: 3,
  dossierCode: 'ttpvhcc-250303-0001',
  procedureKey: 'p',
  procedureVersion: 1,
  agencyId: 'ttpvhcc',
  status: 10,
  channel: 1,
  applicant: { name: 'Trần Văn Dân', idNumber: '001085012345', phone: '0912345678' },
  form,
  instance: { variables: form },
  state: { clock: 'kept' },
  createdAt: 1,
  updatedAt: 2,
});

describe('the personal data of a closed dossier', () => {
  it('takes the marked fields at any depth, item by item in lists, and keeps the others', () => {
    // given a schema marking the owner's ID number inside an object and each member's name inside a list
    const schema = JSON.stringify({
      type: 'object',
      properties: {
        capital: { type: 'number' },
        owner: { type: 'object', properties: { idNumber: { type: 'string', 'x-personal': true }, kind: { type: 'string' } } },
        members: { type: 'array', items: { type: 'object', properties: { name: { type: 'string', 'x-personal': true }, share: { type: 'number' } } } },
      },
    });
    // when
    const { kept, personal } = expirePersonalData(dossier({ capital: 5, owner: { idNumber: '001085012345', kind: 'person' }, members: [{ name: 'An', share: 60 }, { name: 'Bình', share: 40 }] }), schema);
    // then
    expect(kept.form).toEqual({ capital: 5, owner: { kind: 'person' }, members: [{ share: 60 }, { share: 40 }] });
    expect(personal.form).toEqual({ owner: { idNumber: '001085012345' }, members: [{ name: 'An' }, { name: 'Bình' }] });
    expect(kept.applicant).toEqual({ name: '', idNumber: '' });
    expect(personal.applicant.phone).toBe('0912345678');
    expect(kept.instance).toBeUndefined();
    expect(kept).toMatchObject({ status: 10, rev: 3, state: { clock: 'kept' }, updatedAt: 2 });
  });

  it('takes the whole e-form when its schema marks no field, or does not parse', () => {
    for (const schema of [JSON.stringify({ type: 'object', properties: { ownerName: { type: 'string' } } }), '{not json', undefined]) {
      const { kept, personal } = expirePersonalData(dossier({ ownerName: 'Trần Văn Dân' }), schema);
      expect(kept.form).toEqual({});
      expect(personal.form).toEqual({ ownerName: 'Trần Văn Dân' });
    }
  });
});
