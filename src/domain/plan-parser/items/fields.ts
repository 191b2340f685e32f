/**
 * Field labels: the "Thời gian:", "Đơn vị chủ trì:", "Nội dung:" … that describe an item rather than
 * name a new piece of work. Matching is on folded words and tolerates OCR damage.
 */
import { startsWithWords, wordSpans } from '../layout/fold';

/**
 * 'advise': "Tham mưu, phối hợp" beside a "Chủ trì" column of a committee's programme. Its units lead
 * where the chair is a leader ("Chủ tịch"), and help where the chair names a unit ("Trưởng ban X").
 */
export type FieldKind = 'time' | 'lead' | 'support' | 'lead-support' | 'advise' | 'other';

export interface FieldLabel {
  kind: FieldKind;
  /** Words the label takes. */
  words: number;
  /** A colon follows the label (possibly after a few qualifying words), so a value may follow. */
  colon: boolean;
}

const LABELS: [FieldKind, string][] = [
  ['lead-support', 'don vi tham muu va phoi hop'],
  ['lead-support', 'don vi chu tri va phoi hop'],
  ['advise', 'tham muu phoi hop'],
  ['advise', 'tham muu va phoi hop'],
  ['lead', 'don vi chu tri'],
  ['lead', 'don vi chuan bi'],
  ['lead', 'co quan chuan bi'],
  ['lead', 'bo phan chuan bi'],
  ['lead', 'bo phan tham muu'],
  ['lead', 'bo phan thuc hien'],
  ['lead', 'don vi trien khai'],
  ['lead', 'phan cong'],
  ['lead', 'don vi tham muu'],
  ['lead', 'don vi thuc hien'],
  // "Đầu mối: Văn phòng", "Cơ quan thực hiện: …", "Trách nhiệm: Ban Kiểm tra; Văn phòng phối hợp".
  ['lead', 'don vi dau moi'],
  ['lead', 'co quan dau moi'],
  ['lead', 'dau moi'],
  ['lead', 'co quan thuc hien'],
  ['lead', 'trach nhiem'],
  ['lead', 'thuc hien'],
  ['lead', 'don vi chiu trach nhiem'],
  ['lead', 'don vi phu trach'],
  ['lead', 'co quan chu tri'],
  ['lead', 'bo phan chu tri'],
  ['lead', 'chu tri tham muu'],
  ['lead', 'chu tri thuc hien'],
  ['lead', 'chu tri'],
  ['lead', 'tham muu'],
  ['lead', 'phu trach'],
  ['lead', 'chiu trach nhiem'],
  // "| Chuẩn bị | Phối hợp |": who prepares an item of a committee's programme leads it.
  ['lead', 'chuan bi'],
  // "Giao: Văn phòng. Thời hạn: trước ngày 03/7/2026." under a preparation step.
  ['lead', 'giao'],
  // "Cơ quan thường trực đoàn: X; thành viên đoàn gồm …": the standing body of a team leads its work.
  ['lead', 'co quan thuong truc'],
  // "Trưởng đoàn: đ/c Vàng A Pao – Trưởng Ban Kiểm tra": the team's head, by the post that names a unit.
  ['lead', 'truong doan'],
  ['lead', 'don vi thuong truc'],
  // "Người thực hiện: đồng chí Chánh Văn phòng; …": the doer named by post.
  ['lead', 'nguoi thuc hien'],
  ['lead', 'nguoi phu trach'],
  ['lead', 'can bo phu trach'],
  ['lead', 'nguoi chu tri'],
  // A joint programme of two bodies: "Bên chủ trì: Liên minh HTX tỉnh [Ban …]", "Bên phối hợp: Hội Nông dân …".
  ['lead', 'ben chu tri'],
  ['lead', 'ben thuc hien'],
  ['support', 'ben phoi hop'],
  ['support', 'thanh vien doan'],
  ['support', 'don vi phoi hop'],
  ['support', 'co quan phoi hop'],
  ['support', 'bo phan phoi hop'],
  ['support', 'phoi hop thuc hien'],
  ['support', 'phoi hop'],
  // A hand-over record's "Tiếp nhận: Ban X; Văn phòng phối hợp": the unit that takes the work on.
  ['lead', 'tiep nhan'],
  // "giúp việc: đồng chí Chánh Văn phòng" beside the one in charge: as "tham mưu" is (leads.ts).
  ['advise', 'giup viec'],
  ['time', 'thoi gian'],
  ['time', 'thoi diem'],
  ['time', 'moc thoi gian'],
  ['time', 'han chot'],
  ['time', 'thoi han'],
  ['time', 'han hoan thanh'],
  ['time', 'tien do'],
  // A reporting schedule: "Kỳ báo cáo: Quý", "Hạn nộp: Ngày 15 tháng cuối quý".
  ['time', 'ky bao cao'],
  ['time', 'han nop'],
  ['time', 'han gui'],
  // Terse plans shorten labels ("tg: T5 - đđ: xã Văn Quan - TTBD; p/h: Quỹ"); read only right before a
  // colon (ABBREVIATED), as the letters alone are other words too.
  ['lead', 'dv thuc hien'],
  ['lead', 'dv chu tri'],
  // "(CT: Ban Kế hoạch - Đầu tư; PH: Văn phòng đại diện …)": a legend that says CT is the lead unit.
  ['lead', 'ct'],
  ['support', 'dv phoi hop'],
  ['support', 'p h'],
  ['support', 'ph'],
  ['time', 'tg'],
  ['other', 'dd'],
  ...[
    'noi dung',
    'hinh thuc',
    'thanh phan',
    'dia diem',
    'doi tuong',
    'quy mo',
    'so luong',
    'kinh phi',
    'muc dich',
    'yeu cau',
    'chu de',
    'thong diep',
    'dai bieu',
    'khach moi',
    'bien phap',
    'doi tac',
    'san pham',
    'phuong thuc',
    'cach thuc',
    'ghi chu',
    'luu y',
  ].map((p): [FieldKind, string] => ['other', p]),
];

/** Labels that only make a field when a colon follows: as bare words they open ordinary sentences. */
const NEEDS_COLON = new Set([
  'tham muu phoi hop',
  'tham muu va phoi hop',
  'chu tri',
  'tham muu',
  'phu trach',
  'chiu trach nhiem',
  'phoi hop',
  'tiep nhan',
  'giup viec',
  'phoi hop thuc hien',
  'tien do',
  'phan cong',
  // "Thực hiện: Tiểu ban Văn kiện." names who; "Thực hiện Nghị quyết …" opens a sentence.
  'thuc hien',
  'chuan bi',
  'giao',
  'dau moi',
  'trach nhiem',
]);

/** The shortened labels: their colon must follow at once. */
const ABBREVIATED = new Set(['dv thuc hien', 'dv chu tri', 'ct', 'dv phoi hop', 'p h', 'ph', 'tg', 'dd']);

const PARSED = LABELS.map(([kind, phrase]) => ({
  kind,
  words: phrase.split(' '),
  needsColon: NEEDS_COLON.has(phrase) || ABBREVIATED.has(phrase),
  abbreviated: ABBREVIATED.has(phrase),
}));

/** "Đơn vị được giao chủ trì là …", "Bộ phận được phân công thực hiện: …": words inside a label that qualify it. */
const LABEL_QUALIFIERS = [
  ['duoc', 'giao'],
  ['duoc', 'phan', 'cong'],
];
const LABEL_NOUNS = ['don vi', 'co quan', 'bo phan'].map((n) => n.split(' '));

/** The label that opens these folded words (the words of the whole line), if any. */
export function fieldLabelAt(
  words: readonly string[],
): (FieldLabel & { needsColon: boolean; abbreviated?: boolean }) | null {
  const noun = LABEL_NOUNS.find((n) => startsWithWords(words, n));
  const qualifier = noun && LABEL_QUALIFIERS.find((q) => startsWithWords(words.slice(noun.length), q));
  if (noun && qualifier) {
    const bare = [...words.slice(0, noun.length), ...words.slice(noun.length + qualifier.length)];
    const label = fieldLabelAt(bare);
    // Only a label that goes on past its noun: "Đơn vị được giao" alone is no label.
    if (label && label.words > noun.length) return { ...label, words: label.words + qualifier.length };
  }
  for (const label of PARSED) {
    // A label of one short word is read as written: OCR tolerance would make "Giai đoạn I:" a "Giao:".
    const exact = label.words.length === 1 && words[0] !== label.words[0];
    if (!exact && startsWithWords(words, label.words)) {
      return {
        kind: label.kind,
        words: label.words.length,
        colon: false,
        needsColon: label.needsColon,
        abbreviated: label.abbreviated,
      };
    }
  }
  return null;
}

export interface Field extends FieldLabel {
  /** Text after the colon ('' when the label stands alone, as in a heading "1.3. Thời gian, địa điểm"). */
  value: string;
}

/** How far after its label a field's colon may come: a few qualifying words, more for a time. */
const QUALIFIER = { chars: 40, words: 4 };
const TIME_QUALIFIER = { chars: 100, words: 16 };

/** Reads a paragraph (marker already removed) as a field, or null when it is not one. */
export function readField(text: string): Field | null {
  const spans = wordSpans(text);
  const label = fieldLabelAt(spans.map((s) => s.word));
  if (!label) return null;
  const last = spans[label.words - 1];
  if (!last) return null;
  // The colon may come after a few qualifying words: "Đơn vị chủ trì chuẩn bị:", "Thời gian thực hiện:".
  // A time label may name what it times at length: "Thời gian cao điểm Tháng hành động vì Hợp tác xã năm
  // 2026: từ ngày 29/3 …" is still the time.
  const reach = label.abbreviated
    ? { chars: 3, words: 0 }
    : label.kind === 'time'
      ? TIME_QUALIFIER
      : QUALIFIER;
  const window = text.slice(last.end, last.end + reach.chars);
  const colonAt = window.search(/[:：]/);
  const before = colonAt >= 0 ? window.slice(0, colonAt) : '';
  // "Đơn vị chủ trì là Ban Tổ chức – Tuyên truyền.": "là" after a unit label stands for its colon.
  const is = label.kind !== 'time' && label.kind !== 'other' ? /^\s+là\s+/u.exec(window) : null;
  if (is && !label.needsColon) {
    return {
      kind: label.kind,
      words: label.words,
      colon: true,
      value: text.slice(last.end + is[0].length).trim(),
    };
  }
  const colon =
    colonAt >= 0 && before.split(/\s+/).filter(Boolean).length <= reach.words && !/[.;]/.test(before);
  if (!colon && label.needsColon) return null;
  // Without a colon the value is '': a bare "Thời gian thực hiện." heading labels the paragraphs under it.
  const value = colon ? text.slice(last.end + colonAt + 1).trim() : '';
  return { kind: label.kind, words: label.words, colon, value };
}
