/**
 * Assignment by reference: a "Tổ chức thực hiện" / "Phân công" section that gives each unit the items
 * of the plan by their numbers instead of repeating them —
 *   "Ban Kiểm tra: chủ trì thực hiện các nội dung tại điểm 1.1, 1.3 mục 1 Phần II; phối hợp thực hiện
 *    điểm 2.3", "Văn phòng: chủ trì mục 2 Phần II, trừ điểm 2.2".
 * A line is read into clauses (one role each: lead or support), each clause into the outline paths it
 * names ("II.1.1", "II.2"), which then match the refs of the tasks the walk built.
 */
import type { ParseContext, WorkTask } from '../plan/context';
import { fold } from '../layout/fold';
import {
  ITEM_LIST_WORDS,
  REFERENCE_LEVELS,
  REST_WORDS,
  SUPPORT_VERBS,
  LEAD_VERBS_BY_REFERENCE,
} from '../lexicon';

export type RefLevel = 'part' | 'section' | 'point';

export interface RefClause {
  role: 'lead' | 'support';
  /** The clause's words before its verb: "Trung tâm Tư vấn" in "…; Trung tâm Tư vấn chủ trì điểm 2.2". */
  subject: string;
  /** Outline paths as task refs write them: "II.1.1", "II.2"; a part given by no word is left as "*". */
  include: string[];
  exclude: string[];
  /** "các nội dung còn lại …": only the items of `include` that no other clause gave a lead. */
  rest?: boolean;
}

export interface RefAssignment extends RefClause {
  slugs: string[];
  /** Where the line stands, for the review when a path matches no task. */
  ref: string;
}

interface Group {
  level: RefLevel;
  labels: string[];
  /** Where it starts and ends in the folded clause. */
  at: number;
  end: number;
}

const NUMBER = String.raw`\d{1,2}(?:\.\d{1,2})*`;
const LABEL: Record<RefLevel, string> = {
  // A part is a roman section ("Phần II"): "phần 2" is rare and "phân công 2025" folds to the same word.
  part: String.raw`[ivx]{1,4}(?:\.\d{1,2})*`,
  section: NUMBER,
  point: String.raw`${NUMBER}|[a-z](?![a-z0-9])`,
};

/** Level words and their labels, in the order written: "điểm 1.1, 1.3 mục 1 Phần II". */
function groupsOf(folded: string): Group[] {
  const groups: Group[] = [];
  for (const [word, level] of REFERENCE_LEVELS) {
    const label = LABEL[level];
    // The labels follow the level word at once, as a list: "điểm 1.1, 1.3 và 2.1".
    const re = new RegExp(
      String.raw`\b${word}\s+((?:${label})(?:\s*(?:,|va)\s*(?:${label}))*)(?![a-z0-9])`,
      'g',
    );
    for (const m of folded.matchAll(re)) {
      const labels = (m[1] ?? '').split(/\s*(?:,|\bva\b)\s*/).filter(Boolean);
      groups.push({
        level,
        labels: level === 'part' ? labels.map((l) => l.toUpperCase()) : labels,
        at: m.index,
        end: m.index + m[0].length,
      });
    }
  }
  return groups.sort((a, b) => a.at - b.at);
}

/** The paths a run of groups names; a section right after points qualifies them ("điểm a mục 2"). */
function pathsOf(groups: readonly Group[], part: string | null, folded = ''): string[] {
  const ownPart = [...groups].reverse().find((g) => g.level === 'part')?.labels[0] ?? part;
  const prefix = ownPart ?? '*';
  const out: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as Group;
    if (g.level === 'part') {
      // "Phần II" alone names the whole part; after other groups it only qualified them.
      if (groups.length === 1) out.push(...g.labels);
      else for (const l of g.labels.filter((x) => x.includes('.'))) out.push(l);
      continue;
    }
    if (g.level === 'point') {
      const next = groups[i + 1];
      // "điểm a mục 2" qualifies the points; "điểm 1.2, 2.3, mục 4 và điểm 5.2" lists a section beside them.
      const listed = next !== undefined && /[,;]|\bva\b/.test(folded.slice(g.end, next.at));
      const qualifier = next?.level === 'section' && !listed ? next.labels[0] : undefined;
      for (const l of g.labels)
        out.push(l.includes('.') || !qualifier ? `${prefix}.${l}` : `${prefix}.${qualifier}.${l}`);
      if (qualifier !== undefined) i++;
      continue;
    }
    for (const l of g.labels) out.push(`${prefix}.${l}`);
  }
  return out;
}

/** The role a clause gives ("phối hợp" before its references makes it support) and where its verb is. */
function roleOf(folded: string): { role: RefClause['role']; at: number } | null {
  const firstRef = folded.search(
    new RegExp(`\\b(?:${REFERENCE_LEVELS.map(([w]) => w).join('|')})\\s+[0-9ivxa-z]`),
  );
  const head = firstRef >= 0 ? folded.slice(0, firstRef) : folded;
  const find = (verbs: readonly string[]): number =>
    Math.min(Infinity, ...verbs.map((v) => head.search(new RegExp(`\\b${v}\\b`))).filter((i) => i >= 0));
  const support = find(SUPPORT_VERBS);
  if (support < Infinity) return { role: 'support', at: support };
  const lead = find(LEAD_VERBS_BY_REFERENCE);
  return lead < Infinity ? { role: 'lead', at: lead } : null;
}

const REST = new RegExp(`\\b(?:${REST_WORDS.join('|')})\\b`);

/**
 * "các nội dung còn lại tại mục II", "các nhiệm vụ còn lại": the part whose remaining items the clause
 * gives ("mục II" / "phần II" written with a roman numeral is a part), "*" for the main part, or null.
 */
function restClause(folded: string, part: string | null): string | null {
  if (!REST.test(folded)) return null;
  const named = /\b(?:muc|phan)\s+([ivx]{1,4})(?![a-z0-9])/.exec(folded)?.[1];
  return named ? named.toUpperCase() : (part ?? '*');
}

/**
 * The clauses of a responsibility line that assign items by number, or [] when it names none.
 * `part` is the part a reference without "Phần …" belongs to, when the line named one before.
 */
export function readReferences(text: string): RefClause[] {
  const clauses: RefClause[] = [];
  let part: string | null = null;
  const folded = fold(text);
  // Clauses end at ";" and at a full stop before a space (not the dots of "1.1").
  for (const m of folded.matchAll(/[^;.]+(?:\.(?!\s)[^;.]*)*/g)) {
    const raw = m[0];
    const [inc = '', ...exc] = raw.split(/\btru\b/);
    const groups = groupsOf(inc);
    const rest = restClause(inc, part);
    if (rest) {
      const role = roleOf(inc);
      const subject = text.slice(m.index, m.index + (role?.at ?? 0)).trim();
      if (role) clauses.push({ role: role.role, subject, include: [rest], exclude: [], rest: true });
      continue;
    }
    if (groups.length === 0) continue;
    const role = roleOf(inc);
    if (!role) continue;
    part = [...groups].reverse().find((g) => g.level === 'part')?.labels[0] ?? part;
    const include = pathsOf(groups, part, inc);
    const exclude = exc.flatMap((e) => pathsOf(groupsOf(e), part, e));
    // fold keeps offsets: the subject is cut from the written text.
    const subject = text.slice(m.index, m.index + role.at).trim();
    if (include.length > 0) clauses.push({ role: role.role, subject, include, exclude });
  }
  return clauses;
}

const ITEM_LABEL = String.raw`\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*|[a-z]\)`;
const ITEM_LIST = new RegExp(
  String.raw`^(?:(?:${ITEM_LIST_WORDS.join('|')})\s+)*((?:${ITEM_LABEL})(?:\s*(?:,|;|va)\s*(?:${ITEM_LABEL}))*)[\s.]*$`,
);

/**
 * The cell of an assignment table that lists items by their numbers only ("(1), (2), (6)", "1.1, 1.3",
 * "Mục 2 và 3") → the paths it names, or null when the cell is anything else (a row of work).
 * "(n)" numbers run through the whole plan, so they name an item wherever it stands ("~(n)"); "1.1" and "2"
 * are read as references are, in the plan's main part.
 */
export function itemList(text: string): string[] | null {
  const m = ITEM_LIST.exec(fold(text).trim());
  if (!m?.[1]) return null;
  return m[1]
    .split(/\s*(?:,|;|\bva\b)\s*/)
    .filter(Boolean)
    .map((l) => (l.startsWith('(') ? `~${l}` : `*.${l.replace(/\)$/, '')}`));
}

/** A task's place without its occurrence tag: "II.3.1 T4" → "II.3.1". */
const placeOf = (t: WorkTask): string => t.ref.split(' ')[0] ?? t.ref;

function within(place: string, path: string): boolean {
  // "~(5)": the item numbered (5) wherever it stands, and what is under it.
  if (path.startsWith('~')) return place.split('.').includes(path.slice(1));
  return place === path || place.startsWith(`${path}.`);
}

/** The part a path without "Phần …" means: the one holding most of the plan's items. */
function mainPart(tasks: readonly WorkTask[]): string {
  const counts = new Map<string, number>();
  for (const t of tasks) {
    if (t.meta.origin === 'duty') continue;
    const p = placeOf(t).split('.')[0] ?? '';
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * Gives the referenced tasks their leads and supporting units. A lead written at the item itself wins;
 * several units leading the same item are kept in the order the section names them.
 */
export function applyReferences(ctx: ParseContext): void {
  if (ctx.assignments.length === 0) return;
  const part = mainPart(ctx.tasks);
  const resolve = (path: string): string => path.replace(/^\*/, part);
  const byRef = new Map<WorkTask, { lead: string[]; support: string[] }>();
  // "Các nội dung còn lại": after every other clause, so that it takes only what they left.
  const ordered = [...ctx.assignments.filter((a) => !a.rest), ...ctx.assignments.filter((a) => a.rest)];
  for (const a of ordered) {
    const include = a.include.map(resolve);
    const exclude = a.exclude.map(resolve);
    for (const t of ctx.tasks) {
      if (t.meta.origin === 'duty' || t.meta.explicitLead) continue;
      const place = placeOf(t);
      if (!include.some((p) => within(place, p)) || exclude.some((p) => within(place, p))) continue;
      if (a.rest && a.role === 'lead' && ((byRef.get(t)?.lead.length ?? 0) > 0 || t.lead.length > 0))
        continue;
      const entry = byRef.get(t) ?? { lead: [], support: [] };
      const list = a.role === 'lead' ? entry.lead : entry.support;
      for (const s of a.slugs) if (!list.includes(s)) list.push(s);
      byRef.set(t, entry);
    }
  }
  for (const [t, { lead, support }] of byRef) {
    if (lead.length > 0) t.lead = lead;
    const helpers = [...t.support, ...support].filter(
      (s, i, all) => !t.lead.includes(s) && all.indexOf(s) === i,
    );
    t.support = helpers;
    if (lead.length > 0) t.meta.explicitLead = true;
  }
}
