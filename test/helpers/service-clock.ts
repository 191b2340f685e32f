/**
 * Moves a running deployment's BOT_NOW clock forward, as the console's `:time` does, so an end-to-end test
 * that has finished its set-up does not sit out the real minutes left before 08:00. The bot and worker
 * follow within half a second (src/store/service-clock.ts); the worker re-plans its reminders then.
 */
import { agreeServiceClock, moveServiceClock } from '../../src/store/service-clock';

/**
 * To `at`, unless the deployment's clock is already past it (a slow set-up: nothing left to skip). Leave the
 * worker time to follow and re-plan before the moment awaited: reminders planned after their time has
 * passed are not sent (30 s was enough on a loaded CI machine; 3 s was not).
 */
export async function skipServiceClockTo(botNow: string, at: string): Promise<void> {
  const start = new Date(botNow);
  const clock = await agreeServiceClock(start);
  const moved = await moveServiceClock(start, clock, new Date(at));
  if (!moved.ok && moved.reason !== 'backwards')
    throw new Error(`the service clock cannot move: ${moved.reason}`);
}
