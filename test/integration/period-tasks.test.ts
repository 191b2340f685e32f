/**
 * The store's period query on the real server: which tasks a quarter's (or a month's) report counts, and
 * /status in a leaders' group counting by it.
 */
import { monthPeriod, quarterPeriod, type Period } from '../../src/domain/calendar';
import type { DraftTask, OrgDirectory, PlanDraft } from '../../src/domain/task';
import { createBotCore } from '../../src/bot/core';
import { plainText } from '../../src/bot/messages';
import { bindChat } from '../../src/store/binding-repository';
import { findOrgBySlug, upsertOrgDirectory } from '../../src/store/org-repository';
import { findTasksInPeriod } from '../../src/store/period-tasks';
import { loadPlan } from '../../src/store/plan-loader';
import { categoryOf, findPeriodTasks } from '../../src/report/period-tasks';
import { coreDeps } from '../helpers/core-deps';
import { Task, useTestStore } from '../helpers/store';

useTestStore(__filename);

const DIRECTORY: OrgDirectory = {
  'ky-han': {
    name: 'Liên minh HTX thử kỳ hạn',
    departments: { 'van-phong': ['Văn phòng'], 'ke-hoach': ['Phòng Kế hoạch'] },
  },
  khac: { name: 'Liên minh HTX khác', departments: { 'van-phong': ['Văn phòng'] } },
};

const task = (ref: string, title: string, over: Partial<DraftTask>): DraftTask => ({
  ref,
  title,
  kind: 'deadline',
  lead: ['van-phong'],
  support: [],
  start: null,
  end: null,
  time_text: null,
  ...over,
});

const TASKS: DraftTask[] = [
  // Only a deadline: counts in the quarter (and month) of the deadline, nowhere else.
  task('1', 'Chỉ có hạn chót 20/5', { end: '2025-05-20' }),
  // A window across the turn of Q1 into Q2: counts in both quarters, not in Q3.
  task('2', 'Kéo dài từ tháng 3 sang tháng 4', {
    start: '2025-03-15',
    end: '2025-04-10',
    lead: ['ke-hoach'],
  }),
  // Only a start: counts where it starts.
  task('3', 'Chỉ có ngày bắt đầu 2/7', { start: '2025-07-02' }),
  // Ends on the first day of Q3: the boundary day counts in Q3 only.
  task('4', 'Hạn đúng 01/7', { start: '2025-07-01', end: '2025-07-01' }),
  // Supported (not led) by the planning department.
  task('5', 'Phối hợp trong Quý II', { start: '2025-04-01', end: '2025-06-30', support: ['ke-hoach'] }),
  // A standing duty counts in every period of its year (never as overdue); a task with no dates never.
  task('6', 'Nhiệm vụ thường xuyên', { kind: 'duty', start: '2025-01-01', end: '2025-12-31' }),
  task('7', 'Không có thời gian', {}),
];

const draft = (org: string, tasks: DraftTask[]): PlanDraft => ({
  org,
  title: `Kế hoạch 2025 của ${org}`,
  doc_number: null,
  issued_on: '2025-01-06',
  year: 2025,
  tasks,
  warnings: [],
});

let orgId = '';
const titles = async (period: Period, department?: string): Promise<string[]> =>
  (await findTasksInPeriod(orgId, { start: period.start, end: period.end, department })).map((t) => t.title);

beforeAll(async () => {
  for (const [slug, entry] of Object.entries(DIRECTORY)) await upsertOrgDirectory(slug, entry);
  const loadedAt = new Date('2025-01-06T08:00:00+07:00');
  await loadPlan(draft('ky-han', TASKS), 'ky-han', null, loadedAt);
  // Another organisation's task in the same quarter must never show up in ours.
  await loadPlan(
    draft('khac', [task('1', 'Việc của tổ chức khác', { end: '2025-05-20' })]),
    'khac',
    null,
    loadedAt,
  );
  orgId = (await findOrgBySlug('ky-han'))!.id;
});

describe('the store’s period query', () => {
  it('counts a task with only a deadline in the period its deadline falls in, and only there', async () => {
    expect(await titles(quarterPeriod(2025, 2))).toContain('Chỉ có hạn chót 20/5');
    expect(await titles(monthPeriod(2025, 5))).toContain('Chỉ có hạn chót 20/5');
    expect(await titles(monthPeriod(2025, 4))).not.toContain('Chỉ có hạn chót 20/5');
    expect(await titles(quarterPeriod(2025, 1))).not.toContain('Chỉ có hạn chót 20/5');
    expect(await titles(quarterPeriod(2025, 3))).not.toContain('Chỉ có hạn chót 20/5');
  });

  it('counts a window spanning two quarters in both of them, and not in a third', async () => {
    expect(await titles(quarterPeriod(2025, 1))).toContain('Kéo dài từ tháng 3 sang tháng 4');
    expect(await titles(quarterPeriod(2025, 2))).toContain('Kéo dài từ tháng 3 sang tháng 4');
    expect(await titles(quarterPeriod(2025, 3))).not.toContain('Kéo dài từ tháng 3 sang tháng 4');
    expect(await titles(quarterPeriod(2024, 4))).not.toContain('Kéo dài từ tháng 3 sang tháng 4');
  });

  it('gives each quarter exactly its tasks, ordered by deadline, with duties, without undated work or other organisations', async () => {
    expect(await titles(quarterPeriod(2025, 1))).toEqual([
      'Kéo dài từ tháng 3 sang tháng 4',
      'Nhiệm vụ thường xuyên',
    ]);
    expect(await titles(quarterPeriod(2025, 2))).toEqual([
      'Kéo dài từ tháng 3 sang tháng 4',
      'Chỉ có hạn chót 20/5',
      'Phối hợp trong Quý II',
      'Nhiệm vụ thường xuyên',
    ]);
    expect(await titles(quarterPeriod(2025, 3))).toEqual([
      'Hạn đúng 01/7',
      'Nhiệm vụ thường xuyên',
      'Chỉ có ngày bắt đầu 2/7',
    ]);
    expect(await titles(quarterPeriod(2025, 4))).toEqual(['Nhiệm vụ thường xuyên']);
  });

  it('with a department, keeps the tasks it leads or supports', async () => {
    expect(await titles(quarterPeriod(2025, 2), 'ke-hoach')).toEqual([
      'Kéo dài từ tháng 3 sang tháng 4',
      'Phối hợp trong Quý II',
    ]);
  });

  it('hands out only what reports read, as plain values', async () => {
    const [row] = await findTasksInPeriod(orgId, { ...quarterPeriod(2025, 1), planTitles: true });
    expect(row).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      number: expect.any(Number),
      title: 'Kéo dài từ tháng 3 sang tháng 4',
      kind: 'deadline',
      lead: ['ke-hoach'],
      support: [],
      start: '2025-03-15',
      end: '2025-04-10',
      timeText: null,
      status: 'open',
      progress: 0,
      completedAt: null,
      blockedReason: null,
      plan: expect.stringMatching(/^[0-9a-f]{24}$/),
      planTitle: 'Kế hoạch 2025 của ky-han',
      originalEnd: null,
      extensions: [],
      attachments: [],
      returned: 0,
    });
  });
});

describe('/status in a leaders’ group', () => {
  const core = createBotCore(
    coreDeps('telegram', { clock: { now: () => new Date('2025-05-15T09:00:00+07:00') } }),
  );
  let seq = 0;
  const say = async (text: string, user = 'chu_tich'): Promise<string> => {
    const replies = await core.handle({
      platform: 'telegram',
      chat: { id: '-924', title: 'Lãnh đạo', isGroup: true },
      user: { id: user, name: user },
      messageId: String(++seq),
      text,
    });
    return replies.map(plainText).join('\n');
  };

  it('counts the spanning task in Q1 and Q2, the deadline-only task in Q2 only', async () => {
    await bindChat({
      platform: 'telegram',
      chatId: '-924',
      title: 'Lãnh đạo',
      org: orgId,
      role: 'leaders',
      department: null,
      boundBy: 'telegram:admin',
    });
    const q1 = await say('/status Q1');
    expect(q1).toMatch(/Phòng Kế hoạch: 1 việc/);
    // The year's standing duty is the office's work of the quarter too: counted, in progress, never overdue.
    expect(q1).toMatch(/Văn phòng: 1 việc\nĐúng hạn 0 · Trễ hạn 0 · Đang làm 1 · Quá hạn 0/);
    const q2 = await say('/status Q2');
    expect(q2).toMatch(/Phòng Kế hoạch: 1 việc/);
    // The deadline-only task, the supported Q2 task and the standing duty.
    expect(q2).toMatch(/Văn phòng: 3 việc/);
  });
});

describe('a task with only a deadline, moved', () => {
  // Due 20/05; moved to 31/07 by a leader on 10/05 (in time) or on 02/06 (after it was late).
  const moved = (on: string) => ({
    originalEnd: '2025-05-20',
    end: '2025-07-31',
    extensions: [
      {
        from: '2025-05-20',
        to: '2025-07-31',
        at: new Date(`${on}T09:00:00+07:00`),
        on,
        by: 'telegram:chu_tich',
        requestedBy: null,
        reason: null,
        via: 'edit',
      },
    ],
  });
  let movedOrg = '';
  const inQuarter = async (q: number) =>
    (await findPeriodTasks(movedOrg, quarterPeriod(2025, q), 'Asia/Ho_Chi_Minh')).map((t) => t.title);

  beforeAll(async () => {
    await upsertOrgDirectory('doi-han', DIRECTORY['ky-han']!);
    await loadPlan(
      draft('doi-han', [
        task('1', 'Gia hạn kịp thời', { end: '2025-05-20' }),
        task('2', 'Đổi hạn khi đã trễ', { end: '2025-05-20' }),
      ]),
      'doi-han',
      null,
      new Date('2025-01-06T08:00:00+07:00'),
    );
    movedOrg = (await findOrgBySlug('doi-han'))!.id;
    await Task.updateOne({ org: movedOrg, title: 'Gia hạn kịp thời' }, { $set: moved('2025-05-10') });
    await Task.updateOne({ org: movedOrg, title: 'Đổi hạn khi đã trễ' }, { $set: moved('2025-06-02') });
  });

  it('counts where the deadline it is judged by falls: the new one if moved in time, else the original', async () => {
    expect(await inQuarter(2)).toEqual(['Đổi hạn khi đã trễ']);
    expect(await inQuarter(3)).toEqual(['Gia hạn kịp thời']);
  });

  it('a date moved after it was late leaves the open task overdue, and late once finished', async () => {
    const [late] = await findPeriodTasks(movedOrg, quarterPeriod(2025, 2), 'Asia/Ho_Chi_Minh');
    expect(categoryOf(late!, '2025-06-15')).toBe('overdue');
    expect(categoryOf({ ...late!, status: 'done', completedOn: '2025-06-20' }, '2025-06-20')).toBe(
      'doneLate',
    );
    const [inTime] = await findPeriodTasks(movedOrg, quarterPeriod(2025, 3), 'Asia/Ho_Chi_Minh');
    expect(categoryOf(inTime!, '2025-06-15')).toBe('inProgress');
  });
});
