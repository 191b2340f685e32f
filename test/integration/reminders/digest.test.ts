import { fixedClock } from '../../../src/shared/clock';
import { digestJobId } from '../../../src/scheduler/reminder-queue';
import { useTestStore, ChatBinding } from '../../helpers/store';
import { sendWeeklyDigests } from '../../../jobs/weekly-digest';
import { bindGroup, createTask, seedOrg, startRig, type Rig, type Seed } from './rig';
import { CATEGORY_COLOURS, CHART_SCALE, CHART_WIDTH } from '../../../src/report/chart';
import { countColour, decodePng, inkFraction } from '../../helpers/png';

jest.setTimeout(30_000);
useTestStore(__filename);

// Monday 17/03/2025, 08:00: the digest's hour.
const clock = fixedClock(new Date('2025-03-17T08:00:00+07:00'));
let rig: Rig;
let seed: Seed;

beforeAll(async () => {
  rig = await startRig(__filename, clock);
  seed = await seedOrg();
  await bindGroup(seed, '-3001', 'department', 'van-phong');
  await bindGroup(seed, '-3009', 'leaders', null, 'vi');
  await bindGroup(seed, '-3010', 'leaders', null, 'en');
  const at = (iso: string): Date => new Date(iso);
  await createTask(seed, {
    title: 'Hội nghị tổng kết',
    lead: ['van-phong'],
    end: '2025-03-14',
    status: 'done',
    completedAt: at('2025-03-13T10:00:00+07:00'),
  });
  await createTask(seed, {
    title: 'Xong từ hai tuần trước',
    end: '2025-03-05',
    status: 'done',
    completedAt: at('2025-03-05T10:00:00+07:00'),
  });
  await createTask(seed, {
    title: 'Xong sáng nay',
    end: '2025-03-20',
    status: 'done',
    completedAt: at('2025-03-17T07:00:00+07:00'),
  });
  await createTask(seed, { title: 'Báo cáo quý I', lead: ['to-chuc'], end: '2025-03-12' });
  await createTask(seed, { title: 'Kế hoạch tháng 4', lead: ['van-phong'], end: '2025-03-20' });
  await createTask(seed, { title: 'Hạn tuần sau', lead: ['van-phong'], end: '2025-03-28' });
  await createTask(seed, { title: 'Việc chưa giao', lead: [], end: '2025-03-21', status: 'in_progress' });
  await createTask(seed, { title: 'Phối hợp hai phòng', lead: ['to-chuc', 'ho-tro'], end: '2025-03-19' });
  // A fair opening this week; a group the bot was removed from, and one whose members muted reminders.
  await createTask(seed, {
    title: 'Hội chợ sản phẩm HTX',
    kind: 'event',
    lead: ['ho-tro'],
    start: '2025-03-20',
    end: '2025-03-30',
  });
  await bindGroup(seed, '-3002', 'department', 'to-chuc');
  await ChatBinding.updateOne({ chatId: '-3002' }, { unreachableSince: at('2025-03-10T09:00:00+07:00') });
  await bindGroup(seed, '-3003', 'department', 'ho-tro');
  await ChatBinding.updateOne(
    { chatId: '-3003' },
    { $set: { mutedSince: new Date('2025-03-14T09:00:00+07:00') } },
  );
  // Another organisation with no leaders group: nothing to send it.
  await seedOrg('hai-phong');
});
afterAll(async () => {
  await rig?.close();
});

describe('weekly digest', () => {
  it('tells each leaders group, in its language, what was finished, what is late and what is due, per department', async () => {
    const deliveries = await sendWeeklyDigests(rig.rt);
    expect(deliveries.map((d) => [d.chatId, d.status])).toEqual([
      ['-3009', 'sent'],
      ['-3010', 'sent'],
    ]);

    // The digest opens with the quarter's chart, then the words.
    const chart = await rig.emulator.waitForBotMessage('-3009');
    expect(chart.caption).toBe('Tiến độ Quý I/2025, tính đến 17/03/2025');
    const png = decodePng(rig.emulator.fileOf(chart));
    expect(png.width).toBe(CHART_WIDTH * CHART_SCALE);
    expect(inkFraction(png)).toBeGreaterThan(0.05);
    // Q1 has a task done on time and overdue ones (the fair is Q1 too, but not due yet).
    expect(countColour(png, CATEGORY_COLOURS.doneOnTime)).toBeGreaterThan(500);
    expect(countColour(png, CATEGORY_COLOURS.overdue)).toBeGreaterThan(500);
    const vi = await rig.emulator.waitForBotMessage('-3009');
    expect(vi.text?.replace(/<\/?b>/g, '').split('\n')).toEqual([
      '📊 Tổng hợp tuần 17/03/2025 – 23/03/2025',
      'Liên minh HTX tỉnh Thái Bình',
      'Tuần trước xong 1 việc · Đang quá hạn 1 · Đến hạn tuần này 3',
      '',
      '▪ Phòng Hỗ trợ HTX',
      '⏰ Đến hạn tuần này:',
      '  #8 Phối hợp hai phòng — hạn 19/03/2025',
      '',
      '▪ Phòng Tổ chức - Tổng hợp',
      '❗ Quá hạn:',
      '  #4 Báo cáo quý I — đã quá 3 ngày làm việc',
      '⏰ Đến hạn tuần này:',
      '  #8 Phối hợp hai phòng — hạn 19/03/2025',
      '',
      '▪ Văn phòng',
      '⏰ Đến hạn tuần này:',
      '  #5 Kế hoạch tháng 4 — hạn 20/03/2025',
      '✅ Xong tuần trước:',
      '  #1 Hội nghị tổng kết',
      '',
      '▪ Chưa giao đơn vị chủ trì',
      '⏰ Đến hạn tuần này:',
      '  #7 Việc chưa giao — hạn 21/03/2025',
      '',
      'Tuần này',
      'Bắt đầu trong tuần (1):',
      '  #9 Hội chợ sản phẩm HTX — từ 20/03/2025',
      'Mới quá hạn từ tuần trước (1):',
      '  #4 Báo cáo quý I — hạn 12/03/2025',
      'Nhóm không nhận được tin (2):',
      '  Nhóm -3002 (bot không gửi được từ 10/03/2025)',
      '  Nhóm -3003 (đã tắt nhắc việc)',
    ]);
    expect((await rig.emulator.waitForBotMessage('-3010')).caption).toBe(
      'Progress for QI/2025, as of 17/03/2025',
    );
    const en = await rig.emulator.waitForBotMessage('-3010');
    expect(en.text).toContain('Weekly summary 17/03/2025 – 23/03/2025');
    expect(en.text).toContain('#4 Báo cáo quý I — 3 working days late');
    expect(en.text).toContain('No lead unit assigned');
    await rig.emulator.expectNoBotMessage('-3001', 50);
  });

  it('is not sent twice to a group in the same week', async () => {
    const again = await sendWeeklyDigests(rig.rt);
    expect(again.map((d) => d.status)).toEqual(['already-sent', 'already-sent']);
    await rig.emulator.expectNoBotMessage('-3009', 200);
  });

  it('is queued once per week however often the cron fires', async () => {
    await rig.scheduler.enqueueWeeklyDigest();
    await rig.scheduler.enqueueWeeklyDigest();
    const counts = await rig.scheduler.queue.getJobCounts('wait', 'delayed');
    expect((counts.wait ?? 0) + (counts.delayed ?? 0)).toBe(1);
    expect(await rig.scheduler.queue.getJob(digestJobId('2025-03-17'))).toBeDefined();
  });
});
