/** The "/" command menus Telegram clients show, set from the list the core provides. */
import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope, LanguageCode } from 'grammy/types';
import type { Logger } from '../../shared/logger';
import { describeError } from './errors';

export interface TelegramCommand {
  /** 1–32 characters of a-z, 0-9 and _ (Telegram rejects the whole list otherwise). */
  command: string;
  description: { vi: string; en: string };
}

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
const MAX_DESCRIPTION = 256;

/** Group chats first (where the departments are), then the default for private chats. */
const SCOPES: BotCommandScope[] = [{ type: 'all_group_chats' }, { type: 'default' }];

/** `undefined` is the fallback for clients in any other language; the users are Vietnamese. */
const LANGUAGES: Array<{ code?: LanguageCode; pick: 'vi' | 'en' }> = [
  { code: 'vi', pick: 'vi' },
  { code: 'en', pick: 'en' },
  { pick: 'vi' },
];

function usable(commands: readonly TelegramCommand[], logger: Logger): TelegramCommand[] {
  return commands.filter((c) => {
    const ok =
      COMMAND_NAME.test(c.command) &&
      [c.description.vi, c.description.en].every((d) => d.trim() !== '' && d.length <= MAX_DESCRIPTION);
    if (!ok)
      logger.warn(
        { command: c.command },
        'telegram: command left out of the menu (invalid name or description)',
      );
    return ok;
  });
}

/**
 * Sets the menus for every scope × language. A menu is a convenience, so a failure is logged and the bot
 * starts anyway.
 */
export async function setCommandMenus(
  api: Api,
  commands: readonly TelegramCommand[],
  logger: Logger,
): Promise<void> {
  const valid = usable(commands, logger);
  for (const scope of SCOPES) {
    for (const { code, pick } of LANGUAGES) {
      const list: BotCommand[] = valid.map((c) => ({ command: c.command, description: c.description[pick] }));
      try {
        await api.setMyCommands(list, { scope, ...(code ? { language_code: code } : {}) });
      } catch (err) {
        logger.warn(
          { scope: scope.type, language: code ?? 'default', err: describeError(err) },
          'telegram: setMyCommands failed',
        );
      }
    }
  }
}
