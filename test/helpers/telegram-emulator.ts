/**
 * The Telegram Bot API emulator the tests run against. It lives in tools/ because the benchmark drives it
 * too, and bench/ may not import test code (test/unit/architecture/layers.test.ts).
 */
export * from '../../tools/telegram-emulator';

import type { BotMessage } from '../../tools/telegram-emulator';

/** What a person reads: the HTML the bot sent, without tags and entities. */
export function readable(m: BotMessage): string {
  return (m.text ?? m.caption ?? '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
