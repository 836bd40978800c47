/** @module acquireDbpathLock: one emulator per --dbpath at a time, as mongod's `mongod.lock`. */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DbpathInUseError extends Error {
  override readonly name = 'DbpathInUseError';
}

/** Whether `pid` is a live emulator (on Linux its command line names this folder; elsewhere: alive at all). */
function isLiveEmulator(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('mongo-emulator');
  } catch {
    return true;
  }
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes our pid to `<dbpath>/mongod.lock`, created exclusively. A lock left by a dead process (SIGKILL) is taken
 * over; one held by a live emulator is waited for up to `waitMs`: after its parent was SIGKILLed,
 * mongodb-memory-server's watchdog stops the old emulator within about 2 s, while a restart may already be here.
 * Returns the release function (removes the lock; called on a clean exit).
 */
export async function acquireDbpathLock(dbpath: string, waitMs = 10_000): Promise<() => void> {
  const lockPath = join(dbpath, 'mongod.lock');
  const startedAt = Date.now();
  const deadline = startedAt + waitMs;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        if (readHolder(lockPath) === process.pid) unlinkSync(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockPath);
    // An empty lock is one being written this instant (created, pid not yet in it): give its writer a moment.
    if (holder === undefined && Date.now() < startedAt + 500) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    if (holder === undefined || !isLiveEmulator(holder)) {
      try {
        unlinkSync(lockPath);
      } catch {
        // another starter removed it first; try again
      }
      continue;
    }
    if (Date.now() > deadline) throw new DbpathInUseError(`Unable to lock the lock file: ${lockPath} (held by pid ${holder}). Another mongod instance is already running on the dbpath`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
