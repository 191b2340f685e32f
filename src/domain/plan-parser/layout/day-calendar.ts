/**
 * A work calendar laid out day by day ("Lịch công tác tháng 6/2026", a weekly "Lịch công tác tuần"):
 *
 *   TUẦN 24 (từ ngày 08/6 đến ngày 12/6/2026)
 *   THỨ BA (09/6)
 *     Sáng  08g00  Làm việc với Liên minh HTX thành phố Cần Thơ …
 *                  Chuẩn bị: Ban Hỗ trợ HTX.  Phối hợp: Văn phòng.
 *   THỨ BA (16/6) - THỨ TƯ (17/6)
 *     Cả ngày      Tập huấn …
 *
 * Each entry under a day's heading is a piece of work on that day (or block of days); the lines of
 * fields under it ("Chuẩn bị:", "Phối hợp:", "Thực hiện:") say who. The calendar is rewritten as numbered
 * items timed by their day, "k. Làm việc với …: ngày 09/6.", with the field lines as bullets under them,
 * so that the rest of the parser reads it as any list of items. The bullets of work after the calendar
 * ("CÔNG VIỆC THỰC HIỆN TRONG THÁNG") become items too. Lines keep their places (removed ones are blank).
 */
import { fold } from './fold';
import { readField } from '../items/fields';

const DATE = String.raw`\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?`;
const WEEKDAY = String.raw`(?:th[uứ]\s+(?:hai|ba|t[uư]|n[aă]m|s[aá]u|b[aả]y|[2-7])|ch[uủ]\s+nh[aậ]t)`;
/** "THỨ HAI (01/6)", "Thứ Ba, ngày 09/6/2026", "CẢ TUẦN (08/6 - 12/6)", "THỨ BA (16/6) - THỨ TƯ (17/6)". */
const DAY_HEAD = new RegExp(
  String.raw`^\s*(?:${WEEKDAY}|c[aả]\s+tu[aầ]n)\s*(?:\(\s*(${DATE})(?:\s*[-–]\s*(${DATE}))?\s*\)|,?\s*(?:ng[aà]y\s+)?(${DATE}))(?:\s*[-–]\s*${WEEKDAY}\s*\(\s*(${DATE})\s*\))?\s*:?\s*$`,
  'iu',
);
/** "TUẦN 24 (từ ngày 08/6 đến ngày 12/6/2026)" and the rules drawn around it. */
const WEEK_HEAD = /^\s*tu[aầ]n\s+\d{1,2}\b/iu;
const RULE = /^\s*[=_\-–—*]{5,}\s*$/;
/** "Sáng  08g00", "Chiều 14g00", "17g00", "Cả ngày", "8h30": the hour an entry opens with. */
const HOUR =
  /^\s*(?:(?:s[aá]ng|chi[eề]u|t[oố]i|tr[uư]a)\s+)?(?:\d{1,2}\s*(?:g|h|giờ)\s*\d{0,2}(?:\s*ph[uú]t)?|c[aả]\s+ng[aà]y)?\s*/iu;
/** A calendar has this many day headings at least. */
const MIN_DAY_HEADS = 3;

function dayWords(m: RegExpExecArray): string {
  const from = (m[1] ?? m[3] ?? '').replace(/\s+/g, '');
  const to = (m[2] ?? m[4] ?? '').replace(/\s+/g, '');
  return to ? `từ ngày ${from} đến ngày ${to}` : `ngày ${from}`;
}

/** Lines of fields only ("Chuẩn bị: Văn phòng.  Địa điểm: …"), which belong to the entry above. */
function isFieldLine(line: string): boolean {
  return readField(line.trim())?.colon === true;
}

export function dayCalendarAsItems(text: string): string {
  const lines = text.split('\n');
  if (lines.filter((l) => DAY_HEAD.test(l)).length < MIN_DAY_HEADS) return text;
  const first = lines.findIndex((l) => DAY_HEAD.test(l));
  const out = [...lines];
  let day: string | null = null;
  let k = 0;
  let inEntry = false;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const words = fold(line).trim();
    // The list of recipients or a closing note ends the calendar.
    if (/^(?:noi nhan|ghi chu)\b/.test(words)) break;
    if (line.trim() === '' || RULE.test(line) || WEEK_HEAD.test(line)) {
      out[i] = '';
      inEntry = false;
      continue;
    }
    const head = DAY_HEAD.exec(line);
    if (head) {
      day = dayWords(head);
      out[i] = '';
      inEntry = false;
      continue;
    }
    if (isFieldLine(line)) {
      // "Chuẩn bị: Văn phòng.  Địa điểm: …": the entry's fields, one bullet each run of two spaces.
      out[i] = inEntry ? `   - ${line.trim().replace(/\s{2,}/g, ' ')}` : line;
      continue;
    }
    const bullet = /^[-–•+]\s+(.*)$/u.exec(line);
    // "CÔNG VIỆC THỰC HIỆN TRONG THÁNG (không ấn định ngày)": after the days, work with times of its own.
    if (/^\S/.test(line) && !bullet) {
      day = null;
      inEntry = false;
      continue;
    }
    let entry = bullet ? (bullet[1] ?? '') : line.replace(HOUR, '');
    if (entry.trim() === '') continue;
    k += 1;
    // "17g00  Hạn chót Quỹ … trình …": the work is due that day; "Hạn chót" is its time, not its title.
    const due = /^\s*h[aạ]n ch[oó]t\s+/iu.exec(entry);
    if (due) entry = entry.slice(due[0].length);
    const when = day && !bullet ? `: ${due ? 'hạn chót ' : ''}${day}` : '';
    out[i] = `${k}. ${entry.trim().replace(/[.;]\s*$/, '')}${when}.`;
    inEntry = true;
  }
  return out.join('\n');
}
