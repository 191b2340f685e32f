/**
 * One-time codes (setup, link, admin): made by someone entitled, used once by whoever holds them. Only a
 * hash is stored; the code itself is shown once, to its maker.
 */
import { createHash, randomInt } from 'node:crypto';
import { AccessCode } from './models';
import { idOf } from './types';

export type CodeKind = 'setup' | 'link' | 'admin';

const PREFIX: Record<CodeKind, string> = { setup: 'CD', link: 'LK', admin: 'TK' };
const KIND_OF: Record<string, CodeKind> = { CD: 'setup', LK: 'link', TK: 'admin' };
/** No 0/O, 1/I/L: codes are read off one phone and typed on another. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export const CODE_TTL_MS: Record<CodeKind, number> = {
  setup: 7 * 24 * 3600 * 1000,
  link: 7 * 24 * 3600 * 1000,
  admin: 24 * 3600 * 1000,
};

/** A code as typed, or null: "lk-7q4m 9xa2" → "LK-7Q4M9XA2". */
export function readCode(text: string): { code: string; kind: CodeKind } | null {
  const m = /^\s*(CD|LK|TK)\s*-?\s*((?:[2-9A-HJ-KM-NP-Z]\s*){8})\s*$/i.exec(text);
  if (!m) return null;
  const prefix = (m[1] ?? '').toUpperCase();
  const kind = KIND_OF[prefix];
  if (!kind) return null;
  return { code: `${prefix}-${(m[2] ?? '').replace(/\s+/g, '').toUpperCase()}`, kind };
}

const hashOf = (code: string): string => createHash('sha256').update(code).digest('hex');

export interface CodeRecord {
  kind: CodeKind;
  org: string | null;
  department: string | null;
  createdBy: string;
}

export async function createCode(
  kind: CodeKind,
  data: { org?: string | null; department?: string | null; createdBy: string },
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const body = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${PREFIX[kind]}-${body}`;
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS[kind]);
  await AccessCode.create({
    hash: hashOf(code),
    kind,
    org: data.org ?? null,
    department: data.department ?? null,
    createdBy: data.createdBy,
    createdAt: now,
    expiresAt,
  });
  return { code, expiresAt };
}

function toCode(d: {
  kind: string;
  org?: unknown;
  department?: string | null;
  createdBy: string;
}): CodeRecord {
  return {
    kind: d.kind as CodeKind,
    org: d.org ? idOf(d.org as string) : null,
    department: d.department ?? null,
    createdBy: d.createdBy,
  };
}

/** Spends a link or admin code: null when unknown, used, expired, or of another kind. Atomic: used once. */
export async function useCode(
  code: string,
  kind: CodeKind,
  by: string,
  now: Date,
): Promise<CodeRecord | null> {
  const d = await AccessCode.findOneAndUpdate(
    { hash: hashOf(code), kind, usedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now, usedBy: by } },
    { returnDocument: 'after' },
  ).lean();
  return d ? toCode(d) : null;
}

/** A setup code is claimed first (by the person who will set up), and spent when the organisation exists. */
export async function claimSetupCode(code: string, by: string, now: Date): Promise<boolean> {
  const d = await AccessCode.findOneAndUpdate(
    {
      hash: hashOf(code),
      kind: 'setup',
      usedAt: null,
      expiresAt: { $gt: now },
      $or: [{ claimedBy: null }, { claimedBy: by }],
    },
    { $set: { claimedBy: by } },
  ).lean();
  return d !== null;
}

export async function holdsSetupCode(by: string, now: Date): Promise<boolean> {
  return (
    (await AccessCode.countDocuments({
      kind: 'setup',
      claimedBy: by,
      usedAt: null,
      expiresAt: { $gt: now },
    })) > 0
  );
}

/** Spends one of the setup codes `by` claimed; false when there is none left (two confirms at once). */
export async function spendSetupCode(by: string, now: Date): Promise<boolean> {
  const d = await AccessCode.findOneAndUpdate(
    { kind: 'setup', claimedBy: by, usedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now, usedBy: by } },
  ).lean();
  return d !== null;
}

/** What an unspent code is for, without spending it (so a refusal leaves it usable). */
export async function peekCode(code: string, kind: CodeKind, now: Date): Promise<CodeRecord | null> {
  const d = await AccessCode.findOne({
    hash: hashOf(code),
    kind,
    usedAt: null,
    expiresAt: { $gt: now },
  }).lean();
  return d ? toCode(d) : null;
}
