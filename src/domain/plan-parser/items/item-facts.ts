/**
 * What an item's body says about it: its time, its lead and coordinating units, its content, and the
 * bulleted lines that carry a time of their own.
 */
import { fold, foldWords, startsWithWords } from '../layout/fold';
import { findRecurrence, hasTimeCue, isSpecificTime } from '../time/time-words';
import { readField, type Field } from './fields';
import { inlineFields, readChain, verbFields } from './inline-fields';
import { fullText, isBullet, isNumbered, type OutlineNode } from '../layout/outline';

export interface ItemFacts {
  /** The item's own line without the fields written in it: the words its title comes from. */
  lineText: string;
  /** The time field's words ("Thời gian: …"), if any. */
  timeText: string | null;
  leadTexts: string[];
  supportTexts: string[];
  /** Subjects of sentences of their own that only help ("Văn phòng và Ban Y cùng phối hợp."), read last. */
  helperTexts: string[];
  /** "Đơn vị tham mưu và phối hợp: A, B": the first unit leads, the rest help. */
  mixedTexts: string[];
  /** "Tham mưu, phối hợp: …" beside a chair: leads unless the chair names a unit (see FieldKind). */
  adviseTexts: string[];
  /** Sentences "Văn phòng … tham mưu …" that name the lead in running text. */
  leadSentences: string[];
  /**
   * Short sentences of their own under the item, with no lead verb: "Văn phòng tổng hợp, xây dựng báo
   * cáo.", "Ban X thực hiện biên tập, phát hành." A unit that opens one does the work, when nothing else
   * names who leads.
   */
  subjectSentences: string[];
  /** What the "Nội dung" / "Hình thức" fields say, with their sub-lines: the words of the work itself. */
  content: string;
  /** The first sentence of the prose under the item that schedules something ("được tổ chức vào …"). */
  proseTime: string | null;
  /** Bullets and paragraphs, not fields, that hold time words: sub-tasks or the item's time. */
  otherLines: OutlineNode[];
  /** The item has no body at all: its lead may be given once for a run of such items. */
  bare: boolean;
  /**
   * Values of other fields and the title's own words, which a terse hand ends with the unit doing the
   * work, unlabelled: "đđ: xã Văn Quan - 45 - TTBD". A dash-separated part that is nothing but units leads
   * when nothing else names a lead.
   */
  looseTexts: string[];
  /** Values of the body's other fields ("- Ghi chú: Gửi VP tổng hợp"), read for who gathers the work. */
  noteTexts: string[];
  /** The body is nothing but unmarked unit lines ("Đơn vị chủ trì: …"), as when they close a run of items. */
  onlyUnitLines: boolean;
}

/**
 * "Việc này giao Ban X.", "Nhiệm vụ giao Ban X và Văn phòng đại diện … cùng thực hiện, có sự tham gia
 * của Sở …": the units given the work, up to the verb that says they do it.
 */
const GIVEN_TO =
  /^(?:việc|nội dung|nhiệm vụ|hoạt động|công việc|phần)(?:\s+này)?(?:\s+cũng)?(?:\s+(?:được|đã được))?\s+(?:giao cho|giao|do|thuộc về)\s+(.+?)(?:(?:\s+cùng)?\s+(?:chủ trì|thực hiện|đảm nhiệm|đảm nhận|phụ trách)\b.*|[.;\s]*)$/iu;
/**
 * "Lớp này do Trung tâm X tổ chức; …", "Việc tổ chức Tọa đàm giao Ban X.": the work named in a few words,
 * then given to a unit (its name in capitals right after "do" or "giao"; an outside body given it, "do Ủy
 * ban Kiểm tra chủ trì", leaves the lead to what the rest of the item says).
 */
const GIVEN_LATER =
  /^(?:việc|nội dung|nhiệm vụ|hoạt động|công việc|phần|lớp|khóa|chuyến|đợt|tọa đàm|hội nghị|hội thảo|cuộc thi)\b[^.;]{0,40}?\s+(?:(?:được\s+)?giao cho|(?:được\s+)?giao|do|thuộc về)\s+(?!Ủy ban|UBND|Sở\s|Hội\s|Tỉnh|Công an|Ngân hàng)(\p{Lu}.+?)(?:(?:\s+cùng)?\s+(?:chủ trì|thực hiện|đảm nhiệm|đảm nhận|phụ trách|tổ chức)\b.*|\s*;.*|[.;\s]*)$/u;
/** "Phần này Văn phòng đảm nhận, với sự giúp sức của …": the doer between "… này" and its verb. */
const THIS_ONE_BY =
  /^(?:việc|nội dung|nhiệm vụ|hoạt động|công việc|phần)\s+này\s+(.+?)\s+(?:đảm nhận|đảm nhiệm|thực hiện|phụ trách|chủ trì)\b/iu;

/**
 * "Việc này giao Ban X, có sự tham gia của Ban Y và VNPT": the unit given the work leads, those taking part
 * help. "Hai ban đồng chủ trì: Ban X, Ban Y." names co-leads. "Ban X phối hợp với Hội Liên hiệp Phụ nữ tỉnh
 * tổ chức.": a unit that works with an outside body leads the work.
 */
function givenFields(sentence: string): Field[] | null {
  const given =
    GIVEN_TO.exec(sentence) ??
    THIS_ONE_BY.exec(sentence) ??
    GIVEN_LATER.exec(sentence.charAt(0).toLowerCase() + sentence.slice(1));
  if (given?.[1]) {
    const [lead = '', part] = given[1].split(
      /,?\s*(?:có|với)\s+sự\s+(?:tham gia|giúp sức|phối hợp)\s+của\s+/iu,
    );
    const out: Field[] = [{ kind: 'lead', words: 0, colon: true, value: lead.trim() }];
    if (part)
      out.push({ kind: 'support', words: 0, colon: true, value: part.replace(/[.;\s]+$/u, '').trim() });
    return out;
  }
  const co = /^(?:hai|ba|các)\s+(?:ban|phòng|đơn vị)\s+đồng chủ trì\s*:\s*(.+)$/iu.exec(sentence);
  if (co?.[1]) return [{ kind: 'lead', words: 0, colon: true, value: co[1].replace(/[.;\s]+$/u, '') }];
  const withOutside =
    /^(.+?)\s+phối hợp với\s+((?:Hội|Sở|UBND|Tỉnh đoàn|Ngân hàng|Công an|Đài|Báo|Trường|Chi cục)\b.*?)\s+(?:tổ chức|thực hiện|triển khai)\b/u.exec(
      sentence,
    );
  if (withOutside?.[1]) return [{ kind: 'lead', words: 0, colon: true, value: withOutside[1].trim() }];
  return null;
}

/** Words past which a line is prose rather than a short assignment. */
const LONG_LINE_WORDS = 25;
const isLong = (text: string): boolean => foldWords(text).length > LONG_LINE_WORDS;
/** "Đồng chí Chánh Văn phòng tổ chức; đồng chí Trưởng VPĐD … đón và bố trí đoàn …": short clauses, each its unit's part. */
const shortClauses = (text: string): boolean => text.split(/;\s+/).every((c) => !isLong(c));

/**
 * The verb fields of a sentence of prose: the whole sentence ("Văn phòng chủ trì, Ban X phối hợp."), or in
 * prose a clause of it from a comma on ("Lễ kỷ niệm tổ chức sáng thứ Sáu, ngày 10/4/2026, do Ban X chủ
 * trì, Văn phòng phối hợp; mời lãnh đạo tỉnh …").
 */
function proseVerbs(sentence: string): Field[] {
  for (const clause of sentence.split(/;\s*/)) {
    for (const m of clause.matchAll(/(?:^|,\s+)/g)) {
      const found = verbFields(clause.slice((m.index ?? 0) + m[0].length));
      if (found.length > 0) return found;
    }
  }
  return [];
}

/** A paragraph's sentences: a full stop (or "!", "?") and a capital after it end one. */
export function proseSentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”)]?)\s+(?=\p{Lu})/u).filter((x) => x.trim().length > 0);
}

/**
 * "7. Khảo sát nhu cầu đào tạo năm 2028" / "- Hoàn thành trước ngày 30/11/2027.": a line that only says when
 * the item must be done is the item's time, no line of work.
 */
const ONLY_DUE = /^(?:hoan thanh|xong|ket thuc|thoi han|han)\s+(?:truoc|cham nhat|muon nhat|trong|vao|den)\b/;
const ONLY_DUE_WORDS = 8;
export const onlyDue = (text: string): boolean =>
  ONLY_DUE.test(fold(text.replace(/^\s*[-–•+*]\s*/u, ''))) && foldWords(text).length <= ONLY_DUE_WORDS;

/** Whether a node is a sub-item (task or group) rather than part of this item's body. */
export type IsSubItem = (node: OutlineNode) => boolean;

const LEAD_VERBS = [
  'chu tri',
  'tham muu',
  'chiu trach nhiem',
  'phu trach',
  'co trach nhiem',
  'la dau moi',
  // "Văn phòng là đơn vị chuẩn bị các điều kiện …", "Văn phòng đảm nhận việc biên tập …": the unit takes the
  // item on ("là đơn vị phối hợp" only helps: not here).
  'la don vi chu tri',
  'la don vi chuan bi',
  'la don vi thuc hien',
  'la don vi thuong truc',
  'la don vi duoc giao',
  'dam nhan',
  'dam nhiem',
].map((p) => p.split(' '));

/** "<unit> [qualifier] tham mưu …": a lead verb within the first few words after a unit's name. */
export function hasLeadVerb(text: string): boolean {
  const words = foldWords(text).slice(0, 14);
  for (let i = 1; i < words.length; i++) {
    if (LEAD_VERBS.some((p) => startsWithWords(words, p, i))) return true;
  }
  return false;
}

const CONTENT_LABELS = [
  ['noi', 'dung'],
  ['hinh', 'thuc'],
];

/** The field's value and the lines under it, one per line: a unit list may go on in sub-bullets. */
function fieldText(node: OutlineNode, field: Field): string {
  return [field.value, ...node.children.map(fullText)].filter((s) => s.length > 0).join('\n');
}

const UNIT_FIELDS: readonly string[] = ['lead', 'support', 'lead-support', 'advise'];

/** Unmarked unit lines, then at most unmarked prose (a closing paragraph that happens to follow). */
function onlyUnitLines(item: OutlineNode): boolean {
  const kinds = item.children.map((c) =>
    c.marker === null ? (readField(c.text)?.kind ?? 'prose') : 'marked',
  );
  const units = kinds.findIndex((k) => !UNIT_FIELDS.includes(k));
  const head = units < 0 ? kinds.length : units;
  return head > 0 && kinds.slice(head).every((k) => k === 'prose');
}

/**
 * "Thực hiện: TTĐT chủ trì, Phòng Hỗ trợ phối hợp; tháng 02 - 3/2026": a unit field whose last clause (or
 * sentence) is time words carries the item's time too. Returns the units' part and the time's (or null).
 */
export function splitUnitsAndTime(value: string): { units: string; time: string | null } {
  // "Giao: Văn phòng. Thực hiện ngày 09/7/2026.": a sentence after the units is a clause as well.
  const parts = value.split(/;\s*|\.\s+(?=\p{Lu})/u);
  const k = parts.findIndex((p, i) => i > 0 && isTimeClause(p));
  if (k < 0) return { units: value, time: null };
  return {
    units: parts.slice(0, k).join('; '),
    time: parts
      .slice(k)
      .join('; ')
      .replace(/[.\s]+$/, ''),
  };
}

function isTimeClause(text: string): boolean {
  return (
    isSpecificTime(text) ||
    findRecurrence(text) !== null ||
    /^\s*(?:thoi gian|hoan thanh|thuong xuyen|ca nam|trong nam)\b/.test(fold(text))
  );
}

/** A deadline stated inside an assignment's sentence: "…, gửi Liên minh HTX Việt Nam trước ngày 10/5/2026". */
const DEADLINE_WORDS = /\b(?:truoc ngay|cham nhat|muon nhat|han chot)\b/;

/**
 * The time an assignment sentence gives its work: a clause after a comma or semicolon that is a time
 * ("Phòng X chủ trì tổng hợp hồ sơ; hoàn thành trước ngày 31/3/2026", "Phòng X chủ trì, thực hiện trong
 * thời gian cao điểm"), else a deadline written inside it. None: [].
 */
function timeOfAssignment(text: string): Field[] {
  const time = (value: string): Field[] => [
    { kind: 'time', words: 0, colon: true, value: value.replace(/[\s.]+$/, '') },
  ];
  // The last such clause: "…, trình Hội đồng xét chọn; hoàn thành trước ngày 31/3/2026" is timed by its end.
  const clauses = [...text.matchAll(/[,;]\s+/g)]
    .map((m) => text.slice((m.index ?? 0) + m[0].length))
    .filter((rest) => isTimeClause(rest) || DURING_PEAK.test(fold(rest)));
  const last = clauses[clauses.length - 1];
  if (last) return time(last);
  const at = fold(text).search(DEADLINE_WORDS);
  return at >= 0 && isSpecificTime(text.slice(at)) ? time(text.slice(at)) : [];
}

/** Words that time an item by the plan's peak rather than by dates of its own ("trong thời gian cao điểm"). */
export const DURING_PEAK = /\b(?:trong|vao)\s+(?:suot\s+)?(?:thoi gian|dot|dip)\s+cao diem\b/;
/** The same, said with "suốt" alone: "…; suốt thời gian cao điểm" closing a terse line. */
export const OVER_PEAK = /\b(?:(?:trong|vao)\s+(?:suot\s+)?|suot\s+)(?:thoi gian|dot|dip)\s+cao diem\b/;

/**
 * A body line that assigns the item in verbs and states its time beside them: "Chánh Văn phòng chủ trì;
 * Trưởng Ban Kiểm tra phối hợp. Thời gian: tháng 4/2026.", "Giao Ban X chủ trì thực hiện, hoàn thành
 * trước ngày 30/6/2026.". Its fields (units and time), or null when it is no such line.
 */
function assignmentLine(text: string): Field[] | null {
  const inner = inlineFields(text);
  const labelled = inner.fields.filter((f) => f.kind !== 'other');
  const verbs = verbFields(inner.text);
  if (verbs.length > 0) return [...verbs, ...timeOfAssignment(inner.text), ...labelled];
  // "…, hoàn thành trước ngày 30/6/2026": a time clause after the units.
  for (const m of inner.text.matchAll(/[,;]\s+/g)) {
    const at = (m.index ?? 0) + m[0].length;
    if (!isTimeClause(inner.text.slice(at))) continue;
    const units = verbFields(inner.text.slice(0, m.index));
    if (units.length === 0) continue;
    const time: Field = {
      kind: 'time',
      words: 0,
      colon: true,
      value: inner.text.slice(at).replace(/[\s.]+$/, ''),
    };
    return [...units, time, ...labelled];
  }
  return null;
}

/** Fields in the item's own line come after its body's: a time on a line of its own is the fuller one. */
function addLineFields(facts: ItemFacts, fields: readonly Field[]): void {
  for (const field of fields) {
    const split = field.kind === 'time' || field.kind === 'other' ? null : splitUnitsAndTime(field.value);
    if (split?.time) facts.timeText ??= split.time;
    const f = split ? { ...field, value: split.units } : field;
    if (f.kind === 'time') facts.timeText ??= f.value || null;
    else if (f.kind === 'lead') facts.leadTexts.push(f.value);
    else if (f.kind === 'support') facts.supportTexts.push(f.value);
    else if (f.kind === 'lead-support') facts.mixedTexts.push(f.value);
    else if (f.kind === 'advise') facts.adviseTexts.push(f.value);
    else if (f.kind === 'other') facts.looseTexts.push(f.value);
  }
}

/**
 * A reporting schedule's period cell alone ("Kỳ báo cáo: Quý"): the rhythm its due cell ("Hạn nộp: Ngày
 * 15 tháng cuối quý") repeats on, written as plans write it in prose.
 */
const PERIOD_RHYTHMS: [RegExp, string][] = [
  [/^(?:bao cao )?thang$/, 'hằng tháng'],
  [/^(?:bao cao )?quy$/, 'hằng quý'],
  [/^(?:bao cao )?(?:6|sau) thang$/, 'định kỳ 6 tháng'],
  [/^(?:bao cao )?nam$/, 'hằng năm'],
];

function periodRhythm(text: string): string | null {
  const l = foldWords(text).join(' ');
  return PERIOD_RHYTHMS.find(([re]) => re.test(l))?.[1] ?? null;
}

/** Labels of a due date: "Hạn chót:", "Hạn hoàn thành:", "Thời hạn:". */
const DUE_LABEL = /^(?:han chot|han cuoi|han hoan thanh|thoi han)\b/;
/** A date alone: "30/6/2026", "ngày 15/3". */
const BARE_DATE = /^\s*(?:ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?[\s.]*$/iu;

export function readItemFacts(item: OutlineNode, isSubItem: IsSubItem): ItemFacts {
  const line = inlineFields(item.text);
  const facts: ItemFacts = {
    lineText: line.text,
    timeText: null,
    leadTexts: [],
    supportTexts: [],
    helperTexts: [],
    mixedTexts: [],
    adviseTexts: [],
    leadSentences: [],
    subjectSentences: [],
    proseTime: null,
    content: '',
    otherLines: [],
    bare: item.children.length === 0,
    onlyUnitLines: onlyUnitLines(item),
    // "Hoàn thiện kịch bản, giấy mời đại biểu (Văn phòng), trước ngày 22/3/2027": a note of units alone.
    looseTexts: [line.text, ...[...line.text.matchAll(/\(([^()]{2,90})\)/g)].map((m) => m[1] ?? '')],
    noteTexts: [],
  };
  const proseFields: Field[] = [];
  const visit = (node: OutlineNode): void => {
    for (const child of node.children) {
      if (isSubItem(child)) continue;
      if (onlyDue(child.text)) {
        facts.timeText ??= child.text.replace(/^\s*[-–•+*]\s*/u, '');
        facts.otherLines.push(child);
        continue;
      }
      // "Nội dung này được giao cho Ban X chủ trì": no "Nội dung:" label, the work given to a unit.
      const [firstSentence = ''] = proseSentences(child.text);
      const given =
        child.marker === null && !/^[^:]{0,20}:/.test(child.text) ? givenFields(firstSentence) : null;
      if (given) {
        addLineFields(facts, given);
        facts.otherLines.push(child);
        continue;
      }
      const field = readField(child.text);
      // "Đơn vị chủ trì: Văn phòng. Thời gian: Quý I/2026.": one line, several fields, each its own value.
      const chain = field?.colon && child.children.length === 0 ? readChain(child.text) : [];
      if (chain.length > 1) {
        addLineFields(facts, chain);
        continue;
      }
      if (field) {
        // "- Kỳ báo cáo: Quý" then "- Hạn nộp: Ngày 15 tháng cuối quý": the due date on that rhythm.
        const rhythm = field.kind === 'time' && facts.timeText ? periodRhythm(facts.timeText) : null;
        if (rhythm && field.value) {
          facts.timeText = `${rhythm}, ${field.value}`;
          continue;
        }
        if (field.kind === 'time' && facts.timeText === null) {
          const text =
            field.value || (child.children.some((c) => readField(c.text)) ? '' : fieldText(child, field));
          // "Thời gian: 6 tháng đầu năm 2026. Ban HTPT chủ trì, Quỹ HTPT phối hợp.": the sentence after
          // the time assigns the work.
          const inner = inlineFields(text);
          const units = inner.fields.filter((f) => UNIT_FIELDS.includes(f.kind));
          if (units.length > 0) addLineFields(facts, units);
          const when = units.length > 0 ? inner.text : text;
          // "Hạn chót: 30/6/2026", "Thời hạn: 15/3/2026": a due label makes a bare date a deadline.
          const due = DUE_LABEL.test(foldWords(child.text).join(' ')) && BARE_DATE.test(when);
          if (when) facts.timeText = due ? `hạn chót ${when}` : when;
        } else if (UNIT_FIELDS.includes(field.kind)) {
          const split = splitUnitsAndTime(fieldText(child, field));
          if (split.time) facts.timeText ??= split.time;
          if (field.kind === 'lead') facts.leadTexts.push(split.units);
          else if (field.kind === 'support') facts.supportTexts.push(split.units);
          else if (field.kind === 'advise') facts.adviseTexts.push(split.units);
          else facts.mixedTexts.push(split.units);
        } else if (CONTENT_LABELS.some((l) => startsWithWords(foldWords(child.text), l))) {
          facts.content = `${facts.content} ${fieldText(child, field)}`.trim();
        } else if (field.kind === 'other' && field.value) facts.noteTexts.push(field.value);
        // Lead and support fields own their sub-lines ("+ Tham mưu tổ chức: …"); other fields do not.
        if (field.kind === 'time' || field.kind === 'other') visit(child);
        continue;
      }
      // "Giao Phòng X chủ trì, phối hợp với Y và Z thực hiện:" over the work it introduces. A paragraph of
      // prose under the item ("Lễ phát động được tổ chức vào sáng thứ Bảy, ngày 28/3/2026 tại … Văn phòng
      // chủ trì, phối hợp Ban … chuẩn bị kịch bản.") is read sentence by sentence.
      const sentences = isNumbered(child) || isBullet(child) ? [child.text] : proseSentences(child.text);
      for (const sentence of sentences) {
        // "Việc này giao Ban Tổ chức – Tuyên truyền.": the item's lead, in a sentence of its own.
        const given = isNumbered(child) ? null : givenFields(sentence);
        if (given) {
          addLineFields(facts, given);
          continue;
        }
        const whole = isNumbered(child) ? [] : verbFields(sentence);
        // A clause inside prose names who does the item only when nothing plainer does (read last).
        if (whole.length === 0 && !isNumbered(child) && (sentences.length > 1 || isLong(sentence)))
          proseFields.push(...proseVerbs(sentence));
        const verbs = whole;
        const assigned = verbs.length > 0 || isNumbered(child) ? null : assignmentLine(sentence);
        if (verbs.length > 0) addLineFields(facts, [...verbs, ...timeOfAssignment(sentence)]);
        else if (assigned) addLineFields(facts, assigned);
        else if (!isNumbered(child) && hasLeadVerb(sentence)) {
          facts.leadSentences.push(sentence);
          addLineFields(facts, timeOfAssignment(sentence));
        } else if (child.marker === null && shortClauses(sentence)) facts.subjectSentences.push(sentence);
      }
      // "Lễ phát động được tổ chức vào sáng thứ Bảy, ngày 28/3/2026 …": the prose's first scheduled time.
      if (child.marker === null && sentences.length > 0) {
        const timed = sentences.find((x) => hasTimeCue(x)) ?? sentences.find((x) => isSpecificTime(x));
        if (timed && facts.proseTime === null) facts.proseTime = timed;
      }
      facts.otherLines.push(child);
      visit(child);
    }
  };
  visit(item);
  // "1. Xây dựng dự thảo Báo cáo …, hoàn thành trước ngày 20/12/2026. Ban Kế hoạch - Tài chính được giao
  // chủ trì việc này.": the item's own paragraph names its lead in a later sentence, when nothing else does.
  const named = (): boolean =>
    facts.leadTexts.length + facts.mixedTexts.length + facts.leadSentences.length > 0 ||
    line.fields.some((f) => f.kind === 'lead' || f.kind === 'lead-support');
  if (!named()) {
    for (const sentence of proseSentences(line.text).slice(1)) {
      const given = givenFields(sentence);
      if (given) {
        addLineFields(facts, given);
        break;
      }
      const verbs = verbFields(sentence);
      if (verbs.length > 0 && verbs.some((f) => f.kind === 'lead' || f.kind === 'lead-support')) {
        addLineFields(facts, verbs);
        break;
      }
      if (hasLeadVerb(sentence)) {
        facts.leadSentences.push(sentence);
        break;
      }
      if (shortClauses(sentence)) facts.subjectSentences.push(sentence);
    }
  }
  addLineFields(facts, line.fields);
  if (facts.leadTexts.length === 0 && facts.mixedTexts.length === 0 && facts.leadSentences.length === 0)
    addLineFields(facts, proseFields.slice(0, 2));
  // "Ban X được giao chủ trì nội dung này. Văn phòng và Ban Y cùng phối hợp.", "… Trung tâm Z cùng tham
  // gia tổ chức.", "Các ban có trách nhiệm cung cấp thông tin …": a sentence of its own whose subject
  // helps, beside the one that gives the lead.
  const plain = item.children.filter((c) => c.marker === null && !isSubItem(c)).map((c) => c.text);
  for (const sentence of [...proseSentences(line.text).slice(1), ...plain.flatMap(proseSentences)]) {
    const who = helperSubject(sentence);
    if (who && !facts.helperTexts.includes(who)) facts.helperTexts.push(who);
  }
  return facts;
}

/**
 * The subject of a sentence that opens with who helps and a verb of helping, or null: "Văn phòng và Ban
 * Y cùng phối hợp." → "Văn phòng và Ban Y". Not a sentence that gives the lead first ("X chủ trì, Y phối
 * hợp", read as verb fields).
 */
const HELPER_VERB =
  /\s(?:cung\s+)?(?:phoi hop|tham gia|ho tro|co trach nhiem\s+(?:cung cap|phoi hop|ho tro)|cung cap)\b/g;
function helperSubject(sentence: string): string | null {
  const folded = fold(sentence);
  for (const m of folded.matchAll(HELPER_VERB)) {
    // The verb in lower case: "Quỹ Hỗ trợ phát triển HTX", "Phòng Hỗ trợ – …" name a unit.
    if (!/^\p{Ll}/u.test(sentence.slice(m.index + 1))) continue;
    const who = folded.slice(0, m.index).trim();
    if (who.length < 3 || who.length > 120) return null;
    if (hasLeadVerb(who) || /[,;:]\s*\S+\s+(?:chu tri|thuc hien)\b/.test(who)) return null;
    // The subject is names, not a clause with a verb of its own ("Đề nghị các HTX …", "Lãnh đạo … tham gia").
    if (/^(?:de nghi|moi|kinh moi|giao|lanh dao|dai dien|cac htx|htx)\b/.test(who)) return null;
    return sentence.slice(0, m.index).trim();
  }
  return null;
}
