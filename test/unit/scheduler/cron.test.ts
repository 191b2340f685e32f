import { offsetClock } from '../../../src/shared/clock';
import { startSchedulerCron, type SchedulerCron } from '../../../src/scheduler/cron';
import { createLogger } from '../../../src/shared/logger';
import { staysQuiet, waitFor } from '../../helpers/wait';

const logger = createLogger('silent');

/** A service clock that reads `at` now and runs at real speed from there. */
const serviceClockAt = (at: string) => offsetClock(new Date(at).getTime() - Date.now());

function startWith(at: string): { cron: SchedulerCron; runs: string[] } {
  const runs: string[] = [];
  const cron = startSchedulerCron({
    clock: serviceClockAt(at),
    timezone: 'Asia/Ho_Chi_Minh',
    logger,
    reconcileAtStart: false,
    reconcile: async () => void runs.push('reconcile'),
    weeklyDigest: async () => void runs.push('digest'),
  });
  return { cron, runs };
}

describe('scheduled runs follow the service clock, not the machine clock', () => {
  it('sends the Monday digest when service time reaches Monday 08:00 in Vietnam', async () => {
    const { cron, runs } = startWith('2025-03-24T07:59:59.400+07:00');
    await waitFor(() => runs.length > 0, 'the digest');
    await cron.stop();
    expect(runs).toEqual(['digest']);
  });

  it('reconciles at 06:00 service time and sends no digest on a Tuesday at 08:00', async () => {
    const a = startWith('2025-03-25T05:59:59.500+07:00');
    const b = startWith('2025-03-25T07:59:59.500+07:00');
    await waitFor(() => a.runs.length > 0, 'the reconcile');
    // b's 08:00 came at the same instant as a's 06:00.
    await staysQuiet(() => b.runs.length > 0, 'digest on a Tuesday');
    await Promise.all([a.cron.stop(), b.cron.stop()]);
    expect(a.runs).toEqual(['reconcile']);
    expect(b.runs).toEqual([]);
  });

  it('fires nothing after stop', async () => {
    const { cron, runs } = startWith('2025-03-24T07:59:59.700+07:00');
    await cron.stop();
    // 08:00 service time comes 0.3 s later, inside the quiet time.
    await staysQuiet(() => runs.length > 0, 'run after stop');
    expect(runs).toEqual([]);
  });
});
