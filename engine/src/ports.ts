/**
 * @module ports — what the engine needs from outside, and the codes it shares with the national contract. The
 * engine does no I/O: time comes from a Clock; persistence is the server's (server/src/stores.ts).
 */

/** The only source of "now" inside the engine (as xstate's SimulatedClock / Zeebe's injected clock). */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** National status codes of a dossier (DOMAIN.md "Dossier statuses: the national contract"). */
export type DossierStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** Receipt channel of the national portal sync: 1 in person, 2 online, 3 public post. */
export type ReceiptChannel = 1 | 2 | 3;
