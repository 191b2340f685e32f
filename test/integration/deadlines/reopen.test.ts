/**
 * A finished task stays finished until someone reopens it on purpose: a supporting department's progress
 * report leaves it done and says so; /mola from the lead group reopens it, with an audit record.
 * Through the real core and store (FerretDB).
 */
import { createBotCore } from '../../../src/bot/core';
import { plainText, type IncomingMessage } from '../../../src/bot/messages';
import { coreDeps } from '../../helpers/core-deps';
import { seedScenario } from '../../helpers/scenario';
import { useTestStore, StatusUpdate, Task } from '../../helpers/store';

useTestStore(__filename);

const core = createBotCore(coreDeps('telegram'));
const ADMIN = { id: 'admin', name: 'Quản trị' };
const LAN = { id: '501', name: 'Lan' };
const MINH = { id: '502', name: 'Minh' };
const PLANNING = { id: '-100301', title: 'Phòng KH-TH', isGroup: true };
const OFFICE = { id: '-100302', title: 'Văn phòng', isGroup: true };
let seq = 0;

async function send(chat: IncomingMessage['chat'], user: IncomingMessage['user'], text: string) {
  const replies = await core.handle({ platform: 'telegram', chat, user, text, messageId: String(++seq) });
  return replies.map(plainText).join('\n');
}

beforeAll(async () => {
  await seedScenario();
  await send(PLANNING, ADMIN, '/link ke hoach');
  await send(OFFICE, ADMIN, '/link van phong');
});

describe('reopening a finished task', () => {
  it('progress from a supporting group leaves it finished and says so; /mola from the lead group reopens it', async () => {
    // Task 2: led by the office, supported by planning.
    expect(await send(OFFICE, MINH, '/xong 2 đã tổ chức')).toMatch(/Đã ghi nhận việc số 2 hoàn thành/);
    const finished = await Task.findOne({ number: 2 }).lean();
    expect(finished).toMatchObject({ status: 'done', progress: 100 });

    const answer = await send(PLANNING, LAN, '/update 2 50%');
    expect(answer).toMatch(/Việc số 2 đã hoàn thành từ 15\/05\/2025/);
    expect(answer).toMatch(/vẫn là hoàn thành/);
    expect(answer).toMatch(/\/mola 2/);
    const still = await Task.findOne({ number: 2 }).lean();
    expect(still).toMatchObject({ status: 'done', progress: 100, revision: finished!.revision });
    expect(still!.completedAt).toEqual(finished!.completedAt);

    // A supporting group may not reopen it either; a reason is required.
    expect(await send(PLANNING, LAN, '/mola 2 thiếu số liệu')).toMatch(
      /phối hợp việc 2: báo tiến độ bằng \/capnhat 2 60%/,
    );
    expect(await send(OFFICE, MINH, '/mola 2')).toMatch(/Cần ghi lý do mở lại/);
    expect((await Task.findOne({ number: 2 }).lean())!.status).toBe('done');

    expect(await send(OFFICE, MINH, '/mola 2 thiếu biên bản hội nghị')).toMatch(
      /Đã mở lại việc số 2: thiếu biên bản hội nghị/,
    );
    const reopened = await Task.findOne({ number: 2 }).lean();
    expect(reopened).toMatchObject({ status: 'in_progress', progress: 99, completedAt: null });
    const audit = await StatusUpdate.findOne({ taskNumber: 2, action: 'reopen' }).lean();
    expect(audit).toMatchObject({
      applied: true,
      userName: 'Minh',
      note: 'thiếu biên bản hội nghị',
      before: { status: 'done' },
      after: { status: 'in_progress' },
    });
    expect(await send(OFFICE, MINH, '/lichsu 2')).toMatch(/Minh/);
    // Now open, progress counts again.
    expect(await send(PLANNING, LAN, '/update 2 50%')).toMatch(/Việc số 2: tiến độ \d+% → 50%/);
  });
});
