import type { Logger } from '../shared/logger';
import type { Sender } from './sender';

/**
 * Tells the bot's admins something that needs a person (an expired Zalo session, a group that removed the
 * bot). BOT_ADMINS entries are platform:userId; a private message on that platform reaches the admin, and
 * an admin on a platform with no sender here is skipped.
 */
export async function notifyAdmins(
  admins: readonly string[],
  senders: Iterable<Sender>,
  text: string,
  logger: Logger,
): Promise<void> {
  const byPlatform = new Map<string, Sender>([...senders].map((s) => [s.platform, s]));
  for (const admin of admins) {
    const i = admin.indexOf(':');
    const sender = byPlatform.get(admin.slice(0, i));
    if (!sender) continue;
    try {
      await sender.send(admin.slice(i + 1), { segments: [{ text }] });
    } catch (err) {
      logger.warn({ admin, err: err instanceof Error ? err.message : String(err) }, 'admin not notified');
    }
  }
}
