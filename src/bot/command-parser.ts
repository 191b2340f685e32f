/**
 * Recognises commands in a message: `/done 12 xong`, `/xong@lmhtx_bot 12`, Vietnamese aliases typed
 * without accents. Parsing lives here once; adapters pass the raw text.
 */
import { foldVietnamese } from '../domain/calendar';

export const COMMANDS = [
  'help',
  'link',
  'unlink',
  'tasks',
  'task',
  'done',
  'update',
  'blocked',
  'status',
  'upcoming',
  'overdue',
  'lang',
  'confirm',
  'cancel',
  'edit',
  'assign',
  'add',
  'delete',
  'history',
  'export',
  'calendar',
  'snooze',
  'mute',
  'unmute',
  'reopen',
  'extend',
  'settings',
  'files',
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Vietnamese names people type (accents optional: the text is folded before lookup). */
export const ALIASES: Readonly<Record<string, CommandName>> = {
  start: 'help',
  trogiup: 'help',
  huongdan: 'help',
  lienket: 'link',
  ganhom: 'link',
  huylienket: 'unlink',
  viec: 'tasks',
  nhiemvu: 'tasks',
  chitiet: 'task',
  xong: 'done',
  hoanthanh: 'done',
  capnhat: 'update',
  tiendo: 'update',
  vuong: 'blocked',
  vuongmac: 'blocked',
  tinhhinh: 'status',
  baocao: 'status',
  sapden: 'upcoming',
  saptoi: 'upcoming',
  quahan: 'overdue',
  trehan: 'overdue',
  ngonngu: 'lang',
  xacnhan: 'confirm',
  dongy: 'confirm',
  huy: 'cancel',
  huybo: 'cancel',
  sua: 'edit',
  suaviec: 'edit',
  giao: 'assign',
  giaoviec: 'assign',
  them: 'add',
  themviec: 'add',
  xoa: 'delete',
  xoaviec: 'delete',
  lichsu: 'history',
  xuat: 'export',
  xuatbaocao: 'export',
  excel: 'export',
  lich: 'calendar',
  ics: 'calendar',
  hoan: 'snooze',
  hoannhac: 'snooze',
  tatnhac: 'mute',
  batnhac: 'unmute',
  mola: 'reopen',
  molai: 'reopen',
  giahan: 'extend',
  xingiahan: 'extend',
  caidat: 'settings',
  tailieu: 'files',
  sanpham: 'files',
};

export interface ParsedCommand {
  /** null for a command the bot does not know. */
  name: CommandName | null;
  /** As typed, for error messages: "/xong". */
  typed: string;
  args: string;
}

/** Returns null when the text is not a command, or is a command for another bot. */
export function parseCommand(text: string, botUsername?: string): ParsedCommand | null {
  const m = /^\/([^\s@]+)(?:@(\S+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return null;
  const [, word = '', target, rest = ''] = m;
  if (target && botUsername && target.toLowerCase() !== botUsername.toLowerCase()) return null;
  const key = foldVietnamese(word).replace(/[^a-z0-9_]/g, '');
  const name = (COMMANDS as readonly string[]).includes(key) ? (key as CommandName) : (ALIASES[key] ?? null);
  return { name, typed: `/${word}`, args: rest.trim() };
}

/** The first argument and the rest: "12 đã gửi báo cáo" → ["12", "đã gửi báo cáo"]. */
export function splitFirst(args: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(args.trim());
  return m ? [m[1] ?? '', (m[2] ?? '').trim()] : ['', ''];
}
