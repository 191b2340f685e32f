import {
  DEFAULT_CONNECTION_POLICY,
  loginRetryDelay,
  restartDelay,
  type ConnectionPolicy,
} from '../../../src/channels/zalo/connection-policy';

const at = (random: number): ConnectionPolicy => ({ ...DEFAULT_CONNECTION_POLICY, random: () => random });

describe('Zalo connection policy', () => {
  it('restarts after a good connection within 0.5–1.5 s, well inside the 2–5 s Zalo keeps a socket up when flapping', () => {
    expect(restartDelay(at(0), 0)).toBe(500);
    expect(restartDelay(at(0.999), 0)).toBe(1_499);
  });

  it('doubles the pause only per restart that failed, capped at 30 s (±50%)', () => {
    const steps = [0, 1, 2, 3, 4, 5, 6, 10].map((failed) => restartDelay(at(0.5), failed));
    expect(steps).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(restartDelay(at(0.999), 10)).toBeLessThanOrEqual(45_000);
  });

  it('retries a failed login from 5 s, doubling to 5 minutes', () => {
    const steps = [1, 2, 3, 6, 7, 20].map((failures) => loginRetryDelay(at(0.5), failures));
    expect(steps).toEqual([5_000, 10_000, 20_000, 160_000, 300_000, 300_000]);
  });
});
