import { createBotCore } from '../../src/bot/core';
import { plainText, type IncomingMessage } from '../../src/bot/messages';
import { coreDeps } from '../helpers/core-deps';
import { seedScenario } from '../helpers/scenario';
import { useTestStore, StatusUpdate, Task } from '../helpers/store';

useTestStore(__filename);

const core = createBotCore(coreDeps('telegram'));
let seq = 0;
async function say(
  chat: string,
  user: string,
  text: string,
  extra: Partial<IncomingMessage> = {},
): Promise<string[]> {
  const replies = await core.handle({
    platform: 'telegram',
    chat: { id: chat, title: chat, isGroup: true },
    user: { id: user, name: user },
    messageId: String(++seq),
    text,
    botUsername: 'lmhtx_bot',
    ...extra,
  });
  return replies.map(plainText);
}

async function snapshot() {
  const tasks = await Task.find({}, { number: 1, status: 1, progress: 1, revision: 1, history: 1 })
    .sort({ number: 1 })
    .lean();
  return { tasks: JSON.stringify(tasks), updates: await StatusUpdate.countDocuments() };
}

describe('bad input changes nothing and gets a clear answer in the group language', () => {
  beforeAll(async () => {
    await seedScenario();
    await say('-100', 'admin', '/link ke-hoach-tong-hop');
    await say('-200', 'admin', '/link leaders');
    await say('-300', 'admin', '/link van phong');
    await say('-300', 'admin', '/lang en');
  });

  it.each([
    ['/done 99', /Không có việc số 99/],
    // The example in a Vietnamese reply is the Vietnamese command.
    ['/done', /Thiếu số việc\. Ví dụ: \/xong 12/],
    ['/xong', /Thiếu số việc\. Ví dụ: \/xong 12/],
    ['/history', /Ví dụ: \/lichsu 12/],
    // An unknown task number is said to be unknown, not "no changes yet".
    ['/history 999', /Không có việc số 999/],
    ['/done abc', /“abc” không phải số việc/],
    ['/update 4', /Thiếu tỷ lệ tiến độ/],
    ['/update 4 150%', /từ 0% đến 100% \(bạn gõ “150%”\)/],
    ['/update 4 -5%', /không phải số việc|từ 0% đến 100%/],
    ['/update 4 sáu mươi', /từ 0% đến 100%/],
    ['/blocked 4', /Cần ghi lý do vướng mắc/],
    [
      `/done 4 (a 501-character note) ${'x'.repeat(501)}`.replace(' (a 501-character note)', ''),
      /Ghi chú quá dài \(501 ký tự\)\. Tối đa 500/,
    ],
    [`/update 4 10% ${'y'.repeat(4000)}`, /Tin nhắn quá dài/],
    ['/done {"$gt":0}', /không phải số việc/],
    ['/task 4; db.dropDatabase()', /“4;” không phải số việc/],
    ['/tasks .*', /Không tìm thấy đơn vị “\.\*”/],
    ['/status quý 7', /Không hiểu “quý 7”/],
    ['/upcoming 9999', /Số ngày phải từ 1 đến 365/],
    ['/lang fr', /Chọn ngôn ngữ: \/ngonngu vi hoặc \/ngonngu en/],
    ['/frobnicate', /Không có lệnh \/frobnicate/],
    ['/link ke-hoach', /Chỉ quản trị viên/],
  ])('%#: %s', async (text, expected) => {
    const before = await snapshot();
    const replies = await say('-100', 'lan', text);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(expected);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to snooze a finished task, saying it is finished', async () => {
    await say('-100', 'lan', '/xong 1 đã gửi');
    const before = await snapshot();
    expect(await say('-100', 'lan', '/hoan 1 3')).toEqual([
      expect.stringMatching(
        /^Việc số 1 đã hoàn thành từ \d{2}\/\d{2}\/\d{4}: không còn nhắc việc nào để hoãn\.$/,
      ),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('answers in the group language (English here)', async () => {
    const before = await snapshot();
    expect(await say('-300', 'minh', '/update 2 150%')).toEqual([
      'Progress must be between 0% and 100% (you typed “150%”).',
    ]);
    expect(await say('-300', 'minh', '/done 4')).toEqual([
      expect.stringMatching(
        /^Văn phòng neither leads nor supports task 4 \(lead: Phòng Kế hoạch – Tổng hợp\)/,
      ),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps hostile text as text: the core never builds markup from it', async () => {
    const replies = await say('-100', 'lan', '/update 4 20% <b>xong</b> & </code><script>');
    expect(replies[0]).toContain('Ghi chú: <b>xong</b> & </code><script>');
    const task = await Task.findOne({ number: 4 }).lean();
    expect(task?.history.at(-1)?.note).toBe('<b>xong</b> & </code><script>');
  });

  it('the same platform message delivered twice changes nothing twice', async () => {
    const msg = { messageId: 'dup-1' };
    const first = await say('-100', 'lan', '/update 4 40% lần một', msg);
    expect(first[0]).toMatch(/tiến độ 20% → 40%/);
    const before = await snapshot();
    const again = await say('-100', 'lan', '/update 4 40% lần một', msg);
    expect(again[0]).toMatch(/đã được ghi nhận trước đó/);
    expect(await snapshot()).toEqual(before);
  });

  it('ignores ordinary group talk and commands for another bot', async () => {
    expect(await say('-100', 'lan', 'chào cả nhà')).toEqual([]);
    expect(await say('-100', 'lan', '/done@other_bot 4')).toEqual([]);
    expect((await say('-100', 'lan', '/task@lmhtx_bot 4'))[0]).toMatch(/Việc số 4/);
  });
});
