/**
 * Fields written inside an item's own line rather than on lines of their own:
 *   "Tổ chức Hội nghị … (thời gian: tháng 8/2024; đơn vị chủ trì: Văn phòng)"
 *   "Tổ chức hội nghị tổng kết. Đơn vị chủ trì: Văn phòng. Thời gian: tháng 12/2026."
 *   "Tập huấn cán bộ HTX; đơn vị thực hiện: Phòng Hỗ trợ, phối hợp: Văn phòng; thời gian: Quý III."
 * The title keeps what comes before the first field; each field's value runs up to the next field.
 */
import { readField, type Field } from './fields';
import { fold, foldWords } from '../layout/fold';
import { unitTypeAt } from '../plan/unit-words';
import { isSpecificTime } from '../time/time-words';
import { NOTE_LEAD_VERBS } from '../lexicon';

/**
 * Where a trailing field may open after the title: a sentence, a clause, a dash-separated note, or a
 * comma ("…, thời gian: Quý II"; only a labelled field with a colon counts, so a list of nouns stays whole).
 */
const OPENER = /(?:[.;,]|\s[-–—])\s+/g;
/** Between two fields a comma also separates: "đơn vị thực hiện: Phòng Hỗ trợ, phối hợp: Văn phòng". */
const BETWEEN = /(?:[.;,]|\s[-–—])\s+/g;

/** A field with a value: a bare label ("Thời gian, địa điểm") inside a sentence is only words. */
function valuedField(text: string): Field | null {
  const field = readField(text);
  return field?.colon ? field : null;
}

/** The first separator of `pattern` in `text` after which a field opens: its start and the field's start. */
function nextField(text: string, pattern: RegExp): { cut: number; from: number } | null {
  const re = new RegExp(pattern.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = m.index + m[0].length;
    if (valuedField(text.slice(from))) return { cut: m.index, from };
  }
  return null;
}

/** Drops the punctuation that closes a value ("Văn phòng.") so that it reads like a field line's. */
function trimValue(value: string): string {
  return value.replace(/[\s.;,–—-]+$/u, '').trim();
}

/** Reads the fields of a tail that opens with a field, each value ending where the next field begins. */
export function readChain(tail: string): Field[] {
  const fields: Field[] = [];
  let rest = tail;
  for (let field = valuedField(rest); field; field = valuedField(rest)) {
    const next = nextField(field.value, BETWEEN);
    fields.push({ ...field, value: trimValue(next ? field.value.slice(0, next.cut) : field.value) });
    if (!next) break;
    rest = field.value.slice(next.from);
  }
  return fields;
}

/**
 * "<title>. Đơn vị chủ trì: … Thời gian: …": the fields after the title, and the title without them.
 * A field must follow a separator (". ", "; ", " - "), so a title that merely contains a label's words
 * ("Tổ chức hội nghị phối hợp …") stays whole; the title must keep some words of its own.
 */
export function trailingFields(text: string): { text: string; fields: Field[] } {
  // A line that opens with a field is a field line ("Thời gian: …. Chủ trì: …"), not a title.
  if (valuedField(text)) return { text, fields: [] };
  const first = nextField(text, OPENER);
  if (!first || !/\p{L}/u.test(text.slice(0, first.cut))) return { text, fields: [] };
  const fields = readChain(text.slice(first.from));
  return fields.length > 0 ? { text: text.slice(0, first.cut), fields } : { text, fields: [] };
}

const field = (kind: Field['kind'], value: string): Field => ({ kind, words: 0, colon: true, value });

/**
 * "(TBND chuẩn bị)", "(Văn phòng và Ban Kiểm tra thực hiện)", and at a meeting "(Ban Tổng hợp trình
 * bày)": verbs after the unit that make it the lead.
 */
const LEAD_VERB = /\b(?:chu tri|tham muu|chiu trach nhiem(?: chinh)?|chuan bi|thuc hien|trinh bay)\b/;
const OPENER_WORDS = /^\s*(?:giao|de nghi|phan cong|do)\s+/;
/**
 * Words after the verb that only say what the unit does: "chủ trì thực hiện các nội dung sau", or what it
 * leads: "chủ trì các nội dung của mục này" in a heading over the items it leads.
 */
const TAIL =
  /^[\s,]*(?:(?:thuc hien|to chuc|trien khai|tham muu|chuan bi)\b.*|(?:cac\s+)?(?:noi dung|viec|cong viec|hoat dong|nhiem vu)(?:\s+(?:cua|tai|trong|thuoc|o))?(?:\s+(?:muc|phan|diem|nhom))?(?:\s+(?:nay|sau|sau day|duoi day|tren|neu tren))?)?$/;
const WITH = /^\s*(?:va\s+)?phoi hop voi\s+/;

/**
 * A clause that assigns the work with verbs, not labels: "Văn phòng chủ trì, các phòng phối hợp",
 * "Giao Phòng Phong trào chủ trì, phối hợp với Văn phòng và Trung tâm … thực hiện:", "(Phòng Kiểm tra
 * chủ trì)". Its parts become lead and support fields; anything else in the clause makes it no such clause.
 */
/**
 * "<lead> chủ trì, <helpers> phối hợp": helpers may be a list with commas of their own ("các ban, đơn vị"),
 * and a few words of what they help with ("…, các ban, Trung tâm, Quỹ phối hợp chuẩn bị báo cáo chuyên
 * đề"). "<lead> chủ trì, <unit> giúp việc" names an aide: it leads when the one in charge is no department
 * of ours ("Ủy ban Kiểm tra chủ trì, Quỹ giúp việc"), as a "giúp việc:" label does (fields.ts).
 */
const LEAD_THEN_HELPERS =
  /^(?:(?:giao|de nghi|phan cong)\s+)?(.+?)\s+(?:chu tri|tham muu|chiu trach nhiem(?: chinh)?|chuan bi)(?:\s+thuc hien)?\s*[,;]\s*(.+?)\s+(phoi hop|giup viec)(?:\s+thuc hien|\s+(?:chuan bi|cung cap|bao dam|trieu tap|tham dinh|lua chon|huy dong|van dong)(?:\s+[a-z0-9]+){0,6})?$/;

/** Words the units of a "<lead> chủ trì, <helpers> phối hợp" clause may take: two full names joined by "và" run to 14. */
const MAX_NAMED_WORDS = 24;

export function verbFields(clause: string): Field[] {
  const text = clause.replace(/[\s.:;,]+$/u, '');
  const pair = LEAD_THEN_HELPERS.exec(fold(text));
  if (pair?.[1] && pair[2]) {
    const leadAt = fold(text).indexOf(pair[1]);
    const helpAt = fold(text).lastIndexOf(pair[2]);
    const lead = text.slice(leadAt, leadAt + pair[1].length).trim();
    const help = text.slice(helpAt, helpAt + pair[2].length).trim();
    // "trong tháng 12/2026, Ủy ban Kiểm tra chủ trì, …": a time before the units is the item's time.
    const parts = lead.split(/,\s+/);
    const timed = parts.findIndex((p) => !isSpecificTime(p));
    const when = timed > 0 ? parts.slice(0, timed).join(', ') : '';
    const who = timed > 0 ? parts.slice(timed).join(', ') : lead;
    if (
      timed >= 0 &&
      who.split(/\s+/).length <= MAX_NAMED_WORDS &&
      help.split(/\s+/).length <= MAX_NAMED_WORDS
    )
      return [
        ...(when ? [field('time', when)] : []),
        field('lead', who),
        field(pair[3] === 'giup viec' ? 'advise' : 'support', help),
      ];
  }
  const fields: Field[] = [];
  for (const part of text.split(/[,;]\s+/)) {
    // fold keeps lengths: offsets found in the folded part cut the written one.
    const f = fold(part);
    const lead = fields.length === 0 ? LEAD_VERB.exec(f) : null;
    if (lead) {
      const from = OPENER_WORDS.exec(f)?.[0].length ?? 0;
      if (!TAIL.test(f.slice(lead.index + lead[0].length))) return [];
      fields.push(field('lead', part.slice(from, lead.index).trim()));
      continue;
    }
    const withAt = WITH.exec(f);
    const tailAt = f.search(/\s(?:thuc hien|to chuc|trien khai)\b/);
    if (withAt && fields.length > 0) {
      const end = tailAt > withAt[0].length ? tailAt : part.length;
      fields.push(field('support', part.slice(withAt[0].length, end).trim()));
      continue;
    }
    const helper = /\bphoi hop\b/.exec(f);
    if (!helper || fields.length === 0 || !TAIL.test(f.slice(helper.index + helper[0].length))) return [];
    fields.push(field('support', part.slice(0, helper.index).trim()));
  }
  const sensible = fields.every((x) => x.value.length > 0 && x.value.split(/\s+/).length <= 12);
  return sensible && fields[0]?.kind === 'lead' ? fields : [];
}

/** Words a "(<units> phối hợp)" note may take: helpers only, a list such as "các ban, văn phòng, đơn vị". */
const MAX_HELPER_WORDS = 12;

/**
 * "(Ban HT-PT phối hợp)", "(các ban, văn phòng, đơn vị phối hợp)": a note naming only helpers, as an item
 * does under a heading that gave the lead once. Only in parentheses: in running text "… phối hợp" is words.
 */
export function helpersOnly(part: string): Field[] {
  // "… phối hợp cung cấp số liệu": a few words of what the helpers give.
  // "… cung cấp số liệu", "… cung cấp thông tin", "… cử cán bộ báo cáo chuyên đề": helpers who give what
  // the lead needs.
  const m =
    /^(.+?)\s+(?:(?:cung\s+)?phoi hop(?:\s+[a-z]+){0,5}|cung cap\s+(?:so lieu|thong tin|tai lieu|tu lieu|hinh anh)(?:[\s,]+[a-z]+){0,3}|ho tro\s+(?:dung|ky thuat|giang day|to chuc|kinh phi)(?:\s+[a-z]+){0,4}|cu (?:can bo|giang vien|bao cao vien)(?:\s+[a-z]+){0,8})[\s.]*$/.exec(
      fold(part),
    );
  const who = m?.[1] ? part.slice(0, m[1].length).trim() : '';
  return who && who.split(/\s+/).length <= MAX_HELPER_WORDS ? [field('support', who)] : [];
}

/** Words a "(<unit> tổng hợp)" note's unit may take. */
const MAX_NOTE_UNIT_WORDS = 8;
const NOTE_LEAD = new RegExp(`^(.+?)\\s+(?:${NOTE_LEAD_VERBS.join('|')})[\\s.]*$`);

/** "(Văn phòng chuẩn bị tài liệu)": a lead verb with a few words of what the unit prepares. */
const NOTE_LEAD_OBJECT = /^(.+?)\s+(?:chu tri|chuan bi|thuc hien|tham muu)(?:\s+[^\s,;]+){1,3}[\s.]*$/;

/** "(VP tổng hợp)": a note naming the one who does the item with a verb of its own. */
function noteLead(part: string): Field[] {
  // "(…; gửi Ban X tổng hợp)" names where the work goes, not who does it (leads.ts reads it).
  if (/^gui\b/.test(fold(part).trim())) return [];
  const m = NOTE_LEAD.exec(fold(part)) ?? NOTE_LEAD_OBJECT.exec(fold(part));
  const who = m?.[1] ? part.slice(0, m[1].length).trim() : '';
  return who && who.split(/\s+/).length <= MAX_NOTE_UNIT_WORDS ? [field('lead', who)] : [];
}

/** Words a list of units before one lead verb may take: "các ban, Trung tâm, Quỹ, Văn phòng đại diện". */
const MAX_LIST_WORDS = 16;

/** "(các ban, Trung tâm, Quỹ, Văn phòng đại diện thực hiện; …)": a list of units, then one lead verb. */
function listLead(part: string): Field[] {
  const m = /^(.+?,.+?)\s+(?:chu tri|thuc hien|chuan bi|tham muu)[\s.]*$/.exec(fold(part));
  const who = m?.[1] ? part.slice(0, m[1].length).trim() : '';
  return who && who.split(/\s+/).length <= MAX_LIST_WORDS && !/\bphoi hop\b/.test(fold(who))
    ? [field('lead', who)]
    : [];
}

/** A part that opens with a unit's kind word ("Ban …", "Trung tâm …") or an abbreviation in capitals ("TTGDNN"). */
function opensWithUnit(part: string): boolean {
  const words = foldWords(part);
  return unitTypeAt(words, 0) !== null || /^\s*[A-ZĐ][A-ZĐ&-]{1,9}\b/u.test(part);
}

/** Parenthesised fields: "(thời gian: tháng 8/2024; đơn vị chủ trì: Văn phòng)", "(Văn phòng chủ trì)". */
function parenthesisedFields(text: string): { text: string; fields: Field[] } {
  const fields: Field[] = [];
  const rest = text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string, at: number) => {
    const parts = inner.split(/[;]/).map((part) => part.trim());
    const read = parts.map((part, k): Field[] => {
      const f = valuedField(part);
      if (f) return [f];
      if (verbFields(part).length > 0) return verbFields(part);
      const list = listLead(part);
      if (list.length > 0) return list;
      const helpers = helpersOnly(part);
      if (helpers.length > 0) return helpers;
      // "(TTGDNN; Ban ĐT-NNL triệu tập học viên)", "(Văn phòng; Ban Kiểm tra ra đề, chấm thi)": after the
      // doer, a unit with its own share of the work helps (the units stage finds its name in the words).
      if (k > 0 && opensWithUnit(part) && !isSpecificTime(part) && foldWords(part).length <= MAX_HELPER_WORDS)
        return [field('support', part)];
      return noteLead(part);
    });
    const found = read.flat();
    // "… trước ngày 25 hằng tháng (Ban Hỗ trợ phát triển thị trường).": a name alone closing the line is
    // the doer's (an "other" field, lead only if the units stage finds nothing but units in it).
    const closing = /^[\s.;,]*$/.test(text.slice(at + whole.length));
    if (
      found.length === 0 &&
      closing &&
      parts.length === 1 &&
      unitTypeAt(foldWords(inner), 0) &&
      !isSpecificTime(inner)
    ) {
      fields.push(field('other', inner.trim()));
      return '';
    }
    if (found.length === 0) return whole;
    // "(Ban Tuyên truyền - Thi đua; phối hợp: Báo …)": beside fields, a part of bare words may be the lead's
    // name, which the units stage tells (an "other" field, read as lead only when it is nothing but units).
    parts.forEach((part, k) => {
      if ((read[k] ?? []).length === 0 && part && !isSpecificTime(part)) found.push(field('other', part));
    });
    // "(Ban TT-TĐ chủ trì; hoàn thành trước ngày 05/4/2026)": beside unit fields, a clause of time words
    // with no label is the item's time.
    if (!found.some((f) => f.kind === 'time')) {
      const when = parts.find(
        (part) => !valuedField(part) && verbFields(part).length === 0 && isSpecificTime(part),
      );
      if (when) found.push(field('time', trimValue(when)));
    }
    fields.push(...found);
    return '';
  });
  return { text: rest, fields };
}

/** Clauses of a tail that only invite outside bodies ("mời Sở Công Thương … cùng tham gia"): no unit's. */
const INVITATION = /^\s*(?:moi|de nghi|kinh moi)\s/;

/**
 * "Trung tâm XTTM chủ trì; Ban TT-TĐ, Văn phòng phối hợp; mời Sở Công Thương cùng tham gia": a tail of
 * clauses, each a verb clause or helpers only, an invitation of outside bodies left out.
 */
function clauseFields(tail: string): Field[] {
  const direct = verbFields(tail);
  if (direct.length > 0) return direct;
  const clauses = tail.split(/;\s*/).filter((c) => c.trim().length > 0);
  if (clauses.length < 2) return [];
  const fields: Field[] = [];
  for (const clause of clauses) {
    if (INVITATION.test(fold(clause))) continue;
    const found = fields.length === 0 ? verbFields(clause) : helpersOnly(clause.replace(/[\s.]+$/u, ''));
    if (found.length === 0) return [];
    fields.push(...found);
  }
  return fields[0]?.kind === 'lead' ? fields : [];
}

/**
 * Where a closing clause of verb fields may open, strongest first: an em dash ("… (15/01/2026) — Ban
 * Chính sách – Phát triển HTX chủ trì, Văn phòng phối hợp"), a sentence or clause, then an en dash or a
 * hyphen ("… năm 2026 – Ban TT-TĐ chuẩn bị"). A unit's name may hold a dash of its own, so the em dash
 * is tried before the dashes inside names, and the earliest dash of a kind before later ones. "…, do đồng
 * chí Trưởng Ban Tuyên truyền - Đào tạo trình bày": a clause "do <who> <verb>" after a comma, before any dash;
 * "… trước ngày 01/12/2026: đồng chí Trưởng ban X chủ trì; …": after a colon, before a dash inside a name.
 */
const VERB_CLAUSE_OPENERS = [/\s—\s*/g, /[.;]\s+/g, /:\s+(?=[^:]*$)/g, /,\s+(?=do\s)/g, /\s[–-]\s+/g];

/** "<title> …; Phòng X chủ trì, Văn phòng phối hợp.": a closing sentence or clause of verb fields. */
function trailingVerbClause(text: string): { text: string; fields: Field[] } {
  for (const opener of VERB_CLAUSE_OPENERS) {
    const re = new RegExp(opener.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const fields = clauseFields(text.slice(m.index + m[0].length));
      if (fields.length > 0 && /\p{L}/u.test(text.slice(0, m.index)))
        return { text: text.slice(0, m.index), fields };
    }
  }
  return { text, fields: [] };
}

/** The item's line without the fields written in it, and those fields in the order they were written. */
/**
 * "29/3 - 29/4: cao điểm tuyên truyền … → Ban TT; VPĐD Ninh Thuận p.hợp.": a terse hand points from the
 * work to who does it. What follows the last arrow names the lead, then any helpers.
 */
const ARROW = /\s(?:→|=>|->|⇒)\s*([^→]+?)\s*:?\s*$/u;

function arrowFields(text: string): { text: string; fields: Field[] } {
  const m = ARROW.exec(text);
  if (!m || m.index === 0) return { text, fields: [] };
  // "p.hợp", "p/h" for "phối hợp"; a note in brackets ("(mời Sở Công Thương)") names no doer.
  const value = (m[1] ?? '')
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\bp\s*[./]\s*(?:hợp|h)\b\.?/giu, 'phối hợp');
  return {
    text: text.slice(0, m.index),
    fields: [{ kind: 'lead', words: 0, colon: true, value: trimValue(value) }],
  };
}

export function inlineFields(text: string): { text: string; fields: Field[] } {
  const arrow = arrowFields(text);
  if (arrow.fields.length > 0) {
    const rest = inlineFields(arrow.text);
    return { text: rest.text, fields: [...rest.fields, ...arrow.fields] };
  }
  const inParens = parenthesisedFields(text);
  const trailing = trailingFields(inParens.text);
  const verbs = trailingVerbClause(trailing.text);
  return { text: verbs.text, fields: [...inParens.fields, ...trailing.fields, ...verbs.fields] };
}
