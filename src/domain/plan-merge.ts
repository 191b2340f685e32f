/**
 * A new version of a plan meets the tasks loaded from the last one and changed in chat since. Three-way,
 * field by field: what the document said when last loaded (the base), what the task says now, what the new
 * version says. A field nobody touched in chat follows the document; a field changed in chat and not in the
 * document keeps the chat's value; a field changed in both is a conflict, kept as chat set it unless the
 * person loading the plan picks the document's. Tasks deleted in chat stay deleted. Pure: no I/O.
 */
import { foldVietnamese } from './calendar';
import type { DraftTask, LocalDate, TaskKind, TaskSeries } from './task';

/** The fields people change in chat (/edit, /assign); the rest always follow the document. */
export const CHAT_FIELDS = ['title', 'start', 'end', 'lead', 'support'] as const;
export type ChatField = (typeof CHAT_FIELDS)[number];

/** What a document says of a task: what the loader writes, and what a later version is compared with. */
export interface DocFields {
  title: string;
  kind: TaskKind;
  lead: string[];
  support: string[];
  start: LocalDate | null;
  end: LocalDate | null;
  timeText: string | null;
  series: TaskSeries | null;
}

export interface LoadedTask {
  id: string;
  number: number;
  ref: string;
  /** What the task says now. */
  current: DocFields;
  /** What the document said when it was last loaded. */
  base: DocFields;
}

/** A task deleted in chat, as its document had it, so a new version does not bring it back. */
export interface DeletedTask {
  number: number;
  ref: string;
  title: string;
  start: LocalDate | null;
  end: LocalDate | null;
}

export type FieldValue = string | string[] | null;

export interface Conflict {
  /** 1-based, in document order: what the review numbers and `/xacnhan 2` picks. */
  index: number;
  taskId: string;
  number: number;
  field: ChatField;
  document: FieldValue;
  chat: FieldValue;
}

export type MergedTask =
  | { kind: 'new'; draftIndex: number; ref: string; fields: DocFields }
  | {
      kind: 'matched';
      draftIndex: number;
      ref: string;
      task: LoadedTask;
      /** The task's fields once the document's changes are applied and chat's kept (conflicts: chat's). */
      fields: DocFields;
      /** The document's fields: the new base. */
      doc: DocFields;
      conflicts: Conflict[];
      /** Fields changed in chat and not by the document: chat's value stands, no question asked. */
      chatKept: ChatField[];
      changed: boolean;
    }
  | { kind: 'deleted'; draftIndex: number; deleted: DeletedTask };

export interface PlanMerge {
  tasks: MergedTask[];
  conflicts: Conflict[];
  /** Tasks of the last version the new one does not have: kept, with their history, and listed. */
  missing: LoadedTask[];
}

export function docFieldsOf(t: DraftTask): DocFields {
  return {
    title: t.title,
    kind: t.kind,
    lead: t.lead,
    support: t.support,
    start: t.start,
    end: t.end,
    timeText: t.time_text,
    series: t.series ?? null,
  };
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : [];
    const y = Array.isArray(b) ? b : [];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return (a ?? null) === (b ?? null);
}

export function sameFields(a: DocFields, b: DocFields): boolean {
  return (
    a.title === b.title &&
    a.kind === b.kind &&
    sameValue(a.lead, b.lead) &&
    sameValue(a.support, b.support) &&
    a.start === b.start &&
    a.end === b.end &&
    a.timeText === b.timeText &&
    JSON.stringify(a.series) === JSON.stringify(b.series)
  );
}

/** "The same work": its title and window as the document wrote them. */
function sameWork(
  a: { title: string; start: LocalDate | null; end: LocalDate | null },
  b: DocFields,
): boolean {
  return norm(a.title) === norm(b.title) && a.start === b.start && a.end === b.end;
}

/**
 * Titles close enough to be the same item reworded: most of their words shared (a typo fixed, "trên địa
 * bàn" becoming "trên địa bàn thành phố"). Plans renumber and insert items, so a place alone says little.
 */
export const SIMILAR_TITLE = 0.6;

function words(s: string): Set<string> {
  return new Set(
    foldVietnamese(s)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/**
 * Pairs each item of the new version with a task of the last one: first by its work (title and window as
 * the document wrote them, so an item renumbered from (3) to (4) is still the same task), then by a title
 * close enough (an item the document reworded or re-dated), preferring the same place; otherwise it is new
 * — unless it is a task deleted in chat.
 */
export function mergePlan(
  loaded: readonly LoadedTask[],
  deleted: readonly DeletedTask[],
  draft: readonly DraftTask[],
  refs: readonly string[],
): PlanMerge {
  const docs = draft.map(docFieldsOf);
  const pairs = new Map<number, LoadedTask | DeletedTask>();
  const taken = new Set<LoadedTask | DeletedTask>();
  const pick = (i: number, candidate: LoadedTask | DeletedTask | undefined): void => {
    if (!candidate || taken.has(candidate) || pairs.has(i)) return;
    pairs.set(i, candidate);
    taken.add(candidate);
  };
  const baseOf = (c: LoadedTask | DeletedTask) => ('base' in c ? c.base : c);

  // By work, preferring the candidate at the same place when the same work appears twice.
  for (const [i, doc] of docs.entries()) {
    const same = [...loaded, ...deleted].filter((c) => !taken.has(c) && sameWork(baseOf(c), doc));
    pick(i, same.find((c) => c.ref === refs[i]) ?? same[0]);
  }
  // By a similar title, for what the document reworded or re-dated.
  for (const [i, doc] of docs.entries()) {
    if (pairs.has(i)) continue;
    const scored = [...loaded, ...deleted]
      .filter((c) => !taken.has(c))
      .map((c) => ({ c, score: similarity(baseOf(c).title, doc.title) + (c.ref === refs[i] ? 0.01 : 0) }))
      .filter((x) => x.score >= SIMILAR_TITLE)
      .sort((a, b) => b.score - a.score);
    pick(i, scored[0]?.c);
  }

  const tasks: MergedTask[] = [];
  const conflicts: Conflict[] = [];
  for (const [i, doc] of docs.entries()) {
    const ref = refs[i]!;
    const pair = pairs.get(i);
    if (!pair) {
      tasks.push({ kind: 'new', draftIndex: i, ref, fields: doc });
      continue;
    }
    if (!('base' in pair)) {
      tasks.push({ kind: 'deleted', draftIndex: i, deleted: pair });
      continue;
    }
    const fields: DocFields = { ...doc };
    const own: Conflict[] = [];
    const chatKept: ChatField[] = [];
    for (const field of CHAT_FIELDS) {
      const base = pair.base[field];
      const now = pair.current[field];
      const next = doc[field];
      if (sameValue(now, base)) continue; // nobody changed it in chat: the document's value
      if (sameValue(next, base) || sameValue(next, now)) {
        setField(fields, field, now); // changed in chat only (or both to the same): chat's stands
        if (!sameValue(next, now)) chatKept.push(field);
        continue;
      }
      setField(fields, field, now);
      own.push({
        index: conflicts.length + own.length + 1,
        taskId: pair.id,
        number: pair.number,
        field,
        document: next,
        chat: now,
      });
    }
    conflicts.push(...own);
    tasks.push({
      kind: 'matched',
      draftIndex: i,
      ref,
      task: pair,
      fields,
      doc,
      conflicts: own,
      chatKept,
      changed: !sameFields(fields, pair.current) || ref !== pair.ref,
    });
  }
  const missing = loaded.filter((t) => !taken.has(t));
  return { tasks, conflicts, missing };
}

/** The task's fields once the person loading chose the document's value for these conflicts. */
export function withChoices(
  task: Extract<MergedTask, { kind: 'matched' }>,
  takeDocument: ReadonlySet<number>,
): DocFields {
  const fields = { ...task.fields };
  for (const c of task.conflicts) if (takeDocument.has(c.index)) setField(fields, c.field, c.document);
  return fields;
}

function setField(fields: DocFields, field: ChatField, value: FieldValue): void {
  if (field === 'lead' || field === 'support') fields[field] = Array.isArray(value) ? [...value] : [];
  else if (field === 'title') fields.title = typeof value === 'string' ? value : fields.title;
  else fields[field] = typeof value === 'string' ? value : null;
}
