import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Long, MongoClient } from 'mongodb';
import { MongoMemoryServer } from 'mongodb-memory-server';
import { describe, expect, it } from 'vitest';
import { EMULATOR_VERSION, emulatorBinaryPath } from '../../mongo-emulator/src/index';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the emulator as a mongod binary', () => {
  it('prints mongod’s version line and build info for --version', () => {
    // when
    const result = spawnSync(emulatorBinaryPath(), ['--version'], { encoding: 'utf8' });
    // then
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`db version v${EMULATOR_VERSION}`);
    expect(result.stdout).toContain('Build Info: {');
  });

  it('refuses an unknown flag with an error exit', () => {
    // when
    const result = spawnSync(emulatorBinaryPath(), ['--port', '1', '--frobnicate'], { encoding: 'utf8' });
    // then
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unrecognised option '--frobnicate'");
  });

  it('says loudly it is an emulator, logs "Waiting for connections" and stops cleanly on SIGTERM', async () => {
    // given
    console.log('[emulator] MongoDB wire-protocol emulator in use');
    const port = await freePort();
    const dbpath = mkdtempSync(join(tmpdir(), 'emulator-startup-'));
    const child = spawn(emulatorBinaryPath(), ['--port', String(port), '--bind_ip', '127.0.0.1', '--dbpath', dbpath, '--storageEngine', 'wiredTiger', '--noauth'], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // when
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Waiting for connections')) resolve();
      });
    });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    // then
    const ready = stdout.split('\n').map((line) => (line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : {})).find((entry) => entry.id === 23016);
    expect(ready).toMatchObject({ s: 'I', c: 'NETWORK', msg: 'Waiting for connections', attr: { port } });
    expect(stderr).toContain('this is NOT MongoDB');
    expect(stdout).toContain('this is NOT MongoDB');
    expect(await exit).toBe(0);
    rmSync(dbpath, { recursive: true, force: true });
  });

  it('refuses writes until replSetInitiate, logs the transition to primary, and exits cleanly on the shutdown command', async () => {
    // given
    const port = await freePort();
    const child = spawn(emulatorBinaryPath(), ['--port', String(port), '--bind_ip', '127.0.0.1', '--replSet', 'rs-test'], { stdio: 'pipe' });
    let stdout = '';
    const logged = (text: string): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if (stdout.includes(text)) resolve();
        };
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          check();
        });
        check();
      });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await logged('Waiting for connections');
    const client = await MongoClient.connect(`mongodb://127.0.0.1:${port}/?directConnection=true&retryWrites=false`);
    try {
      // when
      const before = await client.db('x').collection('y').insertOne({ a: 1 }).catch((e: unknown) => e);
      await client.db('admin').command({ replSetInitiate: { _id: 'rs-test', members: [{ _id: 0, host: `127.0.0.1:${port}` }] } });
      await logged('"id":21331');
      const after = await client.db('x').collection('y').insertOne({ a: 1 });
      const hello = await client.db('admin').command({ hello: 1 });
      await client.db('admin').command({ shutdown: 1, force: true, timeoutSecs: 1 }).catch(() => undefined);
      // then
      expect(before).toMatchObject({ code: 10107 });
      expect(after.acknowledged).toBe(true);
      expect(hello).toMatchObject({ setName: 'rs-test', isWritablePrimary: true });
      expect(stdout).toContain('Transition to primary complete; database writes are now permitted');
      expect(await exit).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('runs standalone under mongodb-memory-server, where transactions are refused as by mongod', async () => {
    // given
    const server = await MongoMemoryServer.create({ binary: { systemBinary: emulatorBinaryPath(), version: EMULATOR_VERSION } });
    const client = await MongoClient.connect(server.getUri());
    try {
      // when
      const hello = await client.db('admin').command({ hello: 1 });
      const build = await client.db('admin').command({ buildInfo: 1 });
      const txn = await client.db('x').command({ insert: 'y', documents: [{}], txnNumber: Long.fromNumber(1) }).catch((e: unknown) => e);
      // then
      expect(hello).toMatchObject({ isWritablePrimary: true, maxWireVersion: 25, minWireVersion: 0, logicalSessionTimeoutMinutes: 30 });
      expect(hello.setName).toBeUndefined();
      expect(build.version).toBe(EMULATOR_VERSION);
      expect(txn).toMatchObject({ code: 20, message: 'Transaction numbers are only allowed on a replica set member or mongos' });
    } finally {
      await client.close();
      await server.stop();
    }
  });
});
