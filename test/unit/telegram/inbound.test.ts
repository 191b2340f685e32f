import { Api, Context } from 'grammy';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import { chatMigration, toIncomingMessage } from '../../../src/channels/telegram/inbound';

const me: UserFromGetMe = {
  id: 666,
  is_bot: true,
  first_name: 'Bot',
  username: 'TestNameBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

const group = { id: -1001234567890, type: 'supergroup' as const, title: 'Phòng <Kế toán>' };
const lan = { id: 501, is_bot: false, first_name: 'Lan', last_name: 'Nguyễn', username: 'lan' };

function ctxFor(
  message: Partial<Message> & Record<string, unknown>,
  kind: 'message' | 'edited_message' = 'message',
): Context {
  const full = { message_id: 42, date: 1_700_000_000, chat: group, from: lan, ...message } as Message;
  const update = { update_id: 1, [kind]: full } as Update;
  return new Context(update, new Api('1:unused'), me);
}

describe('Telegram message → IncomingMessage', () => {
  it('translates a command in a supergroup, leaving the command to the core', () => {
    expect(toIncomingMessage(ctxFor({ text: '/ping@TestNameBot a<b' }))).toEqual({
      platform: 'telegram',
      chat: { id: '-1001234567890', title: 'Phòng <Kế toán>', isGroup: true },
      user: { id: '501', name: 'Lan Nguyễn', username: 'lan' },
      messageId: '42',
      text: '/ping@TestNameBot a<b',
      botUsername: 'TestNameBot',
    });
  });

  it('uses the caption of a photo, and the username when there is no usable name', () => {
    const m = toIncomingMessage(
      ctxFor({ caption: 'báo cáo', from: { id: 7, is_bot: false, first_name: ' ', username: 'hoa' } }),
    );
    expect(m?.text).toBe('báo cáo');
    expect(m?.user).toEqual({ id: '7', name: '@hoa', username: 'hoa' });
  });

  it('marks a private chat as not a group, without a title', () => {
    const m = toIncomingMessage(
      ctxFor({ text: 'hi', chat: { id: 501, type: 'private', first_name: 'Lan' } }),
    );
    expect(m?.chat).toEqual({ id: '501', isGroup: false });
  });

  it('passes a reply to the bot with fromBot, and to a person without', () => {
    const toBot = toIncomingMessage(
      ctxFor({
        text: 'xong',
        reply_to_message: {
          message_id: 9,
          date: 1,
          chat: group,
          from: { id: 666, is_bot: true, first_name: 'Bot', username: 'TestNameBot' },
          text: 'Nhắc việc',
        } as Message['reply_to_message'],
      }),
    );
    expect(toBot?.replyTo).toEqual({ messageId: '9', fromBot: true, text: 'Nhắc việc' });
    const toPerson = toIncomingMessage(
      ctxFor({
        text: 'ok',
        reply_to_message: {
          message_id: 8,
          date: 1,
          chat: group,
          from: lan,
          caption: 'ảnh',
        } as Message['reply_to_message'],
      }),
    );
    // Who wrote the quoted message: a secretary is granted by replying to it.
    expect(toPerson?.replyTo).toEqual({
      messageId: '8',
      fromBot: false,
      text: 'ảnh',
      author: { id: '501', name: 'Lan Nguyễn', username: 'lan' },
    });
  });

  it("ignores the forum topic's creation notice as a reply target", () => {
    const m = toIncomingMessage(
      ctxFor({
        text: '/status',
        is_topic_message: true,
        message_thread_id: 5,
        reply_to_message: {
          message_id: 5,
          date: 1,
          chat: group,
          from: lan,
          forum_topic_created: { name: 'Q1', icon_color: 1 },
        } as Message['reply_to_message'],
      }),
    );
    expect(m?.replyTo).toBeUndefined();
  });

  it('ignores bots, channel posts in a discussion group, edits and messages without text', () => {
    expect(
      toIncomingMessage(ctxFor({ text: 'hi', from: { id: 9, is_bot: true, first_name: 'Other' } })),
    ).toBeUndefined();
    expect(
      toIncomingMessage(
        ctxFor({
          text: 'post',
          is_automatic_forward: true,
          from: { id: 777000, is_bot: false, first_name: 'Telegram' },
        }),
      ),
    ).toBeUndefined();
    expect(toIncomingMessage(ctxFor({ text: 'edited' }, 'edited_message'))).toBeUndefined();
    expect(
      toIncomingMessage(ctxFor({ sticker: { file_id: 'x' } } as Record<string, unknown>)),
    ).toBeUndefined();
  });

  it('takes an anonymous admin as the group itself', () => {
    const m = toIncomingMessage(
      ctxFor({
        text: '/done 12',
        from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' },
        sender_chat: group,
        author_signature: 'Trưởng phòng',
      }),
    );
    expect(m?.user).toEqual({ id: '-1001234567890', name: 'Trưởng phòng' });
  });

  it('reports a migration to a supergroup, and nothing for the core', () => {
    const ctx = ctxFor({
      migrate_to_chat_id: -1009999,
      chat: { id: -4242, type: 'group', title: 'Phòng' },
    } as Record<string, unknown>);
    expect(chatMigration(ctx)).toEqual({ fromChatId: '-4242', toChatId: '-1009999' });
    expect(toIncomingMessage(ctx)).toBeUndefined();
  });
});
