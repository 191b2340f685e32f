/**
 * Turns one work item into tasks: the item itself, a task per peak ("cao điểm …"), a task per bulleted
 * sub-activity with its own time, or one task per quarter/month for recurring work.
 */
import { addressLength } from '../plan/unit-words';
import { compareDates } from '../../calendar/dates';
import { timeContext, type ParseContext, type WorkTask } from '../plan/context';
import { fold, foldWords, startsWithWords } from '../layout/fold';
import {
  DURING_PEAK,
  OVER_PEAK,
  proseSentences,
  readItemFacts,
  type IsSubItem,
  type ItemFacts,
} from './item-facts';
import { classifyKind, plainKind } from './kinds';
import { coLeadSlugs, NO_LEADS, overLeads, readLeads, type Leads } from './leads';
import { isBullet, type OutlineNode } from '../layout/outline';
import { readField } from './fields';
import { trailingFields } from './inline-fields';
import { cleanTitle, LEAD_IN, STEP_NAME_WORDS, titlesOfSteps, withoutOpeningVerb } from './titles';
import {
  findRecurrence,
  hasTimeCue,
  isSpecificTime,
  readTime,
  type Peak,
  type TimeReading,
  weekOfMonth,
  isTimeHead,
} from '../time/time-words';
import { recurringTasks, task, type ItemPlace } from './work-task';
import {
  closingNote,
  datedStep,
  isTopicHeading,
  opensWithAction,
  PHASE_HEAD,
  UNIT_HEAD_MAX,
} from './work-lines';
import { findMentions } from '../time/time-mentions';
import { isUnitHeading } from './roles';
import {
  BODY_OPENINGS,
  CLOSING_STEPS,
  ROUND_WORDS,
  SUBJECT_EVENT_VERBS,
  RELATIVE_TIME_AFTER,
  RELATIVE_TIME_BEFORE,
  SUPPORT_VERBS,
  MEETING_FORMALITIES,
  SET_ASIDE,
} from '../lexicon';

/** Opening verbs of an activity: a bullet "Tổ chức 2 đoàn …: Thời gian …" is a task of its own. */
const ACTIONS = [
  'to chuc',
  'tham gia',
  'trien khai',
  'xay dung',
  'thuc hien',
  'hoan thanh',
  'ky ket',
  'kiem tra',
  'lam viec',
  'hop',
  'hoi nghi',
  'phat dong',
  'tap huan',
  'boi duong',
  'danh gia',
  'tong ket',
  'so ket',
  'ton vinh',
  'xet chon',
  'gui',
  'bao cao',
].map((p) => p.split(' '));

interface Timing {
  reading: TimeReading | null;
  text: string | null;
}

/** Splits "head: rest" when a colon comes early in the line. */
function headAndRest(text: string): { head: string; rest: string } | null {
  const at = text.indexOf(':');
  if (at < 3 || at > 160) return null;
  return { head: text.slice(0, at).trim(), rest: text.slice(at + 1).trim() };
}

/**
 * "… ngày 29/3/2025", "Lễ kỷ niệm Ngày HTX Việt Nam 11/4": a date in an item's own title, when nothing
 * more specific gives its time, is the day it happens, even without cue words ("trước", "dự kiến").
 */
const DATED = /\bngay\s+\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}\b|(?<![\d/])\d{1,2}\s*\/\s*\d{1,2}(?![\d/])/;

function titleTime(title: string, ctx: ParseContext): Timing {
  if (!hasTimeCue(title) && !DATED.test(fold(title))) return { reading: null, text: null };
  const reading = readTime(title, timeContext(ctx));
  return reading.window ? { reading, text: reading.words } : { reading: null, text: null };
}

/**
 * "…: tháng 7/2026", "…: cao điểm từ 29/3 đến 29/4": the text after the colon is a time. "Hội nghị lần
 * thứ 3 (dự kiến đầu tháng 7/2026): sơ kết 6 tháng đầu năm 2026" goes on with the work instead: it opens
 * with an action before its time words.
 */
function opensWithTime(text: string): boolean {
  const first = findMentions(fold(text))[0];
  return first !== undefined && (first.from === 0 || !opensWithAction(text));
}

const ROUND_STEP = new RegExp(`^(?:${ROUND_WORDS.join('|')})\\s+(?:thu\\s+[a-z]+|\\d{1,2}|[ivx]{1,3})\\b`);

/** "lớp thứ nhất tháng 6/2026 tại …; lớp thứ hai tháng 9/2026 tại …": two or more rounds, each with a time. */
function roundsWithTimes(text: string): boolean {
  // "đợt 1 tháng 4/2026 (khu vực đồng bằng), đợt 2 tháng 11/2026 (…)": commas may part them too.
  const rounds = (clauses: string[]): boolean =>
    clauses.length >= 2 && clauses.every((c) => ROUND_STEP.test(fold(c).trim()) && isSpecificTime(c));
  return rounds(text.split(/;\s+/)) || rounds(text.split(/[;,]\s+(?=\S+\s+(?:\d|thứ))/u)) || namedSteps(text);
}

/**
 * "phát động ngày 25/3/2027; nhận ảnh dự thi đến hết ngày 25/4/2027; chấm và trao giải trong tháng 5/2027":
 * steps after the item's colon, each named before its own time.
 */
function namedSteps(text: string): boolean {
  const clauses = text.replace(/[\s.]+$/, '').split(/;\s+/);
  return (
    clauses.length >= 2 &&
    clauses.every((c) => {
      const first = findMentions(fold(c)).find((m) => m.kind === 'span' || m.kind === 'deadline');
      return first !== undefined && foldWords(c.slice(0, first.from)).some((w) => !TIME_INTRO.test(w));
    })
  );
}

/** The item's title from its own line; "…: <time>" after the title is the item's time. */
function readLine(
  facts: ItemFacts,
  isUnitHead: (head: string) => boolean,
  namesWho: (tail: string) => boolean = () => false,
  workOf: (clause: string) => string = () => '',
): string {
  // "Ngày 05/9/2025: Ban hành …": the date that opens the line is the item's own, most specific time.
  const step = datedStep(facts.lineText);
  if (step) {
    // "Quý II/2027: tập huấn …, 02 lớp: lớp thứ nhất trong tháng 4/2027 tại …, lớp thứ hai trong tháng 5/2027
    // …": rounds each timed inside the period that opens the line are the item's times.
    const inner = headAndRest(step.rest);
    if (inner && roundsWithTimes(inner.rest.replace(/\.\s+\p{Lu}.*$/u, ''))) {
      facts.timeText = inner.rest.replace(/\.\s+\p{Lu}.*$/u, '');
      return cleanTitle(inner.head);
    }
    facts.timeText = step.time;
    return cleanTitle(step.rest);
  }
  // "Tổ chức Lễ phát động …: ngày 28/3/2024": the words after the colon are the item's time. A long title
  // ("Tuyên truyền về … trên Trang thông tin điện tử, fanpage …, Báo và Phát thanh, Truyền hình …: từ
  // ngày 22/6 đến ngày 04/7/2026") puts its colon far in: the last colon, when only a time follows it.
  const last = facts.lineText.lastIndexOf(':');
  const tail = last > 0 ? facts.lineText.slice(last + 1).trim() : '';
  const split =
    headAndRest(facts.lineText) ??
    (last > 0 && isTimeHead(tail.replace(/[\s.;]+$/, ''))
      ? { head: facts.lineText.slice(0, last), rest: tail }
      : null);
  // "- Ban Kiểm tra: dự thảo Báo cáo tổng kết …": the unit before the colon does the work after it (its
  // lead is read from the line); the work is the title.
  if (split && split.head.length <= UNIT_HEAD_MAX && isUnitHead(split.head) && /\p{L}{2}/u.test(split.rest))
    return cleanTitle(split.rest);
  // "Hoàn chỉnh tài liệu, in ấn chậm nhất ngày 11/12/2026: đồng chí Chánh Văn phòng.": the work, then who
  // does it after the last colon (by a unit's name or its head's post).
  const before = last > 0 ? facts.lineText.slice(0, last) : '';
  // "…: đồng chí Phó Chủ tịch trình bày; đồng chí Trưởng Ban X chuẩn bị dự thảo", "…: ngày 21/12/2026; đồng
  // chí Phó Chủ tịch chủ trì, đồng chí Chánh Văn phòng chuẩn bị nội dung": who may be in a later clause.
  const tailClauses = tail.split(/;\s*|,\s*(?=(?:các\s+)?đồng chí\s)/iu);
  if (
    foldWords(before).length >= NAME_WORDS &&
    !isTopicHeading(before) &&
    (namesWho(tail) || tailClauses.some((c) => namesWho(c) && !/phối hợp|cung cấp/iu.test(c)))
  ) {
    // "…: Trung tâm X chủ trì, Tiểu ban Y phối hợp; thực hiện trong ngày Đại hội": the clauses that name who.
    const who = tailClauses.filter((c) => namesWho(c) || /\bphối hợp\b|cung cấp/iu.test(c));
    // ("…, Y phối hợp, trong Quý III/2025", "…, có sự tham gia của Sở …": what follows the helpers is not who.)
    const named = who.join('; ').replace(/(phối hợp)\s*,.*$/iu, '$1');
    facts.leadTexts.push(named.replace(/[\s.;]+$/, ''));
    // "Bồi dưỡng …: T3; 50 HV; Phòng BD-TV.": a clause of time beside who is the item's time.
    const timed = tailClauses.filter((c) => !who.includes(c) && isSpecificTime(c));
    if (timed.length > 0) facts.timeText ??= timed.join('; ');
    // "Hồ sơ khen thưởng năm 2026: đồng chí Trưởng ban X tổng hợp, trình Hội đồng … trước ngày 08/12": what the
    // doer does to it belongs to the title; "…: đồng chí X trình bày" only says who.
    const work = cleanTitle(workOf(tailClauses[0] ?? ''));
    if (foldWords(work).length >= 2 && !ROLE_ONLY.test(fold(work)))
      return `${cleanTitle(before)}: ${work.charAt(0).toLowerCase()}${work.slice(1)}`;
    return cleanTitle(before);
  }
  // "Tập huấn …: lớp thứ nhất tháng 6/2026 tại …; lớp thứ hai tháng 9/2026 tại …": its rounds, each timed.
  if (split && roundsWithTimes(split.rest)) {
    facts.timeText ??= split.rest;
    return cleanTitle(split.head);
  }
  // "…: trong thời gian cao điểm" names no date but is the item's time all the same (the plan's peak).
  if (
    split &&
    split.rest.length < 90 &&
    ((isSpecificTime(split.rest) && opensWithTime(split.rest)) || DURING_PEAK.test(fold(split.rest)))
  ) {
    facts.timeText ??= split.rest;
    return cleanTitle(split.head);
  }
  // "Cuộc thi viết "…" dành cho cán bộ …: Ban X là đơn vị chủ trì, …; Cuộc thi được phát động …": a verbose
  // hand names the work before a colon and goes on in sentences; the name is the title, the rest its facts.
  // "Về báo cáo chính: Xây dựng dự thảo …" names a topic, then the work: that stays whole.
  if (
    split &&
    facts.lineText.length > LONG_TITLE &&
    foldWords(split.head).length >= NAME_WORDS &&
    !opensWithAction(split.rest) &&
    !isTopicHeading(split.head)
  )
    return cleanTitle(split.head);
  return cleanTitle(facts.lineText);
}

/** "đồng chí Chánh Văn phòng chuẩn bị", "Ban X chủ trì; …": words that open with a unit, by name or post. */
function opensWithUnit(text: string, ctx: ParseContext): boolean {
  const by = addressLength(text) || (/^\s*/.exec(text)?.[0].length ?? 0);
  const first = [...ctx.units.scan(text).hits].sort((a, b) => a.from - b.from)[0];
  if (first === undefined || first.from > by) return false;
  // Who, and at most what they do to it: "Văn phòng có trách nhiệm xây dựng dự thảo …" is work of its own.
  const rest = fold(text.slice(first.to));
  return /^[\s.,;]*$/.test(rest) || WHO_VERB.test(rest);
}

/**
 * "…: đồng chí Trưởng ban X hoàn thành, trình xin ý kiến Thường trực chậm nhất ngày 01/12": what the unit named
 * after the colon does, without it (and without a time the title would not keep).
 */
function workAfterUnit(clause: string, ctx: ParseContext): string {
  const by = addressLength(clause) || (/^\s*/.exec(clause)?.[0].length ?? 0);
  const hits = [...ctx.units.scan(clause).hits].sort((a, b) => a.from - b.from);
  const first = hits[0];
  if (first === undefined || first.from > by) return '';
  return clause.slice(first.to).replace(/^[\s,;]+/, '');
}

/** A doer's words that open with its part ("trình bày", "chủ trì, Y phối hợp", "phụ trách"), not work of its own. */
const ROLE_ONLY =
  /^(?:(?:trinh bay|thuc hien|phu trach|chu tri|chiu trach nhiem|dieu hanh|tham muu|doc|bao cao|phoi hop|cung cap|tham gia)\b|chuan bi\s*$)/;

/** What may follow a unit named after the colon: its role, or the next unit. */
const WHO_VERB =
  /^[\s,;]*(?:chu tri|chuan bi|thuc hien|tham muu|trinh bay|phoi hop|cung cap|dieu hanh|hoan thien|tong hop|phu trach|chiu trach nhiem|chi dao|lap|va|cac|dong chi|ban|phong|van phong|trung tam|quy)\b/;

/** A line longer than this is a paragraph, not a title; what names the work before its colon is. */
const LONG_TITLE = 140;
/** Words the name before the colon must have to stand as the title ("Tuyên truyền:" is a heading). */
const NAME_WORDS = 4;

/**
 * "+ Hoàn thiện danh sách …, chậm nhất ngày 25/3/2026 (Ban TC-KT chủ trì)": a bullet under an item that
 * names its own lead and its own scheduled time is a step of its own, whatever the item's facts; the title
 * is the words before the time.
 */
function ownedStep(line: OutlineNode, place: ItemPlace, ctx: ParseContext): WorkTask | null {
  if (line.children.length > 0) return null;
  const facts = readItemFacts(line, () => false);
  // "Đồng thời, Trung tâm cập nhật tin, bài … ngay trong ngày 17/7/2026.": a paragraph under the item that a
  // unit opens, after a lead-in or not.
  const opener =
    line.marker === null
      ? subjectLeads(line.text.slice(LEAD_IN.exec(line.text)?.[0].length ?? 0), ctx)
      : null;
  const leads = line.marker === null ? opener : readLeads(ctx.units, facts);
  if (!leads || leads.lead.length === 0) return null;
  const words = facts.timeText ?? facts.lineText;
  if (!hasTimeCue(words)) return null;
  const reading = readTime(words, timeContext(ctx));
  if (!reading.window) return null;
  const at = facts.timeText === null ? firstTimeAt(facts.lineText) : -1;
  const title = cleanTitle(at > 0 ? facts.lineText.slice(0, at) : facts.lineText);
  if (!/\p{L}{2}/u.test(title)) return null;
  const kind = plainKind(title, reading.deadline);
  return task(place, title, kind, leads, reading.window, reading.words, {
    origin: 'sub',
    explicitLead: true,
  });
}

/** Where the first time words of a line begin, with the cue that introduces them ("chậm nhất", "trước"). */
function firstTimeAt(text: string): number {
  const folded = fold(text);
  const m = findMentions(folded).find((x) => x.kind === 'span' || x.kind === 'deadline');
  if (!m) return -1;
  const cue = /(?:\b(?:hoan thanh|du kien|trong|vao|truoc|cham nhat|muon nhat)\s+)+$/.exec(
    folded.slice(0, m.from),
  );
  return cue ? cue.index : m.from;
}

/**
 * Bulleted lines "<who or what>: <time words>": one that opens with an activity is a task of its own
 * ("+ Tổ chức 2 đoàn …: trong tháng 4/2024"); another gives the item its time when it has none.
 */
function bulletTimes(
  facts: ItemFacts,
  place: ItemPlace,
  leads: Leads,
  ctx: ParseContext,
  itemTitle: string,
): { subs: WorkTask[]; timing: Timing | null; phased: boolean } {
  const subs: WorkTask[] = [];
  let timing: Timing | null = null;
  const phases = phaseTasks(facts, place, leads, ctx, itemTitle);
  if (phases.length >= MIN_PHASES) return { subs: phases, timing: null, phased: true };
  for (const line of facts.otherLines) {
    const own = isBullet(line) || line.marker === null ? ownedStep(line, place, ctx) : null;
    // A paragraph that is a task of its own does not time the item it stands under.
    if (own && facts.proseTime && line.text.includes(facts.proseTime)) facts.proseTime = null;
    if (own) {
      subs.push({ ...own, ref: `${place.ref}.${line.marker?.label ?? ''}${subs.length + 1}` });
      continue;
    }
    // "- Phát động cuộc thi ngày 25/3/2026;": a bullet that names a step and its time, without a colon.
    const at = isBullet(line) && !line.text.includes(':') ? firstTimeAt(line.text) : -1;
    const cued = hasTimeCue(line.text) || /\bngay\s+\d{1,2}\s*\//.test(fold(line.text));
    const timed = at > 0 && cued ? { head: line.text.slice(0, at), rest: line.text.slice(at) } : null;
    const split = isBullet(line) ? (headAndRest(line.text) ?? timed) : null;
    if (!split || !isSpecificTime(split.rest)) continue;
    const reading = readTime(split.rest, timeContext(ctx));
    if (!reading.window) continue;
    if (!ACTIONS.some((a) => startsWithWords(foldWords(split.head), a))) {
      timing ??= { reading, text: split.rest };
      continue;
    }
    // "- Phát động cuộc thi ngày 25/3/2026" under "Cuộc thi ảnh "…"": a step named in a few words is
    // named with the item it belongs to.
    const head = cleanTitle(split.head);
    const title = foldWords(head).length < STEP_NAME_WORDS ? `${head} – ${itemTitle}` : head;
    const kind = plainKind(title, reading.deadline);
    const ref = `${place.ref}.${line.marker?.label ?? ''}${subs.length + 1}`;
    subs.push(task({ ...place, ref }, title, kind, leads, reading.window, split.rest, { origin: 'sub' }));
  }
  return { subs, timing, phased: false };
}

/** Two phases make the item a work in phases; one is only its time. */
const MIN_PHASES = 2;

/**
 * "2. Thi đua lập thành tích …" / "- Đợt 1: cao điểm tháng 4/2025" / "- Đợt 2: từ ngày 01/8 đến ngày
 * 02/9/2025": an item run in phases, each a time of its own, is one task per phase, "<item> (Đợt 1)".
 */
function phaseTasks(
  facts: ItemFacts,
  place: ItemPlace,
  leads: Leads,
  ctx: ParseContext,
  itemTitle: string,
): WorkTask[] {
  const out: WorkTask[] = [];
  for (const line of facts.otherLines) {
    const split = headAndRest(line.text);
    if (!split || !PHASE_HEAD.test(foldWords(split.head).join(' '))) continue;
    const reading = readTime(split.rest, timeContext(ctx));
    if (!reading.window) continue;
    const kind =
      reading.peaks.length > 0 || reading.sustained
        ? 'campaign'
        : classifyKind({
            title: itemTitle,
            committee: place.inherited.committee,
            deadline: reading.deadline,
            hasPeaks: false,
            recurring: false,
          });
    const ref = `${place.ref} ${split.head}`;
    const text = split.rest.replace(/[\s.;,]+$/, '');
    out.push(
      task({ ...place, ref }, `${itemTitle} (${split.head})`, kind, leads, reading.window, text, {
        origin: 'sub',
      }),
    );
  }
  return out;
}

/** "…; suốt thời gian cao điểm." closing the line, and nothing after it. */
const PEAK_CLOSING = new RegExp(`${OVER_PEAK.source}[\\s.;,]*$`);

/** Words that time an item by the plan's peak: the peak's window (a pace kept over it is sustained work). */
function duringPeak(words: string, ctx: ParseContext, sustained = false, cue = DURING_PEAK): Timing | null {
  const at = cue.exec(fold(words));
  if (!ctx.planPeak || !at) return null;
  const { text: _text, ...window } = ctx.planPeak;
  const reading = { ...readTime('', timeContext(ctx)), window, sustained };
  return { reading, text: words.slice(at.index) };
}

/** Words right before time words that make them the clause's schedule: "thực hiện từ tháng 5 …". */
const SCHEDULING = /\b(?:tu|trong|vao|truoc|cham nhat|du kien|thuc hien|dien ra|to chuc)\s*$/;

/** The clause schedules: its time words open with a cue ("từ", "trước") or follow one. */
function schedules(clause: string): boolean {
  const folded = fold(clause);
  return findMentions(folded).some(
    (m) =>
      (m.kind === 'span' || m.kind === 'deadline') &&
      (/^(?:tu|truoc|cham nhat|han)\b/.test(folded.slice(m.from)) ||
        SCHEDULING.test(folded.slice(0, m.from))),
  );
}

function clauseTime(line: string, ctx: ParseContext): Timing | null {
  for (const clause of line.split(/;\s+/).slice(1)) {
    if (!schedules(clause)) continue;
    const reading = readTime(clause, timeContext(ctx));
    if (reading.window) return { reading, text: reading.words };
  }
  return null;
}

/** The words after a sentence's last comma or semicolon, its closing mark and notes left out. */
function lastClause(sentence: string): string {
  const parts = sentence.replace(/\([^()]*\)/g, ' ').split(/[,;]\s+/);
  return parts.length > 1 ? (parts.at(-1) ?? '').replace(/[\s.;]+$/, '').trim() : '';
}

/**
 * "a) Kiểm tra 10 HTX về thực hiện Luật HTX, Quý II/2026.": a last clause (outside parentheses) that is
 * only time words times the item when its group gives no time.
 */
function lastClauseTime(line: string, ctx: ParseContext): Timing | null {
  // "Tổ chức Hội nghị … (sơ kết …), trung tuần tháng 7/2027. Đồng chí Chánh Văn phòng chuẩn bị …": the
  // last clause of the item's own sentence, not of the sentences that assign it.
  const own = proseSentences(line);
  const first = own.length > 1 && isTimeHead(lastClause(own[0] ?? '')) ? (own[0] ?? line) : line;
  const bare = first.replace(/\([^()]*\)/g, ' ');
  const tidy = (s: string | undefined): string => (s ?? '').replace(/[\s.;]+$/, '').trim();
  // The clause after the last comma whole ("…, trong Quý II - Quý III/2026" keeps its range), else the
  // part after the last dash ("Kiểm tra 10 HTX – Quý II/2026").
  const clauses = bare.split(/[,;]\s+/);
  const byComma = clauses.length > 1 ? tidy(clauses.at(-1)) : '';
  const dashed = bare.split(/\s[–—-]\s/);
  // ("… được mở trong Quý II - Quý III/2027": a dash inside a range, its start before the dash.)
  const from =
    dashed.length > 1 && isTimeHead(tidy(dashed.at(-1)))
      ? RANGE_START.exec((dashed.at(-2) ?? '').trimEnd())?.[0]
      : undefined;
  const byDash = dashed.length > 1 ? tidy(from ? `${from} - ${dashed.at(-1) ?? ''}` : dashed.at(-1)) : '';
  // "…, bồi dưỡng 6 tháng đầu năm — tháng 7/2026": the part after a dash in the last clause is the time,
  // the period before it what the work covers.
  // ("…; 10 - 12/4" is one range: a day alone before the dash starts it.)
  const beforeDash = byComma.split(/\s[–—-]\s/)[0] ?? '';
  const order =
    /\s[–—-]\s/.test(byComma) && /\p{L}{2}/u.test(beforeDash) && !RANGE_START.test(beforeDash.trimEnd())
      ? [byDash, byComma]
      : [byComma, byDash];
  for (const last of order) {
    if (!last || !isTimeHead(last)) continue;
    const reading = readTime(last, timeContext(ctx));
    if (reading.window) return { reading, text: last };
  }
  return null;
}

/**
 * "Tổng kết công tác … năm 2026, đề xuất kế hoạch năm 2027 (tháng 12/2026).": a closing parenthesis
 * holding only time words is the item's time, whatever years its words mention.
 */
function parenTime(line: string, ctx: ParseContext): Timing | null {
  // Only the note that closes the line: "Ngày HTX Việt Nam (11/4) tại …" names a day inside the title.
  const inner = closingNote(line);
  if (!inner || !isTimeHead(inner)) return null;
  const reading = readTime(inner, timeContext(ctx));
  return reading.window ? { reading, text: reading.words || inner } : null;
}

function openingTime(facts: ItemFacts, ctx: ParseContext): Timing | null {
  for (const line of facts.otherLines) {
    if (line.marker !== null) continue;
    const head = /^[^.;:]+/.exec(line.text)?.[0].trim() ?? '';
    if (!isTimeHead(head)) continue;
    const reading = readTime(head, timeContext(ctx));
    if (reading.window) return { reading, text: head };
  }
  return null;
}

/** The item's time: its own words first, then its group's, then time words in its title. */
const SUBJECT_EVENT = new RegExp(`\\b(?:${SUBJECT_EVENT_VERBS.join('|')})(?:\\s+(?:vao|trong|tu))?\\s*$`);

/**
 * "THÁNG 3" over "8. Thông qua Kế hoạch … (tuần đầu tháng 3)", "… : Thứ Sáu, 27/3/2026": a time the item's
 * own line gives inside its group's window narrows it (the day in the month); one outside it ("kỷ niệm
 * 11/4/1946 – 11/4/2026", "Ngày Quốc tế HTX 04/7" under June) is a date the work is about, not its time.
 */
function narrowing(line: string, own: readonly (() => Timing | null)[], outer: Timing | null): Timing | null {
  const w = outer?.reading?.window;
  if (!w || outer.reading?.recurrence) return null;
  const folded = fold(line);
  for (const candidate of own) {
    const t = candidate();
    const v = t?.reading?.window;
    if (!t || !v || t.reading?.recurrence) continue;
    const at = t.text ? folded.indexOf(fold(t.text)) : -1;
    if (at >= 0 && SUBJECT_EVENT.test(folded.slice(Math.max(0, at - 30), at))) continue;
    const inside = compareDates(v.start, w.start) >= 0 && compareDates(v.end, w.end) <= 0;
    const narrower = compareDates(v.start, w.start) > 0 || compareDates(v.end, w.end) < 0;
    if (inside && narrower) return t;
  }
  return null;
}

/**
 * "- Hoàn thiện kịch bản, giấy mời đại biểu (Văn phòng), trước ngày 22/3/2027" under "Lễ phát động …, ngày
 * 29/3/2027": a step due before its heading's day keeps its own deadline.
 */
function before(own: readonly (() => Timing | null)[], outer: Timing | null): Timing | null {
  const w = outer?.reading?.window;
  if (!w || outer.reading?.recurrence) return null;
  for (const candidate of own) {
    const t = candidate();
    const v = t?.reading?.window;
    // A due date written at the item, within its part's period or before it, is the item's own.
    if (t?.reading?.deadline && v && compareDates(v.end, w.end) <= 0) return t;
  }
  return null;
}

function groupWeek(text: string, outer: Timing | null): Timing | null {
  const month = outer?.reading?.window;
  if (!month || !outer.reading || outer.reading.recurrence) return null;
  const window = weekOfMonth(text, month);
  return window ? { reading: { ...outer.reading, window, deadline: false, words: text }, text } : null;
}

/** A time a part ends with that a dash may carry on into a range: "Quý II", "tháng 5", "01/3". */
const RANGE_START =
  /(?:quý\s+(?:[IVX]{1,4}|[1-4])|tháng\s+\d{1,2}|ngày\s+\d{1,2}|(?<![\d/])\d{1,2}\/\d{1,2}(?:\/\d{4})?)$/iu;

/**
 * "Lớp 1. Kế toán HTX - tháng 3/2026 - phường Trường Vinh - 60 HV - TT GDNN": a terse line's parts, one
 * of which is nothing but a time, written without a word that introduces it.
 */
function partTime(line: string, ctx: ParseContext): Timing | null {
  const part = line
    .split(/\s[-–—]\s|\s*\|\s*/)
    .slice(1)
    .map((p) => p.trim().replace(/[\s.;,]+$/, ''))
    .find((p) => isTimeHead(p));
  if (!part) return null;
  const reading = readTime(part, timeContext(ctx));
  return reading.window ? { reading, text: part } : null;
}

/** How far after a title's colon a rule may open to be the item's rhythm ("…: hằng tháng, …"). */
const RULE_AFTER_COLON = 3;

function itemTiming(
  title: string,
  facts: ItemFacts,
  fromBullets: Timing | null,
  place: ItemPlace,
  ctx: ParseContext,
): Timing {
  const found = (t: Timing | null): t is Timing => Boolean(t?.reading?.window || t?.reading?.recurrence);
  const own: (() => Timing | null)[] = [
    () => lastClauseTime(facts.lineText, ctx),
    () => parenTime(facts.lineText, ctx),
    () => titleTime(title, ctx),
    // "Hội nghị lần thứ 3 (dự kiến đầu tháng 7/2026): …": the note the title drops still times the item.
    () => titleTime(headAndRest(facts.lineText)?.head ?? facts.lineText, ctx),
    // A title cut at its colon leaves its time in the words after it.
    () => titleTime(facts.lineText, ctx),
    () => partTime(facts.lineText, ctx),
  ];
  const candidates: (() => Timing | null)[] = [
    // "Tuần 2" in a row under "THÁNG 4/2026": that week of the group's month.
    () => groupWeek(facts.timeText ?? facts.lineText, place.inherited.time),
    // "Báo cáo … định kỳ 6 tháng" with "Thời gian: Trước 15/6 và trước 15/12": the rule in the title, its
    // due dates in the time cell.
    () => {
      const rule = findRecurrence(title);
      if (!rule || !facts.timeText || findRecurrence(facts.timeText)) return null;
      const words = `${rule.words}, ${facts.timeText}`;
      const reading = readTime(words, timeContext(ctx));
      return reading.recurrence ? { reading, text: words } : null;
    },
    () =>
      facts.timeText ? { reading: readTime(facts.timeText, timeContext(ctx)), text: facts.timeText } : null,
    // "Thời gian: trong thời gian cao điểm của Tháng hành động": the plan's own peak.
    () => duringPeak(facts.timeText ?? '', ctx),
    () => fromBullets,
    // "5. Kiểm tra liên ngành …:" / "Quý III/2026. Phía Liên minh: Ban HTPT …": a body line that opens
    // with time words gives the item its time.
    () => openingTime(facts, ctx),
    // "Lễ phát động được tổ chức vào sáng thứ Bảy, ngày 28/3/2026 tại …": the prose under the item.
    () => {
      if (!facts.proseTime) return null;
      const reading = readTime(facts.proseTime, timeContext(ctx));
      return reading.window ? { reading, text: reading.words } : null;
    },
    // "… ít nhất 02 tin, bài mỗi tuần trong thời gian cao điểm": a pace kept over the peak, one campaign
    // over it rather than a task a week.
    () => (facts.timeText === null ? duringPeak(title, ctx, findRecurrence(title) !== null) : null),
    // "Báo cáo … định kỳ hằng tháng": the title states the rule.
    () => {
      const r = findRecurrence(title);
      return r ? { reading: readTime(title, timeContext(ctx)), text: r.words } : null;
    },
    // "Báo cáo tiến độ … (từ tháng 4 đến tháng 6/2027): hằng tháng, trước ngày 25, …": the rule opens the
    // words after the title's colon, bounded by the months the title names.
    () => {
      const colon = facts.lineText.indexOf(':');
      const rule = colon > 0 ? findRecurrence(facts.lineText.slice(colon + 1)) : null;
      if (!rule || rule.start > RULE_AFTER_COLON || findRecurrence(title)) return null;
      const reading = readTime(facts.lineText, timeContext(ctx));
      return reading.recurrence ? { reading, text: rule.words } : null;
    },
    // "c) Đăng tải chuyên mục …; riêng nội dung này thực hiện từ tháng 5 đến hết tháng 8/2026": a clause
    // of the item's own line that schedules it overrides its group's time.
    () => clauseTime(facts.lineText, ctx),
    () => narrowing(facts.lineText, own, place.inherited.time),
    () => before(own, place.inherited.time),
    () => place.inherited.time,
    ...own,
    // "Ban TT-ĐN: banner điện tử …; suốt thời gian cao điểm." (the title is cut before it).
    () => (facts.timeText === null ? duringPeak(facts.lineText, ctx, false, PEAK_CLOSING) : null),
  ];
  for (const candidate of candidates) {
    const t = candidate();
    if (found(t)) return t;
  }
  return { reading: null, text: null };
}

function peakTasks(
  title: string,
  reading: TimeReading,
  place: ItemPlace,
  leads: Leads,
  meta: WorkTask['meta'],
): WorkTask[] {
  const { peaks } = reading;
  return peaks.map((peak, i) => {
    const peakTitle = reading.peakNote
      ? `Cao điểm ${peak.text} ${reading.peakNote}`
      : `Cao điểm ${withoutOpeningVerb(title)}${peaks.length > 1 ? ` (${peak.text})` : ''}`;
    const ref = `${place.ref} cao điểm${peaks.length > 1 ? ` ${i + 1}` : ''}`;
    return task({ ...place, ref }, peakTitle, 'campaign', leads, peak, `cao điểm ${peak.text}`, {
      ...meta,
      origin: 'peak',
      bare: false,
    });
  });
}

/**
 * "Các ban, văn phòng cập nhật số liệu …", "Văn phòng và Ban Kiểm tra rà soát …": the units that open the
 * item's own sentence are its subject, so they lead it when nothing else names a lead.
 */
export function subjectLeads(title: string, ctx: ParseContext): Leads | null {
  const scan = ctx.units.scan(title);
  const first = scan.hits[0];
  // "Các Ban, Văn phòng tiếp thu …", "Các Văn phòng đại diện tổ chức …": the units after "các" open it;
  // "Đồng thời, Ban X thiết kế …", "Để bảo đảm …, Ban X có trách nhiệm chủ trì …" after a lead-in.
  // "Giao Văn phòng tổ chức …", "Đề nghị Ban X …": the word that hands the work over, then its unit.
  const given = /^(?:giao|đề nghị|phân công|yêu cầu)\s+/iu.exec(title)?.[0].length ?? 0;
  const leadIn = given + (LEAD_IN.exec(title.slice(given))?.[0].length ?? 0);
  // "Đồng chí Trưởng Ban X …", "các đ/c Trưởng ban …": the unit by its head's post, after the address.
  const plural = leadIn + (/^c[áa]c\s+/iu.exec(title.slice(leadIn))?.[0].length ?? 0);
  const opening = Math.max(plural, leadIn + addressLength(title.slice(leadIn)));
  if (!first || first.from > opening) return null;
  // The run of units at the start, joined by commas, "và" or "cùng với" (who work together lead together).
  const lead: string[] = [];
  let end = first.from;
  for (const h of scan.hits) {
    if (
      !/^[\s,;]*(?:v[àa]\s+|cùng(?:\s+với)?\s+)?(?:(?:đồng chí|đ\/c)\s+)?$/iu.test(title.slice(end, h.from))
    )
      break;
    if (!lead.includes(h.slug)) lead.push(h.slug);
    end = h.to;
  }
  // "Các Ban, Trung tâm, Quỹ … báo cáo tiến độ về Ban Hỗ trợ phát triển thị trường": everyone but the unit
  // the work is sent to.
  const rest = title.slice(end);
  // (A scan names each unit once: the one sent to is looked for in the rest of the sentence.)
  const to = ctx.units
    .scan(rest)
    .hits.filter((h) => /\b(?:về|gửi|nộp)\s+$/iu.test(rest.slice(Math.max(0, h.from - 12), h.from)));
  // Only one the plural took in ("các Ban" with the Ban that collects among them): a unit named in the
  // list in its own right ("các ban, văn phòng, đơn vị … gửi Văn phòng") reports as well.
  const pluralOnly = (slug: string): boolean => {
    const type = ctx.units.typeOf(slug);
    return type !== null && ctx.units.ofType(type).length > 1;
  };
  // A self-assessment ("phiếu tự đánh giá … gửi Ban Kiểm tra") is every unit's, the collector's too.
  const own = /\btu (?:danh gia|kiem tra|cham diem)\b/.test(fold(title));
  const senders = own ? lead : lead.filter((slug) => !to.some((h) => h.slug === slug && pluralOnly(slug)));
  return { lead: senders.length > 0 ? senders : lead, support: [], unknown: [] };
}

/**
 * "Báo cáo kết quả … (trước ngày 20/6 và trước ngày 20/12/2026). Trung tâm Đào tạo tổng hợp, gửi Văn
 * phòng.": a later sentence of the item's line (or the text after its label) that opens with a unit
 * says who does it.
 */
const OPENING_CLAUSES = 3;
const OPENING_CLAUSE =
  /^(?:(?:cuoi|dau|giua) (?:nam|quy|thang)|trong (?:thoi gian|qua trinh|suot|ca nam)|dinh ky|dong thoi|sau khi|tren co so|ngay sau|ket thuc|truoc khi|(?:truoc|cham nhat|muon nhat) ngay \d|(?:hang|moi) (?:tuan|thang|quy|nam)|thuong xuyen|ca nam|suot nam)/;

/**
 * "Chậm nhất ngày 06/7/2026, Phòng Xúc tiến thương mại gửi thư mời …": after a time that opens the line;
 * "Định kỳ hằng quý, trước ngày 15 của tháng cuối quý, Văn phòng tổng hợp …", "Trong thời gian thí điểm,
 * Trung tâm … báo cáo …": after the clauses of time or circumstance it opens with.
 */
function subjectAfterTime(line: string, ctx: ParseContext): Leads | null {
  let from = 0;
  for (let k = 0; k < OPENING_CLAUSES; k++) {
    const comma = line.indexOf(', ', from);
    const clause = comma > 0 ? line.slice(from, comma) : '';
    if (!clause || ctx.units.scan(clause).hits.length > 0) break;
    if (!isTimeHead(clause) && !isSpecificTime(clause) && !OPENING_CLAUSE.test(fold(clause))) break;
    const leads = subjectLeads(line.slice(comma + 2), ctx);
    if (leads && leads.lead.length > 0) return leads;
    from = comma + 2;
  }
  return null;
}

function laterSubjectLeads(line: string, ctx: ParseContext): Leads | null {
  const opened = subjectAfterTime(line, ctx);
  if (opened) return opened;
  // "Báo cáo tháng: các ban, văn phòng, đơn vị báo cáo tiến độ …": after a label, in any case; "Báo cáo
  // tháng: hằng tháng, trước ngày 20 (…), các ban, Trung tâm, Quỹ gửi …": after the label's time too.
  for (const m of line.matchAll(/[.;]\s+(?=\p{Lu}|đồng chí\s)|:\s+/gu)) {
    // "… Giao Văn phòng chuẩn bị nội dung, tài liệu phục vụ phiên họp.": the units given the work.
    const sentence = line.slice((m.index ?? 0) + m[0].length).replace(/^(?:giao|phân công)\s+/iu, '');
    const leads = subjectLeads(sentence, ctx) ?? subjectAfterTime(sentence, ctx);
    if (!leads || leads.lead.length === 0) continue;
    // "…; Ban HTPT phối hợp lựa chọn HTX tham gia": units that only help, the lead being an outside body.
    return HELPS.test(fold(sentence))
      ? { ...leads, lead: [], support: leads.lead }
      : coLeads(sentence, leads, ctx);
  }
  return null;
}

/** Units that do the same work in the sentence's later clauses lead beside its subject (see coLeadSlugs). */
function coLeads(sentence: string, leads: Leads, ctx: ParseContext): Leads {
  const more = coLeadSlugs(ctx.units, sentence).filter((slug) => !leads.lead.includes(slug));
  return more.length === 0 ? leads : { ...leads, lead: [...leads.lead, ...more] };
}

/** Share of a note's letters that unit names must cover for the note to be only those names. */
const NAMES_ONLY = 0.8;

/** Words the name of another body in a list of units may take ("Công đoàn cơ quan", "Sở Công Thương"). */
const BODY_NAME_WORDS = 6;

/**
 * "Văn phòng", "VP, Công đoàn cơ quan", "Ban X; Sở Công Thương": text that is nothing but a list of names,
 * each one of the plan's units or opening like the name of another body. Its units lead.
 */
function namesOnlyLeads(written: string, ctx: ParseContext): Leads | null {
  const text = written.replace(/[\s.;,]+$/, '');
  const hits = ctx.units.scan(text).hits;
  if (hits.length === 0) return null;
  const covers = (part: string): boolean => {
    const own = ctx.units.scan(part).hits;
    const covered = own.reduce((n, h) => n + foldWords(part.slice(h.from, h.to)).join('').length, 0);
    return covered >= NAMES_ONLY * foldWords(part).join('').length;
  };
  const parts = text.split(/\s*[,;]\s*|\s+và\s+/u).filter((p) => p.trim().length > 0);
  const names =
    covers(text) ||
    parts.every((part) => {
      const words = foldWords(part);
      if (covers(part)) return true;
      return (
        words.length <= BODY_NAME_WORDS && BODY_OPENINGS.some((b) => startsWithWords(words, b.split(' ')))
      );
    });
  return names ? { lead: [...new Set(hits.map((h) => h.slug))], support: [], unknown: [] } : null;
}

/**
 * "a) Treo băng rôn … (Văn phòng).", "… [Ban TT-TĐ]", "c) Gặp mặt … – dự kiến cuối tháng 4/2026 – Văn
 * phòng.", "… — VP, Công đoàn cơ quan.": a note in parentheses or brackets, or the part after the last em
 * dash (a unit's name may hold an en dash), or else the last dash-separated part, made of nothing but unit
 * names says who does the item.
 */
function bareUnitLeads(line: string, ctx: ParseContext): Leads | null {
  const notes = [...line.matchAll(/\(([^()]+)\)|\[([^[\]]+)\]/g)].map((m) => m[1] ?? m[2] ?? '');
  // "… trước ngày 10/5/2026 – Phòng Tuyên truyền – Thi đua.": the name may hold the dash itself, so
  // each tail after a dash is tried, the shortest first (pushed last, tried first below).
  const parts = line.split(/\s[–—-]\s/);
  for (let k = 1; k < parts.length; k++) notes.push(parts.slice(k).join(' – '));
  const em = line.split(/\s—\s/);
  if (em.length > 1) notes.push(em[em.length - 1] ?? '');
  for (const note of notes.reverse()) {
    const leads = namesOnlyLeads(note, ctx);
    if (leads) return leads;
  }
  return null;
}

/**
 * "c. Hội nghị tôn vinh HTX …: sáng 11/4/2026." over "   * Phòng Tuyên truyền – Thi đua." or "▪ Văn
 * phòng, Công đoàn cơ quan.": a line under the item made of nothing but unit names (the plan's own and
 * outside bodies) says who does it, as a unit column would.
 */
function bodyUnitLeads(node: OutlineNode, isSubItem: IsSubItem, ctx: ParseContext): Leads | null {
  for (const child of node.children) {
    if (isSubItem(child) || readField(child.text)) continue;
    const leads = namesOnlyLeads(child.text, ctx);
    if (leads) return leads;
  }
  return null;
}

/** The clause's verb is one of helping ("phối hợp", "tham gia"), not of leading. */
const HELPS = new RegExp(`^[^,;.]*?\\b(?:${SUPPORT_VERBS.join('|')})\\b`);

/**
 * "Cuộc thi được phát động vào" → "phát động", "việc chấm và trao giải dự kiến được tổ chức trong" →
 * "chấm và trao giải": a step written in prose, without its subject and the words that lead to its time.
 */
function proseStep(text: string): string {
  let t = text.trim();
  for (;;) {
    const cut = t.replace(
      /\s+(?:dự kiến|được|tổ chức|vào|trong|ngày|từ|khoảng|đến|hết|trước|chậm nhất)$/iu,
      '',
    );
    if (cut === t) break;
    t = cut;
  }
  const passive = /^.{0,60}?\s(?:được|sẽ được|sẽ)\s+(?=\p{L})/u.exec(t);
  if (passive) t = t.slice(passive[0].length);
  return t.replace(/^(?:việc|công tác)\s+/iu, '').trim();
}

/** Words that only introduce a time ("trong", "dự kiến"): a clause of these and a date names no step. */
const TIME_INTRO = /^(?:du kien|trong|vao|tu|thoi gian|thang|ngay|nam|quy)$/;

/**
 * "Thời gian: tháng 5 và tháng 8/2026" → one task a month, "<item> (Tháng 5/2026)"; "phát động tháng
 * 7/2026; tổng kết, trao giải tháng 11/2026" → one task per step, "Phát động <item>", "Tổng kết, trao
 * giải <item>": separate times of one item are separate tasks.
 */
function separateTasks(
  title: string,
  parts: readonly Peak[],
  words: string,
  place: ItemPlace,
  leads: Leads,
  meta: WorkTask['meta'],
  sources: readonly string[] = [],
): WorkTask[] {
  const stepsOf = (clauses: readonly string[]): (string | null)[] =>
    clauses.length === parts.length
      ? clauses.map((c, i) => {
          const at = c.indexOf(parts[i]?.text ?? '\u0000');
          const before = at > 0 ? proseStep(c.slice(0, at)) : '';
          return foldWords(before).some((w) => !TIME_INTRO.test(w)) ? before.replace(/[\s,]+$/, '') : null;
        })
      : [];
  const allNamed = (s: readonly (string | null)[]): s is string[] =>
    s.length > 0 && s.every((x) => x !== null);
  const bySemicolon = words.split(/;\s*/);
  const written = stepsOf(bySemicolon);
  // "Cuộc thi được phát động vào ngày 20/3/2026, việc chấm và trao giải dự kiến trong tháng 6/2026": in
  // running prose the steps are the clauses between commas of the sentence the times were read from.
  const byComma = (text: string): string[] =>
    text.split(/[;,.:]\s+/).filter((c) => parts.some((p) => c.includes(p.text)));
  const inProse = allNamed(written)
    ? undefined
    : sources
        .map(byComma)
        .find((c) => c.length === parts.length && c.every((x, i) => x.includes(parts[i]?.text ?? '\u0000')));
  const clauses = inProse ?? bySemicolon;
  const steps = inProse ? stepsOf(inProse) : written;
  const named = allNamed(steps);
  // Steps found in prose are named before the item's title, never carved out of it.
  const carved = named && !inProse ? titlesOfSteps(title, steps) : null;
  // "báo cáo 6 tháng trước 20/6; năm trước 05/12": reports due one after another, each covering the work
  // since the one before — the year's report starts the month after the half-year's is due.
  const reports =
    parts.length > 1 && parts.every((p) => p.deadline) && /\bbao cao\b/.test(fold(`${title} ${words}`));
  return parts.map((part, i) => {
    const { text, ...due } = part;
    const prev = parts[i - 1];
    const after = prev ? nextMonthStart(prev.end) : null;
    const window = reports && after && after > due.start && after <= due.end ? { ...due, start: after } : due;
    const [y, m] = window.start.split('-');
    const month = window.start.endsWith('-01') && window.end.slice(0, 7) === window.start.slice(0, 7);
    const label = month ? `Tháng ${Number(m)}/${y}` : text;
    const step = named ? (steps[i] ?? '') : '';
    // "Tập huấn … (lớp thứ hai)": a round is named after the work; a step ("Phát động …") before it.
    const round = named && ROUND_STEP.test(fold(step));
    const own =
      carved?.[i] ??
      (round
        ? `${title} (${step})`
        : named
          ? `${step.charAt(0).toUpperCase()}${step.slice(1)} ${title}`
          : `${title} (${label})`);
    const kind = classifyKind({
      title: own,
      committee: place.inherited.committee,
      deadline: part.deadline ?? false,
      hasPeaks: false,
      recurring: false,
    });
    const ref = `${place.ref} ${named ? (foldWords(step)[0] ?? i + 1) : `T${Number(m)}`}`;
    return task(
      { ...place, ref },
      own,
      kind,
      leads,
      window,
      (named ? (clauses[i] ?? text) : month ? label : text).replace(/[\s.;,]+$/, ''),
      {
        ...meta,
        origin: 'sub',
      },
    );
  });
}

/** The first day of the month after the one a day falls in. */
function nextMonthStart(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** "<work> (<time>) và <work> (<time>)": the two parts, each with its time, or null. */
function twoTimedParts(text: string): [string, string] | null {
  // ("… năm (T12) (Ban ĐT-NNL)." : a note after both, its units said of both.)
  const m =
    /^(.+?\S)\s*\(([^()]{3,48})\)\s*(?:,?\s+và|;)\s+(.+?\S)\s*\(([^()]{3,48})\)((?:\s*\([^()]*\))?[^()]*)$/u.exec(
      text,
    );
  if (!m || !isTimeHead(m[2] ?? '') || !isTimeHead(m[4] ?? '')) return null;
  // "… Ngày Giải phóng miền Nam (30/4) và Ngày Quốc tế Lao động (01/5)": days named, not times of work.
  if ([m[2], m[4]].some((t) => /^\s*\d{1,2}\s*\/\s*\d{1,2}\s*$/.test(t ?? ''))) return null;
  // What follows both ("… . Văn phòng chủ trì.") is said of both.
  const tail = (m[5] ?? '').replace(/^[\s.;]+$/, '').trimEnd();
  const second = m[3] ?? '';
  return [
    `${m[1] ?? ''} (${m[2] ?? ''})${tail}`,
    `${second.charAt(0).toUpperCase()}${second.slice(1)} (${m[4] ?? ''})${tail}`,
  ];
}

/**
 * "Phát động phong trào … trong tháng 3/2026; sơ kết 6 tháng phong trào vào cuối tháng 7/2026.": a line of
 * work and, after a semicolon, a closing step with a time of its own. The two parts, or null.
 */
function timedClosingStep(whole: string): [string, string] | null {
  // "…; sơ kết phong trào trong tháng 9/2027. Phân công: X chủ trì; tham mưu: Y": the fields after the
  // work are said of both steps.
  const text = trailingFields(whole).text;
  const fields = whole.slice(text.length);
  const clauses = text.split(/;\s+/);
  if (clauses.length !== 2) return null;
  const [work = '', step = ''] = clauses;
  const closes = CLOSING_STEPS.some((s) => startsWithWords(foldWords(step), s.split(' ')));
  // "Hội nghị Ban Chấp hành lần thứ ba …, dự kiến đầu tháng 7/2026; Hội nghị Ban Chấp hành lần thứ tư …,
  // dự kiến ngày 22/12/2026": two of the same work, named alike, each at its own time.
  const head = (t: string): string => foldWords(t).slice(0, SAME_HEAD_WORDS).join(' ');
  const again = foldWords(step).length > SAME_HEAD_WORDS && head(step) === head(work);
  // "Cuộc thi …: phát động trong tháng 6; trao giải trong tháng 11": steps listed after a colon are read
  // as the item's separate times, each named with the whole item.
  if ((!closes && !again) || work.includes(':') || !isSpecificTime(work) || !isSpecificTime(step))
    return null;
  // "…; sơ kết … vào cuối tháng 7/2026 (Ban X chủ trì).": a closing note is said of both.
  const note = /\s*\([^()]*\)[\s.;]*$/u.exec(step)?.[0] ?? '';
  if (again) return [`${work}${fields}`, `${step}${fields}`];
  return [`${work}${note}${fields}`, `${stepWithObject(step, work)}${fields}`];
}

/**
 * "Ban X xây dựng dự thảo Báo cáo …, chậm nhất ngày 30/11/2026; để có cơ sở tổng hợp, các ban, phòng gửi
 * báo cáo về Ban X trước ngày 23/11/2026.", "… vào chiều ngày 16/7/2026. Đồng thời, Trung tâm cập nhật tin,
 * bài … ngay trong ngày 17/7/2026.": a later clause or sentence that a unit opens, with a time of its own,
 * is that unit's task beside the first.
 */
function twoAssignments(whole: string, ctx: ParseContext): [string, string] | null {
  const text = trailingFields(whole).text;
  const fields = whole.slice(text.length);
  const parts = text.split(/(?<=;)\s+|(?<=\.)\s+(?=\p{Lu})/u);
  if (parts.length < 2) return null;
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k] ?? '';
    const first = parts.slice(0, k).join(' ');
    const own = part.slice(LEAD_IN.exec(part)?.[0].length ?? 0);
    if (!isSpecificTime(part) || !isSpecificTime(first) || !hasTimeCue(part)) continue;
    const leads = subjectLeads(own, ctx);
    if (!leads || leads.lead.length === 0) continue;
    const rest = parts.slice(k).join(' ');
    return [`${first.replace(/[\s;]+$/, '')}${fields}`, `${rest}${fields}`];
  }
  return null;
}

/** Words two clauses open with alike to be the same work twice ("Hội nghị Ban Chấp hành …"). */
const SAME_HEAD_WORDS = 3;

const FORMALITIES = MEETING_FORMALITIES.map((f) => f.split(' '));
const SET_ASIDE_WORDS = new RegExp(`\\b(?:${SET_ASIDE.join('|')})\\b`);

/** Where a clause's time begins: "… vào cuối tháng 7/2026", "… trong tháng 3/2026". */
const TIME_CUT = /\s+(?:vào|trong|trước|dự kiến|từ|đến|chậm nhất|hoàn thành)\s/iu;

/**
 * "sơ kết 6 tháng phong trào" after "Phát động phong trào thi đua "HTX giỏi" năm 2026 trong tháng 3": the
 * step's object is the work's, written out — "Sơ kết 6 tháng phong trào thi đua "HTX giỏi" năm 2026".
 * The object is found by the last two or three words the step shares with the work.
 */
function stepWithObject(step: string, work: string): string {
  const cut = (s: string): string => s.slice(0, s.search(TIME_CUT) >= 0 ? s.search(TIME_CUT) : s.length);
  const own = cut(step).trim();
  const object = cut(work);
  const ownWords = own.split(/\s+/);
  const workWords = object.split(/\s+/);
  const folded = workWords.map((w) => foldWords(w).join(' '));
  let out = own;
  for (const n of [3, 2]) {
    const tail = ownWords.slice(-n).map((w) => foldWords(w).join(' '));
    if (tail.length < n || tail.some((w) => w === '')) continue;
    const at = folded.findIndex((_, i) => tail.every((w, k) => folded[i + k] === w));
    if (at < 0) continue;
    const rest = workWords
      .slice(at + n)
      .join(' ')
      .trim();
    out = rest ? `${own} ${rest}` : own;
    break;
  }
  // The step keeps its own time, read from the line as any item's is.
  const time = step.search(TIME_CUT) >= 0 ? step.slice(step.search(TIME_CUT)) : '';
  const whole = out === own ? step : `${out}${time}`;
  return `${whole.charAt(0).toUpperCase()}${whole.slice(1)}`.replace(/[\s.;,]+$/, '');
}

export function buildItemTasks(
  node: OutlineNode,
  place: ItemPlace,
  ctx: ParseContext,
  isSubItem: IsSubItem,
): WorkTask[] {
  const pair = twoTimedParts(node.text) ?? timedClosingStep(node.text) ?? twoAssignments(node.text, ctx);
  if (pair) {
    // "Tổ chức Hội nghị … sơ kết (dự kiến tháng 7/2026) và Hội nghị … tổng kết (dự kiến ngày 22/12/2026)":
    // two pieces of work, each at its own time, sharing the item's body.
    return pair.flatMap((text, i) =>
      buildItemTasks(
        { ...node, text },
        { ...place, ref: `${place.ref}${i === 0 ? 'a' : 'b'}` },
        ctx,
        isSubItem,
      ),
    );
  }
  const facts = readItemFacts(node, isSubItem);
  const title = readLine(
    facts,
    (head) => isUnitHeading(head, ctx.units),
    (tail) => opensWithUnit(tail, ctx),
    (clause) => workAfterUnit(clause, ctx),
  );
  // "Đối với đề xuất của Văn phòng …: Thường trực thống nhất chưa thực hiện …": set aside, no task.
  if (SET_ASIDE_WORDS.test(fold(node.text)) && /\b(?:doi voi|de xuat|kien nghi)\b/.test(fold(title)))
    return [];
  // "Thảo luận; phát biểu chỉ đạo …; bế mạc" on a meeting's agenda: held, not prepared by anyone.
  if (place.inherited.committee && FORMALITIES.some((f) => startsWithWords(foldWords(title), f))) return [];
  const read = readLeads(ctx.units, facts);
  // "Văn phòng lựa chọn đơn vị thi công … (Phòng XTTM phối hợp)": a note naming only helpers leaves the
  // lead to the unit the line opens with.
  // So does a "PH: Sở NN&MT" naming only an outside body.
  const helpersOnly =
    read !== null &&
    read.lead.length === 0 &&
    (read.support.length > 0 || (facts.leadTexts.length === 0 && facts.mixedTexts.length === 0));
  // "Ban TT-ĐN: tin, bài …; 29/3 - 29/4. PH: VPĐD …": the units the line opens with, before its colon.
  const subject = helpersOnly
    ? (subjectLeads(title, ctx) ??
      subjectLeads(facts.lineText, ctx) ??
      laterSubjectLeads(facts.lineText, ctx))
    : null;
  // "1. Các ban, Trung tâm … báo cáo tiến độ … về Văn phòng …" over "Văn phòng tổng hợp, báo cáo Thường
  // trực.": with no field naming anyone, the units the item's own line opens with do its work, not the
  // one a sentence below it names for the next step.
  const unlabelled =
    facts.leadTexts.length +
      facts.mixedTexts.length +
      facts.supportTexts.length +
      facts.adviseTexts.length ===
      0 && facts.leadSentences.length === 0;
  const opening = unlabelled && read && read.lead.length > 0 ? subjectLeads(title, ctx) : null;
  const own =
    (read && subject && subject.lead.length > 0 ? { ...read, lead: subject.lead } : null) ??
    (opening && opening.lead.length > 0 ? opening : null) ??
    read ??
    subjectLeads(title, ctx) ??
    subjectLeads(facts.lineText, ctx) ??
    laterSubjectLeads(facts.lineText, ctx) ??
    bareUnitLeads(facts.lineText, ctx) ??
    bodyUnitLeads(node, isSubItem, ctx);
  const leads = overLeads(own, place.inherited.leads) ?? NO_LEADS;
  const { subs, timing: fromBullets, phased } = bulletTimes(facts, place, leads, ctx, title);
  if (phased) return subs;
  const timing = itemTiming(title, facts, fromBullets, place, ctx);
  const reading = timing.reading;
  const matchText = [title, facts.content].join(' ');
  const explicitLead = own !== null && own.lead.length > 0;
  const meta: WorkTask['meta'] = {
    group: place.group,
    origin: 'item',
    bare: facts.bare,
    explicitLead,
    sharesLead: explicitLead && facts.onlyUnitLines,
    matchText,
  };
  if (reading?.recurrence) {
    return [
      ...recurringTasks(place, title, reading.recurrence, timing.text ?? '', leads, ctx, matchText),
      ...subs,
    ];
  }
  if (reading?.separate && reading.peaks.length === 0 && timing !== place.inherited.time) {
    return [
      ...separateTasks(title, reading.separate, timing.text ?? '', place, leads, meta, [
        facts.timeText ?? '',
        facts.proseTime ?? '',
        facts.lineText,
      ]),
      ...subs,
    ];
  }
  const window = reading?.window ?? ctx.plan;
  const timeText = reading?.window
    ? (timing.text?.replace(/[\s.;,]+$/, '').trim() ?? null)
    : ctx.planTimeText;
  const kind = classifyKind({
    title,
    committee: place.inherited.committee,
    deadline: reading?.deadline ?? false,
    hasPeaks: (reading?.peaks.length ?? 0) > 0,
    recurring: false,
    sustained: reading?.sustained ?? false,
  });
  const main = task(place, title, kind, leads, window, timeText, meta);
  return [main, ...(reading ? peakTasks(title, reading, place, leads, meta) : []), ...subs];
}

const RELATIVE = new RegExp(
  `\\b(?:${RELATIVE_TIME_BEFORE.join('|')})\\s+\\d{1,3}\\s+ngay(?:\\s+lam viec)?\\s+(?:${RELATIVE_TIME_AFTER.join('|')})\\b[^.;:]*`,
);

/**
 * The item's own line is timed only from an event ("Chậm nhất 15 ngày sau khi kết thúc mỗi đợt: …",
 * "… gửi chậm nhất 03 ngày trước phiên họp"): a rule of the plan, no task. A date or a recurrence written
 * beside it still makes it one.
 */
export function timedOnlyRelatively(node: OutlineNode): boolean {
  const folded = fold(node.text);
  const m = RELATIVE.exec(folded);
  if (!m) return false;
  const rest = node.text.slice(0, m.index) + node.text.slice(m.index + m[0].length);
  return !isSpecificTime(rest) && findRecurrence(node.text) === null && node.children.length === 0;
}
