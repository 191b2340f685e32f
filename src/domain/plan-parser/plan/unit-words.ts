/**
 * The words that make a unit of an alliance (Phòng, Trung tâm, Quỹ, Tiểu ban …) and the words that
 * show a unit-like name is someone else's: a government office, the national alliance, the leadership.
 */
import type { WordSpan } from '../layout/fold';

export type UnitType = 'van phong' | 'phong' | 'trung tam' | 'quy' | 'tieu ban' | 'ban';

const TYPES: [UnitType, string[]][] = [
  ['van phong', ['van', 'phong']],
  ['trung tam', ['trung', 'tam']],
  ['tieu ban', ['tieu', 'ban']],
  ['phong', ['phong']],
  ['quy', ['quy']],
  ['ban', ['ban']],
];

export function unitTypeAt(words: readonly string[], i: number): { type: UnitType; words: number } | null {
  for (const [type, phrase] of TYPES) {
    // Exact words: a one-letter OCR slip must not turn "phong trào" or "trong" into a unit.
    if (phrase.every((p, k) => words[i + k] === p)) return { type, words: phrase.length };
  }
  return null;
}

/** After a unit-like name, these words make it a body of the state, the Party or the national alliance. */
const OUTSIDE_AFTER = [
  'ubnd',
  'vp ubnd',
  'uy ban nhan dan',
  'hdnd',
  'so',
  'tinh uy',
  'thanh uy',
  'huyen uy',
  'bo',
  'chinh phu',
  'trung uong',
  'lien minh htx viet nam',
  'lien minh hop tac xa viet nam',
  'lmhtx viet nam',
  'lmhtxvn',
  'huyen',
  'quan',
  'thi xa',
  'cong an',
  'ngan hang',
  'kho bac',
  'chi cuc',
  'cuc thue',
  'tinh doan',
  'thanh doan',
  'hoi nong dan',
  'mat tran',
].map((p) => p.split(' '));

/** An outside qualifier starts at word j ("… UBND tỉnh", "… Liên minh HTX Việt Nam"). */
export function isOutsideAt(words: readonly string[], j: number): boolean {
  return OUTSIDE_AFTER.some((p) => p.every((w, n) => words[j + n] === w));
}

/**
 * The name ending at word j belongs to an outside body named further on in the same phrase
 * ("Ban hợp tác Quốc tế Liên minh HTX Việt Nam", "phòng Ngoại vụ VP UBND tỉnh").
 */
export function belongsOutside(text: string, spans: readonly WordSpan[], j: number): boolean {
  const words = spans.map((s) => s.word);
  for (let k = j; k < spans.length && k < j + 8; k++) {
    const gap = text.slice((spans[k - 1] as WordSpan).end, (spans[k] as WordSpan).start);
    if (/[,;:.()]/.test(gap)) return false;
    if (isOutsideAt(words, k)) return true;
    const stop =
      ['va', 'voi', 'phoi', 'chu', 'tham'].includes(words[k] ?? '') && !capitalised(text, spans[k]);
    // "Phòng Nông nghiệp và PTNT các huyện": "và" between two parts of one name does not end it, but
    // "… và Sở Tài chính", "… và Trung tâm …" start another body.
    const joins =
      words[k] === 'va' &&
      capitalised(text, spans[k + 1]) &&
      !isOutsideAt(words, k + 1) &&
      !unitTypeAt(words, k + 1);
    if (stop && !joins) return false;
  }
  return false;
}

/** A type word inside a proper name ("Hải Phòng"): the capitalised word before it belongs to the name. */
export function insideProperName(text: string, spans: readonly WordSpan[], i: number): boolean {
  const prev = spans[i - 1];
  const cur = spans[i];
  if (!prev || !cur || !capitalised(text, prev) || /[,;:.()]/.test(text.slice(prev.end, cur.start)))
    return false;
  return !['va', 'cac', 'voi', 'giao', 'nhung'].includes(prev.word);
}

/** Words after the type word that make the phrase no unit: leadership, generic lists, other meanings. */
const NOT_A_UNIT: Partial<Record<UnitType, string[][]>> = {
  ban: [
    'thuong vu',
    'chap hanh',
    'chi dao',
    'to chuc',
    'kiem tra',
    'giam doc',
    'lanh dao',
    'dai dien',
    'tuyen giao',
    'dan van',
    'dang',
    'nganh',
    'hanh',
    'bien tap',
    'quan ly',
    'thi dua',
    'tin',
    'do',
    'dau',
    'ngay',
    'dem',
  ].map((p) => p.split(' ')),
  phong: [
    'trao',
    'chong',
    'ngua',
    'hop',
    'lam viec',
    'ban',
    'chuyen mon',
    'nghiep vu',
    'chuc nang',
    'su',
  ].map((p) => p.split(' ')),
  quy: [
    'tin dung',
    'tdnd',
    'qtdnd',
    'bao hiem',
    'dat',
    'trinh',
    'dinh',
    'che',
    'mo',
    'i',
    'ii',
    'iii',
    'iv',
  ].map((p) => p.split(' ')),
  'trung tam': ['thanh pho', 'tinh', 'huyen', 'chinh tri', 'y te', 'van hoa'].map((p) => p.split(' ')),
};

const GENERIC_AFTER = ['lien quan', 'co lien quan', 'chuyen mon', 'truc thuoc', 'thuoc', 'cac'].map((p) =>
  p.split(' '),
);

function capitalised(text: string, span: WordSpan | undefined): boolean {
  return span !== undefined && /^[\p{Lu}\d]/u.test(text.slice(span.start));
}

const exactAt = (words: readonly string[], phrase: readonly string[], at: number): boolean =>
  phrase.every((w, k) => words[at + k] === w);

export function isNotAUnit(text: string, spans: readonly WordSpan[], i: number, after: number): boolean {
  const words = spans.map((s) => s.word);
  const type = unitTypeAt(words, i)?.type;
  if (!type) return true;
  // A unit is a name: "Phòng Tài chính", "phòng Tài chính"; "phòng chuyên môn", "quy định" are not.
  if (!capitalised(text, spans[i]) && !capitalised(text, spans[after])) return true;
  if (type === 'ban' && !capitalised(text, spans[i])) return true;
  if (insideProperName(text, spans, i)) return true;
  if (/^\d/.test(words[after] ?? '')) return true;
  if ((NOT_A_UNIT[type] ?? []).some((p) => exactAt(words, p, after))) return true;
  return GENERIC_AFTER.some((p) => exactAt(words, p, after));
}

/** "đồng chí Chánh Văn phòng", "các đ/c Trưởng ban": how many characters the address before a post takes. */
export function addressLength(text: string): number {
  return /^\s*(?:các\s+)?(?:đồng chí|đ\/c)\s+/iu.exec(text)?.[0].length ?? 0;
}
