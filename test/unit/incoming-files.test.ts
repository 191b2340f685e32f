/** A file a user sends, as each platform delivers it → IncomingMessage.attachment, fetched only on demand. */
import { Api, Context } from 'grammy';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import { toIncomingMessage as fromTelegram } from '../../src/channels/telegram/inbound';
import { toIncomingMessage as fromZalo } from '../../src/channels/zalo/inbound';
import {
  buildGroupMessage,
  buildUserMessage,
  fileContent,
  photoContent,
} from '../helpers/zalo-fake-messages';

const OWN = '8412345678901234567';
const LAN = { id: '3261854332509022064', name: 'Nguyễn Thị Lan' };
const ids = { msgId: '7300000000001', cliMsgId: '1750000000001', ts: 1_750_000_000_000 };

describe('Zalo share.file → attachment', () => {
  it('takes the name, the reported size and the href from zca-js’s file message, and downloads only when asked', async () => {
    const fetched: string[] = [];
    const content = fileContent({
      name: 'Kế hoạch 2025.docx',
      size: 48213,
      href: 'https://f21.zdn.vn/f/abc/ke-hoach.docx',
    });
    const message = buildUserMessage({ ownId: OWN, ids, from: LAN, content, msgType: 'share.file' });
    const incoming = fromZalo(message, {
      ownId: OWN,
      download: async (url) => {
        fetched.push(url);
        return Buffer.from('bytes');
      },
    });
    expect(incoming).toMatchObject({ platform: 'zalo', chat: { id: LAN.id, isGroup: false }, text: '' });
    expect(incoming?.attachment).toMatchObject({ name: 'Kế hoạch 2025.docx', size: 48213 });
    expect(fetched).toEqual([]);
    expect(await incoming!.attachment!.download()).toEqual(Buffer.from('bytes'));
    expect(fetched).toEqual(['https://f21.zdn.vn/f/abc/ke-hoach.docx']);
  });

  it('passes a photo on as a photo (a result for a task, never a plan); ignores files it cannot download', () => {
    const download = async (): Promise<Buffer> => Buffer.alloc(0);
    const photo = buildGroupMessage({
      ownId: OWN,
      ids,
      from: LAN,
      content: photoContent(),
      msgType: 'chat.photo',
      groupId: '1',
    });
    expect(fromZalo(photo, { ownId: OWN, download })?.attachment).toMatchObject({ kind: 'photo' });
    const file = buildGroupMessage({
      ownId: OWN,
      ids,
      from: LAN,
      groupId: '1',
      msgType: 'share.file',
      content: fileContent({ name: 'a.pdf', size: 1, href: 'https://f.zdn.vn/a.pdf' }),
    });
    expect(fromZalo(file, { ownId: OWN })).toBeUndefined();
  });
});

describe('Telegram document → attachment', () => {
  const me = { id: 666, is_bot: true, first_name: 'Bot', username: 'TestNameBot' } as UserFromGetMe;
  const ctxFor = (message: Partial<Message>): Context =>
    new Context(
      {
        update_id: 1,
        message: {
          message_id: 42,
          date: 1,
          chat: { id: 900, type: 'private', first_name: 'A' },
          from: { id: 900, is_bot: false, first_name: 'Quản trị' },
          ...message,
        } as Message,
      } as Update,
      new Api('1:unused'),
      me,
    );

  it('a document without a caption reaches the core with an empty text; the caption when there is one', async () => {
    const asked: string[] = [];
    const download = async (id: string): Promise<Buffer> => {
      asked.push(id);
      return Buffer.from('x');
    };
    const document = {
      file_id: 'F1',
      file_unique_id: 'U1',
      file_name: 'ke-hoach.pdf',
      mime_type: 'application/pdf',
      file_size: 1234,
    };
    const bare = fromTelegram(ctxFor({ document }), download);
    expect(bare?.text).toBe('');
    expect(bare?.attachment).toMatchObject({ name: 'ke-hoach.pdf', size: 1234, mimeType: 'application/pdf' });
    expect(asked).toEqual([]);
    await bare!.attachment!.download();
    expect(asked).toEqual(['F1']);
    expect(fromTelegram(ctxFor({ document, caption: 'hai phong' }), download)?.text).toBe('hai phong');
  });

  it('a photo without a caption reaches the core as a photo (a result sent in reply to a task), never as a plan', () => {
    const photo = [{ file_id: 'P', file_unique_id: 'P', width: 1, height: 1 }];
    const m = fromTelegram(ctxFor({ photo }), async () => Buffer.alloc(0));
    expect(m?.attachment).toMatchObject({ kind: 'photo', ref: 'P', name: 'photo.jpg' });
  });
});
