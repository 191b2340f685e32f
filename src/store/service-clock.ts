import { offsetClock, systemClock, type Clock } from '../shared/clock';
import { ServiceClock } from './models';

/**
 * The deployment's clock. Without BOT_NOW it is the system clock. With it, the first process to get here
 * fixes "BOT_NOW is now" and the others join that clock, so a worker started 20 s after the bot is not
 * 20 s behind it.
 */
export async function agreeServiceClock(
  botNow: Date | undefined,
  realNow: () => number = Date.now,
): Promise<Clock> {
  if (!botNow) return systemClock;
  const id = botNow.toISOString();
  const started = realNow();
  try {
    await ServiceClock.create({
      _id: id,
      offsetMs: botNow.getTime() - started,
      startedAt: new Date(started),
    });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err; // another process was first: join its clock
  }
  const row = await ServiceClock.findById(id).lean();
  if (!row) throw new Error('service clock row vanished right after it was written');
  return offsetClock(row.offsetMs, realNow);
}
