import type { Clock } from '../shared/clock';
import type { WorkingCalendar } from '../domain/calendar';
import type { LocalDate } from '../domain/task';
import type { Locale, Translate } from '../shared/i18n';
import type { Logger } from '../shared/logger';
import type { BindingRecord, DepartmentRecord, OrgRecord } from '../store/types';
import type { IncomingMessage, Platform, Reply } from './messages';

export interface BotDeps {
  clock: Clock;
  tz: string;
  calendar: WorkingCalendar;
  defaultLocale: Locale;
  /** Platform-prefixed user ids: telegram:123, zalo:abc. */
  admins: readonly string[];
  t: Translate;
  logger: Logger;
  /** Called after a task's state changed, so its reminders can be re-planned. */
  onTaskChanged?: (taskId: string) => Promise<void>;
  /** How long a message waits out an unreachable store or Redis before the sender is told to resend. */
  outageWaitMs?: number;
  /**
   * Posts to another group of the organisation (the leaders' group told of a request, the requesting group
   * told of the answer); resolves with the platform's id of the message. Absent where nothing can be sent.
   */
  post?: (platform: Platform, chatId: string, reply: Reply) => Promise<{ messageId: string } | null>;
}

/** Everything a command handler needs about the message it answers. */
export interface CommandContext {
  msg: IncomingMessage;
  deps: BotDeps;
  binding: BindingRecord | null;
  org: OrgRecord | null;
  departments: DepartmentRecord[];
  locale: Locale;
  isAdmin: boolean;
  now: Date;
  today: LocalDate;
  t(key: string, vars?: Record<string, unknown>): string;
  /** The department's display name for a slug (the slug itself when unknown). */
  deptName(slug: string): string;
}

export type CommandHandler = (ctx: CommandContext, args: string) => Promise<Reply[]>;
