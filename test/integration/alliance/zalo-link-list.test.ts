/**
 * /lienket on Zalo, through the adapter and the fake built on zca-js's message classes: no buttons in Zalo
 * groups, so the secretary gets the organisation's departments as a numbered list and answers with the
 * number. Another member's number is group talk; a number not on the list is answered; a second
 * organisation's departments never appear in the list.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createBotCore } from '../../../src/bot/core';
import { createZaloChannel, type ZaloChannel } from '../../../src/channels/zalo/channel';
import { createOrganisation } from '../../../src/store/departments';
import { grantAdmin } from '../../../src/store/org-admins';
import { coreDeps } from '../../helpers/core-deps';
import { SCENARIO_NOW, seedScenario } from '../../helpers/scenario';
import { ChatBinding, Organisation, useTestStore } from '../../helpers/store';
import { FakeZaloServer, type FakeSentMessage } from '../../helpers/zalo-fake';

useTestStore(__filename);

const GROUP = '6001001';
const HOA = { id: '8001', name: 'Hoa' };
const MINH = { id: '8002', name: 'Minh' };

const zalo = new FakeZaloServer({ groups: { [GROUP]: 'Phòng Tuyên truyền' } });
let channel: ZaloChannel;

async function sentAfter(before: number): Promise<FakeSentMessage[]> {
  await zalo.waitForSent(before + 1, 10000);
  await new Promise((r) => setTimeout(r, 150));
  return zalo.sent.slice(before);
}

async function say(from: { id: string; name: string }, text: string): Promise<string> {
  const before = zalo.sent.length;
  zalo.emitGroupText(GROUP, from, text);
  return (await sentAfter(before)).map((s) => s.text).join('\n');
}

beforeAll(async () => {
  await seedScenario(); // Hải Phòng, another organisation in the same deployment
  const bg = await createOrganisation('Liên minh HTX tỉnh Bắc Giang', [
    { name: 'Văn phòng', aliases: [] },
    { name: 'Phòng Kế hoạch - Tổng hợp', aliases: ['KHTH'] },
    { name: 'Phòng Tuyên truyền - Thi đua', aliases: ['TTTĐ'] },
  ]);
  await grantAdmin(
    bg.id,
    { platform: 'zalo', userId: HOA.id, name: HOA.name },
    'zalo:admin',
    new Date(SCENARIO_NOW),
  );
  channel = createZaloChannel({
    credentialsFile: join(tmpdir(), 'zalo-link-list-absent.json'),
    core: createBotCore(coreDeps('zalo')),
    logger: pino({ level: 'silent' }),
    api: zalo.api,
    login: zalo.login,
    ratePerSecond: 1000,
    burst: 50,
  });
  await channel.start();
});
afterAll(async () => {
  await channel.stop();
  await zalo.close();
});

describe('/lienket on Zalo', () => {
  it('shows the departments as a numbered list and links the group to the number answered', async () => {
    const list = await say(HOA, '/lienket');
    expect(list).toMatch(/Chọn đơn vị cho nhóm này \(Liên minh HTX tỉnh Bắc Giang\)/);
    expect(list).toMatch(
      /1\. Phòng Kế hoạch - Tổng hợp\n2\. Phòng Tuyên truyền - Thi đua\n3\. Văn phòng\n4\. Nhóm lãnh đạo/,
    );
    expect(list).toMatch(/Trả lời tin này bằng số/);
    // Hải Phòng's departments are not offered, though it shares a deployment (and slugs) with Bắc Giang.
    expect(list).not.toMatch(/Trung tâm Đào tạo|Hải Phòng/);

    // Another member's "2" is group talk: no answer, nothing linked.
    const before = zalo.sent.length;
    zalo.emitGroupText(GROUP, MINH, '2');
    await new Promise((r) => setTimeout(r, 1500));
    expect(zalo.sent.length).toBe(before);
    expect(await ChatBinding.countDocuments({ chatId: GROUP, role: { $ne: null } })).toBe(0);

    expect(await say(HOA, '9')).toMatch(/Không có lựa chọn số 9/);
    expect(await say(HOA, '2')).toMatch(
      /Đã gắn nhóm này với Phòng Tuyên truyền - Thi đua \(Liên minh HTX tỉnh Bắc Giang\)/,
    );
    const binding = await ChatBinding.findOne({ platform: 'zalo', chatId: GROUP }).lean();
    const bg = await Organisation.findOne({ slug: 'bac-giang' }).lean();
    expect(String(binding?.org)).toBe(String(bg?._id));
    expect(binding?.department).toBe('tuyen-truyen-thi-dua');
    // The list is spent: a later "3" is group talk again.
    const after = zalo.sent.length;
    zalo.emitGroupText(GROUP, HOA, '3');
    await new Promise((r) => setTimeout(r, 1500));
    expect(zalo.sent.length).toBe(after);
  });

  it('/unlink and linking again keep the group (its history stays with it)', async () => {
    const first = await ChatBinding.findOne({ platform: 'zalo', chatId: GROUP }).lean();
    expect(await say(HOA, '/unlink')).toMatch(/Đã bỏ gắn/);
    expect(await say(HOA, '/lienket')).toMatch(/1\. Phòng Kế hoạch - Tổng hợp/);
    expect(await say(HOA, '1')).toMatch(/Đã gắn nhóm này với Phòng Kế hoạch - Tổng hợp/);
    const again = await ChatBinding.find({ platform: 'zalo', chatId: GROUP }).lean();
    expect(again).toHaveLength(1);
    expect(String(again[0]?._id)).toBe(String(first?._id));
  });
});
