/**
 * A chat in the terminal, for trying the bot with no tokens and for demos. You choose which group you
 * are in and who you are; lines starting with ":" steer the console, everything else goes to the bot.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { BotCore, Reply } from '../../bot/messages';
import { plainText } from '../../bot/messages';

export interface ConsoleOptions {
  core: BotCore;
  input: Readable;
  output: Writable;
  group?: string;
  user?: string;
  /** Printed when the console is ready for the next line (tests wait for it). */
  prompt?: string;
  /** Where pictures and files the bot sends are written (default: lmhtx-bot in the system temp folder). */
  filesDir?: string;
}

const HELP = [
  ':group <tên>      chọn nhóm (ví dụ :group phong-ke-hoach) / choose a group',
  ':user <tên>       chọn người gửi (ví dụ :user lan) / choose who you are',
  ':reply <id> <nội dung>  trả lời tin nhắn #id của bot / reply to bot message #id',
  ':who              nhóm và người hiện tại / current group and user',
  ':quit             thoát / exit',
].join('\n');

/** Terminals get the plain text; styles carry no meaning the words do not already have. */
export function renderConsole(reply: Reply): string {
  return plainText(reply);
}

/**
 * A terminal cannot show a picture or hand over a file, so each one is written to `dir` and its path is
 * printed; the message id prefix keeps two "bao-cao.xlsx" from overwriting each other.
 */
export async function saveAttachments(reply: Reply, dir: string, id: string): Promise<string[]> {
  const files: Array<{ name: string; data: Buffer }> = [];
  if (reply.image) files.push({ name: `${id}-image.png`, data: reply.image.data });
  if (reply.document)
    files.push({ name: `${id}-${basename(reply.document.filename)}`, data: reply.document.data });
  if (files.length === 0) return [];
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of files) {
    const path = join(dir, file.name);
    await writeFile(path, file.data);
    paths.push(path);
  }
  return paths;
}

export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const out = (s: string) => opts.output.write(`${s}\n`);
  const prompt = opts.prompt ?? '› ';
  let group = opts.group ?? 'demo';
  let user = opts.user ?? 'admin';
  let seq = 0;
  const sent = new Map<string, string>();

  out(`Bot nhắc việc — console. Nhóm: ${group}, người gửi: ${user}. Gõ :help để xem hướng dẫn.`);
  opts.output.write(prompt);
  const rl = createInterface({ input: opts.input, terminal: false });
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === ':quit' || line === ':q') break;
    if (line === ':help') out(HELP);
    else if (line === ':who') out(`nhóm ${group}, người gửi ${user}`);
    else if (line.startsWith(':group ')) group = line.slice(7).trim() || group;
    else if (line.startsWith(':user ')) user = line.slice(6).trim() || user;
    else if (line.startsWith(':')) {
      const m = /^:reply\s+#?(\S+)\s+([\s\S]+)$/.exec(line);
      if (!m) out(`Không hiểu "${line}". Gõ :help.`);
      else await deliver(m[2]!, { messageId: m[1]!, fromBot: sent.has(m[1]!), text: sent.get(m[1]!) });
    } else if (line) await deliver(line);
    opts.output.write(prompt);
  }
  rl.close();

  async function deliver(
    text: string,
    replyTo?: { messageId: string; fromBot: boolean; text?: string },
  ): Promise<void> {
    seq++;
    const replies = await opts.core.handle({
      platform: 'console',
      chat: { id: group, title: group, isGroup: true },
      user: { id: user, name: user },
      messageId: `u${seq}`,
      text,
      replyTo,
    });
    for (const r of replies) {
      const id = `b${++seq}`;
      sent.set(id, plainText(r));
      const captions = [r.image?.caption, r.document?.caption].filter((c): c is string => !!c);
      const text = [...captions, renderConsole(r)].filter((t) => t.trim()).join('\n');
      const paths = await saveAttachments(r, opts.filesDir ?? join(tmpdir(), 'lmhtx-bot'), id);
      out(`[#${id}] ${[text, ...paths.map((p) => `📎 ${p}`)].filter(Boolean).join('\n')}`);
    }
  }
}
