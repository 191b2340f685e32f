import { createLogger } from '../../../src/shared/logger';
import {
  createGroupTitleCache,
  stripOwnMentions,
  toIncomingMessage,
} from '../../../src/channels/zalo/inbound';
import { GroupMessage, ThreadType, UserMessage, ZaloApiError } from '../../../src/channels/zalo/zca';
import { FakeZaloServer, mentionOf, photoContent } from '../../helpers/zalo-fake';
import { buildGroupMessage } from '../../helpers/zalo-fake-messages';

const GROUP = '6209876543210987654';
const LAN = { id: '3261854332509022064', name: 'Nguyễn Thị Lan' };

function server(): FakeZaloServer {
  const zalo = new FakeZaloServer({ groups: { [GROUP]: 'Phòng Kế hoạch' } });
  zalo.api.listener.start();
  return zalo;
}

describe('zalo inbound: GroupMessage → IncomingMessage', () => {
  it('translates a group text message from a real zca-js GroupMessage', () => {
    const zalo = server();
    const message = zalo.groupText(GROUP, LAN, '/tasks');
    expect(message).toBeInstanceOf(GroupMessage);
    expect(message.type).toBe(ThreadType.Group);

    const incoming = toIncomingMessage(message, { ownId: zalo.ownId, groupTitle: 'Phòng Kế hoạch' });

    expect(incoming).toEqual({
      platform: 'zalo',
      chat: { id: GROUP, title: 'Phòng Kế hoạch', isGroup: true },
      user: { id: LAN.id, name: LAN.name },
      messageId: message.data.msgId,
      text: '/tasks',
    });
    expect(incoming?.messageId).not.toBe(message.data.cliMsgId);
  });

  it('turns a quote of a bot message into replyTo with fromBot and the global msgId the bot got back', async () => {
    const zalo = server();
    const sent = await zalo.api.sendMessage({ msg: 'Nhắc việc: Báo cáo quý II' }, GROUP, ThreadType.Group);
    const reminder = zalo.sent[0];
    expect(reminder && String(sent.message?.msgId)).toBe(reminder?.msgId);

    const reply = zalo.emitReplyToBot(reminder!.msgId, LAN, 'xong');
    const incoming = toIncomingMessage(reply, { ownId: zalo.ownId });

    expect(incoming?.replyTo).toEqual({
      messageId: String(sent.message?.msgId),
      fromBot: true,
      text: 'Nhắc việc: Báo cáo quý II',
    });
    expect(incoming?.text).toBe('xong');
  });

  it('marks a quote of another user as not from the bot', () => {
    const zalo = server();
    const first = zalo.emitGroupText(GROUP, LAN, 'Ai làm báo cáo?');
    const reply = zalo.emitReplyTo(first, { id: '99', name: 'Trần Văn Minh' }, 'Tôi');

    const incoming = toIncomingMessage(reply, { ownId: zalo.ownId });

    expect(incoming?.replyTo).toEqual({
      messageId: first.data.msgId,
      fromBot: false,
      text: 'Ai làm báo cáo?',
    });
  });

  it("ignores the bot's own messages (isSelf, uidFrom rewritten to the bot's uid by zca-js)", () => {
    const zalo = server();
    const self = buildGroupMessage({
      ownId: zalo.ownId,
      ids: { msgId: '1', cliMsgId: '2', ts: 0 },
      from: 'self',
      content: 'Nhắc việc',
      groupId: GROUP,
    });
    expect(self.isSelf).toBe(true);
    expect(self.data.uidFrom).toBe(zalo.ownId);

    expect(toIncomingMessage(self, { ownId: zalo.ownId })).toBeUndefined();
  });

  it('ignores stickers, and photos when it cannot fetch files (content is an object)', () => {
    const zalo = server();
    const photo = buildGroupMessage({
      ownId: zalo.ownId,
      ids: { msgId: '5', cliMsgId: '6', ts: 0 },
      from: LAN,
      content: photoContent('minh chứng'),
      msgType: 'chat.photo',
      groupId: GROUP,
    });
    const sticker = buildGroupMessage({
      ownId: zalo.ownId,
      ids: { msgId: '7', cliMsgId: '8', ts: 0 },
      from: LAN,
      content: { id: 46_982, catId: 10_439, type: 7 },
      msgType: 'chat.sticker',
      groupId: GROUP,
    });
    const download = async (): Promise<Buffer> => Buffer.from('x');

    expect(toIncomingMessage(photo, { ownId: zalo.ownId })).toBeUndefined();
    expect(toIncomingMessage(sticker, { ownId: zalo.ownId, download })).toBeUndefined();
  });

  it('hands a photo to the core as a file of kind photo, its caption as the text, the larger copy kept', async () => {
    const zalo = server();
    const photo = buildGroupMessage({
      ownId: zalo.ownId,
      ids: { msgId: '9', cliMsgId: '10', ts: 0 },
      from: LAN,
      content: photoContent('/xong 12 đã treo băng rôn', {
        href: 'https://f20-zpc.zdn.vn/jpg/123/bang-ron.jpg',
        hd: 'https://f21-zpc.zdn.vn/jpg/123/hd/bang-ron.jpg',
      }),
      msgType: 'chat.photo',
      groupId: GROUP,
    });
    const fetched: string[] = [];
    const download = async (url: string): Promise<Buffer> => (fetched.push(url), Buffer.from('jpeg'));

    const incoming = toIncomingMessage(photo, { ownId: zalo.ownId, download });

    expect(incoming?.text).toBe('/xong 12 đã treo băng rôn');
    expect(incoming?.attachment).toMatchObject({
      name: 'bang-ron.jpg',
      kind: 'photo',
      ref: 'https://f21-zpc.zdn.vn/jpg/123/hd/bang-ron.jpg',
    });
    expect(await incoming?.attachment?.download()).toEqual(Buffer.from('jpeg'));
    expect(fetched).toEqual(['https://f21-zpc.zdn.vn/jpg/123/hd/bang-ron.jpg']);

    // Without a caption the text is empty; a link without a picture's name gets a generic one.
    const bare = buildGroupMessage({
      ownId: zalo.ownId,
      ids: { msgId: '11', cliMsgId: '12', ts: 0 },
      from: LAN,
      content: photoContent('', { href: 'https://f20-zpc.zdn.vn/jpg/123/abcdef' }),
      msgType: 'chat.photo',
      groupId: GROUP,
    });
    expect(toIncomingMessage(bare, { ownId: zalo.ownId, download })).toMatchObject({
      text: '',
      attachment: { name: 'photo.jpg', kind: 'photo' },
    });
  });

  it('translates a private message with isGroup false and the sender as the chat', () => {
    const zalo = server();
    const dm = zalo.emitUserText(LAN, '/help');
    expect(dm).toBeInstanceOf(UserMessage);

    const incoming = toIncomingMessage(dm, { ownId: zalo.ownId, groupTitle: 'ignored' });

    expect(incoming).toMatchObject({
      chat: { id: LAN.id, isGroup: false },
      user: { id: LAN.id },
      text: '/help',
    });
    expect(incoming?.chat.title).toBeUndefined();
  });

  it("strips the bot's own @mention but keeps other people's", () => {
    const zalo = server();
    const text = '@Bot LMHTX /done @Trần Minh';
    const message = zalo.groupText(GROUP, LAN, text, {
      mentions: [mentionOf(text, 'Bot LMHTX', zalo.ownId), mentionOf(text, 'Trần Minh', '99')],
    });

    expect(toIncomingMessage(message, { ownId: zalo.ownId })?.text).toBe('/done @Trần Minh');
    expect(stripOwnMentions('/done', { mentions: undefined }, zalo.ownId)).toBe('/done');
  });
});

describe('zalo inbound: group titles', () => {
  const logger = createLogger('silent');

  it('looks the name up once and caches it', async () => {
    const zalo = server();
    const spy = jest.spyOn(zalo.api, 'getGroupInfo');
    const titles = createGroupTitleCache(() => zalo.api, { logger });

    expect(await titles.get(GROUP)).toBe('Phòng Kế hoạch');
    expect(await titles.get(GROUP)).toBe('Phòng Kế hoạch');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('answers undefined when the lookup fails or the group is unknown', async () => {
    const zalo = server();
    jest.spyOn(zalo.api, 'getGroupInfo').mockRejectedValueOnce(new ZaloApiError('boom', 500));
    const titles = createGroupTitleCache(() => zalo.api, { logger });

    expect(await titles.get(GROUP)).toBeUndefined();
    expect(await titles.get('unknown')).toBeUndefined();
  });
});
