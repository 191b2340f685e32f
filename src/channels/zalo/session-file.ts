/**
 * The channel's side of ZALO_CREDENTIALS_FILE: what was last written, the live jar saved when it changed,
 * the credentials to log in with (the live jar first), and a newly saved login noticed while expired.
 *
 * zca-js has no "cookies refreshed" event; it updates its jar from every set-cookie. So the jar is
 * compared with what was last written, and the file rewritten only when a cookie value changed.
 */
import type { Logger } from '../../shared/logger';
import type { ZaloApiLike } from './api';
import {
  currentCredentials,
  credentialsChanged,
  readCredentials,
  writeCredentials,
  type ZaloCredentials,
} from './credentials';
import { describeError } from './errors';

export interface SessionFile {
  /** Writes the live jar if it differs from the file; never throws (a failure is logged). */
  save(api: ZaloApiLike | undefined): Promise<void>;
  /** The live jar when there is a session (saved first), else the file; throws ZaloCredentialsError. */
  forLogin(api: ZaloApiLike | undefined): Promise<ZaloCredentials>;
  /** A session in the file that differs from every one seen so far (someone ran zalo:login), once. */
  newLogin(): Promise<ZaloCredentials | undefined>;
  /** Records that `credentials` logged in (they are now what the file holds). */
  adopt(credentials: ZaloCredentials): void;
  /** The file as it is now (after a kick: someone may have saved a new login); throws ZaloCredentialsError. */
  reread(): Promise<ZaloCredentials>;
  /** The user agent of the session in use, for requests made outside zca-js (file downloads). */
  userAgent(): string | undefined;
}

export function createSessionFile(file: string, logger: Logger): SessionFile {
  let saved: ZaloCredentials | undefined;
  let lastTried: ZaloCredentials | undefined;

  async function save(api: ZaloApiLike | undefined): Promise<void> {
    if (!api) return;
    try {
      saved ??= await readCredentials(file);
      const current = currentCredentials(api, saved);
      if (!credentialsChanged(saved, current)) return;
      await writeCredentials(file, current);
      saved = current;
      logger.info({ credentialsFile: file }, 'zalo: refreshed session saved');
    } catch (err) {
      logger.warn({ err: describeError(err), credentialsFile: file }, 'zalo: could not save the session');
    }
  }

  return {
    save,
    async forLogin(api) {
      saved ??= await readCredentials(file);
      if (!api) return saved;
      await save(api); // so a crash during the login still leaves the newest cookies on disk
      return currentCredentials(api, saved);
    },
    async newLogin() {
      let fresh: ZaloCredentials;
      try {
        fresh = await readCredentials(file);
      } catch {
        return undefined; // being rewritten, or removed: look again later
      }
      // Our own saves rewrite the file too: only what differs from both what we wrote and what we tried is new.
      for (const known of [saved, lastTried])
        if (known && !credentialsChanged(known, fresh)) return undefined;
      lastTried = fresh;
      return fresh;
    },
    adopt(credentials) {
      saved = credentials;
    },
    async reread() {
      const fresh = await readCredentials(file);
      lastTried = fresh;
      return fresh;
    },
    userAgent: () => saved?.userAgent,
  };
}
