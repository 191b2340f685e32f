/**
 * Times counted from the plan's own event rather than written as dates: "chậm nhất 30 ngày trước ngày
 * khai mạc Đại hội", "trước ngày khai mạc 05 ngày", "Chậm nhất 10 ngày sau ngày bế mạc", a fair's "ngày
 * N-55", "Từ N-30 đến N-15", "Trước ngày N ít nhất 45 ngày". Once the event's days are known (the plan's
 * "Thời gian:" of one event, "khai mạc ngày 26/5/2026", "… gọi là ngày N"), each such phrase is written
 * out as the date it means, so that the rest of the parser reads it as any date: a count before an anchor
 * or after it becomes "chậm nhất ngày D" (work due by D), "N±k" becomes "ngày D".
 *
 * Meetings that recur ("03 ngày trước phiên họp") name no day of this plan's event and are left as
 * written; working days after the event ("05 ngày làm việc kể từ ngày bế mạc") count on the state calendar.
 */
import type { LocalDate } from '../../task';
import { addDays, isLocalDate } from '../../calendar/dates';
import { addWorkingDays, createWorkingCalendar } from '../../calendar/working-days';

/**
 * The working days and public holidays a state body keeps: counts of working days ("05 ngày làm việc kể từ
 * …"), a meeting moved off a holiday, a month's last working day.
 */
export const CALENDAR = createWorkingCalendar();
import { fold } from '../layout/fold';
import type { Window } from './time-words';

export interface EventDays {
  /** The opening day ("ngày khai mạc"), and the day "N" of a plan that counts from it. */
  open: LocalDate;
  /** The closing day ("ngày bế mạc"): the event's last day. */
  close: LocalDate;
  n: LocalDate;
  /** Folded words naming the event in the plan's subject ("dai hoi", "hoi cho"): "sau Đại hội 15 ngày". */
  names: string[];
}

/** Events a plan may be for, folded, as the subject names them. */
const EVENT_NAMES = ['dai hoi', 'hoi nghi', 'hoi cho', 'hoi thao', 'le ky niem', 'hoi thi', 'dien dan'];

const DATE = String.raw`(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})`;

function dateOf(d: string, m: string, y: string): LocalDate | null {
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
}

function firstDate(re: RegExp, folded: string, year: number | null = null): LocalDate | null {
  const m = re.exec(folded);
  const y = m?.[3] ?? (year === null ? null : String(year));
  return m && y ? dateOf(m[1] ?? '', m[2] ?? '', y) : null;
}

/** "khai mạc ngày 17/9": a day and month, in the plan's year when no year is written. */
const DAY_MONTH = String.raw`(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?![\d/])`;

/** The longest an event may last for its days to anchor counts ("04 ngày, từ 20/8 đến hết 23/8"). */
const EVENT_MAX_DAYS = 10;

/**
 * The event's days: "khai mạc ngày 26/5/2026", "bế mạc …", "(20/8/2026) … gọi là ngày N", else the plan's
 * time when it is one event of a few days. Null when the plan counts from no event.
 */
export function eventDays(
  text: string,
  subject: string,
  planTime: Window | null,
  year: number | null = null,
): EventDays | null {
  const folded = fold(text);
  const short =
    planTime !== null && addDays(planTime.start, EVENT_MAX_DAYS) >= planTime.end ? planTime : null;
  const open =
    firstDate(new RegExp(String.raw`\bkhai mac\b[^.\n]{0,40}?${DAY_MONTH}`), folded, year) ??
    short?.start ??
    null;
  if (!open) return null;
  const close =
    firstDate(new RegExp(String.raw`\bbe mac\b[^.\n]{0,40}?${DAY_MONTH}`), folded, year) ??
    (short && short.start === open ? short.end : null) ??
    spanFrom(open, folded) ??
    open;
  const defined = new RegExp(String.raw`${DATE}\)?[^.\n]{0,120}?\bgoi la ngay n\b`).exec(folded);
  const n = defined ? (dateOf(defined[1] ?? '', defined[2] ?? '', defined[3] ?? '') ?? open) : open;
  const subjectWords = fold(subject);
  const names = EVENT_NAMES.filter((e) => new RegExp(String.raw`\b${e}\b`).test(subjectWords));
  return { open, close: close < open ? open : close, n, names };
}

/** "17 - 19/9/2027" written anywhere, opening on the opening day: the event's days, its last the closing. */
function spanFrom(open: LocalDate, folded: string): LocalDate | null {
  const re = /\b(\d{1,2})\s*[-–]\s*(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?![\d/])/g;
  for (const m of folded.matchAll(re)) {
    const year = m[4] ?? open.slice(0, 4);
    const first = dateOf(m[1] ?? '', m[3] ?? '', year);
    const last = dateOf(m[2] ?? '', m[3] ?? '', year);
    if (first === open && last !== null && last > open && addDays(open, EVENT_MAX_DAYS) >= last) return last;
  }
  return null;
}

const dmy = (d: LocalDate): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The same words with the case of the first letter as written. */
function asWritten(original: string, words: string): string {
  return /^\p{Lu}/u.test(original) ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

interface Rewrite {
  from: number;
  to: number;
  words: string;
}

/** Writes each count of days from the event as the date it means; the text keeps its lines. */
export function withEventDates(text: string, days: EventDays): string {
  const folded = fold(text);
  const rewrites: Rewrite[] = [];
  const anchorOf = (word: string): LocalDate | null => {
    const w = word.trim();
    if (/^(?:ngay\s+)?khai mac/.test(w)) return days.open;
    if (/^(?:ngay\s+)?be mac/.test(w) || /^(?:ngay\s+)?ket thuc/.test(w)) return days.close;
    if (/^(?:ngay\s+)?n$/.test(w)) return days.n;
    // "sau Đại hội 15 ngày": the event the plan is for, after its last day; before its first.
    return null;
  };
  const named = days.names.length > 0 ? `|${days.names.join('|')}` : '';
  // "trước Hội nghị ít nhất 07 ngày", "03 ngày trước Hội nghị": the event the plan is for, by its name.
  const ANCHOR = String.raw`(?:ngay\s+)?(?:khai mac|be mac|ket thuc|n(?![\p{L}\d]))(?:\s+(?:${EVENT_NAMES.join('|')}))?${named}`;
  const isEvent = (w: string): boolean => days.names.includes(w.trim());
  const due = (m: RegExpExecArray, date: LocalDate): void => {
    rewrites.push({
      from: m.index,
      to: m.index + m[0].length,
      words: asWritten(text.slice(m.index, m.index + 1), `chậm nhất ngày ${dmy(date)}`),
    });
  };
  // "chậm nhất 30 ngày trước ngày khai mạc Đại hội", "10 ngày sau ngày bế mạc", "trong vòng 30 ngày sau …"
  const counted = new RegExp(
    String.raw`(?:(?:cham nhat|muon nhat|trong vong|truoc|khoang)\s+)?(\d{1,3})\s+ngay\s+(truoc|sau)\s+(?:khi\s+)?(${ANCHOR})`,
    'gu',
  );
  for (const m of folded.matchAll(counted)) {
    const at = isEvent(m[3] ?? '') ? (m[2] === 'truoc' ? days.open : days.close) : anchorOf(m[3] ?? '');
    if (!at) continue;
    const k = Number(m[1]);
    due(m as RegExpExecArray, addDays(at, m[2] === 'truoc' ? -k : k));
  }
  // "trước ngày khai mạc 05 ngày", "Trước ngày N ít nhất 45 ngày", "xong trước ngày khai mạc 01 ngày"
  const before = new RegExp(String.raw`\btruoc\s+(${ANCHOR})\s+(?:it nhat\s+)?(\d{1,3})\s+ngay\b`, 'gu');
  for (const m of folded.matchAll(before)) {
    const at = isEvent(m[1] ?? '') ? days.open : anchorOf(m[1] ?? '');
    if (at) due(m as RegExpExecArray, addDays(at, -Number(m[2])));
  }
  // "trong vòng 05 ngày làm việc kể từ ngày bế mạc Hội nghị": working days of a state body from the event.
  const working = new RegExp(
    String.raw`(?:(?:cham nhat|trong vong|trong thoi han)\s+)?(\d{1,2})\s+ngay lam viec\s+(?:ke tu|sau|tinh tu)\s+(?:khi\s+)?(${ANCHOR})`,
    'gu',
  );
  for (const m of folded.matchAll(working)) {
    const at = isEvent(m[2] ?? '') ? days.close : anchorOf(m[2] ?? '');
    if (at) due(m as RegExpExecArray, addWorkingDays(at, Number(m[1]), CALENDAR));
  }
  // "chậm nhất sau Đại hội 15 ngày": after the event the plan is for.
  if (named) {
    const after = new RegExp(
      String.raw`(?:(?:cham nhat|trong vong)\s+)?sau\s+(?:khi\s+(?:ket thuc\s+)?)?(${named.slice(1)})\s+(\d{1,3})\s+ngay\b`,
      'gu',
    );
    for (const m of folded.matchAll(after)) due(m as RegExpExecArray, addDays(days.close, Number(m[2])));
  }
  // "ngày N-55", "N+2", "từ N đến N+3", "ngày N": on the original text, where N is a capital letter.
  const offset = /(?:(ngày|Ngày)\s+)?(?<![\p{L}\d])N(?:\s*([+\-−–])\s*(\d{1,3}))?(?![\p{L}\d])/gu;
  for (const m of text.matchAll(offset)) {
    const k = m[3] ? Number(m[3]) * (m[2] === '+' ? 1 : -1) : 0;
    // A bare "N" is a day only after "ngày", "từ", "đến": "loại N" or a heading letter is not.
    const lead = folded.slice(Math.max(0, (m.index ?? 0) - 5), m.index);
    if (!m[1] && !m[3] && !/\b(?:tu|den)\s$/.test(lead)) continue;
    rewrites.push({
      from: m.index ?? 0,
      to: (m.index ?? 0) + m[0].length,
      words: `${m[1] ?? 'ngày'} ${dmy(addDays(days.n, k))}`,
    });
  }
  // "đến hết ngày bế mạc": the closing day.
  for (const m of folded.matchAll(/\bngay\s+be mac\b(?!\s+(?:ngay\s+)?\d)/gu)) {
    rewrites.push({ from: m.index ?? 0, to: (m.index ?? 0) + m[0].length, words: `ngày ${dmy(days.close)}` });
  }
  // Earliest first; a phrase inside one already written out is left to it.
  rewrites.sort((a, b) => a.from - b.from || b.to - a.to);
  let out = '';
  let at = 0;
  for (const r of rewrites) {
    if (r.from < at) continue;
    out += text.slice(at, r.from) + r.words;
    at = r.to;
  }
  return out + text.slice(at);
}
