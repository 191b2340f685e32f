/**
 * A corrected version of a plan sent again after work was done on it in chat: three tasks edited and one
 * deleted, then a version that inserts an item (renumbering the rest), re-dates one task nobody touched,
 * and rewords the title of one whose title was also fixed in chat. The review names exactly that one
 * conflict; /xacnhan keeps the chat's changes, leaves the deleted task deleted, applies the document's other
 * changes, and no task changes its number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBotCore } from '../../../src/bot/core';
import { plainText, type IncomingFile, type IncomingMessage, type Reply } from '../../../src/bot/messages';
import type { OrgDirectory } from '../../../src/domain/task';
import { fixedClock } from '../../../src/shared/clock';
import { upsertOrgDirectory } from '../../../src/store/org-repository';
import { coreDeps } from '../../helpers/core-deps';
import { Task, useTestStore } from '../../helpers/store';

useTestStore(__filename);

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'reimport');
const core = createBotCore(
  coreDeps('telegram', { clock: fixedClock(new Date('2025-01-10T09:00:00+07:00')) }),
);
const ADMIN = { id: 'admin', name: 'Quản trị' };
const DM = { id: 'admin', isGroup: false };
let seq = 0;

function planFile(name: string): IncomingFile {
  const data = readFileSync(join(FIXTURES, name));
  return { name, size: data.length, download: async () => data };
}

async function send(text: string, attachment?: IncomingFile): Promise<Reply[]> {
  const msg: IncomingMessage = {
    platform: 'telegram',
    chat: DM,
    user: ADMIN,
    text,
    messageId: String(++seq),
    ...(attachment ? { attachment } : {}),
  };
  return core.handle(msg);
}
const text = (replies: Reply[]): string => replies.map(plainText).join('\n');

async function tasks() {
  return Task.find({}, { number: 1, title: 1, start: 1, end: 1, lead: 1, support: 1 })
    .sort({ number: 1 })
    .lean();
}

beforeAll(async () => {
  const orgs = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'data', 'orgs.json'), 'utf8'),
  ) as OrgDirectory;
  await upsertOrgDirectory('hai-phong', orgs['hai-phong']!);
});

it('keeps chat edits and deletions, applies the document’s other changes, and asks only about the real conflict', async () => {
  expect(text(await send('', planFile('v1.txt')))).toMatch(/6 nhiệm vụ: 6 mới/);
  expect(text(await send('/xacnhan'))).toMatch(/6 việc mới/);
  const first = await tasks();
  expect(first.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6]);

  // In chat: a scan typo fixed, a deadline moved, a supporting unit added, a task deleted.
  expect(text(await send('/edit 2 tên Khảo sát nhu cầu đào tạo của hợp tác xã trên địa bàn'))).toMatch(
    /Việc số 2/,
  );
  expect(text(await send('/edit 3 hạn 15/9/2025'))).toMatch(/15\/09\/2025/);
  expect(text(await send('/edit 4 phối hợp +văn phòng'))).toMatch(/Văn phòng/);
  expect(text(await send('/delete 6'))).toMatch(/\/xacnhan/);
  expect(text(await send('/xacnhan'))).toMatch(/Đã xoá việc số 6/);

  const review = text(await send('', planFile('v2.txt')));
  expect(review).toMatch(/1 chỗ văn bản mới khác với sửa đổi đã làm trong chat/);
  expect(review).toMatch(
    /1\) #2 tên việc: văn bản “Khảo sát nhu cầu đào tạo của hợp tác xã trên địa bàn thành phố”, chat đã sửa “Khảo sát nhu cầu đào tạo của hợp tác xã trên địa bàn”/,
  );
  expect(review.match(/^\d+\) #/gm)).toHaveLength(1);
  expect(review).toMatch(/Giữ nguyên 2 sửa đổi trong chat/);
  expect(review).toMatch(/1 việc đã xoá trong chat sẽ không được tạo lại: #6/);

  const loaded = text(await send('/xacnhan'));
  expect(loaded).toMatch(/1 việc mới/);
  expect(loaded).toMatch(/Giữ theo chat: #2 tên việc/);

  const after = await tasks();
  const byNumber = new Map(after.map((t) => [t.number, t]));
  // Numbers unchanged, the deleted one not back, the inserted item a new number.
  expect(after.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 7]);
  expect(byNumber.get(2)?.title).toBe('Khảo sát nhu cầu đào tạo của hợp tác xã trên địa bàn');
  expect(byNumber.get(3)?.end).toBe('2025-09-15');
  expect(byNumber.get(4)?.support).toEqual(['van-phong']);
  // The document's own change to a task nobody touched: Quý IV → Quý III.
  expect([byNumber.get(5)?.start, byNumber.get(5)?.end]).toEqual(['2025-07-01', '2025-09-30']);
  expect(byNumber.get(7)?.title).toMatch(/^Gặp mặt các hợp tác xã điển hình/);
  expect(await Task.countDocuments({ title: 'Tổng kết công tác năm 2025' })).toBe(0);
});
