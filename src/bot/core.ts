/**
 * The platform-neutral bot: an incoming message in, replies out. Every adapter (Telegram, Zalo, console)
 * calls `handle`; commands, permissions and wording are decided here once.
 */
import { toLocalDate } from '../domain/calendar';
import { isLocale, type Locale } from '../shared/i18n';
import { findBinding } from '../store/binding-repository';
import { findOrgById, listDepartments, listOrgs } from '../store/org-repository';
import type { OrgRecord } from '../store/types';
import { tasksOfReminderMessage } from '../store/reminder-lookup';
import { findTaskById, findTaskByNumber } from '../store/task-repository';
import { isOutage } from '../store/outage';
import { parseCommand, type CommandName } from './command-parser';
import { blocked, done, numberedAnswer, reopen, replyToReminder, update } from './commands/change';
import { onPress } from './commands/press';
import { onDecisionReply } from './commands/decisions';
import { extend } from './commands/extend';
import { settings } from './commands/settings';
import { files } from './commands/evidence';
import { mute, snooze, unmute } from './commands/quiet';
import { help, lang, link, unlink } from './commands/setup';
import { status } from './commands/status';
import { exportReportCommand } from './commands/export';
import { calendar } from './commands/calendar';
import { overdue, task, tasks, upcoming } from './commands/tasks';
import { cancel, confirm, isPlanChat, onFile, onMergePress } from './commands/import';
import { add, assign, edit, remove } from './commands/edit';
import { history } from './commands/history';
import type { BotDeps, CommandContext, CommandHandler } from './context';
import type { BotCore, IncomingFile, IncomingMessage, Reply } from './messages';
import { textReply } from './reply';

export const MAX_MESSAGE = 4000;

const HANDLERS: Record<CommandName, CommandHandler> = {
  help,
  link,
  unlink,
  lang,
  tasks,
  task,
  done,
  update,
  blocked,
  status,
  upcoming,
  overdue,
  confirm,
  cancel,
  edit,
  assign,
  add,
  delete: remove,
  history,
  export: exportReportCommand,
  calendar,
  snooze,
  mute,
  unmute,
  reopen,
  extend,
  settings,
  files,
};

/** Commands that work in a group before it is linked to a department. */
const UNBOUND_OK: ReadonlySet<CommandName> = new Set(['help', 'link', 'unlink', 'lang', 'confirm', 'cancel']);

/**
 * A store or Redis restart takes seconds to a minute; a message that arrives meanwhile waits it out and
 * is answered late, once (its change is recorded under the message's dedupe key, so running it again
 * never applies it twice). Past this, the sender is told it was not saved and what to send again.
 */
export const OUTAGE_WAIT_MS = 60_000;
const RETRY_STEP_MS = 500;
const RETRY_MAX_STEP_MS = 5_000;

export function createBotCore(deps: BotDeps): BotCore {
  const waitMs = deps.outageWaitMs ?? OUTAGE_WAIT_MS;
  return {
    async handle(msg: IncomingMessage): Promise<Reply[]> {
      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        try {
          return await handleOnce(deps, msg);
        } catch (err) {
          if (!isOutage(err)) throw err;
          const waited = Date.now() - started;
          if (waited >= waitMs) {
            deps.logger.error(
              { err, platform: msg.platform, chat: msg.chat.id, message: msg.messageId, waitedMs: waited },
              'store unreachable for too long: message not applied',
            );
            const text = deps.t(deps.defaultLocale, 'errors.notSaved', {
              seconds: Math.round(waitMs / 1000),
              text: msg.text.slice(0, 300),
            });
            return msg.press ? [{ segments: [], toast: text.slice(0, 200) }] : [textReply(text)];
          }
          if (attempt === 1)
            deps.logger.warn(
              { platform: msg.platform, chat: msg.chat.id, message: msg.messageId, error: errorText(err) },
              'store unreachable: the message waits for it',
            );
          const step = Math.min(RETRY_STEP_MS * 2 ** (attempt - 1), RETRY_MAX_STEP_MS);
          await new Promise((resolve) => setTimeout(resolve, Math.min(step, waitMs - waited)));
        }
      }
    },
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One try at a message. An outage is thrown to `handle`, which waits it out; other failures are answered. */
async function handleOnce(deps: BotDeps, msg: IncomingMessage): Promise<Reply[]> {
  if (msg.press) {
    const ctx = await contextFor(deps, msg);
    try {
      if (msg.press.data.startsWith('imp:')) return await onMergePress(ctx, msg.press.data);
      return await onPress(ctx);
    } catch (err) {
      if (isOutage(err)) throw err;
      deps.logger.error({ err, platform: msg.platform, chat: msg.chat.id }, 'button press failed');
      return [{ segments: [], toast: ctx.t('errors.internal') }];
    }
  }
  const command = parseCommand(msg.text, msg.botUsername);
  if (msg.attachment && !command) return await onAttachment(deps, msg, msg.attachment);
  const isReplyToBot = Boolean(msg.replyTo?.fromBot);
  if (!command && !isReplyToBot) return []; // ordinary group talk is not for the bot
  const ctx = await contextFor(deps, msg);
  try {
    if (msg.text.length > MAX_MESSAGE)
      return [textReply(ctx.t('errors.messageTooLong', { max: MAX_MESSAGE }))];
    if (!command) return await onReply(ctx);
    if (!command.name)
      return [textReply(ctx.t('errors.unknownCommand', { command: command.typed.slice(0, 40) }))];
    if (!UNBOUND_OK.has(command.name) && !ctx.org) return [textReply(ctx.t('errors.unbound'))];
    deps.logger.debug({ platform: msg.platform, chat: msg.chat.id, command: command.name }, 'command');
    return await HANDLERS[command.name](ctx, command.args);
  } catch (err) {
    if (isOutage(err)) throw err;
    deps.logger.error(
      { err, platform: msg.platform, chat: msg.chat.id, message: msg.messageId },
      'command failed',
    );
    return [textReply(ctx.t('errors.internal'))];
  }
}

/** A file: a plan to review in a private chat or the leadership group; elsewhere group talk. */
async function onAttachment(deps: BotDeps, msg: IncomingMessage, file: IncomingFile): Promise<Reply[]> {
  const ctx = await contextFor(deps, msg);
  // A file or photo sent in reply to a reminder or to the bot's answer about a task is that task's result.
  if (msg.replyTo?.fromBot && ctx.org && (ctx.binding?.role === 'department' || file.kind === 'photo'))
    try {
      return await onReply(ctx);
    } catch (err) {
      deps.logger.error({ err, platform: msg.platform, chat: msg.chat.id }, 'evidence failed');
      return [textReply(ctx.t('errors.internal'))];
    }
  if (!isPlanChat(ctx) || file.kind === 'photo') return [];
  try {
    return await onFile(ctx, file);
  } catch (err) {
    if (isOutage(err)) throw err;
    deps.logger.error(
      { err, platform: msg.platform, chat: msg.chat.id, file: file.name },
      'plan file failed',
    );
    return [textReply(ctx.t('errors.internal'))];
  }
}

async function onReply(ctx: CommandContext): Promise<Reply[]> {
  const { msg } = ctx;
  const decided = await onDecisionReply(ctx);
  if (decided) return decided;
  const items = msg.replyTo
    ? await tasksOfReminderMessage(msg.platform, msg.chat.id, msg.replyTo.messageId)
    : [];
  if (!ctx.org) return [textReply(ctx.t('errors.unbound'))];
  if (items.length === 0) {
    // The bot's own answer about one task ("✅ Đã ghi nhận việc số 12 …"): a reply to it is about that task.
    const about = /(?:việc số|task|#)\s*(\d{1,7})/iu.exec(msg.replyTo?.text ?? '');
    const task = about ? await findTaskByNumber(ctx.org.id, Number(about[1])) : null;
    if (!task) return [textReply(ctx.t('help.replyHint'))];
    return replyToReminder(ctx, task);
  }
  // "xong 12", "12 xong", "80% 12": the number picks the item (Zalo has no buttons in groups).
  const numbered = numberedAnswer(msg.text);
  if (numbered) {
    const picked = items.find((i) => i.number === numbered.number);
    const task = picked ? await findTaskById(picked.id) : null;
    if (!task) return [textReply(ctx.t('reply.notInReminder', { number: numbered.number }))];
    return replyToReminder(ctx, task, numbered.answer);
  }
  if (items.length > 1) {
    return [textReply(ctx.t('reply.whichTask', { count: items.length, number: items[0]!.number }))];
  }
  const task = await findTaskById(items[0]!.id);
  if (!task) return [textReply(ctx.t('help.replyHint'))];
  return replyToReminder(ctx, task);
}

async function contextFor(deps: BotDeps, msg: IncomingMessage): Promise<CommandContext> {
  const binding = await findBinding(msg.platform, msg.chat.id);
  const isAdmin = deps.admins.includes(`${msg.platform}:${msg.user.id}`);
  const org = binding?.org && binding.role ? await findOrgById(binding.org) : await privateOrg(msg, isAdmin);
  const departments = org ? await listDepartments(org.id) : [];
  const locale: Locale = binding?.locale ?? (isLocale(org?.locale) ? org.locale : deps.defaultLocale);
  const names = new Map(departments.map((d) => [d.slug, d.name]));
  const now = deps.clock.now();
  return {
    msg,
    deps,
    binding,
    org,
    departments,
    locale,
    isAdmin,
    now,
    today: toLocalDate(now, deps.tz),
    t: (key, vars) => deps.t(locale, key, vars),
    deptName: (slug) => names.get(slug) ?? slug,
  };
}

/**
 * An admin's private chat works on the organisation when there is only one, so the secretary who loaded
 * a plan there can fix it there (/edit, /add, /history).
 */
async function privateOrg(msg: IncomingMessage, isAdmin: boolean): Promise<OrgRecord | null> {
  if (msg.chat.isGroup || !isAdmin) return null;
  const orgs = await listOrgs();
  return orgs.length === 1 ? orgs[0]! : null;
}

/** The command menu platforms show, in both languages. */
export function commandMenu(
  t: BotDeps['t'],
): Array<{ command: CommandName; description: Record<Locale, string> }> {
  const order: CommandName[] = [
    'tasks',
    'done',
    'update',
    'blocked',
    'task',
    'upcoming',
    'overdue',
    'status',
    'export',
    'calendar',
    'lang',
    'help',
    'link',
    'unlink',
    'snooze',
    'mute',
    'unmute',
  ];
  return order.map((command) => ({
    command,
    description: { vi: t('vi', `menu.${command}`), en: t('en', `menu.${command}`) },
  }));
}
