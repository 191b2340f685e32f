/**
 * The ReminderLog protocol on the real server: the claim's age is counted on the clock the caller passes
 * in (a 2025 demo clock included, whatever the system's date), and each state says why it is there.
 */
import {
  claimRows,
  countWaiting,
  markFailed,
  markSent,
  markWaiting,
  waitingRows,
} from '../../../src/store/reminder-log';
import { ReminderLog, useTestStore } from '../../helpers/store';

useTestStore(__filename);

const STALE_MS = 20_000;
/** A service clock far from the system's, as with BOT_NOW. */
const T0 = new Date('2025-03-11T08:00:00+07:00');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

function draft(key: string) {
  return {
    key,
    org: '65f000000000000000000001',
    task: '65f000000000000000000002',
    taskNumber: 7,
    kind: 'due',
    target: 'lead',
  };
}

const claim = (chatId: string, keys: string[], now: Date) =>
  claimRows({
    platform: 'telegram',
    chatId,
    now,
    staleMs: STALE_MS,
    items: keys.map((k) => ({ item: k, row: draft(k) })),
  });

it('takes over an unfinished send only once it is stale on the service clock', async () => {
  const first = await claim('-1', ['k1'], T0);
  expect(first).toEqual({ claimed: [{ item: 'k1', id: expect.any(String) }], resent: false });
  expect(await ReminderLog.findOne({ key: 'k1' }).lean()).toMatchObject({
    state: 'sending',
    reason: 'claimed',
    claimedAt: T0,
  });

  // The attempt may still be running: the whole message waits for the rest of the window.
  expect(await claim('-1', ['k1'], at(STALE_MS - 5_000))).toEqual({ wait: 5_000 });
  const again = await claim('-1', ['k1'], at(STALE_MS));
  expect(again).toEqual({ claimed: [{ item: 'k1', id: expect.any(String) }], resent: true });
  expect(await ReminderLog.findOne({ key: 'k1' }).lean()).toMatchObject({
    state: 'sending',
    reason: 'taken-over',
    claimedAt: at(STALE_MS),
  });

  if (!('claimed' in again)) throw new Error('not claimed');
  await markSent([again.claimed[0]!.id], { messageId: '42', at: at(STALE_MS + 1) });
  expect(await ReminderLog.findOne({ key: 'k1' }).lean()).toMatchObject({
    state: 'sent',
    reason: null,
    messageId: '42',
  });
  // Sent is final: the next attempt claims nothing.
  expect(await claim('-1', ['k1'], at(10 * STALE_MS))).toEqual({ claimed: [], resent: false });
});

it('tells rows waiting for a session from rows waiting on a refusing chat, and resumes either', async () => {
  const offline = await claim('-2', ['w1', 'w2'], T0);
  const refused = await claim('-3', ['w3'], T0);
  if (!('claimed' in offline) || !('claimed' in refused)) throw new Error('not claimed');
  await markWaiting(
    offline.claimed.map((c) => c.id),
    'offline',
    'send deferred: no session',
  );
  await markWaiting(
    refused.claimed.map((c) => c.id),
    'chat-refused',
    'send deferred: code 123',
  );

  expect(await countWaiting('telegram', 'offline')).toBe(2);
  expect((await waitingRows('telegram')).map((r) => r.key).sort()).toEqual(['w1', 'w2', 'w3']);

  const resumed = await claim('-2', ['w1', 'w2'], at(1_000));
  expect(resumed).toMatchObject({ resent: false });
  expect(await ReminderLog.find({ chatId: '-2' }).lean()).toEqual([
    expect.objectContaining({ state: 'sending', reason: 'resumed', claimedAt: at(1_000) }),
    expect.objectContaining({ state: 'sending', reason: 'resumed', claimedAt: at(1_000) }),
  ]);
  expect(await countWaiting('telegram', 'offline')).toBe(0);
});

it('records why a delivery failed, and never sends it again', async () => {
  const made = await claim('-4', ['f1'], T0);
  if (!('claimed' in made)) throw new Error('not claimed');
  await markFailed(
    made.claimed.map((c) => c.id),
    'unreachable',
    'telegram chat -4 is unreachable: kicked',
  );
  expect(await ReminderLog.findOne({ key: 'f1' }).lean()).toMatchObject({
    state: 'failed',
    reason: 'unreachable',
  });
  expect(await claim('-4', ['f1'], at(10 * STALE_MS))).toEqual({ claimed: [], resent: false });
});
