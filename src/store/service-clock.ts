import { offsetClock, systemClock, type Clock, type MovableClock } from '../shared/clock';
import { ServiceClock } from './models';

/**
 * The deployment's clock. Without BOT_NOW it is the system clock. With it, the first process to get here
 * fixes "BOT_NOW is now" and the others join that clock, so a worker started 20 s after the bot is not
 * 20 s behind it. The clock can then be moved forward (`moveServiceClock`, the console's `:time`), and
 * every process that follows it (`followServiceClock`) moves too.
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

export type ClockMove =
  | { ok: true; from: Date; to: Date }
  | { ok: false; reason: 'not-movable' }
  | { ok: false; reason: 'backwards'; now: Date };

/**
 * Moves the deployment's BOT_NOW clock to `to`. Only forward: going back would make reminders already
 * sent fall due again, and the audit trail would read out of order.
 */
export async function moveServiceClock(
  botNow: Date | undefined,
  clock: Clock,
  to: Date,
  realNow: () => number = Date.now,
): Promise<ClockMove> {
  if (!botNow || !isMovableClock(clock)) return { ok: false, reason: 'not-movable' };
  const from = clock.now();
  if (to.getTime() < from.getTime()) return { ok: false, reason: 'backwards', now: from };
  const offsetMs = to.getTime() - realNow();
  await ServiceClock.updateOne({ _id: botNow.toISOString() }, { $set: { offsetMs } });
  clock.setOffset(offsetMs);
  return { ok: true, from, to };
}

function isMovableClock(clock: Clock): clock is MovableClock {
  return typeof (clock as Partial<MovableClock>).setOffset === 'function';
}

export interface ClockFollower {
  stop(): void;
}

/**
 * Keeps `clock` on the offset the store holds for this BOT_NOW, looking every `intervalMs`; `onMove` is
 * told how far it jumped (the worker re-plans its delayed jobs then, since BullMQ counts real time).
 */
export function followServiceClock(
  botNow: Date | undefined,
  clock: Clock,
  onMove: (jumpMs: number) => Promise<void> | void,
  intervalMs = 500,
): ClockFollower {
  if (!botNow || !isMovableClock(clock)) return { stop: () => undefined };
  const id = botNow.toISOString();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      const row = await ServiceClock.findById(id, { offsetMs: 1 }).lean();
      if (!row || row.offsetMs === clock.offsetMs()) return;
      const jump = row.offsetMs - clock.offsetMs();
      clock.setOffset(row.offsetMs);
      await onMove(jump);
    })()
      // The store away for a moment (or stopping): the next look tries again.
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
