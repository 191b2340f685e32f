/**
 * "Tổ chức thực hiện": each unit's standing responsibilities become duty tasks (and are remembered to
 * find the lead of tasks listed elsewhere); banners to hang over a period become banner tasks, whoever
 * hangs them. Paragraphs outside any item may also state recurring work ("ít nhất 01 Quý 01 lần").
 */
import { addressLength, isOutsideAt } from '../plan/unit-words';
import { timeContext, type Inherited, type ParseContext, type WorkTask } from '../plan/context';
import { findWords, fold, foldWords } from '../layout/fold';
import { hasLeadVerb, proseSentences } from './item-facts';
import { NO_LEADS, type Leads } from './leads';
import { fullText, isNumbered, type OutlineNode } from '../layout/outline';
import { childRef, isUnitHeading, roleOf } from './roles';
import { recurringTasks, task } from './work-task';
import { findRecurrence, hasTimeCue, isSpecificTime, readTime, yearWindow } from '../time/time-words';
import { daysBetween } from '../../calendar/dates';
import { cleanTitle } from './titles';
import { plainKind } from './kinds';
import { buildItemTasks, subjectLeads } from './task-builder';
import { itemList, readReferences } from './references';
import { closingNote } from './work-lines';
import { readItemFacts } from './item-facts';
import { readLeads } from './leads';

function isBannerText(text: string): boolean {
  const words = foldWords(text);
  return findWords(words, ['bang', 'ron']) >= 0 || findWords(words, ['treo', 'khau', 'hieu']) >= 0;
}

/** A plan whose window is shorter than this is the plan of one event (its day or days). */
const EVENT_DAYS = 27;

/** A duty or banner task; only cued time words schedule it ("… Ngày HTX Việt Nam 11/4" names a day). */
function makeTask(
  ref: string,
  group: string,
  title: string,
  kind: WorkTask['kind'],
  leads: Leads,
  text: string,
  ctx: ParseContext,
): WorkTask {
  const reading = hasTimeCue(text) ? readTime(text, timeContext(ctx)) : null;
  const place = { ref, group, inherited: { time: null, leads: null, committee: false } };
  // A standing duty in the plan for one meeting or congress runs through the plan's year, not its day.
  const oneEvent = kind === 'duty' && daysBetween(ctx.plan.start, ctx.plan.end) < EVENT_DAYS;
  const standing = oneEvent ? yearWindow(ctx.year) : ctx.plan;
  const timeText = reading?.window ? reading.words : oneEvent ? `năm ${ctx.year}` : ctx.planTimeText;
  return task(place, title, kind, leads, reading?.window ?? standing, timeText, {
    explicitLead: leads.lead.length > 0,
    origin: kind === 'banner' ? 'banner' : 'duty',
  });
}

/** A line hanging banners for a stated period is a banner task; returns whether it was one. */
function bannerTask(line: OutlineNode, ref: string, group: string, leads: Leads, ctx: ParseContext): boolean {
  const text = fullText(line);
  if (!isBannerText(line.text) || !isSpecificTime(text)) return false;
  const when = text.slice(line.text.length);
  ctx.tasks.push(
    makeTask(ref, group, cleanTitle(line.text), 'banner', leads, isSpecificTime(when) ? when : text, ctx),
  );
  return true;
}

function scanBanners(node: OutlineNode, ref: string, leads: Leads, ctx: ParseContext): void {
  let k = 0;
  const visit = (n: OutlineNode): void => {
    for (const child of n.children) {
      if (bannerTask(child, `${ref}.${child.marker?.label ?? ''}${++k}`, ref, leads, ctx)) continue;
      visit(child);
    }
  };
  visit(node);
}

/** A unit's heading and the lines of responsibility under it. */
function splitHead(text: string): { head: string; rest: string } {
  const colon = text.indexOf(':');
  return colon > 0
    ? { head: text.slice(0, colon), rest: text.slice(colon + 1).trim() }
    : { head: text, rest: '' };
}

function unitLeads(head: string, ctx: ParseContext): Leads {
  const scan = ctx.units.scan(head);
  return { lead: scan.hits.map((h) => h.slug), support: [], unknown: scan.unknown.map((u) => u.name) };
}

export function walkUnit(node: OutlineNode, ref: string, ctx: ParseContext): void {
  const { head, rest: inline } = splitHead(node.text);
  const leads = unitLeads(head, ctx);
  // "Có nhiệm vụ dự thảo các văn bản sau:" introduces the lines below it and is no duty itself.
  const lines: { text: string; node: OutlineNode | null }[] = node.children.flatMap((c) =>
    /:\s*$/.test(c.text) ? c.children.map((g) => ({ text: g.text, node: g })) : [{ text: c.text, node: c }],
  );
  if (inline.length > 0 && (lines.length === 0 || (inline.length > 30 && !inline.endsWith(':')))) {
    lines.unshift({ text: inline, node: null });
  }
  lines.forEach((line, i) => {
    const lineRef =
      lines.length === 1 && line.node === null ? ref : `${ref}.${line.node?.marker?.label ?? '-'}${i + 1}`;
    // A line naming a unit of its own ("- Văn phòng: gửi giấy mời …") is that unit's.
    const own = line.node && isUnitHeading(line.text, ctx.units) ? splitHead(line.text) : null;
    const lineLeads = own ? unitLeads(own.head, ctx) : leads;
    const text = own?.rest || line.text;
    // "chủ trì thực hiện điểm 1.1, 1.3 mục 1 Phần II": it hands out items, it is no duty of its own.
    if (byReference(text, lineLeads.lead, lineRef, ctx)) return;
    if (line.node && bannerTask(line.node, lineRef, ref, lineLeads, ctx)) return;
    const full = line.node && !own ? fullText(line.node) : text;
    for (const slug of lineLeads.lead) ctx.duties.push({ slug, text: full });
    // "- Hoàn thành biên soạn tài liệu … trước ngày 28/02/2026": a line with a time of its own is work
    // due then, a task like any item's, not a standing duty for the whole plan.
    // "TTGDNN, VPĐD …: báo cáo kết quả quý về Ban X trước ngày 05 của tháng đầu quý sau": recurring
    // work due on a day, one task an occurrence, as an item's.
    if (ownTime(text, ctx) || (findRecurrence(text) && DUE_DAY.test(fold(text)))) {
      const item: OutlineNode = {
        marker: null,
        text,
        children: line.node?.children ?? [],
        index: line.node?.index ?? node.index,
      };
      const place = {
        ref: lineRef,
        group: ref,
        inherited: { time: null, leads: lineLeads, committee: false },
      };
      ctx.tasks.push(...buildItemTasks(item, place, ctx, () => false));
      return;
    }
    const title = cleanTitle(text);
    if (title.length > 0) ctx.tasks.push(makeTask(lineRef, ref, title, 'duty', lineLeads, text, ctx));
  });
}

/**
 * A time the line schedules (a cued date or period narrower than the plan's), not a year it names. Only a
 * line of one clause: "Chủ trì theo dõi, đôn đốc …; tổng hợp báo cáo trước ngày 20/12" is a standing duty
 * that also ends in a report, and stays a duty.
 */
function ownTime(text: string, ctx: ParseContext): boolean {
  if (/;\s+\S/.test(text)) return false;
  if (!hasTimeCue(text) && !/\([^)]*\d[^)]*\)\s*[.;]?\s*$/.test(text)) return false;
  if (findRecurrence(text)) return false;
  const w = readTime(text, timeContext(ctx)).window;
  return w !== null && w !== undefined && (w.start > ctx.plan.start || w.end < ctx.plan.end);
}

/** Records a line's references to items; returns whether it had any. */
function byReference(text: string, slugs: readonly string[], ref: string, ctx: ParseContext): boolean {
  const clauses = readReferences(text);
  let given = false;
  for (const c of clauses) {
    // A clause naming its own unit ("…; Trung tâm Tư vấn chủ trì điểm 2.2") gives the items to that unit.
    const own = ctx.units.scan(c.subject).hits.map((h) => h.slug);
    // "…; cùng Ban X chủ trì điểm 2.3": the line's unit and Ban X lead it together.
    const together = /^(?:cung|cung voi|va)\b/.test(fold(c.subject).trim());
    const units = together ? [...new Set([...slugs, ...own])] : own.length > 0 ? own : slugs;
    if (units.length === 0) continue;
    ctx.assignments.push({ ...c, slugs: [...units], ref });
    given = true;
  }
  return given;
}

/** The units a sentence names before its first verb of assignment. */
function unitsBefore(text: string, hits: readonly { slug: string; from: number }[]): string[] {
  const verb = fold(text).search(/\b(?:chu tri|phoi hop|thuc hien|tham muu|chiu trach nhiem|phu trach)\b/);
  return hits.filter((h) => verb < 0 || h.from < verb).map((h) => h.slug);
}

/**
 * A row of an assignment table: "| (1), (2), (6) | Phòng XTTM | Trung tâm … |" comes out of the layout as
 * an item "(1), (2), (6)" with "Đơn vị chủ trì: …" / "Đơn vị phối hợp: …" lines under it. Its items get
 * those units as lead and helpers, as a line of references would. Returns whether the row was one.
 */
function tableAssignment(row: OutlineNode, ref: string, ctx: ParseContext): boolean {
  const paths = itemList(row.text);
  if (!paths || row.children.length === 0) return false;
  const leads = readLeads(
    ctx.units,
    readItemFacts(row, () => false),
  );
  if (!leads) return false;
  for (const [role, slugs] of [
    ['lead', leads.lead],
    ['support', leads.support],
  ] as const) {
    if (slugs.length > 0)
      ctx.assignments.push({ role, subject: '', include: paths, exclude: [], slugs: [...slugs], ref });
  }
  return true;
}

/** Words of a due day written before the recurrence: "trước ngày 15 hằng tháng", "chậm nhất ngày 20 …". */
const DUE_BEFORE = /[\s,]*(?:(?:truoc|cham nhat|vao|den)\s+)?(?:ngay\s+)?\d{1,2}\s*,?\s*$/;

/** A day of the month the work is due by: "trước ngày 15", "chậm nhất ngày 20", "ngày 25 hằng tháng". */
const DUE_DAY = /\b(?:truoc|cham nhat|muon nhat|vao|den|ngay)\s+(?:ngay\s+)?\d{1,2}\b/;

/** A responsibility line stating recurring work: one task per occurrence, led by the units that open it. */
function recurringDuty(
  text: string,
  start: number,
  ref: string,
  group: string,
  ctx: ParseContext,
): WorkTask[] {
  const before = fold(text).slice(0, start);
  const cut = DUE_BEFORE.exec(before)?.index ?? start;
  const title = cleanTitle(text.slice(0, cut));
  const leads = subjectLeads(text, ctx) ?? NO_LEADS;
  const reading = readTime(text, timeContext(ctx));
  if (!reading.recurrence) return [];
  const words = text
    .slice(cut)
    .replace(/[\s.;,/]+$/u, '')
    .trim();
  const place = { ref, group, inherited: { time: null, leads: null, committee: false } };
  return recurringTasks(place, title, reading.recurrence, words, leads, ctx, text);
}

/** A dated line addressed to all units ("Các ban, văn phòng, đơn vị … trước ngày 20/01"): a task they all lead. */
function everyoneTask(
  line: OutlineNode,
  ref: string,
  group: string,
  hits: readonly { slug: string; from: number }[],
  ctx: ParseContext,
): WorkTask {
  // "Các ban, Trung tâm, Quỹ …": every unit of the subject, not only those "các ban" names.
  const run = subjectLeads(line.text, ctx)?.lead ?? [];
  const lead = run.length > 0 ? run : [...new Set(hits.filter((h) => h.from === 0).map((h) => h.slug))];
  const reading = readTime(line.text, timeContext(ctx));
  const title = cleanTitle(line.text);
  const kind = plainKind(title, reading.deadline);
  const place = { ref, group, inherited: { time: null, leads: null, committee: false } };
  const leads: Leads = { lead, support: [], unknown: [] };
  return task(
    place,
    title,
    kind,
    leads,
    reading.window ?? ctx.plan,
    reading.window ? reading.words : ctx.planTimeText,
    {
      explicitLead: true,
      origin: 'item',
    },
  );
}

/** A responsibilities section: unit headings, "<unit> chủ trì …" sentences, banners. */
export function walkDuties(node: OutlineNode, ref: string, ctx: ParseContext): void {
  for (const child of node.children) {
    const here = isNumbered(child) ? childRef(ref, child) : ref;
    // "2. Văn phòng" with its lines, or a bullet "- Văn phòng: theo dõi, tổng hợp …".
    if (isNumbered(child) ? roleOf(child, ctx) === 'unit' : isUnitHeading(child.text, ctx.units)) {
      walkUnit(child, here, ctx);
      continue;
    }
    if (tableAssignment(child, here, ctx)) continue;
    // "Trung tâm X là đơn vị thường trực, chịu trách nhiệm điều phối chung …. Hằng quý, trước ngày 05 của
    // tháng đầu quý sau, Trung tâm báo cáo Thường trực kết quả …": a standing duty, then in a sentence
    // of its own recurring work due on a day — the duty, and a task an occurrence led by the same unit.
    const sentences = child.children.length === 0 ? proseSentences(child.text) : [];
    const due = sentences.findIndex((x, k) => k > 0 && findRecurrence(x) !== null && DUE_DAY.test(fold(x)));
    if (due > 0) {
      const duty = sentences.slice(0, due).join(' ');
      walkDuties({ ...node, children: [{ ...child, text: duty }] }, ref, ctx);
      const lead = subjectLeads(duty.slice(addressLength(duty)), ctx) ?? NO_LEADS;
      const report: OutlineNode = {
        marker: null,
        text: sentences.slice(due).join(' '),
        children: [],
        index: child.index,
      };
      const place = {
        ref: `${here}.bc`,
        group: ref,
        inherited: { time: null, leads: lead, committee: false },
      };
      ctx.tasks.push(...buildItemTasks(report, place, ctx, () => false));
      continue;
    }
    const scan = ctx.units.scan(child.text);
    const first = scan.hits[0];
    // "Đồng chí Chánh Văn phòng là đầu mối …": the unit named by its head's post, after "đồng chí".
    const at = addressLength(child.text);
    // "Giao Ban Kiểm tra chủ trì thực hiện mục 2 Phần II": the units named before the references.
    if (first && byReference(child.text, unitsBefore(child.text, scan.hits), here, ctx)) continue;
    // "Văn phòng chủ trì …", and "Văn phòng bảo đảm kinh phí …": a sentence whose subject is a unit.
    // "Các phòng, đơn vị căn cứ Kế hoạch triển khai" is everyone's closing formula, no unit's duty.
    // "Phòng KH-HT, Phòng TC-TV và Quỹ … gửi số liệu về Văn phòng trước ngày 15 hằng tháng": recurring
    // work that units owe, written among the responsibilities; the units that open it lead it.
    // "… báo cáo Thường trực vào phiên giao ban hằng tháng" names no day: a standing duty, one task.
    const recurrence = first?.from === at ? findRecurrence(child.text) : null;
    if (recurrence && DUE_DAY.test(fold(child.text))) {
      ctx.tasks.push(...recurringDuty(child.text, recurrence.start, here, ref, ctx));
      continue;
    }
    const everyone = first?.from === at && /^cac\b/.test(fold(child.text));
    // "Các ban, văn phòng, đơn vị … gửi Văn phòng trước ngày 20/01/2027": the formula with a date of its
    // own is work every unit owes by then, a task led by all of them.
    if (everyone && first && isSpecificTime(child.text)) {
      ctx.tasks.push(everyoneTask(child, here, ref, scan.hits, ctx));
      continue;
    }
    const subject = first?.from === at && !everyone;
    if (first && first.from <= at + 2 && (hasLeadVerb(child.text) || subject)) {
      // "Ban TC-TT, Trung tâm XTTM, Quỹ HTPT HTX căn cứ nội dung được giao …": every unit of the subject.
      const run = first.from === at ? subjectLeads(child.text.slice(at), ctx) : null;
      const leads: Leads = { lead: run?.lead.length ? run.lead : [first.slug], support: [], unknown: [] };
      for (const slug of leads.lead) ctx.duties.push({ slug, text: fullText(child) });
      ctx.tasks.push(makeTask(here, ref, cleanTitle(child.text), 'duty', leads, child.text, ctx));
      continue;
    }
    // "1. Là cơ quan thường trực … (Ban Kế hoạch - Đầu tư).": the doer named in the closing note alone.
    const note = closingNote(child.text);
    const noted = note ? ctx.units.scan(note) : null;
    if (note && noted && noted.hits.length > 0 && onlyNames(note, noted.hits)) {
      const leads: Leads = { lead: [...new Set(noted.hits.map((h) => h.slug))], support: [], unknown: [] };
      const text = child.text.slice(0, child.text.lastIndexOf('('));
      for (const slug of leads.lead) ctx.duties.push({ slug, text: fullText(child) });
      ctx.tasks.push(makeTask(here, ref, cleanTitle(text), 'duty', leads, text, ctx));
      continue;
    }
    if (isNumbered(child) && child.children.some(isNumbered)) walkDuties(child, here, ctx);
    else if (outsideLabel(child.text, ctx)) continue;
    else if (!bannerTask(child, here, ref, NO_LEADS, ctx)) scanBanners(child, here, NO_LEADS, ctx);
  }
}

/** A note of units' names and nothing else but "và" and commas. */
function onlyNames(note: string, hits: readonly { from: number; to: number }[]): boolean {
  let rest = note;
  for (const h of [...hits].sort((a, b) => b.from - a.from)) rest = rest.slice(0, h.from) + rest.slice(h.to);
  return foldWords(rest).every((w) => w === 'va');
}

/** Words a label may have for "HTX thành viên:", "Sở Nông nghiệp và Môi trường:" to open a line. */
const LABEL_WORDS = 8;
/** Cooperatives, the alliance's members, are outside bodies too: they do their own part. */
const MEMBERS = /^(?:cac\s+)?(?:htx|hop tac xa|to hop tac|thanh vien)\b/;

/**
 * "- HTX thành viên: treo băng rôn tại trụ sở … từ 01/4 - 30/4": among the responsibilities, the part of a
 * body outside the alliance, no unit's task.
 */
function outsideLabel(text: string, ctx: ParseContext): boolean {
  const colon = text.indexOf(':');
  if (colon < 0) return false;
  const label = text.slice(0, colon);
  const words = foldWords(label);
  if (words.length === 0 || words.length > LABEL_WORDS || ctx.units.scan(label).hits.length > 0) return false;
  return MEMBERS.test(words.join(' ')) || isOutsideAt(words, 0);
}

/** The sentence that states the recurrence, cut after the recurrence words. */
function recurrenceSentence(text: string, end: number): string {
  const before = text.slice(0, end);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  return cleanTitle(before.slice(start >= 0 ? start + 2 : 0));
}

/** Paragraphs outside any item (and fields of a section): recurring work and banners. */
export function scanFree(node: OutlineNode, ref: string, inh: Inherited, ctx: ParseContext): void {
  const recurrence = findRecurrence(node.text);
  if (recurrence) {
    const title = recurrenceSentence(node.text, recurrence.end);
    // "Trung tâm …, Ban …, VPĐD … báo cáo kết quả … trước ngày 15 tháng cuối mỗi quý.": the units that
    // open the sentence do the work, whatever the heading above hands down.
    const subject = subjectLeads(title, ctx);
    ctx.tasks.push(
      ...recurringTasks(
        { ref, group: ref, inherited: inh },
        title,
        recurrence.rule,
        recurrence.words,
        (subject && subject.lead.length > 0 ? subject : null) ?? inh.leads ?? NO_LEADS,
        ctx,
        node.text,
      ),
    );
  } else if (bannerTask(node, ref, ref, inh.leads ?? NO_LEADS, ctx)) {
    return;
  }
  for (const child of node.children)
    scanFree(child, isNumbered(child) ? childRef(ref, child) : ref, inh, ctx);
}
