/**
 * Reporting periods as leaders name them in a chat ("/status Q2", "quý IV năm 2024", "6 tháng đầu năm",
 * "9 tháng", "tháng 5", "5/2025", "năm 2025"), turned into inclusive local-date windows.
 */
import type { LocalDate } from '../task';
import { compareDates, endOfMonth, formatLocalDate, parseLocalDate, startOfMonth } from './dates';

export type PeriodKind = 'quarter' | 'half' | 'nine-months' | 'month' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  start: LocalDate;
  end: LocalDate;
  /** How a Vietnamese report heads it, e.g. "Quý II/2025". */
  label: string;
}

export interface DateWindow {
  start: LocalDate | null;
  end: LocalDate | null;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** Lower case without Vietnamese diacritics, so "Quý", "quy" and "QUÝ" read alike. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function quarterPeriod(year: number, quarter: number): Period {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`no quarter ${quarter}`);
  const first = quarter * 3 - 2;
  return {
    kind: 'quarter',
    year,
    start: startOfMonth(year, first),
    end: endOfMonth(year, first + 2),
    label: `Quý ${ROMAN[quarter - 1]}/${year}`,
  };
}

export function quarterOf(date: LocalDate): Period {
  const { year, month } = parseLocalDate(date);
  return quarterPeriod(year, Math.ceil(month / 3));
}

export function halfPeriod(year: number, half: 1 | 2): Period {
  return half === 1
    ? {
        kind: 'half',
        year,
        start: formatLocalDate(year, 1, 1),
        end: formatLocalDate(year, 6, 30),
        label: `6 tháng đầu năm ${year}`,
      }
    : {
        kind: 'half',
        year,
        start: formatLocalDate(year, 7, 1),
        end: formatLocalDate(year, 12, 31),
        label: `6 tháng cuối năm ${year}`,
      };
}

export function nineMonthsPeriod(year: number): Period {
  return {
    kind: 'nine-months',
    year,
    start: formatLocalDate(year, 1, 1),
    end: formatLocalDate(year, 9, 30),
    label: `9 tháng năm ${year}`,
  };
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    year,
    start: startOfMonth(year, month),
    end: endOfMonth(year, month),
    label: `Tháng ${month}/${year}`,
  };
}

export function yearPeriod(year: number): Period {
  return {
    kind: 'year',
    year,
    start: formatLocalDate(year, 1, 1),
    end: formatLocalDate(year, 12, 31),
    label: `Năm ${year}`,
  };
}

/** "/2025", " 2025", " năm 2025", "-2025" after the period words; empty means the default year. */
const YEAR_TAIL = /^(?:(?:\s*[/-]\s*|\s+)(?:nam\s*)?(\d{4}))?$/;

type Builder = (m: RegExpExecArray, year: number) => Period | null;

const PATTERNS: readonly [RegExp, Builder][] = [
  [/^(?:quy|q)\s*(iv|i{1,3}|[1-4])(?![a-z0-9])/, (m, y) => quarterPeriod(y, quarterNumber(m[1] ?? ''))],
  [/^(?:6 ?thang|nua) ?(dau|cuoi)(?: ?nam)?/, (m, y) => halfPeriod(y, m[1] === 'dau' ? 1 : 2)],
  [/^h([12])(?![a-z0-9])/, (m, y) => halfPeriod(y, m[1] === '1' ? 1 : 2)],
  [/^6 ?thang(?: ?nam)?(?![a-z0-9])/, (_m, y) => halfPeriod(y, 1)],
  [/^9 ?thang(?: ?dau)?(?: ?nam)?(?![a-z0-9])/, (_m, y) => nineMonthsPeriod(y)],
  [/^(?:thang|t) ?(\d{1,2})(?!\d)/, (m, y) => monthOrNull(y, Number(m[1]))],
  [/^(?:ca )?nam(?![a-z0-9])/, (_m, y) => yearPeriod(y)],
];

function quarterNumber(token: string): number {
  const roman = ROMAN.findIndex((r) => r.toLowerCase() === token);
  return roman >= 0 ? roman + 1 : Number(token);
}

function monthOrNull(year: number, month: number): Period | null {
  return month >= 1 && month <= 12 ? monthPeriod(year, month) : null;
}

/**
 * Reads the whole text as one period; null when it is not one (or names a month 13, a quarter 5…).
 * A period without a year takes defaultYear.
 */
export function parsePeriod(text: string, defaultYear: number): Period | null {
  const t = foldVietnamese(text)
    .replace(/[.,;:!?]+$/, '')
    .trim();
  if (t === '') return null;
  const bare = /^(\d{4})$/.exec(t);
  if (bare) return yearPeriod(Number(bare[1]));
  const slash = /^(?:thang |t)?(\d{1,2}) ?[/-] ?(\d{4})$/.exec(t);
  if (slash) return monthOrNull(Number(slash[2]), Number(slash[1]));
  for (const [pattern, build] of PATTERNS) {
    const m = pattern.exec(t);
    if (!m) continue;
    const tail = YEAR_TAIL.exec(t.slice(m[0].length));
    if (!tail) return null;
    return build(m, tail[1] !== undefined ? Number(tail[1]) : defaultYear);
  }
  return null;
}

/**
 * Whether a task's window shares at least one day with a period. A window missing one end is taken as
 * the single known day; a window with no dates overlaps nothing.
 */
export function overlaps(window: DateWindow, period: { start: LocalDate; end: LocalDate }): boolean {
  const start = window.start ?? window.end;
  const end = window.end ?? window.start;
  if (start === null || end === null) return false;
  return compareDates(start, period.end) <= 0 && compareDates(end, period.start) >= 0;
}
