/**
 * Short names of departments that plans use without the directory listing them:
 *  - the ones agencies form by rule from a full name: "Văn phòng" → VP, "Ban Tổ chức – Kiểm tra" →
 *    Ban TC-KT, "Phòng Chính sách - Pháp luật" → Phòng CS-PL, the only "Trung tâm …" → TT;
 *  - the ones a plan defines itself: "Ban Tổ chức – Kiểm tra (sau đây gọi là Ban TC-KT)", "Văn phòng (VP)",
 *    "… gọi tắt là Ban HTPT" in running text, and a note or list "Ghi chú: VP - Văn phòng; BTT - …".
 */
import { fold, wordSpans } from '../layout/fold';
import type { UnitDirectory } from './units';
import { unitTypeAt } from './unit-words';

type Departments = Record<string, readonly string[]>;

const initial = (word: string): string =>
  word.startsWith('đ') || word.startsWith('Đ') ? 'Đ' : word.charAt(0).toUpperCase();

/** Initials of the words of a name part, joining words ("và") left out: "Tư vấn và Hỗ trợ" → TVHT. */
function initialsOf(part: string): string {
  return part
    .split(/\s+/)
    .filter((w) => w.length > 0 && !['và', 'va', 'các', 'HTX'].includes(w))
    .map(initial)
    .join('');
}

/** The abbreviations agencies form from one full name. */
function formed(name: string): string[] {
  const words = wordSpans(name).map((s) => s.word);
  const type = unitTypeAt(words, 0);
  if (!type) return [];
  const raw = name.trim().split(/\s+/);
  const typeWords = raw.slice(0, type.words).join(' ');
  const rest = raw.slice(type.words).join(' ');
  if (!rest) return type.type === 'van phong' ? ['VP'] : [];
  const parts = rest
    .split(/\s*[-–—]\s*/)
    .map(initialsOf)
    .filter(Boolean);
  if (parts.length === 0) return [];
  const out = [`${typeWords} ${parts.join('-')}`];
  if (parts.length > 1) out.push(`${typeWords} ${parts.join('')}`);
  return out;
}

/** Abbreviations formed by rule, each kept only when it names one department and no listed name. */
export function formedAbbreviations(departments: Departments): Departments {
  const claims = new Map<string, Set<string>>();
  const claim = (abbr: string, slug: string): void => {
    const key = fold(abbr);
    const set = claims.get(key) ?? new Set<string>();
    set.add(slug);
    claims.set(key, set);
  };
  const listed = new Set(Object.values(departments).flatMap((names) => names.map((n) => fold(n))));
  const formedBy: [string, string][] = [];
  const typeCount = new Map<string, string[]>();
  for (const [slug, names] of Object.entries(departments)) {
    for (const name of names) for (const a of formed(name)) formedBy.push([slug, a]);
    const type = unitTypeAt(
      wordSpans(names[0] ?? '').map((s) => s.word),
      0,
    )?.type;
    if (type) typeCount.set(type, [...(typeCount.get(type) ?? []), slug]);
  }
  // "TT": the only Trung tâm of the alliance.
  const centres = typeCount.get('trung tam') ?? [];
  if (centres.length === 1 && centres[0]) formedBy.push([centres[0], 'TT']);
  for (const [slug, a] of formedBy) claim(a, slug);
  const out: Record<string, string[]> = {};
  for (const [slug, a] of formedBy) {
    const key = fold(a);
    if (listed.has(key) || (claims.get(key)?.size ?? 0) > 1) continue;
    const list = (out[slug] ??= []);
    if (!list.includes(a)) list.push(a);
  }
  return out;
}

/** "(sau đây gọi là Ban TC-KT)", "(sau đây gọi tắt là: VP)", "(viết tắt là TT)", or a bare "(VP)". */
const DEFINITION =
  /\(\s*(?:(?:sau day\s+)?(?:goi tat la|goi la|viet tat la|viet tat)\s*:?\s*)?["“']?([^()"”']{2,24}?)["”']?\s*\)/g;

/** Abbreviations the plan defines right after a department's name. */
export function definedAbbreviations(text: string, units: UnitDirectory): Departments {
  const folded = fold(text);
  const out: Record<string, string[]> = {};
  for (const m of folded.matchAll(DEFINITION)) {
    const explicit = /goi|viet tat/.test(m[0]);
    const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? '');
    const abbr = text.slice(start, start + (m[1] ?? '').length).trim();
    // Without "gọi là", only letters in capitals make an abbreviation: "(VP)", "(Ban TC-KT)".
    if (!explicit && !/^(?:[\p{Lu}][\p{L}]*\s)?[\p{Lu}Đ]{2,}(?:[-–][\p{Lu}Đ]{1,})*$/u.test(abbr)) continue;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 80), m.index ?? 0);
    const hits = units.scan(before).hits;
    const last = hits[hits.length - 1];
    // The name must end right where the parenthesis opens.
    if (!last || before.slice(last.to).trim().length > 1) continue;
    add(out, last.slug, abbr);
  }
  writtenAbbreviations(text, units, out);
  return out;
}

/**
 * "Ban Tổ chức – Kiểm tra gọi tắt là Ban TC-KT", "…; Ban Kiểm tra – Giám sát viết tắt là Ban KT-GS.":
 * the same definitions written in running text, the short name running to the next punctuation.
 */
const RUNNING =
  /\s*,?\s*(?:sau day\s+)?(?:goi tat la|viet tat la|goi la)\s*:?\s*["“']?([^;,.()"”':]{2,24}?)["”']?(?=\s*[;,.)]|\s*$)/gm;

/**
 * A note after a table or a list of abbreviations, "Ghi chú: VP - Văn phòng; BTT - Ban Truyền thông",
 * "Chữ viết tắt: PTTV: Ban Phát triển thành viên": pairs of a short name and a department's full name.
 */
const NOTE = /^\s*[-+*•]?\s*(?:ghi chu|chu viet tat|cac chu viet tat|viet tat|chu thich)\s*:\s*(.+)$/gm;
const PAIR = /^\s*["“']?([^\s:=–—-][^:=–—]{0,22}?)["”']?\s*(?:[:=]|\s[-–—]\s)\s*(.+?)\s*$/;
/** A short name has a capital run: "VP", "Ban TC-KT", "Quỹ HTPT"; "Văn phòng" on its own is none. */
const SHORT = /[\p{Lu}Đ]{2,}/u;

function add(out: Record<string, string[]>, slug: string, abbr: string): void {
  const list = (out[slug] ??= []);
  if (!list.includes(abbr)) list.push(abbr);
}

/** Definitions in running text and in notes: the other places a plan defines its short names. */
function writtenAbbreviations(text: string, units: UnitDirectory, out: Record<string, string[]>): void {
  const folded = fold(text);
  for (const m of folded.matchAll(RUNNING)) {
    const start = (m.index ?? 0) + m[0].lastIndexOf(m[1] ?? '');
    const abbr = text.slice(start, start + (m[1] ?? '').length).trim();
    if (!SHORT.test(abbr)) continue;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 80), m.index ?? 0);
    const hits = units.scan(before).hits;
    const last = hits[hits.length - 1];
    if (!last || before.slice(last.to).trim().length > 1) continue;
    add(out, last.slug, abbr);
  }
  const bodies = [...folded.matchAll(NOTE)].map((m) => {
    const start = (m.index ?? 0) + m[0].lastIndexOf(m[1] ?? '');
    return text.slice(start, start + (m[1] ?? '').length);
  });
  // A list of abbreviations at the plan's start, one pair a line: "- VP: Văn phòng", "BKT – Ban Kiểm tra".
  for (const line of text.split('\n')) bodies.push(line.replace(/^\s*[-+*•]\s*/, ''));
  for (const body of bodies) {
    for (const part of body.split(/\s*;\s*/)) {
      const pair = PAIR.exec(part.replace(/[.\s]+$/, ''));
      const abbr = pair?.[1]?.trim() ?? '';
      const name = pair?.[2] ?? '';
      if (!SHORT.test(abbr)) continue;
      const hit = units.scan(name).hits[0];
      // The full name is the whole right side: "BTT - Ban Truyền thông", not a sentence naming a unit.
      if (!hit || hit.from > 1 || name.slice(hit.to).trim().length > 2) continue;
      add(out, hit.slug, abbr);
    }
  }
}

/** The directory's names with both kinds of abbreviation added. */
export function withAbbreviations(departments: Departments, extra: Departments): Departments {
  const out: Record<string, string[]> = {};
  for (const [slug, names] of Object.entries(departments)) out[slug] = [...names, ...(extra[slug] ?? [])];
  return out;
}
