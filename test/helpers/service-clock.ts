/**
 * Moves a running deployment's BOT_NOW clock forward, as the console's `:time` does, so an end-to-end test
 * that has finished its set-up does not sit out the real minutes left before 08:00. The bot and worker
 * follow within half a second (src/store/service-clock.ts); the worker re-plans its reminders then.
 */
import { agreeServiceClock, moveServiceClock } from '../../src/store/service-clock';

/**
 * To `at`, unless the deployment's clock is already past it (a slow set-up: nothing left to skip). Leave the
 * worker a few seconds to follow and re-plan before the moment awaited, so the reminders go at their time.
 * (Re-planned after it, today's reminders still go, late: the planner plans from the start of the day;
 * tried with a skip to 08:00:30. A CI failure with a skip to 07:59:57 was once put down to the opposite.)
 */
export async function skipServiceClockTo(botNow: string, at: string): Promise<void> {
  const start = new Date(botNow);
  const clock = await agreeServiceClock(start);
  const moved = await moveServiceClock(start, clock, new Date(at));
  if (!moved.ok && moved.reason !== 'backwards')
    throw new Error(`the service clock cannot move: ${moved.reason}`);
}
