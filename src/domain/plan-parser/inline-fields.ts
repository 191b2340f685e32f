/**
 * Fields written inside an item's own line rather than on lines of their own:
 *   "Tổ chức Hội nghị … (thời gian: tháng 8/2024; đơn vị chủ trì: Văn phòng)"
 *   "Tổ chức hội nghị tổng kết. Đơn vị chủ trì: Văn phòng. Thời gian: tháng 12/2026."
 *   "Tập huấn cán bộ HTX; đơn vị thực hiện: Phòng Hỗ trợ, phối hợp: Văn phòng; thời gian: Quý III."
 * The title keeps what comes before the first field; each field's value runs up to the next field.
 */
import { readField, type Field } from './fields';

/** Where a trailing field may open after the title: a sentence, a clause or a dash-separated note. */
const OPENER = /(?:[.;]|\s[-–—])\s+/g;
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
function readChain(tail: string): Field[] {
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

/** Parenthesised fields: "(thời gian: tháng 8/2024; đơn vị chủ trì: Văn phòng)". */
function parenthesisedFields(text: string): { text: string; fields: Field[] } {
  const fields: Field[] = [];
  const rest = text.replace(/\s*\(([^()]*:[^()]*)\)/g, (whole, inner: string) => {
    const found = inner
      .split(/[;]/)
      .map((part) => valuedField(part.trim()))
      .filter((f): f is Field => f !== null);
    if (found.length === 0) return whole;
    fields.push(...found);
    return '';
  });
  return { text: rest, fields };
}

/** The item's line without the fields written in it, and those fields in the order they were written. */
export function inlineFields(text: string): { text: string; fields: Field[] } {
  const inParens = parenthesisedFields(text);
  const trailing = trailingFields(inParens.text);
  return { text: trailing.text, fields: [...inParens.fields, ...trailing.fields] };
}
