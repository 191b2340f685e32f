/**
 * An organisation's departments and secretaries as data it owns, managed in chat: list, add, rename, alias,
 * merge (tasks move with an audit record each, history kept), retire (refused while it leads open work);
 * a plan naming an unknown unit offers "thêm đơn vị mới" / "là đơn vị …" and is read again; secretaries
 * granted by reply, by @username and by a one-time code, and revoked; the setup code from the CLI works.
 */
import { createBotCore } from '../../../src/bot/core';
import { plainText, type IncomingMessage } from '../../../src/bot/messages';
import { grantAdmin } from '../../../src/store/org-admins';
import { coreDeps } from '../../helpers/core-deps';
import { runScript } from '../../helpers/run-script';
import { SCENARIO_NOW, seedScenario } from '../../helpers/scenario';
import {
  ChatBinding,
  Department,
  OrgAdmin,
  Organisation,
  Task,
  TaskEdit,
  useTestStore,
} from '../../helpers/store';

const { dbName } = useTestStore(__filename);
const core = createBotCore(coreDeps('telegram'));
let seq = 0;
let hpId = '';

async function say(
  chat: string,
  user: string,
  text: string,
  extra: Partial<IncomingMessage> = {},
): Promise<string> {
  const isGroup = !chat.startsWith('dm');
  const replies = await core.handle({
    platform: 'telegram',
    chat: { id: isGroup ? chat : user, title: chat, isGroup },
    user: { id: user, name: user.toUpperCase(), username: user },
    messageId: String(++seq),
    text,
    botUsername: 'lmhtx_bot',
    ...extra,
  });
  return replies.map((r) => r.toast ?? plainText(r)).join('\n');
}

beforeAll(async () => {
  await seedScenario(); // Hải Phòng, tasks #1–#5
  hpId = String((await Organisation.findOne({ slug: 'hai-phong' }).lean())?._id);
  await grantAdmin(
    hpId,
    { platform: 'telegram', userId: 'thuky', name: 'Thư ký' },
    'telegram:admin',
    new Date(SCENARIO_NOW),
  );
  expect(await say('g-daotao', 'thuky', '/link trung tam dao tao')).toMatch(
    /Đã gắn nhóm này với Trung tâm Đào tạo/,
  );
  expect(await say('g-leaders', 'thuky', '/link leaders')).toMatch(/nhóm lãnh đạo/);
});

describe('departments in chat', () => {
  it('lists, adds, renames (the old name still understood) and gives an alias', async () => {
    const list = await say('dm', 'thuky', '/donvi');
    expect(list).toMatch(/Các đơn vị của Liên minh Hợp tác xã thành phố Hải Phòng/);
    expect(list).toMatch(/\d\. Phòng Kế hoạch – Tổng hợp \(còn gọi: .*KHTH\)/);
    expect(await say('dm', 'thuky', '/donvi them Phòng Tài chính (TC)')).toMatch(
      /Đã thêm đơn vị Phòng Tài chính/,
    );
    expect(await say('dm', 'thuky', '/donvi them phong tai chinh')).toMatch(/Đã có đơn vị Phòng Tài chính/);
    expect(
      await say('g-leaders', 'chu_tich', '/donvi doiten Phòng Tài chính = Phòng Tài chính – Kế toán'),
    ).toMatch(/Đã đổi tên Phòng Tài chính thành Phòng Tài chính – Kế toán/);
    expect(await say('dm', 'thuky', '/donvi tenkhac TC = P.TCKT')).toMatch(
      /“P.TCKT” là Phòng Tài chính – Kế toán/,
    );
    const dept = await Department.findOne({ org: hpId, name: 'Phòng Tài chính – Kế toán' }).lean();
    expect(dept?.aliases).toEqual(expect.arrayContaining(['TC', 'Phòng Tài chính', 'P.TCKT']));
    // A department group may list, not change.
    expect(await say('g-daotao', 'member', '/donvi them Phòng X')).toMatch(
      /Chỉ thư ký \(quản trị\) hoặc nhóm lãnh đạo/,
    );
    expect(await say('g-daotao', 'member', '/donvi')).toMatch(/Trung tâm Đào tạo/);
  });

  it('retiring a department that leads open work is refused until the work is reassigned', async () => {
    expect(await say('dm', 'thuky', '/donvi ngung trung tam dao tao')).toMatch(
      /Trung tâm Đào tạo còn 1 việc đang mở \(#5\)\. Giao lại trước/,
    );
    expect((await Department.findOne({ org: hpId, slug: 'trung-tam-dao-tao' }).lean())?.retired).toBe(false);
  });

  it('merging moves tasks (each with its audit record) and groups, keeps the history, retires the merged one', async () => {
    const before = await Task.findOne({ org: hpId, number: 5 }).lean();
    expect(await say('dm', 'thuky', '/donvi gop trung tam dao tao vao trung tam ho tro')).toMatch(
      /Đã gộp Trung tâm Đào tạo vào Trung tâm Hỗ trợ: 1 việc và 1 nhóm chuyển sang Trung tâm Hỗ trợ/,
    );
    const after = await Task.findOne({ org: hpId, number: 5 }).lean();
    expect(after?.lead).toEqual(['trung-tam-ho-tro']);
    expect(after?.history).toEqual(before?.history);
    expect(await TaskEdit.countDocuments({ taskNumber: 5, field: 'lead' })).toBe(1);
    expect(await say('dm', 'thuky', '/lichsu 5')).toMatch(/Trung tâm Hỗ trợ/);
    const group = await ChatBinding.findOne({ chatId: 'g-daotao' }).lean();
    expect(group?.department).toBe('trung-tam-ho-tro');
    const merged = await Department.findOne({ org: hpId, slug: 'trung-tam-dao-tao' }).lean();
    expect(merged).toMatchObject({ retired: true, mergedInto: 'trung-tam-ho-tro' });
    // The merged name now means the other department, and the retired one is listed apart.
    expect(await say('dm', 'thuky', '/donvi')).toMatch(/Đã ngừng: Trung tâm Đào tạo/);
    expect(await say('dm', 'thuky', '/donvi ngung Phòng Tài chính – Kế toán')).toMatch(
      /Đã ngừng đơn vị Phòng Tài chính – Kế toán/,
    );
  });

  it('a plan naming an unknown unit offers “thêm đơn vị mới” or “là đơn vị …”, and the draft is read again', async () => {
    const text = [
      'LIÊN MINH HTX THÀNH PHỐ HẢI PHÒNG',
      'KẾ HOẠCH',
      'Công tác tháng 6 năm 2025',
      'II. NỘI DUNG',
      '1. Rà soát hồ sơ kế toán các HTX.',
      'Chủ trì: Phòng Pháp chế.',
      'Thời gian: trước ngày 20/6/2025.',
      '2. Tổng hợp ý kiến thành viên.',
      'Chủ trì: Phòng Tổng hợp.',
      'Thời gian: trước ngày 25/6/2025.',
    ].join('\n');
    const data = Buffer.from(text);
    const review = await say('dm', 'thuky', '', {
      attachment: { name: 'thang-6.txt', size: data.length, download: async () => data },
    });
    expect(review).toMatch(
      /Đơn vị chưa có trong danh mục:\n1\. “Phòng Pháp chế” \(mục II\.1\)\n2\. “Phòng Tổng hợp” \(mục II\.2\)/,
    );
    expect(review).toMatch(/\/donvi them 1.*\/donvi la 1 <đơn vị>/);

    const added = await say('dm', 'thuky', '/donvi them 1');
    expect(added).toMatch(/Đã thêm đơn vị Phòng Pháp chế/);
    expect(added).toMatch(/Phòng Pháp chế: 1/); // the review again, with the new department leading
    const named = await say('dm', 'thuky', '/donvi la 1 KHTH');
    expect(named).toMatch(/“Phòng Tổng hợp” là Phòng Kế hoạch – Tổng hợp/);
    expect(named).not.toMatch(/Đơn vị chưa có trong danh mục/);
    expect(await say('dm', 'thuky', '/xacnhan')).toMatch(/Đã nạp kế hoạch/);
    const leads = (
      await Task.find({ org: hpId, title: /Rà soát hồ sơ kế toán|Tổng hợp ý kiến/ })
        .sort({ number: 1 })
        .lean()
    ).map((t) => t.lead);
    expect(leads).toEqual([['phap-che'], ['ke-hoach-tong-hop']]);
  });
});

describe('secretaries in chat', () => {
  it('granted by replying to the person’s message, by @username, and by a one-time code; revoked likewise', async () => {
    // By reply, in the leaders' group.
    expect(
      await say('g-leaders', 'thuky', '/thuky', {
        replyTo: { messageId: '77', fromBot: false, author: { id: 'lan', name: 'Lan', username: 'lan' } },
      }),
    ).toMatch(/Đã cấp quyền thư ký \(quản trị\) của Liên minh Hợp tác xã thành phố Hải Phòng cho Lan/);
    expect(await say('dm', 'lan', '/malienket van phong')).toMatch(/LK-[2-9A-Z]{8}/);

    // By @username, before that person ever wrote to the bot: their first message resolves it.
    expect(await say('dm', 'thuky', '/thuky @hoa_hp')).toMatch(/cho @hoa_hp/);
    expect(await say('dm', 'hoa_hp', '/donvi them Ban Thi đua')).toMatch(/Đã thêm đơn vị Ban Thi đua/);
    expect((await OrgAdmin.findOne({ username: 'hoa_hp' }).lean())?.userId).toBe('hoa_hp');

    // By code: made in private, sent to the bot privately by the person; used once.
    const made = await say('dm', 'thuky', '/thuky ma');
    const code = /TK-[2-9A-Z]{8}/.exec(made)?.[0] ?? '';
    expect(code).not.toBe('');
    expect(await say('dm', 'minh', code)).toMatch(
      /Bạn đã là thư ký \(quản trị\) của Liên minh Hợp tác xã thành phố Hải Phòng/,
    );
    expect(await say('dm', 'tuan', code)).toMatch(/không dùng được/);
    expect(await say('dm', 'tuan', '/donvi them Ban Y')).toMatch(/chưa là thư ký/);

    // Revoked: she can no longer make codes.
    expect(
      await say('g-leaders', 'thuky', '/thuquyen', {
        replyTo: { messageId: '78', fromBot: false, author: { id: 'lan', name: 'Lan', username: 'lan' } },
      }),
    ).toMatch(/Đã thu hồi quyền thư ký \(quản trị\) của Lan/);
    expect(await say('dm', 'lan', '/malienket van phong')).toMatch(/chưa là thư ký/);
    expect(await say('dm', 'thuky', '/thuky')).toMatch(
      /Thư ký \(quản trị\) của .*: Thư ký, @hoa_hp|Thư ký \(quản trị\) của .*Thư ký.*MINH/,
    );
  });

  it('a member who is no secretary cannot grant; a setup code is made only by a deployment admin', async () => {
    expect(await say('g-leaders', 'chu_tich', '/thuky @someone')).toMatch(/Chỉ thư ký \(quản trị\)/);
    expect(await say('dm', 'thuky', '/macaidat')).toMatch(/Chỉ quản trị viên của hệ thống/);
    expect(await say('dm', 'admin', '/macaidat')).toMatch(/CD-[2-9A-Z]{8}/);
  });

  it('npm run setup-code prints a one-time code that /batdau accepts once', async () => {
    const run = runScript('setup-code.ts', [], dbName);
    expect(run.status).toBe(0);
    const code = run.stdout.trim();
    expect(code).toMatch(/^CD-[2-9A-Z]{8}$/);
    expect(await say('dm', 'newcomer', `/batdau ${code}`)).toMatch(/Mã hợp lệ/);
    expect(await say('dm', 'newcomer', '/batdau Liên minh HTX tỉnh Lạng Sơn')).toMatch(
      /Đã tạo Liên minh HTX tỉnh Lạng Sơn/,
    );
    expect(await say('dm', 'newcomer', '/donvi')).toMatch(/Liên minh HTX tỉnh Lạng Sơn chưa có đơn vị nào/);
    expect(await say('dm', 'other', `/batdau ${code}`)).toMatch(/không dùng được/);
  });
});
