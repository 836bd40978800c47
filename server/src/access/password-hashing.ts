/**
 * @module password-hashing — argon2id (RFC 9106) through `@node-rs/argon2`. The PHC string keeps its own salt and
 * costs, so raising the costs later does not break stored hashes.
 */
import { hash, verify } from '@node-rs/argon2';

export interface PasswordHashingOptions {
  /** Memory per hash in KiB. Default 19 MiB, t = 2, p = 1: the OWASP Password Storage Cheat Sheet minimum for argon2id. */
  memoryCostKiB?: number;
  timeCost?: number;
  parallelism?: number;
}

export interface PasswordHashing {
  /** A fresh PHC string `$argon2id$v=19$m=…,t=…,p=…$salt$hash` with a random 16-byte salt. */
  hashPassword(password: string): Promise<string>;
  /** True when `password` matches `passwordHash`; false for a wrong password or a hash that is not a PHC string. */
  verifyPassword(passwordHash: string, password: string): Promise<boolean>;
  /**
   * Spends the time of one verification and answers false. Sign-in calls it for unknown usernames so that the
   * answer time does not reveal which usernames exist.
   */
  verifyNothing(password: string): Promise<false>;
}

/** `Algorithm.Argon2id` of `@node-rs/argon2`; its enum is `const` and cannot be imported under isolatedModules. */
const ARGON2ID = 2;

export function createPasswordHashing(options: PasswordHashingOptions = {}): PasswordHashing {
  const costs = {
    algorithm: ARGON2ID,
    memoryCost: options.memoryCostKiB ?? 19_456,
    timeCost: options.timeCost ?? 2,
    parallelism: options.parallelism ?? 1,
  };
  let decoy: Promise<string> | undefined;

  const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
    if (!passwordHash.startsWith('$argon2id$')) return false;
    try {
      // The comparison of the derived key is constant-time inside the argon2 crate (`subtle`).
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  };

  return {
    hashPassword: (password) => hash(password, costs),
    verifyPassword,
    async verifyNothing(password) {
      decoy ??= hash('decoy password, never matched', costs);
      await verifyPassword(await decoy, password);
      return false;
    },
  };
}
