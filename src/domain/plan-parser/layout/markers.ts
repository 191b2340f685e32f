/**
 * The numbering marks that open an item: parts `A.`, roman sections, `1.`, `1.1`, `(1)`, `a)` and bullets.
 * Ranks order them from the outermost; plans nest them in this order, whichever levels they use.
 */

export type MarkerKind = 'part' | 'roman' | 'number' | 'multi' | 'paren' | 'round' | 'letter' | 'bullet';

export interface Marker {
  kind: MarkerKind;
  /** The number as written, normalised: 'III', '2', '1.3', '(4)', 'b', '-'. */
  label: string;
  rank: number;
  /** Characters of the line the marker (and the spaces after it) take. */
  length: number;
}

const ROMAN_VALID = /^(?:I{1,3}|IV|VI{0,3}|IX|X|XI{1,3})$/;
const BULLET_RANKS: Record<string, number> = { '*': 8, '-': 9, '–': 9, '—': 9, '•': 9, '+': 10 };

function upperShare(text: string): number {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return 0;
  return letters.replace(/[^\p{Lu}]/gu, '').length / letters.length;
}

function roman(line: string): Marker | null {
  // OCR reads the strokes of I as |, l or 1 ("I11." for III): accept them when the heading is in capitals.
  const m = /^([IVXl|1]{1,4})[.)]\s*/.exec(line);
  if (!m || !/^[IVXl|]/.test(m[1] ?? '')) return null;
  const label = (m[1] ?? '').replace(/[l|1]/g, 'I');
  if (!ROMAN_VALID.test(label)) return null;
  const rest = line.slice(m[0].length);
  // "II. NHIỆM VỤ CỤ THỂ (bảng kèm theo)": a note in parentheses does not count against the capitals.
  const heading = rest.replace(/\([^)]*\)?/g, ' ');
  if (rest.length < 3 || upperShare(heading.slice(0, 40)) < 0.6) return null;
  return { kind: 'roman', label, rank: 1, length: m[0].length };
}

/**
 * "A. MỤC TIÊU", "B. NHIỆM VỤ CỤ THỂ", "C. TỔ CHỨC THỰC HIỆN": a yearly programme may group its roman
 * sections in lettered parts above them. A capital letter that is no roman numeral (I, V, X are read as
 * sections first), a full stop, and a heading in capitals.
 */
function part(line: string): Marker | null {
  // "PHẦN A. CÔNG VIỆC ĐÃ HOÀN THÀNH", "PHẦN II. NHIỆM VỤ": the word written before the part's letter.
  const m =
    /^(?:PHẦN\s+)?([A-HJ-UWYZĐ])\.\s+/u.exec(line) ?? /^PHẦN\s+([IVX]{1,4}|\d{1,2})[.:]\s+/u.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length).replace(/\([^)]*\)?/g, ' ');
  if (rest.length < 3 || upperShare(rest.slice(0, 40)) < 0.6) return null;
  return { kind: 'part', label: m[1] ?? '', rank: 0, length: m[0].length };
}

/**
 * "Đợt 1: Kiểm tra …", "Bước 2: …", "Lớp 3. Nghiệp vụ kế toán …", "Hoạt động 2: …": rounds of an
 * inspection plan, steps of a procedure, classes of a training plan, activities of a campaign — each a
 * numbered item named by a word, with its fields on the lines below. Ranked with "(1)": inside a numbered
 * heading, above letters. The label keeps the word's initials ("Đ1", "B2", "L3", "HĐ2") so that the
 * rounds and the classes of one heading do not mix.
 */
const ROUND =
  /^(đợt|dot|bước|buoc|lớp|lop|khóa|khoá|khoa|hoạt động|hoat dong|nhiệm vụ|nhiem vu|nội dung|noi dung|chuyên đề|chuyen de|cụm|cum|đoàn|doan)\s+(\d{1,2})\s*[:.](?!\d)\s*/iu;

function round(line: string): Marker | null {
  const m = ROUND.exec(line);
  if (!m) return null;
  const initials = (m[1] ?? '')
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
  return { kind: 'round', label: `${initials}${m[2] ?? ''}`, rank: 6, length: m[0].length };
}

/**
 * "PHỤ LỤC" / "PHỤ LỤC II" on a line of its own: an appendix, a part of the plan as "B. …" is (its
 * table of classes or of work holds tasks). Labelled "PL", with its number when it has one.
 */
function appendix(line: string): Marker | null {
  const m = /^PH[UỤ]\s+L[UỤ]C(?:\s+([IVX]{1,4}|\d{1,2}))?\s*[.:]?\s*$/u.exec(line.trim());
  if (!m) return null;
  return { kind: 'part', label: `PL${m[1] ?? ''}`, rank: 0, length: line.length };
}

export function detectMarker(line: string): Marker | null {
  const r = roman(line) ?? part(line) ?? appendix(line);
  if (r) return r;
  let m = /^(\d{1,2}(?:\.\d{1,2})+)\.?(?:\s+|(?=\p{Lu}))/u.exec(line);
  if (m) {
    const label = m[1] ?? '';
    return { kind: 'multi', label, rank: 2 + label.split('.').length, length: m[0].length };
  }
  // "A.1. Lớp bồi dưỡng …", "Đ.2. …": items numbered under a lettered part ("A. TRUNG TÂM … CHỦ TRÌ").
  m = /^([A-HJ-UWYZĐ])\.(\d{1,2}(?:\.\d{1,2})*)\.?\s+/u.exec(line);
  if (m) {
    const label = `${m[1] ?? ''}.${m[2] ?? ''}`;
    return { kind: 'multi', label, rank: 2 + label.split('.').length, length: m[0].length };
  }
  // "10a. …": a line inserted after item 10 is an item of its own.
  m = /^(\d{1,2}[a-zđ]?)[.)](?:\s+|(?=\p{Lu}))/u.exec(line);
  if (m) return { kind: 'number', label: m[1] ?? '', rank: 2, length: m[0].length };
  const r2 = round(line);
  if (r2) return r2;
  m = /^\((\d{1,2})\)\s*/.exec(line);
  if (m) return { kind: 'paren', label: `(${m[1] ?? ''})`, rank: 6, length: m[0].length };
  m = /^([a-zđ])[).]\s+/.exec(line);
  if (m) return { kind: 'letter', label: m[1] ?? '', rank: 7, length: m[0].length };
  m = /^([*\-–—•+])\s*(?=\S)/.exec(line);
  if (m) {
    const sign = m[1] ?? '-';
    return { kind: 'bullet', label: sign, rank: BULLET_RANKS[sign] ?? 9, length: m[0].length };
  }
  return null;
}
