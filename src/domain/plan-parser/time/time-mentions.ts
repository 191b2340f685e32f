/**
 * Finds the time expressions in folded text ("quy ii/2024", "trung tuan thang 10", "tu ngay 20/3 den
 * truoc 01/7/2024" …). Each becomes a mention whose dates may still lack a year; time-words.ts settles
 * the years and turns mentions into a window.
 */

/** A day or a month edge: day 0 = the first day of the month, day 99 = its last day. */
export interface DaySpec {
  day: number;
  month: number;
  year: number | null;
}

export interface Mention {
  /** 'from-now': "từ nay đến …", a span that starts on the plan's date. */
  kind: 'span' | 'deadline' | 'year' | 'named-year' | 'plan' | 'from-now';
  start: DaySpec | null;
  end: DaySpec | null;
  /** The end is the day before the date written ("trước 01/7"). */
  endBefore: boolean;
  /** Offsets in the text. */
  from: number;
  to: number;
}

export const FIRST = 0;
export const LAST = 99;

// "năm" survives OCR as nam, ndm, nim, niam, nidm: a word n…m of up to four letters.
const NAM = String.raw`n[a-z]{0,2}m`;
const THANG = String.raw`th[ae]ng`;
/**
 * "T5", "cuối T10", "T7-8": terse plans write a month as T and its number. "Sáng T5, 02/4" is a weekday
 * (thứ Năm) before its date, so T after a part of the day or "thứ", or followed by a date, is not a month.
 */
const T_MONTH = String.raw`(?<![a-z0-9./]|(?:sang|chieu|toi|trua|thu)\s)t(?=(?:0?[1-9]|1[0-2])(?!\d|\.\d)(?!\/(?!\d{4}))(?!\s*,?\s*(?:ngay\s+)?\d{1,2}\s*\/\s*\d))`;
/** The word before a month's number: "tháng 5" or "T5". */
const MONTH_OF = String.raw`(?:${THANG}\s+|${T_MONTH})`;
const YEAR_TAIL = String.raw`(?:\s*\/\s*(\d{4})|\s+${NAM}\s+(\d{4}))?`;
// "Quảng trường 2/4", "đường 30/4": a place named after a day is no date.
const DAY = String.raw`(?<!\d|(?:quang truong|duong|pho|cau|cong vien)\s+)(\d{1,2})\s*\/\s*(\d{1,2})(?!\d)(?:\s*\/\s*(\d{4}))?`;
// "đợt 1 tháng 3", "lần 2 tháng 9": a count before "tháng" is no day of the month.
const DAY_WORDS = String.raw`(?<!\d|(?:dot|lan|buoc|doan|khoa|lop|so|thu|muc|diem|phan|ky)\s+)(\d{1,2})\s+${THANG}\s+(\d{1,2})(?:\s+${NAM}\s+(\d{4}))?`;
const DATE = String.raw`(?:${DAY}|${DAY_WORDS})`;
const TU = String.raw`(?:(?:tu|tir|ke tu)\s+)?`;
const NGAY = String.raw`(?:ngay\s+)?`;
const DEN = String.raw`\s*(?:(?:cho\s+)?den|toi|[-–—])\s*`;

/** The lunar new year's day (Tết Nguyên đán) of each year: [month, day]. */
const LUNAR_NEW_YEAR: Record<number, [number, number]> = {
  2023: [1, 22],
  2024: [2, 10],
  2025: [1, 29],
  2026: [2, 17],
  2027: [2, 6],
  2028: [1, 26],
  2029: [2, 13],
  2030: [2, 3],
};
/** The names of a lunar year ("Bính Ngọ"), folded: its stem and its branch. */
const CAN = 'giap|at|binh|dinh|mau|ky|canh|tan|nham|quy';
const CHI = 'ty|suu|dan|mao|thin|ngo|mui|than|dau|tuat|hoi';

/** The year whose lunar name is "<can> <chi>" ("binh ngo" → 2026), among the years the table knows. */
function lunarYearNamed(can: string, chi: string): number | null {
  const cans = CAN.split('|');
  // Tý and Tỵ fold alike: the twelve branches in order, the first and the sixth both "ty".
  const chis = ['ty', 'suu', 'dan', 'mao', 'thin', 'ty', 'ngo', 'mui', 'than', 'dau', 'tuat', 'hoi'];
  const found = Object.keys(LUNAR_NEW_YEAR)
    .map(Number)
    .find((y) => cans[(y - 4) % 10] === can && chis[(y - 4) % 12] === chi);
  return found ?? null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function num(s: string | undefined): number | null {
  return s === undefined || s === '' ? null : Number(s);
}

/** A date from the 3 (d/m/y) + 3 (d tháng m năm y) groups of DATE starting at index i. */
function dateAt(m: RegExpExecArray, i: number): DaySpec {
  const day = num(m[i]) ?? num(m[i + 3]) ?? 1;
  const month = num(m[i + 1]) ?? num(m[i + 4]) ?? 1;
  return { day, month, year: num(m[i + 2]) ?? num(m[i + 5]) };
}

function month(monthNo: number, year: number | null, day = FIRST): DaySpec {
  return { day, month: monthNo, year };
}

type Read = Omit<Mention, 'from' | 'to'>;
/** A rule reads one mention from its match, or several with their places ("tháng 3, 6, 9 và 12"). */
type Rule = { re: RegExp; read: (m: RegExpExecArray) => Read | Mention[] | null };

const span = (start: DaySpec, end: DaySpec, endBefore = false): Omit<Mention, 'from' | 'to'> => ({
  kind: 'span',
  start,
  end,
  endBefore,
});

const RULES: Rule[] = [
  {
    // từ nay đến trước ngày 12/01/2026 · từ nay đến ngày 15/3: work due by then, starting on the plan's date
    re: new RegExp(
      String.raw`\btu (?:nay|bay gio)\s+(?:den|toi)\s+(?:(truoc|het)\s+)?(?:ngay\s+)?${DATE}`,
      'g',
    ),
    read: (m) => ({ kind: 'deadline', start: null, end: dateAt(m, 2), endBefore: m[1] === 'truoc' }),
  },
  {
    // từ nay đến hết năm 2026 · từ nay đến hết tháng 6/2026
    re: new RegExp(
      String.raw`\btu (?:nay|bay gio)\s+(?:den|toi)\s+(?:het\s+)?(?:${NAM}(?:\s+(\d{4}))?|${THANG}\s+(\d{1,2})${YEAR_TAIL})`,
      'g',
    ),
    read: (m) => {
      const monthNo = num(m[2]);
      const end =
        monthNo === null ? month(12, num(m[1]), LAST) : month(monthNo, num(m[3]) ?? num(m[4]), LAST);
      return { kind: 'from-now', start: null, end, endBefore: false };
    },
  },
  {
    // tuần đầu tháng 9 · tuần thứ hai của tháng 5 · tuần cuối tháng 12/2025 · Tuần 2 tháng 9/2026 (days 8–14)
    re: new RegExp(
      String.raw`\btuan\s+(dau|dau tien|thu nhat|thu hai|thu 2|thu ba|thu 3|thu tu|thu 4|cuoi|cuoi cung|[1-4])\s+(?:cua\s+)?${MONTH_OF}(\d{1,2})${YEAR_TAIL}`,
      'g',
    ),
    read: (m) => {
      const which = m[1] ?? '';
      const k = /^[1-4]$/.test(which)
        ? Number(which) - 1
        : /dau|nhat/.test(which)
          ? 0
          : /hai|2/.test(which)
            ? 1
            : /ba|3/.test(which)
              ? 2
              : /tu|4/.test(which)
                ? 3
                : -1;
      const y = num(m[3]) ?? num(m[4]);
      const mo = Number(m[2]);
      return k < 0
        ? span(month(mo, y, 22), month(mo, y, LAST))
        : span(month(mo, y, k * 7 + 1), month(mo, y, k * 7 + 7));
    },
  },
  {
    // trước Tết Nguyên đán Bính Ngọ 2026 · Tết Nguyên đán 2027: the lunar new year's day of that year
    re: new RegExp(
      String.raw`(?:hoan thanh\s+)?(truoc\s+)?\btet(?:\s+nguyen dan)?(?:\s+(${CAN})\s+(${CHI}))?(?:\s+(\d{4})\b|(?<=\s(?:${CHI}))\b)`,
      'g',
    ),
    read: (m) => {
      // "trước Tết Nguyên đán Bính Ngọ": the year's name alone says which year.
      const year = m[4] ? Number(m[4]) : lunarYearNamed(m[2] ?? '', m[3] ?? '');
      if (year === null) return null;
      const day = LUNAR_NEW_YEAR[year];
      if (!day) return null;
      const d = { day: day[1], month: day[0], year };
      return m[1] ? { kind: 'deadline', start: null, end: d, endBefore: true } : span(d, d);
    },
  },
  {
    // hoàn thành trước 15/3/2024 · chậm nhất ngày 30/6 · hạn hoàn thành: 20/5/2024
    re: new RegExp(
      String.raw`(?<!(?:den|toi|[-–—])\s*)(?:hoan thanh\s+)?(?:(cham nhat|muon nhat|han chot|han cuoi|han hoan thanh|thoi han)(?:\s+(?:la|vao|den))?\s*:?\s*)?(truoc\s+)?${NGAY}${DATE}`,
      'g',
    ),
    read: (m) => {
      if (!m[1] && !m[2]) return null;
      const d = dateAt(m, 3);
      return { kind: 'deadline', start: null, end: d, endBefore: m[2] !== undefined };
    },
  },
  {
    // từ ngày 20/3 đến trước 01/7/2024 · 29/3/2024 - 29/4/2024 · từ ngày 01/4 đến hết ngày 30/4/2025
    re: new RegExp(String.raw`${TU}${NGAY}${DATE}${DEN}(het\s+|truoc\s+)?${NGAY}${DATE}`, 'g'),
    read: (m) => span(dateAt(m, 1), dateAt(m, 8), (m[7] ?? '').startsWith('truoc')),
  },
  {
    // ngày 18 – 19/6/2025 · từ ngày 08 đến ngày 12/9: days of one month, the month written once
    // ngày 10 và 11/7/2026 · ngày 10, 11/7: two days running
    re: new RegExp(
      String.raw`(?<!${THANG}\s+|[\d/.])${TU}${NGAY}(\d{1,2})(${DEN}|\s*(?:,|va)\s*)(het\s+|truoc\s+)?${NGAY}${DAY}`,
      'g',
    ),
    read: (m) => {
      const end = dateAt(m, 4);
      const first = Number(m[1]);
      if (first >= end.day) return null;
      if (/^\s*(?:,|va)\s*$/.test(m[2] ?? '') && first + 1 !== end.day) return null;
      return span({ ...end, day: first }, end, (m[3] ?? '').startsWith('truoc'));
    },
  },
  {
    // tháng 4-5/2024 · từ tháng 01 năm 2025 đến hết tháng 6 năm 2025
    re: new RegExp(
      String.raw`${TU}${MONTH_OF}(\d{1,2})${YEAR_TAIL}${DEN}(?:het\s+)?(?:${MONTH_OF})?(\d{1,2})${YEAR_TAIL}`,
      'g',
    ),
    read: (m) => {
      const y2 = num(m[5]) ?? num(m[6]);
      return span(month(Number(m[1]), num(m[2]) ?? num(m[3])), month(Number(m[4]), y2, LAST));
    },
  },
  {
    // thượng / trung / hạ tuần tháng 10 · đầu / giữa / cuối tháng 5
    re: new RegExp(
      String.raw`(thuong tuan|trung tuan|ha tuan|dau|giua|cuoi)\s+${MONTH_OF}(\d{1,2})${YEAR_TAIL}`,
      'g',
    ),
    read: (m) => {
      const part = m[1] ?? '';
      const [a, b] =
        part === 'trung tuan' || part === 'giua'
          ? [11, 20]
          : part === 'ha tuan' || part === 'cuoi'
            ? [21, LAST]
            : [1, 10];
      const y = num(m[3]) ?? num(m[4]);
      return span(month(Number(m[2]), y, a), month(Number(m[2]), y, b));
    },
  },
  {
    // Quý III – IV/2025 · Quý II và Quý III · quý 2, 3 năm 2025: from the first quarter to the last
    re: new RegExp(
      String.raw`\bquy\s+(iv|iii|ii|i|[1-4])\s*([-–—]|,|\bden\b|\bva\b)\s*(?:(?:het\s+)?quy\s+)?(iv|iii|ii|i|[1-4])\b${YEAR_TAIL}`,
      'g',
    ),
    read: (m) => {
      const a = ROMAN[m[1] ?? ''] ?? 1;
      const b = ROMAN[m[3] ?? ''] ?? a;
      if (b < a) return null;
      // "Quý I và Quý III": two quarters apart are two times, each read alone; "Quý II và Quý III" is one span.
      if ((m[2] === 'va' || m[2] === ',') && b > a + 1) return null;
      const y = num(m[4]) ?? num(m[5]);
      return span(month(a * 3 - 2, y), month(b * 3, y, LAST));
    },
  },
  {
    // đầu / giữa / cuối Quý II/2026: the quarter's first, middle or last month
    re: new RegExp(String.raw`\b(dau|giua|cuoi)\s+quy\s+(iv|iii|ii|i|[1-4])\b${YEAR_TAIL}`, 'g'),
    read: (m) => {
      const q = ROMAN[m[2] ?? ''] ?? 1;
      const mo = q * 3 - (m[1] === 'dau' ? 2 : m[1] === 'giua' ? 1 : 0);
      const y = num(m[3]) ?? num(m[4]);
      return span(month(mo, y), month(mo, y, LAST));
    },
  },
  {
    // Quý II/2024 · quý 3 năm 2024
    re: new RegExp(String.raw`\bquy\s+(iv|iii|ii|i|[1-4])\b${YEAR_TAIL}`, 'g'),
    read: (m) => {
      const q = ROMAN[m[1] ?? ''] ?? 1;
      const y = num(m[2]) ?? num(m[3]);
      return span(month(q * 3 - 2, y), month(q * 3, y, LAST));
    },
  },
  {
    // 6 tháng đầu năm · 6 tháng cuối năm 2024 · 9 tháng đầu năm
    re: new RegExp(String.raw`\b(6|sau|9|chin)\s+${THANG}\s+(dau|cuoi)\s+${NAM}(?:\s+(\d{4}))?`, 'g'),
    read: (m) => {
      const n = m[1] === '9' || m[1] === 'chin' ? 9 : 6;
      const y = num(m[3]);
      return m[2] === 'dau'
        ? span(month(1, y), month(n, y, LAST))
        : span(month(13 - n, y), month(12, y, LAST));
    },
  },
  {
    // ngày 28/3/2024 · 11/4
    re: new RegExp(String.raw`${NGAY}${DATE}`, 'g'),
    read: (m) => {
      const d = dateAt(m, 1);
      return span(d, d);
    },
  },
  {
    // tháng 3, 6, 9 và 12/2026: months listed with the year written once, each a time of its own
    re: new RegExp(
      String.raw`\b${THANG}\s+(\d{1,2}(?:\s*(?:,|\bva\b)\s*\d{1,2}\b(?!\s*\/\s*\d{1,2}\b))+)${YEAR_TAIL}`,
      'g',
    ),
    read: (m) => {
      const y = num(m[2]) ?? num(m[3]);
      const list = m[1] ?? '';
      const at = m.index + m[0].indexOf(list);
      const out: Mention[] = [];
      for (const n of list.matchAll(/\d{1,2}/g)) {
        const mo = Number(n[0]);
        if (mo < 1 || mo > 12) return null;
        const from = at + (n.index ?? 0);
        out.push({ ...span(month(mo, y), month(mo, y, LAST)), from, to: from + n[0].length });
      }
      return out;
    },
  },
  {
    // tháng 4/2024 · trong tháng 6 năm 2025 · tháng 01 năm 2026
    // Not a count: "mỗi tháng 02 kỳ", "hằng tháng 03 tin, bài" name how many a month, not February.
    re: new RegExp(
      String.raw`(?<!\b(?:moi|hang)\s+)\b${MONTH_OF}(\d{1,2})\b(?!\s*\/\s*\d{1,2}\b)(?!\s+(?:ky|so|lan|tin|bai|buoi|cuoc)\b)${YEAR_TAIL}`,
      'g',
    ),
    read: (m) => {
      const y = num(m[2]) ?? num(m[3]);
      return span(month(Number(m[1]), y), month(Number(m[1]), y, LAST));
    },
  },
  {
    // cả năm 2024 · trong năm · suốt năm. "02 đợt trong năm vào tháng 6 và tháng 12" names the months:
    // "trong năm" only says within the year, and yields to any other time as a named year does.
    re: new RegExp(String.raw`\b(ca|trong|suot)\s+${NAM}(?:\s+(\d{4}))?\b`, 'g'),
    read: (m) => ({
      kind: m[1] === 'trong' ? 'named-year' : 'year',
      start: month(1, num(m[2])),
      end: month(12, num(m[2]), LAST),
      endBefore: false,
    }),
  },
  {
    // "năm 2025" alone: often part of a name ("Tháng hành động vì HTX năm 2025"), so it yields to any other time
    re: new RegExp(String.raw`\b${NAM}\s+(\d{4})\b`, 'g'),
    read: (m) => ({
      kind: 'named-year',
      start: month(1, num(m[1])),
      end: month(12, num(m[1]), LAST),
      endBefore: false,
    }),
  },
  {
    // thường xuyên · hằng năm: the plan's whole window
    re: /\b(?:thuong xuyen|hang nam|ca giai doan)\b/g,
    read: () => ({ kind: 'plan', start: null, end: null, endBefore: false }),
  },
];

/**
 * A scan reads 1 as l and 0 as o inside numbers ("3l/3/2026", "2o26") and I as l in a quarter's numeral
 * ("Quý lll/2026"): read as written, one letter for one, so offsets still match the text.
 */
function ocrDigits(folded: string): string {
  return folded
    .replace(/(?<=\d)[lo](?=[\d/])|(?<=[\d/])[lo](?=\d)|(?<![a-z])[lo](?=\d{1,3}\/\d)/g, (c) =>
      c === 'l' ? '1' : '0',
    )
    .replace(/\bquy\s+([il]{1,3}|[il]v|v)\b/g, (m) => m.replace(/l(?=[ilv]*$)/g, 'i'));
}

/** All mentions in folded text, earlier rules taking precedence over later ones on the same words. */
export function findMentions(folded: string): Mention[] {
  // 15-4-2026 and 15.4.2026 are dates written with other separators: read them as 15/4/2026 (same length).
  let work = ocrDigits(folded).replace(
    /(?<![\d.])(\d{1,2})[.-](\d{1,2})[.-]((?:19|20)\d{2})(?![\d.]\d)/g,
    '$1/$2/$3',
  );
  const out: Mention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(work); m; m = rule.re.exec(work)) {
      const read = rule.read(m);
      if (!read) {
        // Let later rules see a plain date inside a phrase this rule declined.
        rule.re.lastIndex = m.index + 1;
        continue;
      }
      if (Array.isArray(read)) out.push(...read);
      else out.push({ ...read, from: m.index, to: m.index + m[0].length });
      work = work.slice(0, m.index) + ' '.repeat(m[0].length) + work.slice(m.index + m[0].length);
    }
  }
  return out.sort((a, b) => a.from - b.from);
}
