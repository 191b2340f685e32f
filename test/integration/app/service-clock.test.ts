import { agreeServiceClock, followServiceClock, moveServiceClock } from '../../../src/store/service-clock';
import { useTestStore } from '../../helpers/store';

useTestStore(__filename);

describe('one service clock per deployment', () => {
  it('a process started 20 s after the first joins its clock instead of starting BOT_NOW again', async () => {
    const botNow = new Date('2025-03-24T07:59:30+07:00');
    let real = Date.parse('2026-01-01T00:00:00Z');
    const first = await agreeServiceClock(botNow, () => real);
    real += 20_000;
    const second = await agreeServiceClock(botNow, () => real);
    expect(first.now().toISOString()).toBe(second.now().toISOString());
    expect(second.now().toISOString()).toBe('2025-03-24T00:59:50.000Z'); // 07:59:50 in Vietnam
  });

  it('a new BOT_NOW starts a new clock; without BOT_NOW it is the machine clock', async () => {
    const real = Date.parse('2026-01-01T00:00:00Z');
    const other = await agreeServiceClock(new Date('2025-06-02T08:00:00+07:00'), () => real);
    expect(other.now().toISOString()).toBe('2025-06-02T01:00:00.000Z');
    const system = await agreeServiceClock(undefined);
    expect(Math.abs(system.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe('moving the demo clock (:time)', () => {
  it('moves forward only, and another process following the store moves with it', async () => {
    const botNow = new Date('2025-03-26T07:58:00+07:00');
    const real = Date.parse('2026-02-01T00:00:00Z');
    const console = await agreeServiceClock(botNow, () => real);
    const worker = await agreeServiceClock(botNow, () => real);
    const jumps: number[] = [];
    const follower = followServiceClock(botNow, worker, (jump) => void jumps.push(jump), 20);
    try {
      const to = new Date('2025-05-07T07:59:00+07:00');
      const moved = await moveServiceClock(botNow, console, to, () => real);
      expect(moved.ok).toBe(true);
      expect(console.now().toISOString()).toBe('2025-05-07T00:59:00.000Z');
      for (let i = 0; i < 200 && jumps.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(worker.now().toISOString()).toBe('2025-05-07T00:59:00.000Z');
      expect(jumps).toEqual([to.getTime() - botNow.getTime()]);

      const back = await moveServiceClock(botNow, console, botNow, () => real);
      expect(back).toMatchObject({ ok: false, reason: 'backwards' });
      expect(console.now().toISOString()).toBe('2025-05-07T00:59:00.000Z');
      // Without BOT_NOW the machine's clock is never moved.
      expect(await moveServiceClock(undefined, console, to)).toEqual({ ok: false, reason: 'not-movable' });
    } finally {
      follower.stop();
    }
  });
});
