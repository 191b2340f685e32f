/**
 * Time words → a window of local dates (shared/gold/README.md, "Time words and windows").
 *
 * A year left out ("trung tuần tháng 10", "từ ngày 20/3 đến trước 01/7/2024") is taken from the next
 * year the same words give, else from the context (the section's or the plan's year). Dates far from
 * the plan's year (an anniversary's 1946, a resolution of 2022) are history, not schedule, and are dropped.
 */
import type { LocalDate } from '../../task';
import { addDays, compareDates, daysInMonth, formatLocalDate } from '../../calendar/dates';
import { fold, foldWords } from '../layout/fold';
import { findMentions, LAST, type DaySpec, type Mention } from './time-mentions';

export interface Window {
  start: LocalDate;
  end: LocalDate;
}

export interface TimeContext {
  /** The year a date without one belongs to. */
  year: number;
  /** The plan's own window: where "trước D" starts, what "thường xuyên" means. */
  plan: Window;
  /** The plan's date, where "từ nay" starts (the plan's start when unknown). */
  issued?: LocalDate | null;
}

export interface Peak extends Window {
  /** The words of this peak, e.g. "tháng 4-5/2024". */
  text: string;
  /** A separate time that is a due date ("đợt 1 trước ngày 30/6; đợt 2 trước ngày 30/11"). */
  deadline?: boolean;
}

/**
 * Work repeated on a rule: every week (on a weekday), month (by a day of the month), quarter or half
 * year. `due` is the last day of each month's window ("trước ngày 25 hằng tháng" → 24).
 */
export interface Recurrence {
  every: 'week' | 'month' | 'quarter' | 'half';
  due: number | null;
  /** 1 = Monday … 7 = Sunday, for "hằng tuần (thứ Hai)". */
  weekday: number | null;
  /** "tháng cuối mỗi quý": only the last month of each quarter (or half year) is the window. */
  lastMonth?: boolean;
  /** "hằng quý, trong tháng cuối quý": the rule counts quarters, so occurrences are named by quarter. */
  byQuarter?: boolean;
  /**
   * "định kỳ 6 tháng (trước ngày 20/6 và trước ngày 20/12)": the due days written for the periods, each
   * the last day of the period it falls in.
   */
  dues?: { month: number; day: number }[];
  /** "trước ngày 10 của tháng đầu quý sau": the day in the next period's first month each one is due by. */
  nextPeriodDue?: number;
  /** "ít nhất 6 tháng 01 lần (tháng 6 và tháng 12/2026)": the months the occurrences are, one a period. */
  inMonths?: number[];
  /** "vào tuần đầu của tháng đầu quý": the words naming the week of each occurrence's month. */
  week?: string;
  /** "(bắt đầu từ tháng 3/2026)": the first month the rule runs from. */
  since?: { month: number; year: number | null };
  /** "trường hợp trùng ngày nghỉ lễ thì lùi sang ngày làm việc tiếp theo": a holiday moves the day on. */
  holidayShift?: boolean;
  /** "vào ngày làm việc cuối cùng của tháng": due on the month's last working day. */
  lastWorkingDay?: boolean;
  /** "(…, từ tháng 5 đến tháng 10/2026)": the last month the rule runs to. */
  until?: { month: number; year: number | null };
}

export interface TimeReading {
  window: Window | null;
  /** The window is a due date: work must be done by `end`. */
  deadline: boolean;
  /** Periods of peak activity ("cao điểm …") within the main window. */
  peaks: Peak[];
  /** The words that qualify the peaks, from a parenthesis after them. */
  peakNote: string | null;
  recurrence: Recurrence | null;
  /** The windows when the words give separate times with gaps between them (see apart), each with its words. */
  separate?: Peak[];
  /** The words say the work goes on all along ("thường xuyên"). */
  sustained: boolean;
  /** The time expressions found, as written ("trước ngày 20/12/2025"). */
  words: string;
}

/** "Tuần 2", "Tuần 3 - 4", "tuần đầu", "tuần cuối": a week written without its month. */
const BARE_WEEK =
  /\btuan\s+(dau tien|dau|cuoi cung|cuoi|thu nhat|thu hai|thu ba|thu tu|thu [1-4]|[1-4])(?:\s*[-–]\s*(?:tuan\s+)?([1-4]))?\b(?!\s*(?:cua\s+)?th[ae]ng\s+\d)/;
/** "Đầu tháng", "Trung tuần", "Cuối tháng" in a row under its month: that part of the month. */
const BARE_PART = /^\s*(dau thang|thuong tuan|giua thang|trung tuan|cuoi thang|ha tuan)\b(?!\s+\d)/;
const WEEK_WORDS: Record<string, number> = {
  dau: 1,
  'dau tien': 1,
  'thu nhat': 1,
  'thu hai': 2,
  'thu ba': 3,
  'thu tu': 4,
};

/**
 * "Tuần 2" in a row under "THÁNG 4/2026": the week of the month the row stands in, days 7(k−1)+1 … 7k
 * ("Tuần 3 - 4": 15 … 28; "tuần cuối": the last seven days). Null when the words name no such week, give
 * dates of their own, or the month is not one month.
 */
export function weekOfMonth(text: string, month: Window): Window | null {
  const f = fold(text);
  const m = BARE_WEEK.exec(f);
  const part = m ? null : BARE_PART.exec(f);
  if (
    (!m && !part) ||
    findMentions(f.replace(/\(\s*th[ae]ng\s+\d{1,2}(?:\/\d{4})?\s*\)/g, '')).some(
      (x) => x.kind === 'span' || x.kind === 'deadline',
    )
  )
    return null;
  const [y, mo, d1] = month.start.split('-').map(Number) as [number, number, number];
  const last = daysInMonth(y, mo);
  if (d1 !== 1 || month.end !== `${month.start.slice(0, 8)}${String(last).padStart(2, '0')}`) return null;
  const day = (n: number): LocalDate =>
    `${month.start.slice(0, 8)}${String(Math.min(n, last)).padStart(2, '0')}`;
  if (part) {
    const p = part[1] ?? '';
    if (/^(?:dau|thuong)/.test(p)) return { start: day(1), end: day(10) };
    if (/^(?:giua|trung)/.test(p)) return { start: day(11), end: day(20) };
    return { start: day(21), end: day(last) };
  }
  if (!m) return null;
  const at = (w: string): number => (/^\d$/.test(w) ? Number(w) : (WEEK_WORDS[w] ?? Number(w.slice(-1))));
  const which = m[1] ?? '';
  if (/^cuoi/.test(which)) return { start: day(last - 6), end: day(last) };
  const from = at(which);
  const to = m[2] ? Number(m[2]) : from;
  if (!(from >= 1 && to >= from && to <= 4)) return null;
  return { start: day(7 * (from - 1) + 1), end: day(7 * to) };
}

export function yearWindow(year: number): Window {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

function toDate(spec: DaySpec, year: number): LocalDate | null {
  if (spec.month < 1 || spec.month > 12) return null;
  const last = daysInMonth(year, spec.month);
  const day = spec.day === LAST ? last : Math.max(spec.day, 1);
  if (day > last) return null;
  return formatLocalDate(year, spec.month, day);
}

function plausibleYear(year: number | null, ctx: TimeContext): boolean {
  return year === null || (year >= ctx.year - 1 && year <= ctx.year + 2);
}

/** Fills in missing years from the next mention that has one, then from the context. */
function settleYears(mentions: Mention[], ctx: TimeContext): Mention[] {
  let next: number | null = null;
  const out: Mention[] = [];
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i] as Mention;
    const endYear = m.end?.year ?? m.start?.year ?? next;
    const startYear = m.start?.year ?? endYear;
    if (!plausibleYear(m.start?.year ?? null, ctx) || !plausibleYear(m.end?.year ?? null, ctx)) continue;
    const y = endYear ?? ctx.year;
    out.unshift({
      ...m,
      start: m.start ? { ...m.start, year: startYear ?? y } : null,
      end: m.end ? { ...m.end, year: y } : null,
    });
    next = m.start?.year ?? m.end?.year ?? next;
  }
  return out;
}

function mentionWindow(m: Mention, ctx: TimeContext): Window | null {
  if (m.kind === 'plan') return ctx.plan;
  if (!m.end) return null;
  let end = toDate(m.end, m.end.year ?? ctx.year);
  if (!end) return null;
  if (m.kind === 'from-now') {
    const start = ctx.issued && compareDates(ctx.issued, end) <= 0 ? ctx.issued : ctx.plan.start;
    return compareDates(start, end) <= 0 ? { start, end } : null;
  }
  if (m.endBefore) end = addDays(end, -1);
  if (m.kind === 'deadline') {
    const start = compareDates(ctx.plan.start, end) <= 0 ? ctx.plan.start : `${end.slice(0, 4)}-01-01`;
    return { start, end };
  }
  if (!m.start) return null;
  let start = toDate(m.start, m.start.year ?? ctx.year);
  if (!start) return null;
  // "từ 01/12 đến 15/01/2025": the start belongs to the year before.
  if (compareDates(start, end) > 0 && m.start.year === m.end.year) {
    start = toDate(m.start, (m.start.year ?? ctx.year) - 1);
  }
  return start && compareDates(start, end) <= 0 ? { start, end } : null;
}

function union(windows: Window[]): Window | null {
  if (windows.length === 0) return null;
  return windows
    .map(({ start, end }) => ({ start, end }))
    .reduce((a, b) => ({
      start: compareDates(a.start, b.start) <= 0 ? a.start : b.start,
      end: compareDates(a.end, b.end) >= 0 ? a.end : b.end,
    }));
}

const ONCE = String.raw`(?:mot|1|01)\s+lan`;
/** "mỗi tháng 01 phiên, …, từ tháng 5 đến tháng 10/2026": the months a rhythm runs over. */
const MONTH_RANGE =
  /\btu\s+thang\s+(\d{1,2})(?:\s*\/\s*(\d{4}))?\s*(?:den|toi|-|–)\s*(?:het\s+)?(?:thang\s+)?(\d{1,2})(?:\s*\/\s*(\d{4}))?\b/;
/**
 * "T3-T6/2027", "tháng 3 - 6/2027", "tháng 3 – tháng 6": months from and to written tersely, in the groups of
 * MONTH_RANGE (the first month's year is never written apart).
 */
const MONTH_SPAN =
  /\b(?:t|thang\s+)(\d{1,2})()\s*[-–]\s*(?:t|thang\s+)?(\d{1,2})(?:\s*\/\s*(\d{4}))?\b(?!\s*\/)/;
const LAST_WORKING_DAY = /\bngay lam viec cuoi cung (?:cua\s+)?(?:moi\s+|hang\s+)?thang\b(?!\s*\d)/;
const HOLIDAY_SHIFT =
  /\btrung\s+(?:vao\s+)?(?:ngay\s+)?(?:nghi|le)\b[^.]{0,40}?\b(?:lui|chuyen|doi)\s+(?:sang|vao)\s+ngay lam viec\b/;
const DAY_OF_LAST_MONTH =
  /(?<=\bngay\s+\d{1,2}\s+(?:cua\s+)?)thang cuoi\s+(?:cua\s+)?(?:moi\s+|hang\s+)?quy\b/;
const MONTHLY_WEEK =
  /\b(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])\s+(?:(?:cua\s+)?tuan\s+)?(?:dau tien|dau|thu nhat|cuoi cung|cuoi|[1-4])\s+(?:cua\s+)?(?:moi\s+|hang\s+|cac\s+)?|tuan\s+(?:dau tien|dau|thu nhat|cuoi cung|cuoi|[1-4])\s+(?:cua\s+)?(?:moi|hang|cac)\s+)thang\b(?!\s*\d)(?!\s+(?:dau|cuoi|giua)\s+(?:quy|nam))/;
/** "Báo cáo quý: … trước ngày 05 tháng đầu quý sau": a report of each quarter, due in the next one. */
const REPORT_OF_QUARTER =
  /(?<=\bbao cao(?:\s+[a-z0-9]+){0,5}?\s+)quy\b(?!\s+(?:[ivx]{1,4}|[1-4])\b)(?=[^.]*\bthang dau (?:cua\s+)?quy sau\b)/;
/** The due day of NEXT_PERIOD_DUE, anywhere in the clause after the rule. */
const NEXT_PERIOD_LATER =
  /\b(truoc|cham nhat|muon nhat)?\s*(?:ngay\s+)?(\d{1,2})\s+(?:cua\s+)?thang dau (?:cua\s+)?(?:quy|ky|nam) sau\b/;

const RECURRENCE: [RegExp, Recurrence['every']][] = [
  [/\b(?:hang|moi|dinh ky|dinh ky hang)\s+tuan\b/, 'week'],
  [
    new RegExp(
      String.raw`\b(?:(?:6|sau|06)\s+th[ae]ng\s+${ONCE}|(?:dinh ky|hang|moi)\s+(?:6|sau|06)\s+th[ae]ng|nua nam\s+${ONCE})\b`,
    ),
    'half',
  ],
  [/\bthang cuoi (?:cua\s+)?(?:moi|hang|cac)\s+quy\b/, 'quarter'],
  // "trước ngày 18 của tháng cuối quý": a day of the last month of each quarter.
  [DAY_OF_LAST_MONTH, 'quarter'],
  [/\b(?:it nhat|toi thieu)\s+(?:\d+|mot)\s+quy\s+(?:\d+|mot)\s+lan\b/, 'quarter'],
  [/\b(?:hang|moi|dinh ky|dinh ky hang)\s+quy\b/, 'quarter'],
  [REPORT_OF_QUARTER, 'quarter'],
  [new RegExp(String.raw`\bquy\s+${ONCE}\b`), 'quarter'],
  [/\b(?:it nhat|toi thieu)\s+(?:\d+|mot)\s+th[ae]ng\s+(?:\d+|mot)\s+lan\b/, 'month'],
  // "Sáng thứ Hai tuần đầu tháng", "tuần cuối mỗi tháng": a week of every month, no month named.
  [MONTHLY_WEEK, 'month'],
  // "trình Thường trực vào ngày làm việc cuối cùng của tháng": a day of every month.
  [LAST_WORKING_DAY, 'month'],
  [/\b(?:hang|moi|dinh ky|dinh ky hang)\s+th[ae]ng\b/, 'month'],
];

/** A count and the products counted, right before a recurrence word; "lần", "buổi", "kỳ" count times. */
const OUTPUT_RATE =
  /\b(?:\d{1,3}|mot|hai|ba|bon|nam)\s+(?!(?:lan|buoi|ky|dot|ben)\b)[a-z]+(?:[ ,/]+[a-z]+){0,2}\s*(?:\/\s*)?$/;

/** "tối thiểu 02 kỳ mỗi tháng", "02 lần/tháng": several times a period is a pace kept, not one task a time. */
const TIMES_RATE = /\b(?:0?[2-9]|[1-9]\d|hai|ba|bon|nam)\s+(?:lan|buoi|ky|dot|phien)\s*(?:\/\s*)?$/;

/**
 * "mỗi tháng 02 kỳ", "mỗi tháng có ít nhất 02 tin, bài": a count of products right after the period; "mỗi
 * tháng 01 kỳ, T3 - T12/2027": one issue a month over the months that follow, a column kept up.
 */
const RATE_AFTER =
  /^\s*(?:co\s+)?(?:(?:it nhat|toi thieu)\s+)?(?:(?:0?[2-9]|[1-9]\d|hai|ba|bon|nam)\s+(?:ky|so|tin|bai|phong su|chuyen muc|san pham|an pham|phien|buoi|chuyen|dot)|(?:0?1|mot)\s+(?:ky|so)\s*,\s*(?:t\d|tu|thang))\b/;

const WEEKDAYS: Record<string, number> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };

/** "trước ngày 25 hằng tháng", "hằng tháng, chậm nhất ngày 5": the last day of each month's window. */
function dueDay(folded: string, start: number, end: number): number | null {
  const before =
    /\b(truoc|cham nhat|muon nhat|vao|truoc ngay|den)?\s*(?:ngay\s+)?(\d{1,2})\s+(?:cua\s+)?$/.exec(
      folded.slice(Math.max(0, start - 30), start),
    );
  // "hằng quý, ngày 15 tháng cuối quý" (a reporting schedule's due cell): the day without a verb too.
  const after =
    /^\s*[,(]?\s*(?:(truoc|cham nhat|muon nhat|vao|han(?: xu ly| nop| gui| hoan thanh)?)\s+)?ngay\s+(\d{1,2})\b(?!\s*\/)/.exec(
      folded.slice(end),
    );
  const m = before ?? after;
  if (!m) return null;
  const day = Number(m[2]);
  if (day < 1 || day > 31) return null;
  return m[1]?.startsWith('truoc') ? Math.max(day - 1, 1) : day;
}

/** "hằng quý, trước ngày 20 tháng cuối quý": the due day falls in the period's last month. */
/**
 * "hằng quý gửi Liên minh HTX Việt Nam và UBND tỉnh, trước ngày 18 của tháng cuối quý": the due day
 * further on in the clause, in the quarter's last month.
 */
function dueLaterInLastMonth(clause: string): number | null {
  const m =
    /\b(truoc|cham nhat|muon nhat|vao)?\s*ngay\s+(\d{1,2})\s+(?:cua\s+)?thang cuoi\s+(?:cua\s+)?(?:moi\s+)?quy\b/.exec(
      clause,
    );
  if (!m) return null;
  const day = Number(m[2]);
  if (day < 1 || day > 31) return null;
  return m[1] === 'truoc' ? Math.max(day - 1, 1) : day;
}

function lastMonthDue(folded: string, end: number): boolean {
  return /^\s*[,(]?\s*(?:(?:truoc|cham nhat|muon nhat|vao)\s+)?ngay\s+\d{1,2}\s+(?:cua\s+)?thang cuoi\s+(?:quy|ky|moi quy)\b/.test(
    folded.slice(end),
  );
}

/**
 * How far after the recurrence words its due dates may stand, within the sentence: "định kỳ 6 tháng gửi
 * Liên minh HTX Việt Nam và Sở Nội vụ (trước ngày 15/6 và trước ngày 15/12/2025)".
 */
const DUES_REACH = 120;

const NEXT_PERIOD_DUE =
  /^\s*[,(]?\s*(truoc|cham nhat|muon nhat)?\s*(?:ngay\s+)?(\d{1,2})\s+(?:cua\s+)?thang dau (?:cua\s+)?(?:quy|ky|nam) sau\b/;

function dayBefore(verb: string | undefined, day: number): number {
  return verb === 'truoc' ? Math.max(day - 1, 1) : day;
}

/** "(tháng 6 và tháng 12/2026)" right after the rule: the months its occurrences fall in. */
function listedMonths(folded: string, end: number): number[] {
  // "(tháng 6 và tháng 12/2026)", "(…; các tháng 2, 5, 8 và 11/2026)": in the note that follows.
  const note = /^[^()]{0,40}\(([^()]*)\)/.exec(folded.slice(end))?.[1] ?? '';
  // "6 tháng 01 lần, vào tháng 5 và tháng 10/2026": or in the words right after it.
  // "mỗi 6 tháng một số, phát hành vào tháng 6 và tháng 12/2027": after what is done each time, too.
  const after =
    /^\s*(?:[^.;()]{0,30}?,\s*(?:phat hanh|to chuc|thuc hien|xuat ban)\s+)?[,:]?\s*(?:(?:vao|trong|la)\s+)?(?=(?:cac\s+)?th[ae]ng\s+\d)([^.;()]*)/.exec(
      folded.slice(end),
    )?.[1];
  const months = /\b(?:cac\s+)?th[ae]ng\s+(\d{1,2}(?:\s*(?:,|va|-)\s*(?:th[ae]ng\s+)?\d{1,2})+)/;
  const m = months.exec(note) ?? months.exec(after ?? '');
  if (!m) return [];
  return [...(m[1] ?? '').matchAll(/\d{1,2}/g)].map((x) => Number(x[0])).filter((n) => n >= 1 && n <= 12);
}

/** Due dates written right after a quarterly or half-yearly rule, one per period. */
function periodDues(folded: string, end: number): { month: number; day: number }[] {
  const rest = folded.slice(end, end + DUES_REACH);
  const stop = rest.search(/\.\s/);
  return findMentions(stop >= 0 ? rest.slice(0, stop) : rest)
    .filter((m) => m.kind === 'deadline' && m.end !== null)
    .map((m) => {
      const d = m.end as DaySpec;
      return { month: d.month, day: m.endBefore ? d.day - 1 : d.day };
    })
    .filter((d) => d.day >= 1);
}

/** "trong Quý II/2027": the one quarter a monthly rule is written within. */
const QUARTER_BOUND =
  /\btrong\s+quy\s+(i{1,3}|iv|[1-4])(?:\s*\/\s*(\d{4}))?\b(?!\s*(?:[-–]|va|den)\s*(?:quy\s+)?(?:i{1,3}|iv|[1-4])\b)/;
const QUARTER_NUMBERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** "bắt đầu từ tháng 3/2026", "từ tháng 5" with no end: the month a rhythm starts. */
const SINCE_MONTH =
  /\b(?:bat dau\s+)?tu\s+(?:ky\s+(?:bao cao\s+)?)?thang\s+(\d{1,2})(?:\s*\/\s*(\d{4}))?\b(?!\s*(?:\/\s*\d{4}\s*)?(?:den|toi|-|–))/;

/**
 * "Báo cáo tiến độ hằng tháng gửi Thường trực, trước ngày 25 hằng tháng": of the rhythm's words written
 * twice, the ones that carry the due day.
 */
function dueMatch(re: RegExp, folded: string): RegExpExecArray | null {
  const all = [...folded.matchAll(new RegExp(re.source, 'g'))];
  return all.find((m) => dueDay(folded, m.index, m.index + m[0].length) !== null) ?? all[0] ?? null;
}

export function findRecurrence(
  text: string,
): { rule: Recurrence; start: number; end: number; words: string } | null {
  const folded = fold(text);
  for (const [re, every] of RECURRENCE) {
    const m = dueMatch(re, folded);
    if (!m) continue;
    // "(ít nhất 02 tin, bài mỗi tuần)", "03 bản tin hằng tháng": a count of products per period is a rate
    // of output over the item's own window, not a rhythm of separate tasks ("01 lần mỗi tuần" is one).
    // ("ngày 18 của tháng cuối quý" counts no products: the day before it is the due day.)
    if (
      re !== DAY_OF_LAST_MONTH &&
      re !== MONTHLY_WEEK &&
      (OUTPUT_RATE.test(folded.slice(Math.max(0, m.index - 40), m.index)) ||
        TIMES_RATE.test(folded.slice(Math.max(0, m.index - 40), m.index)))
    )
      continue;
    const end = m.index + m[0].length;
    // "mỗi tháng 02 kỳ", "hằng tuần 03 tin, bài": several products a period, a rate kept over the item's
    // window ("mỗi quý 01 số" is one issue a quarter, each a task).
    if (RATE_AFTER.test(folded.slice(end))) continue;
    const day = /^\s*\(?\s*(?:vao\s+)?(?:ngay\s+)?thu\s+(hai|ba|tu|nam|sau|bay|[2-7])\b/.exec(
      folded.slice(end),
    );
    // "Sáng thứ Hai tuần đầu tháng": that weekday of the week named, each month. Without "tuần", "thứ Bảy
    // cuối tháng" repeats only over months named ("từ tháng 4 đến tháng 9") or with "mỗi", "hằng", "các": under
    // a month's heading it is that month's last Saturday.
    if (
      re === MONTHLY_WEEK &&
      !/\btuan\b/.test(m[0]) &&
      !/\b(?:moi|hang|cac)\s+thang$/.test(m[0]) &&
      !MONTH_RANGE.test(folded)
    )
      continue;
    const inWeek = every === 'month' && re === MONTHLY_WEEK ? m[0] : null;
    const named = inWeek ? /\bthu\s+(hai|ba|tu|nam|sau|bay|[2-7])\b/.exec(inWeek) : null;
    const weekday =
      every === 'week' && day
        ? (WEEKDAYS[day[1] ?? ''] ?? Number(day[1]) - 1)
        : named
          ? (WEEKDAYS[named[1] ?? ''] ?? Number(named[1]) - 1)
          : null;
    // "định kỳ hằng quý, trong tháng cuối quý": the quarter's last month is the window.
    // "mỗi quý 01 số, phát hành vào tháng cuối quý": anywhere in the rest of its clause.
    const clause = folded.slice(end).split(/[.;]\s/)[0] ?? '';
    // "vào tuần đầu của tháng cuối quý" too: a week of that month.
    const inLastMonth =
      every === 'quarter' &&
      /(?:^|\s)(?:trong|vao)\s+(?:tuan\s+[a-z0-9]+(?:\s+tien)?\s+(?:cua\s+)?)?thang cuoi\s+(?:cua\s+)?(?:moi\s+|hang\s+)?quy\b/.test(
        clause,
      );
    // "định kỳ hằng quý vào tháng giữa quý": the quarter's middle month.
    const inMiddleMonth =
      every === 'quarter' &&
      /(?:^|\s)(?:trong|vao)\s+thang giua\s+(?:cua\s+)?(?:moi\s+|hang\s+)?quy\b/.test(clause);
    // "họp định kỳ mỗi quý 01 lần, vào tuần đầu của tháng đầu quý": the quarter's first month.
    const inFirstMonth =
      every === 'quarter' && /\bthang dau\s+(?:cua\s+)?(?:moi\s+|hang\s+)?quy\b(?!\s+sau)/.test(clause);
    // "thứ Bảy cuối tháng": the weekday of the month's last week.
    const week = inWeek
      ? BARE_WEEK.exec(
          inWeek
            .replace(/\s+(?:cua\s+)?(?:moi|hang|cac)?\s*thang$/, '')
            .replace(/^(thu\s+\S+)\s+(?!tuan\b)/, '$1 tuan '),
        )
      : inLastMonth || inMiddleMonth || inFirstMonth
        ? BARE_WEEK.exec(clause)
        : null;
    // "hằng tháng, trước ngày 20 … (bắt đầu từ tháng 3/2026)": the rule starts that month.
    const from = SINCE_MONTH.exec(folded);
    const range = MONTH_RANGE.exec(folded) ?? MONTH_SPAN.exec(folded);
    // "Báo cáo tháng: trong Quý II/2027 (…), các ban gửi … trước ngày 22 hằng tháng": a monthly rule
    // written within one quarter runs over its three months.
    const quarter = every === 'month' && !from && !range ? QUARTER_BOUND.exec(folded) : null;
    const q = quarter ? (QUARTER_NUMBERS[quarter[1] ?? ''] ?? Number(quarter[1])) : 0;
    const qYear = quarter?.[2] ? Number(quarter[2]) : null;
    const since = from
      ? { month: Number(from[1]), year: from[2] ? Number(from[2]) : null }
      : range
        ? { month: Number(range[1]), year: range[2] ? Number(range[2]) : range[4] ? Number(range[4]) : null }
        : q
          ? { month: q * 3 - 2, year: qYear }
          : null;
    const until = range
      ? { month: Number(range[3]), year: range[4] ? Number(range[4]) : null }
      : q
        ? { month: q * 3, year: qYear }
        : null;
    // "hằng quý, trước ngày 10 của tháng đầu quý sau": due early in the next period.
    // "hằng tháng về Phòng X, trước ngày 05 của tháng sau": a month's report due early in the next month,
    // within the clause the rule is written in.
    const nextMonth =
      every === 'month'
        ? /^[^.;]{0,80}?\b(truoc|cham nhat|muon nhat)?\s*(?:ngay\s+)?(\d{1,2})\s+(?:cua\s+)?thang (?:sau|ke tiep|tiep theo)\b/.exec(
            folded.slice(end),
          )
        : null;
    // ("Báo cáo quý: Ban X tổng hợp, … trước ngày 05 tháng đầu quý sau": the due day later in the clause.)
    const laterNext = re === REPORT_OF_QUARTER ? NEXT_PERIOD_LATER.exec(clause) : null;
    const next = NEXT_PERIOD_DUE.exec(folded.slice(end)) ?? laterNext ?? nextMonth;
    // "ít nhất 6 tháng 01 lần (tháng 6 và tháng 12/2026)": the months it falls in, written out.
    const written = every === 'quarter' || every === 'half' ? listedMonths(folded, end) : [];
    const inMonths =
      written.length > 1 ? written : inMiddleMonth ? [2, 5, 8, 11] : inFirstMonth ? [1, 4, 7, 10] : [];
    // "trước ngày 15 tháng cuối mỗi quý": a due day in the last month; the window is the whole quarter.
    const dueInLast = /^thang cuoi/.test(m[0]) ? dueDay(folded, m.index, end) : null;
    const lastMonth = (/^thang cuoi/.test(m[0]) && dueInLast === null) || inLastMonth;
    const dues = every === 'quarter' || every === 'half' ? periodDues(folded, end) : [];
    return {
      rule: {
        every,
        due:
          dueInLast ??
          (every === 'month' || lastMonthDue(folded, end) ? dueDay(folded, m.index, end) : null) ??
          (every === 'quarter' ? dueLaterInLastMonth(clause) : null),
        weekday,
        ...(lastMonth ? { lastMonth } : {}),
        ...(inLastMonth ? { byQuarter: true } : {}),
        ...(dues.length > 1 ? { dues } : {}),
        ...(next ? { nextPeriodDue: dayBefore(next[1], Number(next[2])) } : {}),
        ...(inMonths.length > 1 ? { inMonths } : {}),
        ...(week ? { week: week[0] } : {}),
        ...(since ? { since } : {}),
        ...(until && every !== 'week' ? { until } : {}),
        ...(HOLIDAY_SHIFT.test(folded) ? { holidayShift: true } : {}),
        ...(re === LAST_WORKING_DAY ? { lastWorkingDay: true } : {}),
      },
      start: m.index,
      end,
      words: text.slice(m.index, end),
    };
  }
  return null;
}

function readWindows(
  text: string,
  ctx: TimeContext,
): { windows: Window[]; deadline: Window | null; deadlines: Peak[]; parts: Peak[]; texts: string[] } {
  const folded = fold(text);
  // "…, hoàn thành trong tháng 4/2025; không để kéo dài sang Quý III": a time the work must not run into.
  const all = settleYears(findMentions(folded), ctx).filter(
    (m) =>
      !/\bkhong\s+(?:de\s+)?(?:keo dai|don|chuyen|lui)\s+(?:sang|den|toi)\s+$/.test(folded.slice(0, m.from)),
  );
  const strong = all.filter((m) => m.kind !== 'named-year');
  const mentions = strong.length > 0 ? strong : all;
  const windows: Window[] = [];
  const texts: string[] = [];
  let deadline: Window | null = null;
  const deadlines: Peak[] = [];
  const parts: Peak[] = [];
  for (const m of mentions) {
    const w = mentionWindow(m, ctx);
    if (!w) continue;
    const words = text.slice(m.from, m.to).trim();
    if (m.kind === 'deadline') {
      deadline = w;
      deadlines.push({ ...w, text: words, deadline: true });
    }
    parts.push({ ...w, text: words, ...(m.kind === 'deadline' ? { deadline: true } : {}) });
    windows.push(w);
    texts.push(words);
  }
  return { windows, deadline, deadlines, parts, texts };
}

/**
 * Two or more windows with time between them ("tháng 5 và tháng 8/2026", "phát động tháng 7; trao giải
 * tháng 11"): separate times of one piece of work, not one span.
 */
function apart(windows: readonly Window[]): boolean {
  if (windows.length < 2) return false;
  const sorted = [...windows].sort((a, b) => compareDates(a.start, b.start));
  return sorted.every((w, i) => {
    const next = sorted[i + 1];
    return !next || compareDates(addDays(w.end, 1), next.start) < 0;
  });
}

/**
 * "Quý II/2027 (Cà Mau, Năm Căn) và Quý III/2027 (Bạc Liêu, Giá Rai)": times that follow each other, each
 * with a note of its own (where, for whom), are rounds of the work, not one span.
 */
function eachWithNote(text: string, windows: readonly Window[]): boolean {
  if (windows.length < 2) return false;
  const notes = [...text.matchAll(/\(([^()]*)\)/g)].filter((m) => !isSpecificTime(m[1] ?? ''));
  if (notes.length < windows.length) return false;
  const sorted = [...windows].sort((a, b) => compareDates(a.start, b.start));
  return sorted.every((w, i) => {
    const next = sorted[i + 1];
    return !next || compareDates(w.end, next.start) < 0;
  });
}

/**
 * "lớp thứ nhất trong tháng 4/2027 tại …, lớp thứ hai trong tháng 5/2027 tại …": times that follow each other,
 * each of a round the words name ("lớp thứ hai", "đợt 2"), are the rounds' times, however close.
 */
const ROUND_NAME = /\b(?:lop|dot|ky|khoa|lan)\s+(?:thu\s+(?:nhat|hai|ba|tu|nam|sau)|\d{1,2}|[ivx]{1,3})\b/g;

function namedRounds(text: string, windows: readonly Window[]): boolean {
  if (windows.length < 2 || (fold(text).match(ROUND_NAME) ?? []).length < windows.length) return false;
  const sorted = [...windows].sort((a, b) => compareDates(a.start, b.start));
  return sorted.every((w, i) => {
    const next = sorted[i + 1];
    return !next || compareDates(w.end, next.start) < 0;
  });
}

/** Reads the window(s) that time words give. Returns a null window when the words name no time. */
export function readTime(written: string, ctx: TimeContext): TimeReading {
  // "Trước Tết Nguyên đán (06/02/2027)": before the day the note gives for the occasion named.
  const text = written.replace(
    /\b(trước|chậm nhất)\s+([^()\d]{3,40}?)\s*\((\d{1,2}\/\d{1,2}(?:\/\d{4})?)\)/giu,
    (_, cue: string, what: string, day: string) => `${cue} ngày ${day} (${what})`,
  );
  const folded = fold(text);
  const peakAt = folded.search(/\bcao\s+di[a-z]?m\b/);
  const mainText = peakAt >= 0 ? text.slice(0, peakAt) : text;
  const main = readWindows(mainText, ctx);
  let peaks: Peak[] = [];
  let peakNote: string | null = null;
  if (peakAt >= 0) {
    const peakText = text.slice(peakAt);
    // The note after the peaks ("(nắm bắt … Luật HTX năm 2023)") explains them; its years are no peak.
    const read = readWindows(
      peakText.replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length)),
      ctx,
    );
    peaks = read.windows.map((w, i) => ({ ...w, text: read.texts[i] ?? '' }));
    peakNote = /\(([^)]{3,})\)/.exec(peakText)?.[1]?.trim() ?? null;
  }
  const recurrence = findRecurrence(text)?.rule ?? null;
  const sustained = /\b(?:thuong xuyen|lien tuc)\b/.test(folded);
  if (main.deadline) {
    // "đợt 1 trước ngày 30/6/2027; đợt 2 trước ngày 30/11/2027": rounds each due by its own date, one
    // clause each, and nothing else timing them.
    // "…: phát động ngày 25/3; nhận ảnh dự thi đến hết ngày 25/4; chấm và trao giải trong tháng 5": steps,
    // one time each, some of them due dates.
    const rounds =
      main.parts.length >= 2 &&
      new Set(main.parts.map((d) => d.end)).size === main.parts.length &&
      // ("trước ngày 15/6 và trước ngày 15/12/2027": each due date its own, joined by "và" too.)
      text.split(/;\s*|\s+và\s+(?=trước|chậm nhất|hạn)/iu).length === main.parts.length;
    return {
      window: main.deadline,
      deadline: true,
      peaks,
      peakNote,
      recurrence,
      sustained,
      words: main.texts.join('; '),
      ...(rounds ? { separate: main.parts } : {}),
    };
  }
  let window = union(main.windows);
  // Peaks alone ("cao điểm từ 29/3 đến 29/4") are the whole window, not a part of it.
  if (!window && peaks.length > 0) {
    window = union(peaks);
    peaks = [];
  }
  const separate =
    apart(main.windows) || eachWithNote(text, main.windows) || namedRounds(text, main.windows)
      ? main.windows.map((w, i) => ({ ...w, text: main.texts[i] ?? '' }))
      : [];
  return {
    window,
    deadline: false,
    peaks,
    peakNote,
    recurrence,
    sustained,
    words: main.texts.join('; '),
    ...(separate.length > 0 ? { separate } : {}),
  };
}

/** The words name a day, month, quarter or span, not only a year ("năm 2025" in a name is no schedule). */
export function isSpecificTime(text: string): boolean {
  return findMentions(fold(text)).some(
    (m) => m.kind === 'span' || m.kind === 'deadline' || m.kind === 'from-now',
  );
}

/**
 * Share of a line's head that time words must cover to make it a dated step ("Trước ngày 20/9/2025:"):
 * set for heads like "Ngày 05/9/2025", "Chậm nhất ngày 15/10", "Tháng 11/2025", which are nearly all date.
 */
const STEP_HEAD_COVER = 0.6;
/** A dated step's head is short: a longer text before the colon is a title that mentions a date. */
export const STEP_HEAD_MAX = 48;

/** Words that are nearly all time ("Trước ngày 20/9/2025", "Quý III/2026"): see STEP_HEAD_COVER. */
export function isTimeHead(head: string): boolean {
  if (head.length > STEP_HEAD_MAX || !isSpecificTime(head)) return false;
  const folded = fold(head);
  const covered = findMentions(folded).reduce((n, m) => n + (m.to - m.from), 0);
  const letters = folded.replace(/\s+/g, '').length;
  // Words that only introduce a date ("trước", "chậm nhất", "dự kiến") count as covered.
  const cue = (
    /^(?:du kien|truoc|cham nhat|muon nhat|han|tu|vao|khoang)\b\s*/.exec(folded)?.[0] ?? ''
  ).replace(/\s+/g, '').length;
  return (covered + cue) / Math.max(letters, 1) >= STEP_HEAD_COVER;
}

const TIME_CUES =
  /\b(du kien|thoi gian|trong|vao|truoc|cham nhat|muon nhat|hoan thanh|tu ngay|tu thang|tu nay|den het|dien ra|ket thuc|han|dip|tuan dau|tuan cuoi)\b/;

/** Words that schedule ("dự kiến", "trước", "từ ngày" …), with or without a time after them. */
export function hasScheduleWords(text: string): boolean {
  return TIME_CUES.test(fold(text));
}

/** A specific time introduced by the words that schedule ("dự kiến", "trước", "từ ngày" …), not one that names. */
export function hasTimeCue(text: string): boolean {
  return TIME_CUES.test(fold(text)) && isSpecificTime(text);
}

/** Words a line that is only a time heading may take outside its parenthesis ("THÁNG 5 NĂM 2026"). */
const TIME_HEADING_WORDS = 5;

/** Month names in letters, as a heading writes them ("Tháng Sáu", "THÁNG GIÊNG" of a solar calendar). */
const MONTH_LETTERS: Record<string, number> = {
  gieng: 1,
  mot: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  'muoi mot': 11,
  'muoi hai': 12,
  chap: 12,
};

/**
 * "THÁNG 1", "Tháng 02/2026 (Tết …: nghỉ từ 14/02 …)", "Tháng Sáu", "QUÝ II/2026": a line that is only a
 * month or quarter, the heading of a programme by months over the items that follow it. Returns the time
 * words to read (a month in letters as its number), or null when the line says more than a time.
 */
export function timeHeading(text: string): string | null {
  const bare = text.replace(/\([^)]*\)/g, ' ').replace(/[\s.:;,–—-]+$/, '');
  const words = foldWords(bare);
  if (words.length < 2 || words.length > TIME_HEADING_WORDS) return null;
  if (words[0] !== 'thang' && words[0] !== 'quy') return null;
  const rest = words.slice(1).join(' ');
  const lettered = words[0] === 'thang' ? MONTH_LETTERS[rest] : undefined;
  const time = lettered ? `Tháng ${lettered}` : bare.trim();
  if (!lettered && !/^(?:\d{1,2}|[ivx]{1,4})\b/.test(rest)) return null;
  return isSpecificTime(time) ? time : null;
}
