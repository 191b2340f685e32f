/**
 * Walks the outline of a plan: sections → groups → items, handing each group's time, leads and
 * committee down to its items, and lending a lead written once under a run of bare items to all of them.
 */
import type { Inherited, ParseContext, SkippedItem, WorkTask } from '../plan/context';
import { timeContext } from '../plan/context';
import { hasLeadVerb, OVER_PEAK, readItemFacts } from './item-facts';
import { overLeads, readLeads, type Leads } from './leads';
import { isBullet, isNumbered, planSections, type OutlineNode } from '../layout/outline';
import { classifySection, listsDatedWork, recordsNoWork, sectionKindOf } from './sections';
import { readField } from './fields';
import { fold, foldWords, startsWithWords } from '../layout/fold';
import { buildItemTasks, subjectLeads, timedOnlyRelatively } from './task-builder';
import { findRecurrence, hasTimeCue, isSpecificTime, readTime, timeHeading } from '../time/time-words';
import { scanFree, walkDuties, walkUnit } from './duties';
import { childRef, isUnitHeading, roleOf } from './roles';
import { ADDRESSEE_OPENINGS, GATHERINGS } from '../lexicon';
import { daysBetween } from '../../calendar/dates';
import { attachStepFields, isTopicHeading, opensWithAction, ownsFacts, workLines } from './work-lines';
import { cleanTitle, STEP_NAME_WORDS } from './titles';
import { inlineFields } from './inline-fields';
import { proseTitle, proseWork } from './prose-work';

function headingTime(text: string, ctx: ParseContext): Inherited['time'] {
  // A heading's "năm 2025" names the plan's year, not a narrower period.
  if (!isSpecificTime(text)) return null;
  const reading = readTime(text, timeContext(ctx));
  return reading.window ? { reading, text: text.replace(/^.*?\(([^)]*)\)\s*$/, '$1').trim() } : null;
}

/** "Thời gian: Quý II/2026." on a line of its own under a group heading: the time of all its items. */
function fieldTime(text: string | null, ctx: ParseContext): Inherited['time'] {
  if (!text || !isSpecificTime(text)) return null;
  const reading = readTime(text, timeContext(ctx));
  return reading.window ? { reading, text: reading.words || text } : null;
}

/** Words a heading's lead verb may stand after the unit's name: "Ban Kiểm tra chủ trì", "do VP thực hiện". */
const VERB_REACH = 3;
const HEADING_LEAD_VERB = /\b(?:chu tri|thuc hien|tham muu|phu trach|chiu trach nhiem)\b/;

/**
 * "1. Nhiệm vụ do Văn phòng chủ trì", "2. Ban Kiểm tra chủ trì các nội dung sau:": a heading that names a
 * unit with a lead verb gives the items under it to that unit (helpers after "phối hợp" help).
 */
function headingVerbLeads(text: string, ctx: ParseContext): Leads | null {
  const folded = fold(text);
  const verb = HEADING_LEAD_VERB.exec(folded);
  if (!verb) return null;
  const hits = ctx.units.scan(text).hits;
  const before = hits.filter((h) => h.to <= verb.index);
  const last = before.at(-1);
  if (!last || foldWords(text.slice(last.to, verb.index)).length > VERB_REACH) return null;
  // Helpers after "phối hợp" ("… chủ trì, phối hợp với Văn phòng") or before it ("…, Ban TC-KT phối
  // hợp tuyển sinh").
  const help = /\bphoi hop\b/.exec(folded);
  const helps = (h: { from: number; to: number }): boolean =>
    help !== null &&
    h.from > verb.index &&
    (h.from > help.index || foldWords(text.slice(h.to, help.index)).length <= VERB_REACH);
  const support = hits.filter(helps).map((h) => h.slug);
  return { lead: before.map((h) => h.slug), support, unknown: [] };
}

const ADDRESSEE = new RegExp(`^(?:${ADDRESSEE_OPENINGS.join('|')})\\s+`);

/**
 * "1. Đối với Văn phòng", "2. Giao Ban Kiểm tra – Pháp chế:": a group heading that is only the unit it
 * addresses (after an addressee word) gives the items under it to that unit, wherever the plan is not a
 * responsibilities block (a Công văn's asks per unit, a meeting's conclusions per unit).
 */
function addresseeLeads(text: string, ctx: ParseContext): Leads | null {
  const m = ADDRESSEE.exec(fold(text));
  if (!m) return null;
  // The folded text keeps the original's length, so the cut falls at the same place.
  const rest = text.slice(m[0].length);
  if (!isUnitHeading(rest, ctx.units)) return null;
  const colon = rest.indexOf(':');
  const hits = ctx.units.scan(colon > 0 ? rest.slice(0, colon) : rest).hits;
  return hits.length > 0 ? { lead: [...new Set(hits.map((h) => h.slug))], support: [], unknown: [] } : null;
}

/** The lines under a unit's heading in a list of work by unit, each a task of that unit's (or its own lead). */
function walkUnitWork(unit: OutlineNode, ref: string, inh: Inherited, ctx: ParseContext): void {
  unit.children.forEach((line, i) => {
    const here = isBullet(line) ? `${ref}.-${i + 1}` : childRef(ref, line);
    ctx.tasks.push(...buildItemTasks(line, { ref: here, group: ref, inherited: inh }, ctx, () => false));
  });
}

/** The units a unit heading names ("3. Văn phòng", "Ban TC-KT và Văn phòng:"), as the lead of what it heads. */
function unitHeadingLeads(text: string, ctx: ParseContext): Leads | null {
  const colon = text.indexOf(':');
  const hits = ctx.units.scan(colon > 0 ? text.slice(0, colon) : text).hits;
  return hits.length > 0 ? { lead: [...new Set(hits.map((h) => h.slug))], support: [], unknown: [] } : null;
}

const HELPER_NOTE = /\b(?:phoi hop|tham gia|giup viec|ho tro)\b/;

function groupInherited(group: OutlineNode, inh: Inherited, ctx: ParseContext): Inherited {
  const facts = readItemFacts(group, (c) => isNumbered(c) && roleOf(c, ctx) !== 'field');
  const read = readLeads(ctx.units, facts);
  // A leads reading that names no unit at all (only an outside body) leaves the heading's words to speak.
  const named = read && (read.lead.length > 0 || read.support.length > 0) ? read : null;
  // "A. TRUNG TÂM … CHỦ TRÌ (Văn phòng phối hợp …)": helpers in the note, the lead in the heading's words.
  const verbs = named && named.lead.length > 0 ? null : headingVerbLeads(group.text, ctx);
  const joined =
    named && verbs && verbs.lead.length > 0
      ? { ...named, lead: verbs.lead, support: named.support.filter((s) => !verbs.lead.includes(s)) }
      : null;
  const found = joined ?? named ?? verbs ?? addresseeLeads(group.text, ctx) ?? read;
  // "A. CÁC LỚP DO TRUNG TÂM X CHỦ TRÌ" / "(Ban Y phối hợp biên soạn tài liệu)": the note on the line under
  // the heading names who helps with all of its items.
  const note = group.children.find(
    (c) => c.marker === null && /^\([^()]+\)\.?$/u.test(c.text.trim()) && HELPER_NOTE.test(fold(c.text)),
  );
  const helpers = note ? ctx.units.scan(note.text).hits.map((h) => h.slug) : [];
  const own =
    found && helpers.length > 0
      ? {
          ...found,
          support: [...new Set([...found.support, ...helpers])].filter((s) => !found.lead.includes(s)),
        }
      : found;
  return {
    time: headingTime(group.text, ctx) ?? fieldTime(facts.timeText, ctx) ?? inh.time,
    leads: overLeads(own, inh.leads),
    committee: inh.committee || classifySection(group.text).committee,
  };
}

/** "Lớp 1 - …", "Đợt 2:", "Lớp thứ hai": a title that only numbers a round of its heading's work. */
const ROUND_NAME = /^(?:lop|dot|khoa|cum|phien)\s+(?:\d{1,2}|thu\s+[a-z]+|[ivx]{1,4})\b/;
/** A heading names the work of its rounds when it says something of its own. */
const MIN_HEADING_WORDS = 3;

interface ItemRun {
  tasks: WorkTask[];
  bare: boolean;
  explicit: boolean;
}

/**
 * A lead written after a run of bare items ("(1) …", "(2) …", "Đơn vị chủ trì: …") serves all of them,
 * when the lines that give it are all the last item has under it.
 */
function shareLeads(runs: readonly ItemRun[]): void {
  let pending: ItemRun[] = [];
  for (const run of runs) {
    const holder = run.tasks[0];
    if (run.explicit && holder) {
      for (const p of pending) {
        for (const t of p.tasks) {
          t.lead = [...holder.lead];
          t.support = [...holder.support];
          t.meta.explicitLead = true;
        }
      }
      pending = [];
    } else if (run.bare && run.tasks.every((t) => t.lead.length === 0)) pending.push(run);
    // "Lớp 4. … - 60 HV - Ban KTHT." names its own lead at its end: not one of those waiting for one.
    else pending = [];
  }
}

/**
 * "THÁNG 3" alone on a line: the time it gives the lines after it (null when it names no window);
 * undefined when the line is no month heading.
 */
function monthHeading(node: OutlineNode, ctx: ParseContext): Inherited['time'] | undefined {
  const month = node.marker === null ? timeHeading(node.text) : null;
  if (month === null) return undefined;
  const reading = readTime(month, timeContext(ctx));
  return reading.window ? { reading, text: month } : null;
}

export function walkItems(parent: OutlineNode, ref: string, inherited: Inherited, ctx: ParseContext): void {
  const runs: ItemRun[] = [];
  // A section that lists its work as bullets only ("- Tổ chức …") has bullets for items; "II. NỘI DUNG
  // TUYÊN TRUYỀN" over "- Những điểm mới của Luật …" lists topics, none with an action, a time or a unit.
  const bullets = parent.children.filter(isBullet);
  const topics =
    bullets.length > 0 &&
    bullets.every((b) => !opensWithAction(b.text) && !ownsFacts(b) && !hasLeadVerb(b.text));
  const bulletItems = parent.marker?.kind === 'roman' && !parent.children.some(isNumbered) && !topics;
  // "THÁNG 3" on a line of its own (see outline.ts): the time of the items after it, up to the next one.
  let inh = inherited;
  let asked = false;
  const taken = new Set<OutlineNode>();
  for (const child of parent.children) {
    const afterQuestion = asked;
    asked = child.marker === null && /\?\s*$/.test(child.text);
    // "Thực hiện Quy chế …, Ban Thường vụ ban hành Chương trình công tác Quý I/2027 như sau:": the preamble.
    if (child.marker === null && /\bnhu sau\s*:/.test(fold(child.text))) continue;
    const month = monthHeading(child, ctx);
    if (month !== undefined) {
      if (month) inh = { ...inherited, time: month };
      continue;
    }
    // "Đáp: Có. Ban X mở 02 lớp … trong tháng 4 …. Văn phòng treo băng rôn … từ ngày 01/4 …": prose that
    // tells several pieces of work, a sentence each (see prose-work.ts).
    const prose = proseWork(child, ctx, afterQuestion);
    if (prose) {
      prose.forEach((s, i) =>
        ctx.tasks.push(
          ...buildItemTasks(
            s,
            { ref: `${ref}.·${child.index}.${i + 1}`, group: ref, inherited: inh },
            ctx,
            () => false,
          ).map((t) => ({ ...t, title: proseTitle(t.title) })),
        ),
      );
      continue;
    }
    // "V. SƠ KẾT, BÁO CÁO" / "Báo cáo kết quả … trước ngày 10/5/2026 (VP tổng hợp).": a section with no
    // items written as one paragraph of work is that work.
    // "II. NỘI DUNG …" / "Khảo sát nhu cầu …: trong tháng 02/2026; Trung tâm … thực hiện." before its
    // numbered items: a plain paragraph that gives work to a unit with a time is an item too.
    if (
      (bulletItems ? !parent.children.some(isBullet) : child.marker === null && hasTimeCue(child.text)) &&
      assignsWork(child, ctx)
    ) {
      const tasks = buildItemTasks(child, { ref, group: ref, inherited: inh }, ctx, () => false);
      ctx.tasks.push(...tasks);
      continue;
    }
    if (taken.has(child)) continue;
    // "NHỮNG MỐC CHÍNH NĂM 2027" over "• 15/01: Hội nghị triển khai … (Văn phòng)": a plain line over a run
    // of bullets that are lines of work, in a text with no numbered items (a news item's boxed list).
    const run = child.marker === null && !parent.children.some(isNumbered) ? bulletsAfter(parent, child) : [];
    const heading: OutlineNode = { ...child, children: [...child.children, ...run] };
    if (run.length > 0 && workLines(heading).length > 0) {
      for (const b of run) taken.add(b);
      const before = ctx.tasks.length;
      walkLines(heading, `${ref}.·${child.index}`, inh, ctx);
      // "Tin liên quan:" / "- Cao Bằng: 42 HTX thành lập mới trong năm 2026 (28/12/2026)": news of what was
      // done, dated before the plan, is no work.
      const from = ctx.issued ?? ctx.plan.start;
      const kept = ctx.tasks.splice(before).filter((t) => t.end === null || t.end >= from);
      ctx.tasks.push(...kept);
      continue;
    }
    if (!isNumbered(child) && !(bulletItems && isBullet(child))) {
      scanFree(child, ref, inh, ctx);
      continue;
    }
    const here = isBullet(child) ? `${ref}.-${runs.length + 1}` : childRef(ref, child);
    const role = roleOf(child, ctx);
    // "2. Chỉ tiêu", "1. Mục tiêu" inside a part of work: the targets under it are no tasks.
    // "1. Đánh giá chung" over a paragraph of how the quarter went: no work either.
    if ((role === 'group' || child.children.length > 0) && classifySection(child.text).kind === 'skip') {
      noteSkipped(child, here, 'not-tasks', ctx);
      continue;
    }
    // "4. Nội dung Hội nghị:" over "(1) Thông qua Báo cáo … (Ban X trình bày)": the meeting's agenda
    // beside its time and place, items held on its day.
    if (role === 'field' && isAgendaHeading(child))
      walkItems(child, here, { ...inh, time: inh.time ?? meetingTime(ctx), committee: true }, ctx);
    else if (role === 'field') scanFree(child, here, inh, ctx);
    else if (role === 'duties') walkDuties(child, here, ctx);
    else if (role === 'unit' && workAfterUnits(child))
      // "1.1. Ban TT-ĐN: tin, bài … trên trang tin LM; 29/3 - 29/4. PH: VPĐD Đồng Hới.": a terse hand that
      // writes the lead first; the item is the work after the colon.
      ctx.tasks.push(...buildItemTasks(child, { ref: here, group: ref, inherited: inh }, ctx, () => false));
    else if (role === 'unit' && (listsDatedWork(parent) || listsDatedWork(child)))
      // "1. Văn phòng" over its dated work (a plan listed department by department, judged on the whole
      // list: one unit's few lines may be mostly "thường xuyên"): each line is that unit's task.
      walkUnitWork(
        child,
        here,
        { ...inh, leads: overLeads(unitHeadingLeads(child.text, ctx), inh.leads) },
        ctx,
      );
    else if (role === 'unit') walkUnit(child, here, ctx);
    else if (role === 'group') {
      // "4.2. Hỗ trợ chứng nhận VietGAP …" / "Chủ trì: …" / "Thời hạn: 31/10/2027" over "4.2.1. Nộp hồ sơ …":
      // work with its own lead and time is a task besides heading its sub-items.
      if (ownsWorkFields(child)) {
        const own: OutlineNode = { ...child, children: child.children.filter((c) => !isNumbered(c)) };
        ctx.tasks.push(...buildItemTasks(own, { ref: here, group: ref, inherited: inh }, ctx, () => false));
      }
      const before = ctx.tasks.length;
      walkItems(child, here, groupInherited(child, inh, ctx), ctx);
      // "3. Bồi dưỡng cán bộ quản lý HTX:" over "3.1. T3/2027 - Lớp 1 - Hoa Lư - 70 HV": a round named by its
      // number is its heading's work, the round its note.
      const heading = cleanTitle(inlineFields(child.text).text);
      for (let k = before; k < ctx.tasks.length; k++) {
        const t = ctx.tasks[k] as WorkTask;
        if (ROUND_NAME.test(fold(t.title)) && foldWords(heading).length >= MIN_HEADING_WORDS)
          ctx.tasks[k] = { ...t, title: `${heading} (${t.title})` };
      }
    } else if (workLines(child).length > 0) walkLines(child, here, inh, ctx);
    else if (timedOnlyRelatively(child))
      ctx.skipped.push({ ref: here, node: child.index, text: child.text, reason: 'not-tasks' });
    else {
      const tasks = buildItemTasks(
        child,
        { ref: here, group: ref, inherited: inh },
        ctx,
        (c) => isNumbered(c) && roleOf(c, ctx) !== 'field',
      );
      ctx.tasks.push(...tasks);
      const main = tasks[0];
      runs.push({ tasks, bare: main?.meta.bare ?? false, explicit: main?.meta.sharesLead ?? false });
    }
  }
  shareLeads(runs);
}

/** The bullets that follow a plain line among its siblings, up to the next line that is not one. */
function bulletsAfter(parent: OutlineNode, line: OutlineNode): OutlineNode[] {
  const after = parent.children.slice(parent.children.indexOf(line) + 1);
  // "• 15/01: …" in the box, "- Cao Bằng: …" under "Tin liên quan:" after it: another mark, another list.
  const mark = after[0]?.marker?.label;
  const end = after.findIndex((c) => !isBullet(c) || c.marker?.label !== mark);
  return end < 0 ? after : after.slice(0, end);
}

/**
 * A plain paragraph that gives work to a unit: a lead of its own ("(VP tổng hợp)", "Ban X chủ trì …") and
 * no recurrence or banner (scanFree reads those), or an action with a scheduled time.
 */
function assignsWork(node: OutlineNode, ctx: ParseContext): boolean {
  if (node.marker !== null || readField(node.text) || findRecurrence(node.text)) return false;
  const facts = readItemFacts(node, () => false);
  const leads = readLeads(ctx.units, facts) ?? subjectLeads(facts.lineText, ctx);
  if (leads && leads.lead.length > 0) return hasLeadVerb(node.text) || readLeads(ctx.units, facts) !== null;
  return opensWithAction(node.text) && hasTimeCue(node.text);
}

/** A heading over lines of work (see work-lines.ts): each line an item, the heading handing down its facts. */
function walkLines(node: OutlineNode, ref: string, inh: Inherited, ctx: ParseContext): void {
  const lines = new Set(workLines(node));
  // "Tháng 4" alone on a line between the lines of work: the time of those after it, no fact of the heading.
  const months = new Map<OutlineNode, Inherited['time']>();
  for (const c of node.children) {
    const month = monthHeading(c, ctx);
    if (month) months.set(c, month);
  }
  const isLine = (c: OutlineNode): boolean =>
    lines.has(c) || months.has(c) || (isNumbered(c) && roleOf(c, ctx) !== 'field');
  const facts = readItemFacts(node, isLine);
  const down: Inherited = {
    time: headingTime(node.text, ctx) ?? inh.time,
    leads: overLeads(readLeads(ctx.units, facts) ?? headingVerbLeads(node.text, ctx), inh.leads),
    committee: inh.committee || classifySection(node.text).committee,
  };
  let k = 0;
  // "5. Phiên chợ sản phẩm OCOP …" over "Phiên chợ tổ chức trong 03 ngày, từ ngày 17 …" and further
  // paragraphs of work: the first paragraph describes the heading's own event (it opens with the
  // heading's words) and times it; the others are work of their own.
  const [first] = lines;
  if (first && first.marker === null && restatesHeading(first.text, node.text)) {
    const own: OutlineNode = { ...node, children: [first] };
    ctx.tasks.push(...buildItemTasks(own, { ref, group: ref, inherited: down }, ctx, () => false));
    lines.delete(first);
  } else if (isDatedGathering(node.text, ctx)) {
    // "2.1. Lễ phát động … (Văn phòng chủ trì …), sáng thứ Hai ngày 29/3/2027" over its preparation steps.
    const own: OutlineNode = { ...node, children: [] };
    ctx.tasks.push(...buildItemTasks(own, { ref, group: ref, inherited: inh }, ctx, () => false));
  } else if (isDatedGathering(`${node.text} ${ownTimeField(node) ?? ''}`, ctx)) {
    // "10. Ngày hội HTX …" / "Thời gian: 17 - 19/9/2027" / "Chủ trì: …" over its parts "- Lễ khai mạc …":
    // the gathering, timed and led by its own field lines, is a task beside its parts.
    const own: OutlineNode = { ...node, children: node.children.filter((c) => !lines.has(c)) };
    ctx.tasks.push(...buildItemTasks(own, { ref, group: ref, inherited: inh }, ctx, () => false));
  }
  let month: Inherited['time'] = null;
  for (const line of node.children) {
    if (months.has(line)) {
      month = months.get(line) ?? null;
      continue;
    }
    if (!lines.has(line)) continue;
    const here = `${ref}.${line.marker ? '-' : '·'}${++k}`;
    // "Chậm nhất 15 ngày sau khi kết thúc mỗi đợt: Thông báo …" follows other work; it has no date.
    if (timedOnlyRelatively(line)) {
      ctx.skipped.push({ ref: here, node: line.index, text: line.text, reason: 'not-tasks' });
      continue;
    }
    // "3. Cuộc thi trực tuyến "…"" over "- Phát động cuộc thi: ngày 15/5/2026.": a step named in a few
    // words is named with its heading too.
    // Not a heading that only groups or assigns ("Nhiệm vụ do Văn phòng chủ trì", "Công tác tuyên truyền").
    const heading = cleanTitle(inlineFields(node.text).text);
    const names = !isTopicHeading(heading) && !hasLeadVerb(heading);
    ctx.tasks.push(
      ...buildItemTasks(
        line,
        { ref: here, group: ref, inherited: month ? { ...down, time: month } : down },
        ctx,
        isLine,
      ).map((t) =>
        names && foldWords(t.title).length < STEP_NAME_WORDS && foldWords(heading).length >= STEP_NAME_WORDS
          ? { ...t, title: `${t.title} – ${heading}` }
          : t,
      ),
    );
  }
}

/** The longest a gathering lasts for its heading to be a task of its own ("từ ngày 16/4 đến ngày 18/4"). */
const GATHERING_DAYS = 7;
const GATHERING_WORDS = GATHERINGS.map((g) => g.split(' '));

/** A heading that names a gathering and the day or days it is held. */
function isDatedGathering(text: string, ctx: ParseContext): boolean {
  if (!GATHERING_WORDS.some((g) => startsWithWords(foldWords(text), g))) return false;
  const w = readTime(text, timeContext(ctx)).window;
  return (
    w !== null && !readTime(text, timeContext(ctx)).deadline && daysBetween(w.start, w.end) < GATHERING_DAYS
  );
}

/**
 * A numbered line "<units>: <work>; <time>" with no numbered lines under it: the work of those units, not
 * a heading over theirs. Its time is on the line or on the steps under it ("- phát động: 29/3;").
 */
function workAfterUnits(node: OutlineNode): boolean {
  if (!isNumbered(node) || node.children.some(isNumbered)) return false;
  const colon = node.text.indexOf(':');
  const rest = colon > 0 ? node.text.slice(colon + 1) : '';
  if (foldWords(rest).length < STEP_NAME_WORDS) return false;
  return (
    isSpecificTime(rest) ||
    OVER_PEAK.test(fold(rest)) ||
    node.children.some((c) => isBullet(c) && isSpecificTime(c.text))
  );
}

/** A heading whose own field lines give both who leads it and a time of its own. */
function ownsWorkFields(node: OutlineNode): boolean {
  const kinds = node.children
    .filter((c) => c.marker === null)
    .map((c) => readField(c.text))
    .filter((f) => f !== null && f.value !== '')
    .map((f) => f?.kind);
  return kinds.includes('time') && (kinds.includes('lead') || kinds.includes('lead-support'));
}

/** The value of a heading's own "Thời gian: …" line, when it has one. */
function ownTimeField(node: OutlineNode): string | null {
  for (const c of node.children) {
    const field = c.marker === null ? readField(c.text) : null;
    if (field?.kind === 'time' && field.value) return field.value;
  }
  return null;
}

/** "Lễ kỷ niệm tổ chức sáng thứ Sáu …" under "2. Lễ kỷ niệm 80 năm …": a paragraph opening with the heading's first two words. */
function restatesHeading(text: string, heading: string): boolean {
  const words = foldWords(heading);
  const h = words.slice(0, 2);
  const t = foldWords(text);
  // "5. Báo cáo kết quả" / "Báo cáo kết quả tổ chức … : trước ngày 15/5": the whole heading again, the
  // line is the item itself (work-lines.ts), not a description of it.
  if (words.every((w, i) => t[i] === w)) return false;
  return h.length === 2 && h[0] === t[0] && h[1] === t[1];
}

/**
 * "V. KINH PHÍ" / "Kinh phí … từ nguồn ngân sách tỉnh. Giao Văn phòng lập dự toán trình Thường trực phê
 * duyệt.": in a part that assigns no work, a sentence "Giao <unit> <work>" still gives that unit work.
 */
function givenWork(section: OutlineNode, ref: string, ctx: ParseContext): void {
  for (const para of section.children.filter((c) => c.marker === null)) {
    for (const m of para.text.matchAll(/(?:^|[.;]\s+)Giao\s+([^.;]+)/gu)) {
      const rest = m[1] ?? '';
      const leads = subjectLeads(rest, ctx);
      const last = leads
        ? ctx.units
            .scan(rest)
            .hits.filter((h) => leads.lead.includes(h.slug))
            .at(-1)
        : undefined;
      if (!leads || !last) continue;
      const work = rest.slice(last.to).trim();
      if (!opensWithAction(work) && foldWords(work).length < 3) continue;
      const node: OutlineNode = {
        marker: null,
        text: `${work.charAt(0).toUpperCase()}${work.slice(1)}.`,
        children: [],
        index: para.index,
      };
      const inherited: Inherited = { time: null, leads, committee: false };
      ctx.tasks.push(...buildItemTasks(node, { ref, group: ref, inherited }, ctx, () => false));
    }
  }
}

/** Numbered items under a node that the walk does not read, each noted once with the reason. */
function noteSkipped(node: OutlineNode, ref: string, reason: SkippedItem['reason'], ctx: ParseContext): void {
  for (const child of node.children) {
    if (!isNumbered(child) || roleOf(child, ctx) === 'field') continue;
    const here = childRef(ref, child);
    ctx.skipped.push({ ref: here, node: child.index, text: child.text, reason });
    noteSkipped(child, here, reason, ctx);
  }
}

/**
 * "I. CÔNG TÁC TỔ CHỨC (Ban TC-KT chủ trì tham mưu)", or "Đơn vị chủ trì: Ban TC-KT" on a line of its
 * own right under the heading: a lead stated once for a section leads every item under it that names no
 * lead of its own. Only the heading line and unit fields before the first item: prose under a section
 * heading is an introduction, not an assignment.
 */
function headingLeads(section: OutlineNode, ctx: ParseContext): Leads | null {
  const first = section.children.findIndex(isNumbered);
  const head = first < 0 ? section.children : section.children.slice(0, first);
  const fields = head.filter((c) => {
    const kind = c.marker === null || isBullet(c) ? readField(c.text)?.kind : undefined;
    return kind === 'lead' || kind === 'support' || kind === 'lead-support' || kind === 'advise';
  });
  const line: OutlineNode = { marker: null, text: section.text, children: fields, index: section.index };
  return readLeads(
    ctx.units,
    readItemFacts(line, () => false),
  );
}

/**
 * The day of the meeting a plan is for ("1. Thời gian: 01 ngày, thứ Sáu, ngày 10/7/2026"), which its agenda
 * points are held on, whatever period their reports cover ("… 6 tháng cuối năm 2026"). None for a plan of
 * a whole year.
 */
function meetingTime(ctx: ParseContext): Inherited['time'] {
  if (ctx.eventTime) {
    const held = readTime(ctx.eventTime.text, timeContext(ctx));
    if (held.window) return { reading: held, text: ctx.eventTime.text };
  }
  const reading = readTime(ctx.planTimeText, timeContext(ctx));
  const w = reading.window;
  return w && w.start.slice(0, 4) === w.end.slice(0, 4) && w.start.slice(5, 7) === w.end.slice(5, 7)
    ? { reading, text: ctx.planTimeText }
    : null;
}

/** "4. Nội dung Hội nghị:", "Chương trình Đại hội" over numbered points: a meeting's agenda. */
function isAgendaHeading(node: OutlineNode): boolean {
  const words = foldWords(node.text);
  const opens = ['noi dung', 'chuong trinh'].some((p) => words.slice(0, 2).join(' ') === p);
  return isNumbered(node) && opens && node.children.filter(isNumbered).length >= 2;
}

/** "III. NỘI DUNG HỘI NGHỊ", "CHƯƠNG TRÌNH ĐẠI HỘI": a part of the plan that is its meeting's agenda. */
function isAgendaSection(section: OutlineNode, ctx: ParseContext): boolean {
  const words = foldWords(section.text).join(' ');
  if (/^(?:noi dung|chuong trinh)\s+(?:cua\s+)?(?:hoi nghi|dai hoi|phien hop|hoi thao|buoi)\b/.test(words))
    return true;
  // "II. NỘI DUNG (người trình bày)" in the plan of one meeting: its agenda too.
  const bare = foldWords(section.text.replace(/\([^()]*\)/g, ' ')).join(' ');
  // ("CHƯƠNG TRÌNH HN" in a terse hand.)
  return Boolean(ctx.eventTime) && /^(?:noi dung|chuong trinh)(?: hoi nghi| dai hoi| hn| dh)?$/.test(bare);
}

export function walkPlan(root: OutlineNode, ctx: ParseContext): void {
  attachStepFields(root);
  const sections = planSections(root);
  const none: Inherited = { time: null, leads: null, committee: false };
  if (sections.length === 0) {
    walkItems(root, '', none, ctx);
    return;
  }
  for (const stray of root.children.filter(
    (c) => isNumbered(c) && c.marker?.kind !== 'roman' && c.marker?.kind !== 'part',
  )) {
    const ref = childRef('', stray);
    ctx.skipped.push({ ref, node: stray.index, text: stray.text, reason: 'outside' });
  }
  for (const section of sections) {
    const info = sectionKindOf(section);
    const ref = section.marker?.label ?? '';
    if (info.kind === 'skip' || info.kind === 'time')
      noteSkipped(section, ref, info.kind === 'time' ? 'plan-time' : 'not-tasks', ctx);
    if (info.kind === 'skip' && !recordsNoWork(section.text)) givenWork(section, ref, ctx);
    if (info.kind === 'duties') walkDuties(section, ref, ctx);
    else if (info.kind === 'tasks') {
      // "III. NỘI DUNG HỘI NGHỊ": a part that is the meeting's agenda is held on the meeting's day.
      const agenda = isAgendaSection(section, ctx);
      const inh: Inherited = {
        time: headingTime(section.text, ctx) ?? (agenda ? meetingTime(ctx) : null),
        leads: headingLeads(section, ctx),
        committee: info.committee || agenda,
      };
      // "III. LỘ TRÌNH …" over dated steps with no numbered item: the section is a heading over its lines.
      if (!section.children.some(isNumbered) && workLines(section).length > 0)
        walkLines(section, ref, inh, ctx);
      else walkItems(section, ref, inh, ctx);
    }
  }
}
