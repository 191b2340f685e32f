/**
 * The console as a channel: what the worker sends lands in the terminal marked with its group, with its
 * buttons as numbered choices that `:press` (or typing the label) presses in that group; `:time` reads
 * dates as users write them; files never overwrite each other.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { BotCore, IncomingMessage, Reply } from '../../src/bot/messages';
import { createConsoleSession } from '../../src/channels/console/console-channel';
import { writeUnique } from '../../src/channels/console/console-files';
import { formatServiceTime, parseTimeCommand } from '../../src/channels/console/console-time';

const PROMPT = '<ready>\n';

describe('console session', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'console-session-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('shows a delivered reminder in its group while another is open, and presses its buttons there', async () => {
    const seen: IncomingMessage[] = [];
    const core: BotCore = {
      async handle(msg): Promise<Reply[]> {
        seen.push(msg);
        return msg.press ? [{ segments: [], toast: `pressed ${msg.press.data}` }] : [];
      },
    };
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
    const session = createConsoleSession({
      core,
      input,
      output,
      group: 'van-phong',
      prompt: PROMPT,
      filesDir: dir,
      groupTitles: new Map([['ktt', 'Phòng Kiểm tra']]),
    });
    const running = session.run();
    const { messageId } = await session.sender.send('ktt', {
      segments: [{ text: '❗ Quá hạn\nViệc số 51' }],
      buttons: [
        [
          { label: '✅ Xong #51', data: 'done:51' },
          { label: '📈 50%', data: 'p50:51' },
        ],
      ],
    });
    expect(printed).toContain(
      '── nhóm ktt · Phòng Kiểm tra ──\n[#b1] ❗ Quá hạn\nViệc số 51\n[1] ✅ Xong #51  [2] 📈 50%',
    );
    input.write(':press 2\n');
    input.write(':group ktt\n');
    input.write('xong #51\n'); // the button's text, typed
    input.end(':quit\n');
    await running;
    const presses = seen.filter((m) => m.press);
    expect(presses.map((m) => [m.chat.id, m.press?.data, m.replyTo?.messageId])).toEqual([
      ['ktt', 'p50:51', messageId],
      ['ktt', 'done:51', messageId],
    ]);
    expect(printed).toContain('(pressed p50:51)');
  });

  it('reads :time as dd/mm/yyyy HH:mm or +1d / +1w, and refuses dates that do not exist', () => {
    const now = new Date('2025-03-26T07:58:00+07:00');
    expect(parseTimeCommand('07/05/2025 07:59', now)?.toISOString()).toBe('2025-05-07T00:59:00.000Z');
    expect(parseTimeCommand('+1d', now)?.toISOString()).toBe('2025-03-27T00:58:00.000Z');
    expect(parseTimeCommand('+1w', now)?.toISOString()).toBe('2025-04-02T00:58:00.000Z');
    expect(parseTimeCommand('31/02/2025 08:00', now)).toBeUndefined();
    expect(parseTimeCommand('ngày mai', now)).toBeUndefined();
    expect(formatServiceTime(new Date('2025-05-07T00:59:00Z'))).toBe('Thứ Tư 07/05/2025 07:59');
  });

  it('saves files the bot sends under their own name, never over an earlier one', async () => {
    const a = await writeUnique(dir, 'bao-cao.xlsx', Buffer.from('1'));
    const b = await writeUnique(dir, 'bao-cao.xlsx', Buffer.from('2'));
    expect([a, b].map((p) => p.slice(dir.length + 1))).toEqual(['bao-cao.xlsx', 'bao-cao-2.xlsx']);
    expect((await readdir(dir)).filter((f) => f.startsWith('bao-cao'))).toHaveLength(2);
  });
});
