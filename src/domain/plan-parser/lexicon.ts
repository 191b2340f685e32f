/**
 * The words of the genre, in one place: what the stages look for in a plan. Every entry is written
 * folded (lower case, no diacritics, đ → d, see fold.ts) and test/unit/plan-parser/lexicon.test.ts checks
 * that each one survives folding, so an entry that could never match is caught.
 *
 * Entries that other files still hold (field labels in fields.ts, kinds in kinds.ts, time words in
 * time-words.ts, unit words in unit-words.ts) are listed there by the same rule; new words go here.
 */

/**
 * Names of the documents a plan cites: "Luật Hợp tác xã năm 2023", "Nghị quyết số 20-NQ/TW …",
 * "Chỉ thị …". A year written inside such a citation is the year of that document, never the plan's.
 */
export const CITED_DOCUMENTS = [
  'luat',
  'bo luat',
  'nghi dinh',
  'nghi quyet',
  'quyet dinh',
  'chi thi',
  'thong tu',
  'ket luan',
  'hien phap',
  'phap lenh',
  'cong van',
  'chuong trinh hanh dong',
] as const;
