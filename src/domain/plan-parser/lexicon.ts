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

/**
 * The level words of a reference to the plan's own outline ("điểm 1.1, 1.3 mục 1 Phần II"), outermost
 * last: a part is a roman section, a section its numbered heading, a point the item under it.
 */
export const REFERENCE_LEVELS: readonly (readonly [string, 'part' | 'section' | 'point'])[] = [
  ['phan', 'part'],
  ['tieu muc', 'section'],
  ['muc', 'section'],
  ['diem', 'point'],
  ['khoan', 'point'],
];

/** Verbs of a responsibility line that make its unit the lead of what it references. */
export const LEAD_VERBS_BY_REFERENCE = ['chu tri', 'thuc hien', 'tham muu', 'chiu trach nhiem', 'phu trach'];

/** Verbs that make the unit a supporting one ("đơn vị phối hợp"). */
export const SUPPORT_VERBS = ['phoi hop', 'tham gia', 'ho tro thuc hien'];
