/**
 * What a first plan proposes for a new organisation: its name from the letterhead, and its departments
 * from the units the plan gives work to (names, and the abbreviations the plan uses for them). Pure: the
 * caller parses the plan (with an empty directory, then with the proposal) and passes the drafts in.
 */
import { foldVietnamese } from '../calendar';
import type { OrgDirectoryEntry, PlanDraft } from '../task';
import { departmentSlug, freeSlug } from './slugs';

export interface ProposedDepartment {
  slug: string;
  name: string;
  aliases: string[];
}

const fold = (s: string): string =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The national alliance heads many letterheads above the province's own line; it is not the sender. */
const NATIONAL = /^lien minh (hop tac xa|htx) viet nam$/;

/**
 * "LIÊN MINH HTX TỈNH BẮC GIANG" (or "LIÊN MINH HỢP TÁC XÃ" over "TỈNH THÁI BÌNH") in the first lines →
 * "Liên minh HTX tỉnh Bắc Giang". Null when the head names no alliance.
 */
export function letterheadName(text: string): string | null {
  const lines = text
    .split('\n')
    .slice(0, 15)
    .map((l) => l.trim())
    .filter(Boolean);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    // Letterheads often share the line with the national motto, split by tabs or runs of spaces.
    line = line.split(/\t|\s{3,}/)[0] ?? line;
    const f = fold(line);
    if (!f.startsWith('lien minh') || NATIONAL.test(f)) continue;
    if (/^lien minh (hop tac xa|htx)$/.test(f)) {
      const next = (lines[i + 1] ?? '').split(/\t|\s{3,}/)[0] ?? '';
      if (!/^(tinh|thanh pho|tp|huyen|quan|thi xa)\b/.test(fold(next))) continue;
      line = `${line} ${next}`;
    }
    return titleCase(line.replace(/\s+/g, ' ').trim());
  }
  return null;
}

/** A letterhead in capitals reads as a name: "LIÊN MINH HTX TỈNH BẮC GIANG" → "Liên minh HTX tỉnh Bắc Giang". */
function titleCase(line: string): string {
  if (line !== line.toUpperCase()) return line;
  const lowerWords = new Set(
    'minh tác xã tỉnh thành phố huyện quận thị tac xa tinh thanh pho huyen quan thi'.split(' '),
  );
  return line
    .toLowerCase()
    .split(' ')
    .map((w, i) => {
      if (w === 'htx') return 'HTX';
      if (i === 0 || !lowerWords.has(w)) return w.charAt(0).toUpperCase() + w.slice(1);
      return w;
    })
    .join(' ')
    .replace(/^(Liên|Lien) Minh/, (m) => m.replace('Minh', 'minh'));
}

/** Words that end a unit's name in a sentence ("… HTX, phối hợp với …"). */
const NAME_ENDS = [
  'phoi hop',
  'chu tri',
  'cung',
  'voi',
  'de',
  'thuc hien',
  'tham muu',
  'va cac',
  'thoi gian',
];

/**
 * The parser cuts an unknown name at a lower-case joint ("Trung tâm Tư vấn" of "Trung tâm Tư vấn và Hỗ
 * trợ HTX"); the document's own words up to the next separator are the full name.
 */
function fullName(text: string, name: string): string {
  const at = text.indexOf(name);
  if (at < 0) return name;
  const rest = text.slice(at + name.length);
  const m = /^[^,;.:()\n]*/.exec(rest);
  let tail = (m?.[0] ?? '').trimEnd();
  const words = tail.split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (const w of words) {
    const sofar = fold([...kept, w].join(' '));
    if (NAME_ENDS.some((e) => sofar.endsWith(e) && (sofar === e || sofar.endsWith(` ${e}`)))) break;
    kept.push(w);
    if (kept.length >= 8) break;
  }
  // The stop words matched at the end of `kept` may have left their first word behind ("và" of "và các").
  while (kept.length && ['va', 'voi', 'cua'].includes(fold(kept.at(-1) ?? ''))) kept.pop();
  tail = kept.join(' ');
  return tail ? `${name}${rest.startsWith(' ') ? ' ' : ''}${tail}`.replace(/\s+/g, ' ').trim() : name;
}

const TYPE = /^(Văn phòng|Phòng|Ban|Trung tâm|Quỹ|Tiểu ban)\s+/i;

function initials(name: string): string {
  return name
    .replace(TYPE, '')
    .split(/[\s\-–]+/)
    .filter((w) => /^\p{L}/u.test(w))
    .map((w) => (w === w.toUpperCase() && w.length > 1 ? w : w.charAt(0)))
    .join('')
    .toUpperCase();
}

/**
 * Departments from the unit names a plan parsed with an empty directory reports: full names, their
 * abbreviations ("Phòng Kế hoạch - Tổng hợp (KHTH)", "Phòng KHTH") as aliases, "Văn phòng" when the plan
 * gives it work. Outside bodies (Sở, UBND, member cooperatives) never reach here: the parser keeps them
 * out of its unknown units.
 */
export function candidateDepartments(text: string, bare: PlanDraft): ProposedDepartment[] {
  const names: string[] = [];
  for (const t of bare.tasks) for (const u of t.unknown_units ?? []) names.push(fullName(text, u));
  if (/(^|[\s:;,(])Văn phòng(?=\s*[,;.\n)]|\s+(phối hợp|chủ trì|tham mưu))/mu.test(text))
    names.push('Văn phòng');

  const out: ProposedDepartment[] = [];
  const byKey = new Map<string, ProposedDepartment>();
  const shortForms: string[] = [];
  for (const name of names) {
    const rest = name.replace(TYPE, '');
    // "Phòng KHTH": an abbreviation, attached below to the department whose initials it is.
    if (/^[A-ZĐ]{2,8}$/u.test(rest)) {
      shortForms.push(name);
      continue;
    }
    const key = fold(name);
    if (byKey.has(key)) continue;
    const dept: ProposedDepartment = { slug: '', name, aliases: [] };
    const abbr = new RegExp(`${escape(name)}\\s*\\(([A-ZĐ]{2,8})\\)`, 'u').exec(text)?.[1];
    if (abbr) dept.aliases.push(abbr);
    byKey.set(key, dept);
    out.push(dept);
  }
  for (const short of shortForms) {
    const abbr = short.replace(TYPE, '');
    const owner =
      out.find((d) => d.aliases.includes(abbr)) ??
      out.find((d) => initials(d.name) === abbr.replace(/Đ/g, 'D') || initials(d.name) === abbr);
    if (owner) {
      if (!owner.aliases.includes(short)) owner.aliases.push(short);
      if (!owner.aliases.includes(abbr)) owner.aliases.push(abbr);
    } else if (!byKey.has(fold(short))) {
      const dept = { slug: '', name: short, aliases: [] };
      byKey.set(fold(short), dept);
      out.push(dept);
    }
  }
  const taken = new Set<string>();
  for (const d of out) {
    d.slug = freeSlug(departmentSlug(d.name), taken);
    taken.add(d.slug);
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The proposal as the parser's directory entry. */
export function proposalDirectory(
  name: string,
  departments: readonly ProposedDepartment[],
): OrgDirectoryEntry {
  return { name, departments: Object.fromEntries(departments.map((d) => [d.slug, [d.name, ...d.aliases]])) };
}

/** Only the departments the plan, parsed with them, gives work to: a name met once in passing is left out. */
export function departmentsWithWork(
  departments: readonly ProposedDepartment[],
  draft: PlanDraft,
): ProposedDepartment[] {
  const used = new Set(draft.tasks.flatMap((t) => [...t.lead, ...t.support]));
  return departments.filter((d) => used.has(d.slug));
}
