/**
 * Issue 25, point 5: replies that read right, through the bot core — refusals in one sentence saying what
 * the group can do, /help with every command of the table, unknown numbers named as such for every command
 * that takes one, /them without a deadline, days off noted, duties counted alike by /viec, /quahan, /tinhhinh.
 */
import { createBotCore } from '../../src/bot/core';
import { ALIASES, COMMANDS } from '../../src/bot/command-parser';
import { plainText } from '../../src/bot/messages';
import type { DraftTask, PlanDraft } from '../../src/domain/task';
import { loadPlan } from '../../src/store/plan-loader';
import { coreDeps } from '../helpers/core-deps';
import { SCENARIO_NOW, seedScenario } from '../helpers/scenario';
import { useTestStore, StatusUpdate, Task } from '../helpers/store';

useTestStore(__filename);

const core = createBotCore(coreDeps('telegram'));
let seq = 0;
async function say(chat: string, user: string, text: string): Promise<string> {
  const replies = await core.handle({
    platform: 'telegram',
    chat: { id: chat, title: chat, isGroup: true },
    user: { id: user, name: user },
    messageId: String(++seq),
    text,
    botUsername: 'lmhtx_bot',
  });
  expect(replies).toHaveLength(1);
  return plainText(replies[0]!);
}

async function snapshot() {
  const tasks = await Task.find({}, { number: 1, status: 1, progress: 1, end: 1, revision: 1 })
    .sort({ number: 1 })
    .lean();
  return { tasks: JSON.stringify(tasks), updates: await StatusUpdate.countDocuments() };
}

const PLANNING = '-100';
const LEADERS = '-200';
const OFFICE = '-300';
const TRAINING = '-400';
const ENGLISH = '-500';

/** The Vietnamese name of each command: its first alias, as the replies use it. */
const viName = (c: string) => Object.entries(ALIASES).find(([a, t]) => t === c && a !== 'start')![0];

const dutyPlan: PlanDraft = {
  org: 'hai-phong',
  title: 'Kế hoạch công tác thường xuyên năm 2025',
  doc_number: null,
  issued_on: '2025-01-06',
  year: 2025,
  warnings: [],
  tasks: [
    ...[1, 2, 3].map((i): DraftTask => ({
      ref: `T.${i}`,
      title: `Nhiệm vụ thường xuyên số ${i} của Trung tâm`,
      kind: 'duty',
      lead: ['trung-tam-dao-tao'],
      support: [],
      start: '2025-01-01',
      end: '2025-12-31',
      time_text: null,
    })),
    {
      ref: 'T.4',
      title: 'Báo cáo tháng 4 của Trung tâm',
      kind: 'deadline',
      lead: ['trung-tam-dao-tao'],
      support: [],
      start: '2025-04-20',
      end: '2025-05-05',
      time_text: null,
    },
  ],
};

beforeAll(async () => {
  await seedScenario();
  await loadPlan(dutyPlan, JSON.stringify(dutyPlan), 'duties.json', new Date(SCENARIO_NOW));
  await say(PLANNING, 'admin', '/link ke-hoach-tong-hop');
  await say(LEADERS, 'admin', '/link leaders');
  await say(OFFICE, 'admin', '/link van phong');
  await say(TRAINING, 'admin', '/link trung tam dao tao');
  await say(ENGLISH, 'admin', '/link van phong');
  await say(ENGLISH, 'admin', '/lang en');
});

describe('refusals say in one sentence what the asking group can do', () => {
  it.each([
    // Task 2: led by the office, supported by planning.
    [PLANNING, '/xong 2', 'Phòng Kế hoạch – Tổng hợp phối hợp việc 2: báo tiến độ bằng /capnhat 2 60%.'],
    [PLANNING, '/hoan 2', 'Phòng Kế hoạch – Tổng hợp phối hợp việc 2: báo tiến độ bằng /capnhat 2 60%.'],
    [
      PLANNING,
      '/giahan 2 15/7 chờ số liệu',
      'Phòng Kế hoạch – Tổng hợp phối hợp việc 2: báo tiến độ bằng /capnhat 2 60%.',
    ],
    [
      PLANNING,
      '/vuong 2 chờ ý kiến',
      'Phòng Kế hoạch – Tổng hợp phối hợp việc 2: báo tiến độ bằng /capnhat 2 60%.',
    ],
    // Task 4: planning's alone.
    [
      OFFICE,
      '/xong 4',
      'Văn phòng không chủ trì, không phối hợp việc 4 (chủ trì: Phòng Kế hoạch – Tổng hợp): xem việc của đơn vị bằng /viec.',
    ],
    [OFFICE, '/capnhat 4 50%', expect.stringMatching(/^Văn phòng không chủ trì, không phối hợp việc 4 /)],
    [
      OFFICE,
      '/sua 2 hạn 15/7/2025',
      'Văn phòng chủ trì việc 2: xin đổi hạn bằng /giahan 2 30/6 lý do, còn sửa kế hoạch là việc của nhóm lãnh đạo.',
    ],
    [
      OFFICE,
      '/giao 2 ke hoach',
      expect.stringMatching(/^Văn phòng chủ trì việc 2: xin đổi hạn bằng \/giahan 2 /),
    ],
    [
      PLANNING,
      '/them Việc mới | hạn: 30/6',
      'Sửa kế hoạch là việc của nhóm lãnh đạo; Phòng Kế hoạch – Tổng hợp báo tiến độ bằng /capnhat <số> 60% (xem việc: /viec).',
    ],
    [
      PLANNING,
      '/caidat duyet bat',
      expect.stringMatching(/^Đổi cài đặt là việc của nhóm lãnh đạo; Phòng Kế hoạch/),
    ],
    [
      ENGLISH,
      '/done 4',
      expect.stringMatching(
        /^Văn phòng neither leads nor supports task 4 .*: see your department's tasks with \/tasks\.$/,
      ),
    ],
    [
      ENGLISH,
      '/edit 2 due 15/7/2025',
      expect.stringMatching(/^Văn phòng leads task 2: ask for a new deadline with \/extend 2 30\/6 reason;/),
    ],
  ])('%s %s', async (chat, text, expected) => {
    const before = await snapshot();
    const reply = await say(chat, 'lan', text);
    expect(reply).toEqual(expected);
    // One sentence, and never a list of everyone who may.
    expect(reply.split(/[.!?](\s|$)/).filter((s) => s && s.trim()).length).toBe(1);
    expect(reply).not.toMatch(/Chỉ .* mới được|Only .* may/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('/help', () => {
  it('lists every command of the table, Vietnamese names first in Vietnamese, English in English', async () => {
    const vi = await say(OFFICE, 'lan', '/trogiup');
    const en = await say(ENGLISH, 'lan', '/help');
    for (const c of COMMANDS) {
      expect({ c, vi: new RegExp(`/${viName(c)}(?![a-z])`).test(vi) }).toEqual({ c, vi: true });
      expect({ c, en: new RegExp(`/${c}(?![a-z])`).test(en) }).toEqual({ c, en: true });
    }
    expect(vi.indexOf('/xong')).toBeLessThan(vi.indexOf('/done'));
    expect(vi.indexOf('/capnhat')).toBeLessThan(vi.indexOf('/update'));
    // Grouped for who may use them, and short enough for one Zalo message.
    for (const section of ['Xem (mọi nhóm)', 'Báo cáo (nhóm chủ trì', 'Kế hoạch (nhóm lãnh đạo', 'Thư ký'])
      expect(vi).toContain(section);
    expect(vi.length).toBeLessThanOrEqual(1500);
    expect(en.length).toBeLessThanOrEqual(1500);
  });
});

describe('unknown task numbers are said to be unknown, for every command that takes one', () => {
  const withNumber = [
    '/chitiet 99',
    '/xong 99',
    '/capnhat 99 50%',
    '/vuong 99 chờ',
    '/mola 99 thiếu',
    '/hoan 99',
    '/giahan 99 30/6 chờ',
    '/sua 99 hạn 1/6',
    '/giao 99 văn phòng',
    '/xoa 99',
    '/lichsu 99',
    '/tailieu 99',
  ];

  it('covers every command /help shows with a number', async () => {
    const help = await say(LEADERS, 'admin', '/trogiup');
    const shown = [...help.matchAll(/(\/[a-z]+) 12\b/g)].map((m) => m[1]);
    for (const c of shown) expect(withNumber.map((w) => w.split(' ')[0])).toContain(c);
  });

  it.each(withNumber)('%s', async (text) => {
    const before = await snapshot();
    expect(await say(LEADERS, 'admin', text)).toBe(
      'Không có việc số 99 trong kế hoạch của Liên minh Hợp tác xã thành phố Hải Phòng. Xem danh sách: /viec.',
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('dates and deadlines', () => {
  it('/them without a deadline says the task will not be reminded until it has one', async () => {
    const reply = await say(LEADERS, 'admin', '/them Rà soát danh sách HTX | chủ trì: văn phòng');
    expect(reply).toMatch(/➕ Đã thêm việc số (\d+)/);
    const n = /việc số (\d+)/.exec(reply)![1];
    expect(reply).toContain(`⚠️ Việc chưa có hạn nên bot chưa nhắc; đặt hạn bằng /sua ${n} hạn 30/6.`);
  });

  it('/them with a plain date shows it once, and no warning', async () => {
    const reply = await say(LEADERS, 'admin', '/them Tổng kết năm | chủ trì: văn phòng | hạn: 25/12/2025');
    expect(reply).toContain('Thời gian: 25/12/2025');
    expect(reply).not.toContain('25/12/2025 (');
    expect(reply).not.toMatch(/chưa có hạn|Lưu ý/);
  });

  it('a deadline on a weekend or a holiday is accepted with a note', async () => {
    const added = await say(LEADERS, 'admin', '/them Nộp báo cáo | chủ trì: văn phòng | hạn: 20/4/2025');
    expect(added).toContain(
      'Lưu ý: 20/04/2025 là Chủ nhật; bot nhắc vào ngày làm việc trước đó, 18/04/2025.',
    );
    const edited = await say(LEADERS, 'admin', '/sua 3 hạn 30/4/2025');
    expect(edited).toMatch(/✏️ Việc số 3: hạn/);
    expect(edited).toContain(
      'Lưu ý: 30/04/2025 là ngày nghỉ lễ (Ngày Chiến thắng 30/4); bot nhắc vào ngày làm việc trước đó, 29/04/2025.',
    );
    const asked = await say(PLANNING, 'lan', '/giahan 4 5/7/2025 chờ số liệu');
    expect(asked).toMatch(/Đã gửi lãnh đạo đề nghị gia hạn việc số 4/);
    expect(asked).toContain('Lưu ý: 05/07/2025 là thứ Bảy; bot nhắc vào ngày làm việc trước đó, 04/07/2025.');
    const working = await say(LEADERS, 'admin', '/sua 3 hạn 29/4/2025');
    expect(working).not.toContain('Lưu ý');
  });
});

describe('duties and dated tasks are counted alike', () => {
  it('/viec, /quahan and /tinhhinh agree on a plan with standing duties', async () => {
    const list = await say(TRAINING, 'lan', '/viec');
    const open = Number(/Việc đang mở của Trung tâm Đào tạo \((\d+)\)/.exec(list)?.[1]);
    // Task 5 (September), three duties and the April report.
    expect(open).toBe(5);
    // A duty has no deadline: listed as standing work, not "hạn 31/12/2025".
    expect(list).toMatch(/Nhiệm vụ thường xuyên số 1 của Trung tâm — thường xuyên/);
    expect(list).not.toContain('31/12/2025');

    const late = await say(TRAINING, 'lan', '/quahan');
    const overdue = Number(/Việc quá hạn \((\d+)\)/.exec(late)?.[1]);
    expect(overdue).toBe(1);
    expect(late).toContain('Báo cáo tháng 4 của Trung tâm');

    const report = await say(LEADERS, 'chu_tich', '/tinhhinh 2025');
    const m =
      /Trung tâm Đào tạo: (\d+) việc\nĐúng hạn (\d+) · Trễ hạn (\d+) · Đang làm (\d+) · Quá hạn (\d+) · Chưa đến hạn (\d+)/.exec(
        report,
      );
    expect(m).not.toBeNull();
    const [total, onTime, lateDone, inProgress, overdueCount, notStarted] = m!.slice(1).map(Number);
    expect(total).toBe(open);
    expect(onTime! + lateDone!).toBe(0);
    expect(inProgress! + overdueCount! + notStarted!).toBe(open);
    expect(overdueCount).toBe(overdue);

    // Finishing a duty is never "late".
    const n = /#(\d+) Nhiệm vụ thường xuyên số 1/.exec(list)![1];
    expect(await say(TRAINING, 'lan', `/xong ${n}`)).toMatch(/^✅ Đã ghi nhận việc số \d+ hoàn thành\. \(/);
  });
});
