/**
 * A chat in the terminal, for trying the bot with no tokens and for demos. You choose which group you
 * are in and who you are; lines starting with ":" steer the console, everything else goes to the bot.
 *
 * The console is also a channel the worker delivers to (`sender`): in `npm run dev` the reminders, the
 * digest and escalations of every console group are printed here, marked with their group, even while
 * another group is open. Their buttons are numbered choices (`:press 2`, or type the button's text), and
 * `:reply #id …` answers a message as a reply does on Zalo.
 */
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { BotCore, Button, IncomingFile, Reply } from '../../bot/messages';
import { plainText } from '../../bot/messages';
import type { Sender } from '../sender';
import { fileFromDisk, parseFileCommand, saveAttachments } from './console-files';
import { parseTimeCommand, type ConsoleClock } from './console-time';

export { saveAttachments } from './console-files';
export type { ConsoleClock } from './console-time';

export interface ConsoleOptions {
  core: BotCore;
  input: Readable;
  output: Writable;
  group?: string;
  user?: string;
  /** Printed when the console is ready for the next line (tests wait for it). */
  prompt?: string;
  /** Where pictures and files the bot sends are written (default: `.data/files` of the working folder). */
  filesDir?: string;
  /** The service clock, movable with `:time` when the deployment runs on a demo clock (BOT_NOW). */
  clock?: ConsoleClock;
  /** Group names, to mark a message delivered to a group ("lanh-dao" → "Lãnh đạo"). */
  groupTitles?: ReadonlyMap<string, string>;
}

const HELP = [
  ':group <tên>      chọn nhóm (ví dụ :group phong-ke-hoach) / choose a group',
  ':user <tên>       chọn người gửi (ví dụ :user lan) / choose who you are',
  ':reply <id> <nội dung>  trả lời tin nhắn #id của bot (như trên Zalo) / reply to bot message #id',
  ':press [#id] <số>  bấm nút số … của tin nhắc (hoặc gõ chữ trên nút) / press a numbered button',
  ':file <đường dẫn> [chú thích]  gửi một tệp (kế hoạch .docx, .pdf, .txt) / send a file',
  ':time (:gio) dd/mm/yyyy HH:mm | +1d | +1w  chỉnh giờ của dịch vụ (chỉ tiến) / move the service clock',
  ':who              nhóm và người hiện tại / current group and user',
  ':quit             thoát / exit',
].join('\n');

/** Terminals get the plain text; styles carry no meaning the words do not already have. */
export function renderConsole(reply: Reply): string {
  return plainText(reply);
}

interface Shown {
  /** The id the core and the store know this message by (unique across runs: ReminderLog keeps it). */
  messageId: string;
  group: string;
  text: string;
  buttons: Button[];
}

export interface ConsoleSession {
  /** Posts to a console group, as the worker does for reminders; printed at once. */
  readonly sender: Sender;
  run(): Promise<void>;
}

export function createConsoleSession(opts: ConsoleOptions): ConsoleSession {
  const out = (s: string): void => void opts.output.write(`${s}\n`);
  const prompt = opts.prompt ?? '› ';
  const filesDir = opts.filesDir ?? join(process.cwd(), '.data', 'files');
  // Reprinting the prompt after a message that arrived on its own only helps a person at a terminal.
  const interactive = Boolean((opts.output as Writable & { isTTY?: boolean }).isTTY);
  const run = Date.now().toString(36);
  let group = opts.group ?? 'demo';
  let user = opts.user ?? 'admin';
  let seq = 0;
  const shown = new Map<string, Shown>();
  /** The latest message with buttons: `:press 2` without an id presses on it. */
  let lastWithButtons: string | undefined;

  const groupName = (g: string): string => {
    const title = opts.groupTitles?.get(g);
    return title && title !== g ? `${g} · ${title}` : g;
  };

  /**
   * Prints one bot message under its console id and returns that id; `edits` is the id of the message it
   * replaces (a pressed reminder, edited to say who did what), which keeps its id.
   */
  async function show(reply: Reply, inGroup: string, marked: boolean, edits?: string): Promise<string> {
    const id = edits && shown.has(edits) ? edits : `b${++seq}`;
    const buttons = (reply.buttons ?? []).flat();
    const messageId = shown.get(id)?.messageId ?? `${run}-${id}`;
    const entry: Shown = { messageId, group: inGroup, text: plainText(reply), buttons };
    shown.set(id, entry);
    if (buttons.length) lastWithButtons = id;
    const captions = [reply.image?.caption, reply.document?.caption].filter((c): c is string => !!c);
    const text = [...captions, renderConsole(reply)].filter((t) => t.trim()).join('\n');
    const paths = await saveAttachments(reply, filesDir);
    const lines = [text, ...paths.map((p) => `📎 ${p}`)];
    if (buttons.length)
      lines.push(buttons.map((b, i) => `[${i + 1}] ${b.label}`).join('  ') + `   (:press ${id} <số>)`);
    const head = marked ? `── nhóm ${groupName(inGroup)} ──\n` : '';
    out(`${head}[#${id}${id === edits ? ' ✎ sửa' : ''}] ${lines.filter(Boolean).join('\n')}`);
    return id;
  }

  const sender: Sender = {
    platform: 'console',
    async send(chatId, reply) {
      if (interactive) opts.output.write('\n');
      const id = await show(reply, chatId, true);
      if (interactive) opts.output.write(prompt);
      return { messageId: shown.get(id)!.messageId };
    },
  };

  async function deliver(
    text: string,
    extra: {
      chat?: string;
      replyTo?: { messageId: string; fromBot: boolean; text?: string };
      attachment?: IncomingFile;
      press?: { data: string; id: string };
      /** The console id of the message replied to or pressed. */
      about?: string;
    } = {},
  ): Promise<void> {
    seq++;
    const chat = extra.chat ?? group;
    const replies = await opts.core.handle({
      platform: 'console',
      chat: { id: chat, title: chat, isGroup: true },
      user: { id: user, name: user },
      messageId: `${run}-u${seq}`,
      text,
      replyTo: extra.replyTo,
      attachment: extra.attachment,
      press: extra.press,
    });
    for (const r of replies) {
      if (r.toast) out(`(${r.toast})`);
      if (!r.segments.length && !r.image && !r.document) continue;
      await show(r, chat, chat !== group, r.editsPressed ? extra.about : undefined);
    }
  }

  function replyTarget(id: string): {
    chat: string;
    replyTo: { messageId: string; fromBot: boolean; text?: string };
  } {
    const s = shown.get(id);
    if (!s) return { chat: group, replyTo: { messageId: id, fromBot: false } };
    return { chat: s.group, replyTo: { messageId: s.messageId, fromBot: true, text: s.text } };
  }

  async function press(id: string, button: Button): Promise<void> {
    const target = replyTarget(id);
    await deliver('', { ...target, about: id, press: { data: button.data, id: `${run}-p${++seq}` } });
  }

  /** "✅ Xong" or "xong" typed in the group of the latest message with buttons presses that button. */
  function buttonByText(line: string): { id: string; button: Button } | undefined {
    if (!lastWithButtons) return undefined;
    const s = shown.get(lastWithButtons);
    if (!s || s.group !== group) return undefined;
    const norm = (t: string): string =>
      t
        .replace(/[^\p{L}\p{N}%+#\s]/gu, '')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase();
    const want = norm(line);
    const button = want ? s.buttons.find((b) => norm(b.label) === want) : undefined;
    return button ? { id: lastWithButtons, button } : undefined;
  }

  async function onCommand(line: string): Promise<void> {
    const [word = '', ...rest] = line.split(/\s+/);
    const args = line.slice(word.length).trim();
    switch (word) {
      case ':help':
        out(HELP);
        if (opts.clock) out(opts.clock.describe());
        return;
      case ':who':
        return out(`nhóm ${groupName(group)}, người gửi ${user}`);
      case ':group':
        group = rest[0] || group;
        return out(`nhóm ${groupName(group)}`);
      case ':user':
        user = rest[0] || user;
        return;
      case ':reply': {
        const m = /^#?(\S+)\s+([\s\S]+)$/.exec(args);
        if (!m) return out('Cách dùng: :reply #b12 xong');
        return deliver(m[2]!, replyTarget(m[1]!));
      }
      case ':press': {
        const m = /^(?:#?(b\d+)\s+)?(\d+)$/.exec(args);
        const id = m?.[1] ?? lastWithButtons;
        const s = id ? shown.get(id) : undefined;
        if (!m || !id || !s)
          return out('Chưa có tin nhắn nào có nút để bấm. Cách dùng: :press 1 hoặc :press #b12 1');
        const button = s.buttons[Number(m[2]) - 1];
        if (!button)
          return out(`Tin #${id} có ${s.buttons.length} nút: gõ :press ${id} 1…${s.buttons.length}.`);
        out(`(bấm "${button.label}" ở tin #${id})`);
        return press(id, button);
      }
      case ':file': {
        const parsed = parseFileCommand(args);
        if (!parsed) return out('Cách dùng: :file duong/dan/ke-hoach.docx [chú thích]');
        const attachment = await fileFromDisk(parsed.path);
        if (!attachment) return out(`Không có tệp "${parsed.path}".`);
        return deliver(parsed.caption, { attachment });
      }
      case ':time':
      case ':gio': {
        if (!opts.clock)
          return out('Giờ của dịch vụ chỉ chỉnh được khi chạy với BOT_NOW (npm run dev có sẵn).');
        if (!args) return out(opts.clock.describe());
        const to = parseTimeCommand(args, opts.clock.now(), opts.clock.zone);
        if (!to) return out('Cách dùng: :time 26/03/2025 07:59, :time +1d hoặc :time +1w');
        return out(await opts.clock.moveTo(to));
      }
      default:
        return out(`Không hiểu "${line}". Gõ :help.`);
    }
  }

  return {
    sender,
    async run() {
      out(
        `Bot nhắc việc — console. Nhóm: ${groupName(group)}, người gửi: ${user}. Gõ :help để xem hướng dẫn.`,
      );
      opts.output.write(prompt);
      const rl = createInterface({ input: opts.input, terminal: false });
      for await (const raw of rl) {
        const line = raw.trim();
        if (line === ':quit' || line === ':q') break;
        try {
          if (line.startsWith(':')) await onCommand(line);
          else if (line) {
            const byText = buttonByText(line);
            if (byText) await press(byText.id, byText.button);
            else await deliver(line);
          }
        } catch (err) {
          // One failed line (the store away for a moment) must not end the session.
          out(`Lỗi: ${(err as Error).message}`);
        }
        opts.output.write(prompt);
      }
      rl.close();
    },
  };
}

export async function runConsole(opts: ConsoleOptions): Promise<void> {
  await createConsoleSession(opts).run();
}
