/**
 * Recurring work from a plan: "trước ngày 25 hằng tháng" becomes twelve tasks, each with its own due
 * date; /task shows which occurrence it is ("Lần 3/12"), and finishing one leaves the others open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBotCore } from '../../src/bot/core';
import { plainText } from '../../src/bot/messages';
import { parsePlan } from '../../src/domain/plan-parser';
import type { OrgDirectory } from '../../src/domain/task';
import { upsertOrgDirectory } from '../../src/store/org-repository';
import { loadPlan } from '../../src/store/plan-loader';
import { coreDeps } from '../helpers/core-deps';
import { useTestStore, Task } from '../helpers/store';

useTestStore(__filename);

const PLAN = `LIÊN MINH HTX THÀNH PHỐ HẢI PHÒNG
Số: 05/KH-LMHTX
Hải Phòng, ngày 02 tháng 01 năm 2025
KẾ HOẠCH
Chế độ báo cáo năm 2025
I. NỘI DUNG
1. Báo cáo tình hình hoạt động gửi Thành ủy trước ngày 25 hằng tháng. Đơn vị thực hiện: Văn phòng.
2. Tổng kết công tác năm 2025. Đơn vị chủ trì: Văn phòng; thời gian: tháng 12/2025.
`;

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
  return replies.map(plainText).join('\n');
}

describe('a monthly report as a series of tasks', () => {
  beforeAll(async () => {
    const orgs = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'data', 'orgs.json'), 'utf8'),
    ) as OrgDirectory;
    await upsertOrgDirectory('hai-phong', orgs['hai-phong']!);
    const draft = parsePlan(PLAN, { org: 'hai-phong', directory: orgs });
    await loadPlan(draft, PLAN, 'bao-cao-2025.txt', new Date('2025-01-02T08:00:00+07:00'));
    await say('-300', 'admin', '/link van phong');
  });

  it('stores one task per month, each due on the 24th, linked as one series', async () => {
    const monthly = await Task.find({ 'series.key': 'I.1' }).sort({ 'series.index': 1 }).lean();
    expect(monthly.map((t) => [t.start, t.end, t.series?.index, t.series?.count])).toEqual(
      Array.from({ length: 12 }, (_, i) => {
        const m = String(i + 1).padStart(2, '0');
        return [`2025-${m}-01`, `2025-${m}-24`, i + 1, 12];
      }),
    );
    expect(await Task.countDocuments({ series: null })).toBe(1);
  });

  it('shows "Lần 3/12" in /task, and /done finishes only that occurrence', async () => {
    const third = await Task.findOne({ 'series.key': 'I.1', 'series.index': 3 }).lean();
    expect(await say('-300', 'lan', `/task ${third!.number}`)).toMatch(/Lần 3\/12 của việc định kỳ/);
    await say('-300', 'lan', `/done ${third!.number}`);
    const states = await Task.find({ 'series.key': 'I.1' }).sort({ 'series.index': 1 }).lean();
    expect(states.map((t) => t.status)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i === 2 ? 'done' : 'open')),
    );
  });
});
