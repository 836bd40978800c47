/** @module describeProcedureStoreContract — what every ProcedureStore adapter must do. */
import { describe, expect, it } from 'vitest';
import type { ProcedureDefinition } from '../../engine/src/index';
import type { ProcedureRecord, Stores } from '../../server/src/stores';

function aProcedure(key: string, overrides: Partial<ProcedureRecord> = {}): Omit<ProcedureRecord, 'version'> {
  const definition: ProcedureDefinition = {
    id: `defs-${key}`,
    processes: [{ id: 'process', isExecutable: true, nodes: {}, flows: {}, lanes: {}, childNodeIds: [] }],
    messages: {},
    signals: {},
    errors: {},
    escalations: {},
  };
  return {
    key,
    name: `Thủ tục ${key}`,
    procedureCode: '1.009664',
    xml: `<bpmn:definitions id="defs-${key}"/>`,
    definition,
    deployedAt: 1_700_000_000_000,
    deployedBy: 'admin',
    ...overrides,
  };
}

export function describeProcedureStoreContract(adapter: string, makeStores: () => Promise<Stores>): void {
  describe(`ProcedureStore contract (${adapter})`, () => {
    it('deploys a new key as version 1 and the next two deploys as versions 2 and 3', async () => {
      // given
      const { procedures } = await makeStores();
      // when
      const deployed = [];
      for (let i = 0; i < 3; i += 1) deployed.push(await procedures.deploy(aProcedure('dang-ky-kinh-doanh')));
      // then
      expect(deployed.map((record) => record.version)).toEqual([1, 2, 3]);
      expect(deployed[2]).toMatchObject({ key: 'dang-ky-kinh-doanh', name: 'Thủ tục dang-ky-kinh-doanh' });
    });

    it('gives ten concurrent deploys of one key the distinct versions 1 to 10', async () => {
      // given
      const { procedures } = await makeStores();
      // when
      const deployed = await Promise.all(
        Array.from({ length: 10 }, (_, i) => procedures.deploy(aProcedure('cap-phep', { deployedBy: `admin-${i}` }))),
      );
      // then
      expect(deployed.map((record) => record.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await procedures.latest('cap-phep'))?.version).toBe(10);
    });

    it('returns one version by key and number, with its XML and definition, and nothing for an unknown version', async () => {
      // given
      const { procedures } = await makeStores();
      await procedures.deploy(aProcedure('ho-tich', { xml: '<v1/>' }));
      await procedures.deploy(aProcedure('ho-tich', { xml: '<v2/>' }));
      // when
      const first = await procedures.get('ho-tich', 1);
      const missing = await procedures.get('ho-tich', 3);
      // then
      expect(first).toEqual({ ...aProcedure('ho-tich', { xml: '<v1/>' }), version: 1 });
      expect(missing).toBeUndefined();
    });

    it('returns the newest version as the latest, and nothing for a key never deployed', async () => {
      // given
      const { procedures } = await makeStores();
      await procedures.deploy(aProcedure('ho-tich', { name: 'old' }));
      await procedures.deploy(aProcedure('ho-tich', { name: 'new' }));
      // when
      const latest = await procedures.latest('ho-tich');
      const unknown = await procedures.latest('khong-co');
      // then
      expect(latest).toMatchObject({ version: 2, name: 'new' });
      expect(unknown).toBeUndefined();
    });

    it('lists every version of one key newest first, without the XML and the definition', async () => {
      // given
      const { procedures } = await makeStores();
      for (let i = 0; i < 3; i += 1) await procedures.deploy(aProcedure('dat-dai'));
      await procedures.deploy(aProcedure('other'));
      // when
      const versions = await procedures.listVersions('dat-dai');
      // then
      expect(versions.map((summary) => summary.version)).toEqual([3, 2, 1]);
      expect(versions[0]).not.toHaveProperty('xml');
      expect(versions[0]).not.toHaveProperty('definition');
      expect(await procedures.listVersions('khong-co')).toEqual([]);
    });

    it('lists the latest version of every procedure once, by key', async () => {
      // given
      const { procedures } = await makeStores();
      await procedures.deploy(aProcedure('b-key'));
      await procedures.deploy(aProcedure('a-key'));
      await procedures.deploy(aProcedure('b-key'));
      // when
      const latest = await procedures.listLatest();
      // then
      expect(latest.map(({ key, version }) => ({ key, version }))).toEqual([
        { key: 'a-key', version: 1 },
        { key: 'b-key', version: 2 },
      ]);
      expect(latest[0]).not.toHaveProperty('xml');
    });

    it('hands out copies: changing a returned record does not change the stored one', async () => {
      // given
      const { procedures } = await makeStores();
      const deployed = await procedures.deploy(aProcedure('copy'));
      // when
      deployed.name = 'changed';
      deployed.definition.messages['m'] = { id: 'm' };
      // then
      const stored = await procedures.get('copy', 1);
      expect(stored?.name).toBe('Thủ tục copy');
      expect(stored?.definition.messages).toEqual({});
    });

    it('retires every version of a key and restores them, the reads by key carrying the retirement and the read of one version not', async () => {
      // given two versions of one key and another key
      const { procedures } = await makeStores();
      await procedures.deploy(aProcedure('bo-thu-tuc'));
      await procedures.deploy(aProcedure('bo-thu-tuc'));
      await procedures.deploy(aProcedure('con-dung'));
      const retirement = { at: 1_750_000_000_000, by: 'u-analyst', reason: 'Bãi bỏ theo Quyết định 123/QĐ-UBND' };
      // when the key is retired
      const changed = await procedures.setRetirement('bo-thu-tuc', retirement);
      // then both its versions are, the other key is not, and a version read as deployed carries none
      expect(changed).toBe(2);
      expect((await procedures.latest('bo-thu-tuc'))?.retirement).toEqual(retirement);
      expect((await procedures.listVersions('bo-thu-tuc')).map((version) => version.retirement)).toEqual([retirement, retirement]);
      expect((await procedures.listLatest()).map(({ key, retirement: retired }) => ({ key, retired: retired !== undefined }))).toEqual([
        { key: 'bo-thu-tuc', retired: true },
        { key: 'con-dung', retired: false },
      ]);
      expect(await procedures.get('bo-thu-tuc', 1)).not.toHaveProperty('retirement');
      // when it is restored, and an unknown key is retired
      expect(await procedures.setRetirement('bo-thu-tuc', undefined)).toBe(2);
      expect(await procedures.setRetirement('khong-co', retirement)).toBe(0);
      // then no version carries a retirement any more
      expect(await procedures.latest('bo-thu-tuc')).not.toHaveProperty('retirement');
      expect((await procedures.listVersions('bo-thu-tuc')).some((version) => version.retirement)).toBe(false);
    });
  });
}
