/**
 * The scorecard in the weekly digest: the first digest of a quarter (Monday 7/7/2025 — 1/7 is a Tuesday)
 * ranks the departments by their on-time rate in the quarter just ended, in each leaders group's
 * language; the digests before and after it do not.
 */
import type { Clock } from '../../../src/shared/clock';
import { sendWeeklyDigests } from '../../../jobs/weekly-digest';
import { useTestStore, Task } from '../../helpers/store';
import { bindGroup, createTask, seedOrg, startRig, type Rig, type Seed } from './rig';

jest.setTimeout(30_000);
useTestStore(__filename);

let now = new Date('2025-06-30T08:00:00+07:00');
const clock: Clock = { now: () => now };
let rig: Rig;
let seed: Seed;
const at = (iso: string): Date => new Date(`${iso}T10:00:00+07:00`);
const extension = (from: string, to: string, on: string, via: 'request' | 'edit') => ({
  from,
  to,
  at: at(on),
  on,
  by: 'Chủ tịch',
  requestedBy: via === 'request' ? 'Lan' : null,
  reason: null,
  via,
});

beforeAll(async () => {
  rig = await startRig(__filename, clock);
  seed = await seedOrg();
  await bindGroup(seed, '-4009', 'leaders', null, 'vi');
  await bindGroup(seed, '-4010', 'leaders', null, 'en');
  // Văn phòng: extended on 10/5 (before its date) from 15/5 to 30/6 and finished 20/6 — on time; another
  // finished on time after the leaders returned it once. 2/2.
  const extended = await createTask(seed, {
    lead: ['van-phong'],
    end: '2025-06-30',
    status: 'done',
    completedAt: at('2025-06-20'),
  });
  await Task.updateOne(
    { _id: extended.id },
    {
      originalEnd: '2025-05-15',
      extensions: [extension('2025-05-15', '2025-06-30', '2025-05-10', 'request')],
    },
  );
  const returned = await createTask(seed, {
    lead: ['van-phong'],
    end: '2025-06-10',
    status: 'done',
    completedAt: at('2025-06-09'),
  });
  await Task.updateOne({ _id: returned.id }, { returned: 1 });
  // Tổ chức: due 15/5, moved on 20/5 (already late) to 30/7, finished 25/5 — late; another never finished. 0/2.
  const rewritten = await createTask(seed, {
    lead: ['to-chuc'],
    start: '2025-04-01',
    end: '2025-07-30',
    status: 'done',
    completedAt: at('2025-05-25'),
  });
  await Task.updateOne(
    { _id: rewritten.id },
    { originalEnd: '2025-05-15', extensions: [extension('2025-05-15', '2025-07-30', '2025-05-20', 'edit')] },
  );
  await createTask(seed, { lead: ['to-chuc'], end: '2025-06-20', status: 'in_progress' });
  // Hỗ trợ: one, on time. 1/1 — the same rate as Văn phòng over less work, so below it.
  await createTask(seed, {
    lead: ['ho-tro'],
    end: '2025-05-30',
    status: 'done',
    completedAt: at('2025-05-28'),
  });
  // Due in Q3: not in the second quarter's scorecard.
  await createTask(seed, { lead: ['ho-tro'], end: '2025-07-03' });
});
afterAll(async () => {
  await rig?.close();
});

async function digestOn(monday: string): Promise<{ vi: string; en: string }> {
  now = new Date(`${monday}T08:00:00+07:00`);
  const deliveries = await sendWeeklyDigests(rig.rt);
  expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
  const text = (chat: string) =>
    rig.emulator
      .takeBotMessages(chat)
      .map((m) => m.text ?? '')
      .join('\n')
      .replace(/<\/?b>/g, '');
  return { vi: text('-4009'), en: text('-4010') };
}

describe('the scorecard in the weekly digest', () => {
  it('is not in the last digest of the quarter', async () => {
    const { vi, en } = await digestOn('2025-06-30');
    expect(vi).toMatch(/Tổng hợp tuần 30\/06\/2025/);
    expect(vi).not.toMatch(/Xếp hạng/);
    expect(en).not.toMatch(/ranking/i);
  });

  it('ranks the quarter just ended in the first digest of the new one, in each group’s language', async () => {
    const { vi, en } = await digestOn('2025-07-07');
    expect(vi).toMatch(/Tổng hợp tuần 07\/07\/2025/);
    const ranking = vi.slice(vi.indexOf('🏆'));
    expect(ranking.split('\n')).toEqual([
      '🏆 Xếp hạng đúng hạn Quý II/2025 (việc đến hạn trong quý):',
      '  100% · Văn phòng: 2/2 đúng hạn, 1 gia hạn, 1 trả lại',
      '  100% · Phòng Hỗ trợ HTX: 1/1 đúng hạn, 0 gia hạn, 0 trả lại',
      '  0% · Phòng Tổ chức - Tổng hợp: 0/2 đúng hạn, 1 gia hạn, 0 trả lại',
    ]);
    expect(en).toMatch(
      /🏆 On-time ranking for QII\/2025 \(tasks due in the quarter\):\n {2}100% · Văn phòng: 2\/2 on time, 1 extended, 1 returned\n/,
    );
  });

  it('is not repeated the week after', async () => {
    const { vi } = await digestOn('2025-07-14');
    expect(vi).toMatch(/Tổng hợp tuần 14\/07\/2025/);
    expect(vi).not.toMatch(/Xếp hạng/);
  });
});
