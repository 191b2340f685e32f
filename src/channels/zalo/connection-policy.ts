/**
 * How the Zalo channel rides out Zalo's connection drops (numbers, and the pure rules that use them).
 *
 * Zalo drops the bot's websocket with 1006 every 22–65 s (zca-js PR #371, issue #333), and zca-js's own
 * `retryOnClose` does not retry 1006 (it retries only the codes Zalo's settings list), so the channel
 * restarts the same listener itself. A drop after a good connection is normal: the restart comes after a
 * short jittered pause and the back-off does not grow. Only restarts that never reach `connected` grow
 * the pause; after a few of those the cookie the listener captured is presumably stale (#315), so the
 * channel saves the live cookie jar and logs in again, with its own longer back-off.
 */

export interface ConnectionPolicy {
  /** Pause before restarting the listener after a close (then doubled per failed restart), jittered ±50%. */
  restartMinMs: number;
  restartMaxMs: number;
  /** Restarts in a row that close before `connected`; this many lead to a full re-login. */
  failedRestartsBeforeLogin: number;
  /** Pause before the first login retry, doubled per failure up to loginRetryMaxMs. */
  loginRetryMinMs: number;
  loginRetryMaxMs: number;
  /**
   * zca-js's code-less "Đăng nhập thất bại" (errors.ts: isAmbiguousLoginFailure) means "expired" only
   * when it keeps coming: this many in a row, the first at least `ambiguousWindowMs` before the last.
   */
  ambiguousFailuresBeforeExpired: number;
  ambiguousWindowMs: number;
  /** While expired, how often to look for a new session saved by `npm run zalo:login`. */
  credentialsPollMs: number;
  /** How often to call keepAlive() and save refreshed cookies. */
  maintenanceMs: number;
  /**
   * After a kick (3000/3003: the account logged in elsewhere), the wait before logging in again from the
   * credentials file; doubled per kick within `kickWindowMs`, up to kickRetryMaxMs. A new file is used at once.
   */
  kickRetryMinMs: number;
  kickRetryMaxMs: number;
  /** This many kicks within `kickWindowMs` are "repeated": the admins are told, once. */
  kicksBeforeNotice: number;
  kickWindowMs: number;
  /** How often to ask Zalo which groups the account is in (bindings of groups it left become unreachable). */
  membershipCheckMs: number;
  /** How long an answer to a user waits for a session before it is given up (logged). */
  replyWaitMs: number;
  /** Source of jitter; a test may pass a fixed one. */
  random: () => number;
}

export const DEFAULT_CONNECTION_POLICY: ConnectionPolicy = {
  restartMinMs: 1_000,
  restartMaxMs: 30_000,
  failedRestartsBeforeLogin: 3,
  loginRetryMinMs: 5_000,
  loginRetryMaxMs: 5 * 60_000,
  ambiguousFailuresBeforeExpired: 3,
  ambiguousWindowMs: 10 * 60_000,
  credentialsPollMs: 30_000,
  maintenanceMs: 10 * 60_000,
  kickRetryMinMs: 60_000,
  kickRetryMaxMs: 30 * 60_000,
  kicksBeforeNotice: 2,
  kickWindowMs: 60 * 60_000,
  membershipCheckMs: 30 * 60_000,
  replyWaitMs: 5 * 60_000,
  random: Math.random,
};

/** ±50% jitter, so many bots (or many restarts) do not hit Zalo in step. */
export function jittered(ms: number, random: () => number): number {
  return Math.round(ms * (0.5 + random()));
}

/** Pause before restart number `failedRestarts + 1`: the minimum after a good connection, doubling after failures. */
export function restartDelay(policy: ConnectionPolicy, failedRestarts: number): number {
  const base = Math.min(policy.restartMinMs * 2 ** failedRestarts, policy.restartMaxMs);
  return jittered(base, policy.random);
}

export function loginRetryDelay(policy: ConnectionPolicy, failures: number): number {
  const base = Math.min(policy.loginRetryMinMs * 2 ** Math.max(0, failures - 1), policy.loginRetryMaxMs);
  return jittered(base, policy.random);
}

/** The wait after kick number `kicks` (1 = the first) of the current window. */
export function kickRetryDelay(policy: ConnectionPolicy, kicks: number): number {
  const base = Math.min(policy.kickRetryMinMs * 2 ** Math.max(0, kicks - 1), policy.kickRetryMaxMs);
  return jittered(base, policy.random);
}
