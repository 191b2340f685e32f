/**
 * Plans in, tasks out: the text of a plan (kế hoạch, chương trình công tác) → a PlanDraft for a
 * secretary to check. Pure: no I/O, no clock; the same text always gives the same draft.
 */
import type { DraftTask, DraftWarning, OrgDirectory, PlanDraft } from '../../task';
import type { ParseContext, SkippedItem, WorkTask } from './context';
import { crossReferenceLeads } from '../items/cross-ref';
import { dropSummaries } from './dedupe';
import { readField } from '../items/fields';
import { fold, normalizeText } from '../layout/fold';
import { ON_DEMAND } from '../lexicon';
import { eventDays, withEventDates } from '../time/relative-days';
import { dayCalendarAsItems } from '../layout/day-calendar';
import { footnotesInline } from '../layout/footnotes';
import { recordListAsItems } from '../layout/record-list';
import { taskBoardAsItems } from '../layout/task-board';
import { pipeListAsFields } from '../layout/pipe-list';
import { transcriptAsItems } from '../layout/spoken';
import { htmlAsText } from '../layout/html';
import { letterCellsAsPipes } from '../layout/letter-cells';
import { flowchartAsOutline } from '../layout/flowchart';
import { latexAsText } from '../layout/latex';
import { assignmentSlipsAsItems } from '../layout/assignment-slips';
import { xmlExportAsText } from '../layout/xml-export';
import { yamlExportAsText } from '../layout/yaml-export';
import { quotedCellsAsPipes } from '../layout/quoted-cells';
import { rstTablesAsPipes } from '../layout/rst-table';
import { orgModeAsText } from '../layout/org-mode';
import { typstAsText } from '../layout/typst';
import { troffAsText } from '../layout/troff';
import { rtfAsText } from '../layout/rtf';
import { bbcodeAsText } from '../layout/bbcode';
import { texinfoAsText } from '../layout/texinfo';
import { tomlExportAsText } from '../layout/toml-export';
import { unifiedDiffAsText } from '../layout/unified-diff';
import { graphvizDotAsText } from '../layout/graphviz-dot';
import { todoTxtAsText } from '../layout/todo-txt';
import { sqlDumpAsText } from '../layout/sql-dump';
import { odfTextAsText } from '../layout/odf-text';
import { monthsWrittenOut } from '../time/month-abbreviations';
import { msProjectAsText } from '../layout/ms-project';
import { asciidocAsText } from '../layout/asciidoc';
import { mediawikiAsText } from '../layout/mediawiki';
import { emailThreadAsText } from '../layout/email-thread';
import { markdownTasksAsItems } from '../layout/markdown-tasks';
import { treeAsOutline } from '../layout/tree-outline';
import { boxTableAsPipes } from '../layout/box-table';
import { acceptTrackedChanges } from '../layout/tracked-changes';
import { calendarAsItems } from '../layout/ical';
import { withoutTranslations } from '../layout/translations';
import { teamsAsUnits } from '../layout/teams';
import { readHead } from './header';
import { applyReferences } from '../items/references';
import { definedAbbreviations, formedAbbreviations, withAbbreviations } from './abbreviations';
import {
  buildOutline,
  fullText,
  isBullet,
  isNumbered,
  planSections,
  type OutlineNode,
} from '../layout/outline';
import { toParagraphs } from '../layout/paragraphs';
import { sectionKindOf } from '../items/sections';
import { isSpecificTime, readTime, yearWindow, type TimeReading, type Window } from '../time/time-words';
import { daysBetween } from '../../calendar/dates';
import { sentenceTitle, withoutOpeningVerb, withoutTrailingTime } from '../items/titles';
import { csvAsTabs } from '../layout/csv-export';
import { rewriteTextTables } from '../layout/text-tables';
import { UnitDirectory } from './units';
import { walkPlan } from '../items/walker';
import { task } from '../items/work-task';

/** Why a numbered item is no task, as the review shows it (Vietnamese first, like the rest of the review). */
const SKIP_REASON: Record<SkippedItem['reason'], string> = {
  'not-tasks': 'thuộc phần không giao việc (mục đích, yêu cầu, căn cứ…) / in a part that assigns no work',
  'plan-time': "là thời gian của cả kế hoạch / the plan's own period",
  outside: "nằm ngoài các phần I, II… của kế hoạch / outside the plan's numbered parts",
  summary: 'tóm tắt, đã có mục chi tiết ở dưới / a summary of items detailed below',
};

export interface ParseOptions {
  /** The organisation's slug in the directory. */
  org: string;
  directory: OrgDirectory;
  /** The year to assume when the document names none (the document's own year wins). */
  year?: number;
}

const PEAK_LABEL = /\bcao diem\b/;

/** "Thời gian thực hiện: Cả năm 2024, trong đó cao điểm …": the plan's own period, if stated. */
function findPlanTime(root: OutlineNode): { text: string; ref: string } | null {
  const listed = planSections(root);
  const sections = listed.length > 0 ? listed : [root];
  for (const section of sections) {
    const label = section.marker?.label ?? '';
    if (section !== root && sectionKindOf(section).kind === 'time') {
      return { text: section.children.map(fullText).join(' '), ref: label };
    }
    // "I. MỤC ĐÍCH, YÊU CẦU, THỜI GIAN" / "- Thời gian cao điểm: từ ngày 29/3 …": in a part that assigns no
    // work, a bulleted time field is the plan's too.
    const bullets = section !== root && sectionKindOf(section).kind !== 'tasks';
    // "III. NỘI DUNG" / "Cao điểm: 29/3 - 29/4/2027." on a plain line of its own before the items.
    for (const child of section.children.filter((c) => c.marker === null)) {
      const m = /^\s*cao diem\s*:\s*(.+)$/.exec(fold(child.text));
      const value = m ? child.text.slice(child.text.indexOf(':') + 1).trim() : '';
      if (value && isSpecificTime(value)) return { text: `cả năm, cao điểm ${value}`, ref: label };
    }
    for (const child of section.children.filter((c) => isNumbered(c) || (bullets && isBullet(c)))) {
      const field = readField(child.text);
      if (field?.kind !== 'time') continue;
      const value = field.value || child.children.map(fullText).join(' ');
      // "Thời gian cao điểm: từ 29/3 đến 29/4": the label makes the dates a peak of the plan's year.
      const peak = PEAK_LABEL.test(fold(child.text.split(':')[0] ?? '')) && !PEAK_LABEL.test(fold(value));
      const text = peak && value ? `cả năm, cao điểm ${value}` : value;
      if (text)
        return { text, ref: label ? `${label}.${child.marker?.label ?? ''}` : (child.marker?.label ?? '') };
    }
  }
  return null;
}

/** The longest a plan's own event may last for its days to time the event and its agenda. */
const EVENT_DAYS_MAX = 5;

/**
 * "II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN" / "1. Hội nghị được tổ chức trong 01 buổi, … ngày thứ Ba, 22/12/2026":
 * the days of the event a plan is for, when a part on its time and place says when it is held. They time
 * the event's agenda and the counts of days before it ("trước Hội nghị ít nhất 07 ngày"), not the plan.
 */
function heldOn(
  root: OutlineNode,
  subject: string,
  year: number,
): { window: Window; text: string; ref: string } | null {
  const event = subjectEvent(subject);
  if (!event) return null;
  // "Hội nghị được tổ chức …", "- Thời gian: Đại hội tổ chức trong 01 ngày, ngày 15/7/2026".
  // "- Hội nghị BCH lần thứ 6 (tổng kết năm 2026): 01 ngày, thứ Năm 17/12/2026; …" in a terse hand.
  const held = new RegExp(
    String.raw`^\s*(?:thoi gian\s*:\s*)?(?:${event})\b(?:\s+(?:duoc\s+|se\s+duoc\s+|se\s+)?(?:to chuc|dien ra|khai mac)\b|[^.:;]{0,80}:)`,
  );
  for (const section of planSections(root)) {
    if (!/^thoi gian\b/.test(fold(section.text).trim())) continue;
    for (const child of section.children) {
      // "- TG: 01 buổi, sáng Thứ Ba, 22/12/2026" in the part that times the plan's one event: its day.
      if (!held.test(fold(child.text)) && readField(child.text)?.kind !== 'time') continue;
      const reading = readTime(child.text, { year, plan: yearWindow(year) });
      const w = reading.window;
      if (w && daysBetween(w.start, w.end) < EVENT_DAYS_MAX) {
        const label = section.marker?.label ?? '';
        return { window: w, text: reading.words, ref: `${label}.${child.marker?.label ?? ''}` };
      }
    }
  }
  return null;
}

/** "Đồng chí Chánh Văn phòng chịu trách nhiệm tổ chức Hội nghị, …": who runs the plan's own event. */
const RUNS_EVENT =
  /\b(?:chiu trach nhiem|chu tri|phu trach)\s+(?:viec\s+|cong tac\s+)?(?:to chuc|chuan bi)\b/;

/**
 * "KẾ HOẠCH Tổ chức Hội nghị Ban Chấp hành … lần thứ 5" over "II. THỜI GIAN …" / "1. Thời gian: … ngày
 * 18/12/2026": the event the plan is for is a task on its day, named as the subject names it, led by the
 * unit the part says runs it ("Đồng chí Chánh Văn phòng chịu trách nhiệm tổ chức Hội nghị"), the others in
 * that sentence helping — unless an item already is that event.
 */
function ownEvent(
  root: OutlineNode,
  subject: string,
  held: { window: Window; text: string; ref: string },
  ctx: ParseContext,
): WorkTask | null {
  const event = subjectEvent(subject);
  // All the subject says of it ("…, triển khai nhiệm vụ năm 2027 và tôn vinh HTX tiêu biểu"): the event's
  // parts are its name here, not another task's.
  const name = withoutOpeningVerb(subject.replace(/\s+/g, ' ').trim());
  if (!event || !name) return null;
  const same = (t: WorkTask): boolean =>
    t.start === held.window.start && t.end === held.window.end && fold(t.title).startsWith(event);
  if (ctx.tasks.some(same)) return null;
  const section = planSections(root).find((s) => /^thoi gian\b/.test(fold(s.text).trim()));
  const lines = section
    ? section.children.flatMap(function all(n: OutlineNode): string[] {
        return [n.text, ...n.children.flatMap(all)];
      })
    : [];
  const runs = lines.flatMap((l) => l.split(/(?<=\.)\s+/)).find((s) => RUNS_EVENT.test(fold(s)));
  const hits = runs ? ctx.units.scan(runs).hits : [];
  const lead = hits[0] ? [hits[0].slug] : [];
  const support = [...new Set(hits.slice(1).map((h) => h.slug))].filter((s) => !lead.includes(s));
  const kind = /\b(?:tong ket|so ket)\b/.test(fold(eventName(subject))) ? 'review' : 'event';
  const place = {
    ref: section?.marker?.label ?? held.ref,
    group: '',
    inherited: { time: null, leads: null, committee: false },
  };
  return task(place, name, kind, { lead, support, unknown: [] }, held.window, held.text, { origin: 'item' });
}

/** Events a plan may be for, as its subject names them (folded). */
const EVENT_WORDS = ['dai hoi', 'hoi nghi', 'hoi thao', 'le ky niem', 'hoi thi', 'dien dan', 'phien hop'];

/** The event the plan's subject names ("Tổ chức Hội nghị Ban Chấp hành …" → "hoi nghi"), if any. */
function subjectEvent(subject: string): string | undefined {
  return EVENT_WORDS.find((e) => new RegExp(String.raw`\b${e}\b`).test(fold(subject)));
}

/** "Kế hoạch công tác tháng 5 năm 2025", "… Quý II/2024": a period the subject names is the plan's window. */
function subjectWindow(subject: string, year: number): { window: Window; words: string } | null {
  if (!isSpecificTime(subject)) return null;
  const r = readTime(subject, { year, plan: yearWindow(year) });
  // A single day in a subject is the date of an event, not the period of the plan.
  if (!r.window || r.deadline || daysBetween(r.window.start, r.window.end) < 27) return null;
  return { window: r.window, words: r.words };
}

function commonestYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<!\d)(20\d{2})(?!\d)/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

/**
 * Titles without the time clauses they end with ("…, dự kiến trung tuần tháng 9/2026"): the reminder
 * shows the dates. A title that would then read like another task's keeps its words.
 */
function shortTitles(tasks: DraftTask[]): DraftTask[] {
  // An occurrence's closing note ("(Quý I/2027)") stays on: it tells a rhythm's tasks apart.
  const short = tasks.map((t) => {
    const note = /\s*\([^()]*\)$/u.exec(t.title);
    const body = note ? t.title.slice(0, note.index) : t.title;
    return withoutTrailingTime(sentenceTitle(body) + (note?.[0] ?? ''));
  });
  const count = new Map<string, number>();
  for (const t of [...short, ...tasks.map((t) => t.title)]) count.set(fold(t), (count.get(fold(t)) ?? 0) + 1);
  return tasks.map((t, i) => {
    const s = short[i] ?? t.title;
    return s === t.title || (count.get(fold(s)) ?? 0) > 1 ? t : { ...t, title: s };
  });
}

/**
 * "Tổ chức Hội nghị Ban Chấp hành … lần thứ tư, khóa VII, sơ kết công tác 6 tháng …" → "Hội nghị Ban Chấp
 * hành … lần thứ tư, khóa VII": the event a plan is for, as its subject names it.
 */
function eventName(subject: string): string {
  const [first = '', ...rest] = withoutOpeningVerb(subject.replace(/\s+/g, ' ').trim()).split(/,\s*/);
  let name = first;
  for (const part of rest) {
    if (!/^(?:khóa|khoá|lần thứ)\s/iu.test(part)) break;
    name += `, ${part}`;
  }
  return name.replace(/\s+nhiệm kỳ\b.*$/iu, '').trim();
}

/**
 * "Hội nghị được tổ chức trong 01 buổi, vào sáng thứ Sáu, ngày 17/7/2026, tại …": the line that holds the
 * plan's own event is a task named for that event, not for the sentence.
 */
function namedEvent(tasks: DraftTask[], subject: string): DraftTask[] {
  const event = subjectEvent(subject);
  if (!event) return tasks;
  const held = new RegExp(String.raw`^\s*${event}\s+(?:duoc\s+|se\s+duoc\s+|se\s+)?(?:to chuc|dien ra)\b`);
  const name = eventName(subject);
  return tasks.map((t) => (held.test(fold(t.title)) && name ? { ...t, title: name, kind: 'event' } : t));
}

function warningsFor(tasks: readonly DraftTask[], planTimeText: string): DraftWarning[] {
  const out: DraftWarning[] = [];
  for (const t of tasks) {
    // Only when no time of its own was found: "báo cáo đột xuất trước ngày 20" has one.
    if (t.time_text === planTimeText && ON_DEMAND.test(fold(t.title)))
      out.push({ ref: t.ref, code: 'time-on-demand' });
  }
  if (tasks.length === 0)
    out.push({ ref: null, code: 'no-items', detail: 'no numbered work items were found' });
  for (const t of tasks) {
    for (const name of t.unknown_units ?? []) out.push({ ref: t.ref, code: 'unknown-unit', detail: name });
    for (const name of t.fuzzy_units ?? []) out.push({ ref: t.ref, code: 'fuzzy-unit', detail: name });
    if (t.lead.length === 0) out.push({ ref: t.ref, code: 'no-lead' });
    if (t.start === null || t.end === null) out.push({ ref: t.ref, code: 'no-date' });
  }
  return out;
}

function planPeaks(reading: TimeReading, subject: string, ref: string, text: string): WorkTask[] {
  // "Tháng hành động … được tổ chức cao điểm từ ngày 29/3 đến ngày 29/4/2026": the peak alone is the
  // plan's time, and the campaign's peak a task all the same.
  const alone =
    reading.peaks.length === 0 && reading.window && /\bcao\s+di[a-z]?m\b/.test(fold(text))
      ? [{ ...reading.window, text: reading.words }]
      : [];
  const peaks = reading.peaks.length > 0 ? reading.peaks : alone;
  return peaks.map((peak, i) => ({
    ref: `${ref} cao điểm${peaks.length > 1 ? ` ${i + 1}` : ''}`,
    title: `Cao điểm ${withoutOpeningVerb(subject)}${peaks.length > 1 ? ` (${peak.text})` : ''}`,
    kind: 'campaign',
    lead: [],
    support: [],
    start: peak.start,
    end: peak.end,
    time_text: `cao điểm ${peak.text}`,
    meta: { group: ref, bare: false, explicitLead: false, matchText: subject, origin: 'plan-peak' },
  }));
}

/** The directory, with the abbreviations formed by rule and those the plan defines itself. */
function planUnits(departments: Record<string, readonly string[]>, text: string): UnitDirectory {
  const formed = withAbbreviations(departments, formedAbbreviations(departments));
  const defined = definedAbbreviations(text, new UnitDirectory(formed));
  return new UnitDirectory(withAbbreviations(formed, defined));
}

/**
 * Readers of whole-document layouts, in the order they run: each turns its shape (a file format, a table
 * flattened one way or another, a drawing) into the lines and pipe tables the later stages read, and
 * leaves any other text as it is.
 */
const LAYOUT_READERS: readonly ((text: string) => string)[] = [
  unifiedDiffAsText,
  rtfAsText,
  odfTextAsText,
  msProjectAsText,
  xmlExportAsText,
  sqlDumpAsText,
  yamlExportAsText,
  tomlExportAsText,
  graphvizDotAsText,
  todoTxtAsText,
  orgModeAsText,
  htmlAsText,
  bbcodeAsText,
  emailThreadAsText,
  latexAsText,
  typstAsText,
  troffAsText,
  texinfoAsText,
  asciidocAsText,
  mediawikiAsText,
  quotedCellsAsPipes,
  rstTablesAsPipes,
  markdownTasksAsItems,
  letterCellsAsPipes,
  flowchartAsOutline,
  treeAsOutline,
  acceptTrackedChanges,
  transcriptAsItems,
  calendarAsItems,
  csvAsTabs,
  taskBoardAsItems,
  recordListAsItems,
  assignmentSlipsAsItems,
  footnotesInline,
  boxTableAsPipes,
  dayCalendarAsItems,
  pipeListAsFields,
];

export function parsePlan(text: string, opts: ParseOptions): PlanDraft {
  const entry = opts.directory[opts.org];
  if (!entry) throw new RangeError(`unknown organisation: ${opts.org}`);
  // Tables go first: their tabs and runs of spaces are gone once the text is normalised. A CSV export is
  // a tab table by then.
  const raw = text.normalize('NFC').replace(/\r\n?/g, '\n');
  const tables = rewriteTextTables(LAYOUT_READERS.reduce((t, read) => read(t), raw));
  const normalized = withoutTranslations(monthsWrittenOut(normalizeText(teamsAsUnits(tables.text))));
  const head = readHead(normalized.split('\n'));
  const firstParagraphs = toParagraphs(normalized);
  const firstRoot = buildOutline(firstParagraphs);

  const issuedYear = head.issuedOn ? Number(head.issuedOn.slice(0, 4)) : null;
  // A plan looks ahead: issued in 2026, it is not a plan for 2023 (that year belongs to something it cites).
  const subjectYear =
    head.subjectYear !== null && issuedYear !== null && head.subjectYear < issuedYear
      ? null
      : head.subjectYear;
  const guess = subjectYear ?? issuedYear ?? opts.year ?? commonestYear(normalized);
  const planTime = findPlanTime(firstRoot);
  const reading =
    planTime && guess !== null ? readTime(planTime.text, { year: guess, plan: yearWindow(guess) }) : null;
  const year = subjectYear ?? (reading?.window ? Number(reading.window.start.slice(0, 4)) : guess) ?? 0;
  const fromSubject = reading?.window ? null : subjectWindow(head.subject, year);
  const plan = reading?.window ?? fromSubject?.window ?? yearWindow(year);
  // "chậm nhất 30 ngày trước ngày khai mạc", "ngày N-55": counts from the plan's event, written out as the
  // dates they mean before the items are read (the plan's own time was read above, as written).
  const held = reading?.window ? null : heldOn(firstRoot, head.subject, year);
  const days = eventDays(normalized, head.subject, reading?.window ?? held?.window ?? null, year || null);
  const dated = days ? withEventDates(normalized, days) : normalized;
  const paragraphs = dated === normalized ? firstParagraphs : toParagraphs(dated);
  const root = dated === normalized ? firstRoot : buildOutline(paragraphs);

  const ctx: ParseContext = {
    units: planUnits(entry.departments, normalized),
    year,
    plan,
    issued: head.issuedOn,
    planTimeText: reading?.window && planTime ? planTime.text.trim() : (fromSubject?.words ?? `năm ${year}`),
    planPeak: reading?.peaks[0] ?? null,
    eventTime: held ? { window: held.window, text: held.text } : null,
    tasks: [],
    duties: [],
    assignments: [],
    skipped: [],
  };
  if (reading && planTime) ctx.tasks.push(...planPeaks(reading, head.subject, planTime.ref, planTime.text));
  walkPlan(root, ctx);
  // The event's day may be what the plan found as its own time ("II. THỜI GIAN …" read as the plan's).
  const eventDay =
    held ??
    (reading?.window && planTime && daysBetween(reading.window.start, reading.window.end) < EVENT_DAYS_MAX
      ? { window: reading.window, text: reading.words || planTime.text, ref: planTime.ref }
      : null);
  const own = eventDay ? ownEvent(root, head.subject, eventDay, ctx) : null;
  if (own) ctx.tasks.unshift(own);
  applyReferences(ctx);
  crossReferenceLeads(
    ctx,
    paragraphs.map((p) => p.text),
  );
  const summaries: DraftWarning[] = [];
  const kept = dropSummaries(ctx.tasks, (t) =>
    summaries.push({ ref: t.ref, code: 'skipped-item', detail: `${SKIP_REASON.summary}: ${t.title}` }),
  );
  const tasks: DraftTask[] = shortTitles(
    namedEvent(
      kept.map(({ meta: _meta, ...task }) => task),
      head.subject,
    ),
  );
  const lineOf = (node: number): number | undefined => {
    const line = paragraphs[node]?.line;
    return line === undefined ? undefined : line + 1;
  };
  const skipped = ctx.skipped.map((s): DraftWarning => ({
    ref: s.ref,
    code: 'skipped-item',
    line: lineOf(s.node),
    detail: `${SKIP_REASON[s.reason]}: ${s.text.length > 80 ? `${s.text.slice(0, 79)}…` : s.text}`,
  }));
  return {
    org: opts.org,
    title: head.title,
    doc_number: head.docNumber,
    issued_on: head.issuedOn,
    year,
    tasks,
    warnings: [
      ...tables.unread.map((line): DraftWarning => ({ ref: null, code: 'unread-table', line: line + 1 })),
      ...warningsFor(tasks, ctx.planTimeText),
      ...skipped,
      ...summaries,
    ],
  };
}
