/**
 * (In tools/ beside the Telegram emulator, which waits the same way and may import nothing from the
 * project; tests import it as test/helpers/wait.)
 *
 * The one way tests wait: on a condition (a message, a row, a job state), never on the clock.
 *
 * - `waitFor(probe, what)` polls until `probe` returns something truthy and gives it back;
 * - `eventually(assertion)` retries an expect-style assertion until it passes (its last failure is the
 *   error, so a timeout reads like the assertion that never came true);
 * - `settled(count)` waits until a count stops growing, for senders that do not say when they are done;
 * - `staysQuiet(check, what)` is the "nothing arrives" check: it watches for QUIET_MS and fails as soon
 *   as `check` sees something. Waiting longer proves nothing more on a fast machine and only slows the
 *   suite; QUIET_MS is the one place that says how long "nothing" is.
 */
import { setTimeout as pause } from 'node:timers/promises';

/**
 * How long a "nothing arrives" check watches. Every such check in the suite uses this value. It outlasts
 * the shortest timer such a check guards against (zca-js retries a closed socket after 300 ms) and is
 * called only after waiting for what would have caused the message, so it need not cover slow machines.
 */
export const QUIET_MS = 500;

/** How long a wait lasts before it fails: generous, since a loaded machine is slow, not wrong. */
export const WAIT_MS = 15_000;

const POLL_MS = 20;

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Polls `probe` until it returns a truthy value, and returns that value. */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: string,
  { timeoutMs = WAIT_MS, intervalMs = POLL_MS }: WaitOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${seen})`);
    }
    await pause(intervalMs);
  }
}

/** Retries `assertion` (which throws while it does not hold) until it passes; rethrows its last failure. */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  { timeoutMs = WAIT_MS, intervalMs = POLL_MS }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() >= deadline) throw err;
    }
    await pause(intervalMs);
  }
}

/**
 * Watches for `ms` (QUIET_MS unless a test says why it needs longer) and fails as soon as `arrived`
 * returns true: "nothing arrives".
 */
export async function staysQuiet(
  arrived: () => boolean | Promise<boolean>,
  what: string,
  ms = QUIET_MS,
): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await arrived()) throw new Error(`expected no ${what}, but it arrived`);
    if (Date.now() >= until) return;
    await pause(POLL_MS);
  }
}

/**
 * Until `count` has not changed for QUIET_MS: for a sender that does not say when it is done (a bot's
 * answer of several messages), after waiting for its first message.
 */
export async function settled(count: () => number | Promise<number>): Promise<void> {
  for (;;) {
    const seen = await count();
    try {
      await staysQuiet(async () => (await count()) !== seen, 'more messages');
      return;
    } catch {
      // Something more arrived: watch again from the new count.
    }
  }
}
