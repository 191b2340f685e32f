import { agreeServiceClock } from '../../../src/store/service-clock';
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
