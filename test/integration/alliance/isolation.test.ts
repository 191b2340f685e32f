/**
 * Two organisations in one deployment, each with its own secretary. Their task numbers (#1–#3) and some
 * department slugs (van-phong, ke-hoach-tong-hop) collide. The Bắc Giang secretary tries every changing
 * command against Hải Phòng's groups, tasks, departments and plans — from her private chat, from a new
 * group and from Hải Phòng's own groups, with numbers and slugs that exist only there: every attempt is
 * refused with a clear message and nothing in the store changes. Reads in her groups show only her tasks.
 */
import { createBotCore } from '../../../src/bot/core';
import { plainText, type IncomingMessage, type Reply } from '../../../src/bot/messages';
import { createCode } from '../../../src/store/access-codes';
import { createOrganisation } from '../../../src/store/departments';
import { grantAdmin } from '../../../src/store/org-admins';
import { loadPlan } from '../../../src/store/plan-loader';
import type { PlanDraft } from '../../../src/domain/task';
import { createWorkingCalendar } from '../../../src/domain/calendar';
import { findStoredTask } from '../../../src/store/planning-reads';
import { createDirectory } from '../../../jobs/directory';
import { targetChats } from '../../../jobs/targets';
import { buildWeeklyDigest } from '../../../jobs/weekly-digest';
import { coreDeps } from '../../helpers/core-deps';
import { SCENARIO_NOW, seedScenario } from '../../helpers/scenario';
import {
  AccessCode,
  ChatBinding,
  Department,
  OrgAdmin,
  Organisation,
  PendingAction,
  Plan,
  StatusUpdate,
  Task,
  TaskEdit,
  useTestStore,
} from '../../helpers/store';

useTestStore(__filename);

const core = createBotCore(coreDeps('telegram'));
const SA = 'hpsa'; // Hải Phòng's secretary
const SB = 'bgsb'; // Bắc Giang's secretary
let seq = 0;

function message(
  chat: string,
  user: string,
  text: string,
  extra: Partial<IncomingMessage> = {},
): IncomingMessage {
  const isGroup = !chat.startsWith('dm-');
  return {
    platform: 'telegram',
    chat: { id: isGroup ? chat : user, title: chat, isGroup },
    user: { id: user, name: user.toUpperCase(), username: user },
    messageId: String(++seq),
    text,
    botUsername: 'lmhtx_bot',
    ...extra,
  };
}

async function say(
  chat: string,
  user: string,
  text: string,
  extra: Partial<IncomingMessage> = {},
): Promise<string> {
  const replies: Reply[] = await core.handle(message(chat, user, text, extra));
  return replies.map((r) => r.toast ?? plainText(r)).join('\n');
}

async function press(chat: string, user: string, data: string): Promise<string> {
  return say(chat, user, '', {
    press: { data, id: String(++seq) },
    replyTo: { messageId: '1', fromBot: true },
  });
}

/** Everything a changing command could touch. */
async function snapshot(): Promise<string> {
  const strip = <T extends Record<string, unknown>>(docs: T[]) =>
    docs.map(({ _id, __v, createdAt: _c, updatedAt: _u, ...rest }) => rest);
  return JSON.stringify({
    orgs: strip(await Organisation.find().sort({ slug: 1 }).lean()),
    departments: strip(await Department.find().sort({ org: 1, slug: 1 }).lean()),
    bindings: strip(await ChatBinding.find().sort({ chatId: 1 }).lean()),
    admins: strip(await OrgAdmin.find().sort({ userId: 1 }).lean()),
    tasks: strip(await Task.find().sort({ org: 1, number: 1 }).lean()),
    plans: await Plan.countDocuments(),
    edits: await TaskEdit.countDocuments(),
    updates: await StatusUpdate.countDocuments(),
    codes: strip(await AccessCode.find().sort({ hash: 1 }).lean()),
    pending: await PendingAction.countDocuments({ kind: { $ne: 'link-choice' } }),
  });
}

const BG_PLAN: PlanDraft = {
  org: 'bac-giang',
  title: 'Kế hoạch công tác năm 2025 của Liên minh HTX tỉnh Bắc Giang',
  doc_number: '3/KH-LMHTX',
  issued_on: '2025-01-10',
  year: 2025,
  warnings: [],
  tasks: [
    {
      ref: '1',
      title: 'BG: Báo cáo tình hình HTX nông nghiệp',
      kind: 'deadline',
      lead: ['ke-hoach-tong-hop'],
      support: [],
      start: '2025-04-01',
      end: '2025-05-20',
      time_text: null,
    },
    {
      ref: '2',
      title: 'BG: Hội nghị giao ban Văn phòng',
      kind: 'event',
      lead: ['van-phong'],
      support: [],
      start: '2025-05-27',
      end: '2025-05-27',
      time_text: null,
    },
    {
      ref: '3',
      title: 'BG: Tuyên truyền Ngày HTX',
      kind: 'deadline',
      lead: ['tuyen-truyen-thi-dua'],
      support: [],
      start: '2025-04-01',
      end: '2025-06-30',
      time_text: null,
    },
  ],
};

let hp: { id: string };
let hpVanPhong = '';
let bgKhth = '';

beforeAll(async () => {
  await seedScenario(); // Hải Phòng: tasks #1–#5
  hp = { id: String((await Organisation.findOne({ slug: 'hai-phong' }).lean())?._id) };
  const bg = await createOrganisation('Liên minh HTX tỉnh Bắc Giang', [
    { name: 'Văn phòng', aliases: [] },
    { name: 'Phòng Kế hoạch - Tổng hợp', aliases: ['KHTH'] },
    { name: 'Phòng Tuyên truyền - Thi đua', aliases: ['TTTĐ'] },
  ]);
  expect(bg.slug).toBe('bac-giang');
  await loadPlan(BG_PLAN, JSON.stringify(BG_PLAN), 'bg.json', new Date(SCENARIO_NOW)); // Bắc Giang: #1–#3
  const now = new Date(SCENARIO_NOW);
  await grantAdmin(hp.id, { platform: 'telegram', userId: SA, name: 'SA' }, 'telegram:admin', now);
  await grantAdmin(bg.id, { platform: 'telegram', userId: SB, name: 'SB' }, 'telegram:admin', now);
  hpVanPhong = String((await Department.findOne({ org: hp.id, slug: 'van-phong' }).lean())?._id);
  bgKhth = String((await Department.findOne({ org: bg.id, slug: 'ke-hoach-tong-hop' }).lean())?._id);

  // Each secretary links her own groups, by name: the same words mean her own organisation's department.
  expect(await say('hp-khth', SA, '/link ke-hoach-tong-hop')).toMatch(
    /Phòng Kế hoạch – Tổng hợp \(Liên minh Hợp tác xã thành phố Hải Phòng\)/,
  );
  expect(await say('hp-leaders', SA, '/link leaders')).toMatch(/nhóm lãnh đạo/);
  expect(await say('bg-khth', SB, '/link ke-hoach-tong-hop')).toMatch(
    /Phòng Kế hoạch - Tổng hợp \(Liên minh HTX tỉnh Bắc Giang\)/,
  );
  expect(await say('bg-leaders', SB, '/link leaders')).toMatch(
    /nhóm lãnh đạo của Liên minh HTX tỉnh Bắc Giang/,
  );
});

const NOT_FOUND_TASK = /Không có việc số \d+/;
const NO_DEPT = /Không tìm thấy đơn vị/;
const NOT_HP_ADMIN = /Chỉ thư ký \(quản trị\) của Liên minh Hợp tác xã thành phố Hải Phòng/;
const OTHER_ORG = /Nhóm này đang là nhóm của Liên minh Hợp tác xã thành phố Hải Phòng/;

describe("one organisation's secretary against the other's data", () => {
  const attempts: Array<[string, string, string, RegExp]> = [
    // From her private chat (which works on Bắc Giang): numbers and slugs only Hải Phòng has.
    ['dm-bgsb', '/done 5', 'a number only Hải Phòng has', NOT_FOUND_TASK],
    ['dm-bgsb', '/update 4 50%', '', NOT_FOUND_TASK],
    ['dm-bgsb', '/blocked 5 chờ kinh phí', '', NOT_FOUND_TASK],
    ['dm-bgsb', '/snooze 4 3', '', NOT_FOUND_TASK],
    ['dm-bgsb', '/edit 4 hạn 20/12/2025', '', NOT_FOUND_TASK],
    ['dm-bgsb', '/assign 5 ke-hoach-tong-hop', '', NOT_FOUND_TASK],
    ['dm-bgsb', '/delete 5', '', NOT_FOUND_TASK],
    [
      'dm-bgsb',
      '/assign 1 thong-tin-tuyen-truyen',
      'a slug only Hải Phòng has',
      /Không (tìm thấy|có) (đơn vị|phòng)/,
    ],
    ['dm-bgsb', '/donvi ngung quy-ho-tro', '', NO_DEPT],
    ['dm-bgsb', '/donvi gop trung-tam-dao-tao vao van-phong', '', NO_DEPT],
    ['dm-bgsb', '/donvi doiten thong-tin-tuyen-truyen = Phòng Truyền thông', '', NO_DEPT],
    ['dm-bgsb', '/donvi tenkhac trung-tam-ho-tro = TTHT', '', NO_DEPT],
    ['dm-bgsb', '/malienket trung-tam-ho-tro', '', NO_DEPT],
    [
      'dm-bgsb',
      '/thuquyen @hpsa',
      "Hải Phòng's secretary",
      /không phải thư ký \(quản trị\) của Liên minh HTX tỉnh Bắc Giang/,
    ],
    // From a new group: she may link it to her organisation only.
    [
      'new-group',
      '/link hai-phong/van-phong',
      'an organisation she does not administer',
      /Không (tìm thấy|có) tổ chức/,
    ],
    // From Hải Phòng's own groups (she is a member there).
    ['hp-khth', '/link van phong', '', OTHER_ORG],
    ['hp-khth', '/lienket', '', OTHER_ORG],
    ['hp-khth', '/unlink', '', /Chỉ quản trị viên/],
    [
      'hp-khth',
      '/edit 1 hạn 20/12/2025',
      'a department group never edits the plan',
      /không|Chỉ|là việc của nhóm lãnh đạo/,
    ],
    [
      'hp-khth',
      '/donvi them Phòng Tài vụ',
      '',
      /Chỉ thư ký \(quản trị\) hoặc nhóm lãnh đạo của Liên minh Hợp tác xã thành phố Hải Phòng/,
    ],
    ['hp-khth', '/thuky @bgsb', '', NOT_HP_ADMIN],
    ['hp-khth', '/thuquyen @hpsa', '', NOT_HP_ADMIN],
    ['hp-khth', '/thuky ma', '', NOT_HP_ADMIN],
    ['hp-khth', '/malienket van phong', '', NOT_HP_ADMIN],
  ];

  it.each(attempts)('%s: %s (%s) is refused and changes nothing', async (chat, text, _why, refusal) => {
    const before = await snapshot();
    expect(await say(chat, SB, text)).toMatch(refusal);
    expect(await snapshot()).toBe(before);
  });

  it('forged link buttons for the other organisation are refused, in a new group and in her own', async () => {
    const before = await snapshot();
    expect(await press('new-group', SB, `lk:${hpVanPhong}`)).toMatch(NOT_HP_ADMIN);
    expect(await press('new-group', SB, `lk:L${hp.id}`)).toMatch(NOT_HP_ADMIN);
    expect(await press('new-group', SB, `lo:${hp.id}`)).toMatch(NOT_HP_ADMIN);
    expect(await press('bg-khth', SB, `lk:${hpVanPhong}`)).toMatch(NOT_HP_ADMIN);
    // And Hải Phòng's group cannot be pulled into Bắc Giang.
    expect(await press('hp-khth', SB, `lk:${bgKhth}`)).toMatch(OTHER_ORG);
    expect(await snapshot()).toBe(before);
  });

  it("a plan with the other organisation's letterhead is refused in her private chat, and not kept", async () => {
    const before = await snapshot();
    const text =
      'LIÊN MINH HTX THÀNH PHỐ HẢI PHÒNG\nSố: 9/KH-LMHTX\n\nKẾ HOẠCH\nCông tác tháng 6 năm 2025\n\nII. NỘI DUNG\n1. Báo cáo sơ kết.\nChủ trì: Văn phòng.\nThời gian: trước ngày 20/6/2025.\n';
    const data = Buffer.from(text);
    const reply = await say('dm-bgsb', SB, '', {
      attachment: { name: 'ke-hoach-hp.txt', size: data.length, download: async () => data },
    });
    expect(reply).toMatch(NOT_HP_ADMIN);
    expect(await snapshot()).toBe(before);
  });

  it('a Hải Phòng link code pasted into her Bắc Giang group does not move it, and stays usable', async () => {
    const { code } = await createCode(
      'link',
      { org: hp.id, department: 'van-phong', createdBy: 'telegram:sa' },
      new Date(SCENARIO_NOW),
    );
    const before = await snapshot();
    expect(await say('bg-khth', SB, code)).toMatch(/Nhóm này đang là nhóm của Liên minh HTX tỉnh Bắc Giang/);
    expect(await snapshot()).toBe(before);
    expect(await say('hp-office', 'someone', code)).toMatch(
      /Đã gắn nhóm này với Văn phòng \(Liên minh Hợp tác xã thành phố Hải Phòng\)/,
    );
  });

  it('reads in her groups show only her tasks, though the numbers are the same', async () => {
    expect(await say('bg-khth', SB, '/task 1')).toMatch(/BG: Báo cáo tình hình HTX nông nghiệp/);
    expect(await say('hp-khth', SA, '/task 1')).toMatch(/Báo cáo kết quả hỗ trợ xúc tiến thương mại/);
    const tasks = await say('bg-khth', 'member', '/tasks');
    expect(tasks).toMatch(/BG: Báo cáo tình hình/);
    expect(tasks).not.toMatch(/xúc tiến thương mại|Đánh giá kết quả công tác Quý II/);
    const status = await say('bg-leaders', 'member', '/status 2025');
    expect(status).toMatch(/Phòng Tuyên truyền - Thi đua/);
    expect(status).not.toMatch(/Trung tâm Đào tạo|Thông tin và Tuyên truyền/);
    const replies = await core.handle(message('bg-leaders', 'member', '/export 2025'));
    expect(replies.map(plainText).join('')).toMatch(/\b3 việc|3 tasks|: 3\b/);
    const ics = await core.handle(message('bg-khth', 'member', '/lich'));
    const calendar = ics.find((r) => r.document)?.document?.data.toString('utf8') ?? '';
    expect(calendar).toMatch(/BG: Báo cáo tình hình/);
    expect(calendar).not.toMatch(/xúc tiến thương mại/);
    // Her own /done 1 finishes her #1, not Hải Phòng's.
    expect(await say('dm-bgsb', SB, '/done 1')).toMatch(/việc số 1/i);
    const ones = await Task.find({ number: 1 }).lean();
    const byOrg = new Map(ones.map((t) => [String(t.org), t.status]));
    expect(byOrg.get(hp.id)).toBe('open');
    expect([...byOrg.values()].filter((s) => s === 'done')).toHaveLength(1);
  });

  it("reminders and the digest of one organisation reach only its groups, though both have a 'ke-hoach-tong-hop'", async () => {
    const bg = await Organisation.findOne({ slug: 'bac-giang' }).lean();
    const bgOne = await Task.findOne({ org: bg?._id, number: 1 }).lean();
    const hpOne = await Task.findOne({ org: hp.id, number: 1 }).lean();
    const directory = createDirectory(0);
    const toBg = await targetChats(directory, (await findStoredTask(String(bgOne?._id)))!, 'lead');
    expect(toBg.map((c) => c.chatId)).toEqual(['bg-khth']);
    const toHp = await targetChats(directory, (await findStoredTask(String(hpOne?._id)))!, 'lead');
    expect(toHp.map((c) => c.chatId)).toEqual(['hp-khth']);
    const leadersBg = await targetChats(directory, (await findStoredTask(String(bgOne?._id)))!, 'leaders');
    expect(leadersBg.map((c) => c.chatId)).toEqual(['bg-leaders']);

    const digest = JSON.stringify(
      await buildWeeklyDigest(String(bg?._id), '2025-05-19', 'Asia/Ho_Chi_Minh', createWorkingCalendar()),
    );
    expect(digest).toMatch(/BG: /);
    expect(digest).not.toMatch(/xúc tiến thương mại|Đánh giá kết quả công tác Quý II|Trung tâm Đào tạo/);
  });
});
