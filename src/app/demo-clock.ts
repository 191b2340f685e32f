/** Which clock `npm run dev` runs on (see dev.ts). */
import { parseTimeCommand } from '../channels/console/console-time';

/**
 * The demo clock's start: Wednesday 26/03/2025 07:58, two minutes before the 08:00 reminders of the
 * Hải Phòng 2025 plan (the Thông tin và Tuyên truyền group is told to prepare the campaign).
 */
export const DEMO_START = '2025-03-26T07:58:00+07:00';

/** BOT_NOW for this run: DEV_NOW (real / a date), else .env's BOT_NOW, else the demo start. */
export function devBotNow(env: NodeJS.ProcessEnv): string | undefined {
  const wanted = env.DEV_NOW?.trim();
  if (wanted?.toLowerCase() === 'real') return undefined;
  if (wanted) {
    const at =
      parseTimeCommand(wanted, new Date()) ??
      (Number.isNaN(Date.parse(wanted)) ? undefined : new Date(wanted));
    if (!at)
      throw new Error(
        `DEV_NOW="${wanted}": cần "real", "dd/mm/yyyy HH:mm" hoặc ISO / expected real, dd/mm/yyyy HH:mm or ISO`,
      );
    return at.toISOString();
  }
  return env.BOT_NOW || DEMO_START;
}
