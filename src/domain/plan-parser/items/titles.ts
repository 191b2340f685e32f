/**
 * Task titles: an item's opening words, without the long explanations that follow them in parentheses
 * or in further sentences, and without a trailing "với các nội dung:".
 */
import { OVER_PEAK } from './item-facts';
import { fold, foldWords, startsWithWords } from '../layout/fold';
import { findMentions } from '../time/time-mentions';

/** Parenthesised notes longer than this are explanations, not part of a name ("(cấp thành phố)" stays). */
const LONG_NOTE = 40;

function dropNotes(text: string): string {
  return text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
    const f = fold(inner).trim();
    if (inner.length > LONG_NOTE || /^(trong tam|thuc hien theo|du kien|thoi gian|tuc la)/.test(f)) return '';
    return whole;
  });
}

/** The first sentence, when the paragraph goes on with more. */
function firstSentence(text: string): string {
  const m = /^(.{20,}?[^\s.]{2})\.\s+(?=\p{Lu})/u.exec(text);
  return m ? `${m[1] ?? ''}` : text;
}

/**
 * Words that only schedule: what is left of "định kỳ 6 tháng 01 lần (tháng 6 và tháng 11)" or "dự kiến tổ
 * chức vào trung tuần tháng 9/2026" once its dates are taken out. The task's dates say it already.
 */
const SCHEDULING_WORDS = new Set(
  (
    'du kien to chuc vao trong truoc cham nhat muon hoan thanh xong thuc hien dien ra dinh ky hang moi ' +
    'lan 01 1 mot tu den het ngay thang quy nam tuan sang chieu thu dau cuoi giua trung ha thuong va ' +
    'thoi gian cua ban nam nua sau hai ba bon ky dip dot khong de keo dai sang lui'
  ).split(' '),
);
/** A title keeps at least this many words before a time clause is cut from it. */
const MIN_TITLE_WORDS = 3;

/** A clause of time words only ("dự kiến trung tuần tháng 9/2026", "định kỳ 6 tháng 01 lần"). */
function isSchedulingClause(clause: string): boolean {
  let f = fold(clause);
  // "suốt thời gian cao điểm": the plan's peak, which the task's dates say.
  if (OVER_PEAK.test(f) && f.replace(OVER_PEAK, '').replace(/[\s.;,]+/g, '') === '') return true;
  const mentions = findMentions(f);
  // "định kỳ 6 tháng 01 lần": a rhythm without a date.
  const recurs =
    /\b(?:dinh ky|hang|moi)\s+(?:thang|quy|nam|tuan)\b|\b(?:6|sau|06)\s+thang\s+(?:01|1|mot)\s+lan\b/;
  if (mentions.length === 0 && !recurs.test(f)) return false;
  for (const m of [...mentions].sort((a, b) => b.from - a.from)) f = f.slice(0, m.from) + ' ' + f.slice(m.to);
  return foldWords(f).every((w) => SCHEDULING_WORDS.has(w) || /^\d+$/.test(w));
}

/**
 * "Kiểm tra vốn vay tại các HTX, định kỳ 6 tháng 01 lần (tháng 6 và tháng 11) (Tháng 6/2026)" → "Kiểm tra
 * vốn vay tại các HTX (Tháng 6/2026)": the time clauses a title ends with, which the task's dates say
 * already, cut from the title a user is reminded with. A closing note (an occurrence's period) stays.
 */
export function withoutTrailingTime(title: string): string {
  const note = /\s*\([^()]*\)$/u.exec(title);
  const body = note ? title.slice(0, note.index) : title;
  const cut = cutTrailingTime(body);
  return cut === body ? title : cut + (note?.[0] ?? '');
}

/** Words that lead into a time at a title's end: "Phát động phong trào … trong tháng 3/2026". */
const TIME_LEAD_IN =
  /(?:^|\s)((?:(?:du kien|duoc|to chuc|hoan thanh|thuc hien)\s+)*(?:trong|vao|truoc|cham nhat|tu|du kien)\s+(?:ngay\s+|thang\s+)?)$/;

/** "… trong tháng 3/2026" ending the title, without a comma before it. */
function cutEndTime(title: string): string {
  const f = fold(title);
  const last = findMentions(f).at(-1);
  if (!last || f.slice(last.to).replace(/[\s.;,)]+/g, '') !== '') return title;
  // "… chậm nhất là ngày 20/3/2026": the mention may hold its own lead-in.
  const own = /^(?:cham nhat|muon nhat|truoc|tu ngay|tu thang)\b/.test(f.slice(last.from));
  const lead = own ? [''] : TIME_LEAD_IN.exec(f.slice(0, last.from));
  if (!lead || (!own && !lead[1])) return title;
  const cut = title.slice(0, last.from - (lead[1] ?? '').length).replace(/[\s,;:–—-]+$/u, '');
  return foldWords(cut).length >= MIN_TITLE_WORDS ? cut : title;
}

function cutTrailingTime(title: string): string {
  let t = cutEndTime(title);
  for (;;) {
    // "…; 10 - 12/4": a clause after ";" or "," is cut whole, its own dashes and all.
    const m = /^(.*\S)\s*[,;]\s+([^,;]+)$/u.exec(t) ?? /^(.*\S)\s*(?:,|;|\s[-–—])\s+([^,;]+)$/u.exec(t);
    const whole = m?.[2] && isSchedulingClause(m[2]) ? m : /^(.*\S)\s*(?:,|;|\s[-–—])\s+([^,;]+)$/u.exec(t);
    if (
      !whole?.[1] ||
      !whole[2] ||
      foldWords(whole[1]).length < MIN_TITLE_WORDS ||
      !isSchedulingClause(whole[2])
    )
      return t;
    t = whole[1];
  }
}

export function cleanTitle(text: string): string {
  let t = dropNotes(text.replace(/\s+/g, ' ').trim());
  t = firstSentence(t);
  t = t.replace(
    /\s*(?:,\s*)?(?:v\S{1,3}i|gồm)\s+(?:c\S{1,3}c\s+)?n\S{1,3}i\s+d\S{1,3}ng(?:\s+(?:sau|như sau|chính|cụ thể))?\s*:?\s*$/iu,
    '',
  );
  t = t.replace(/[\s:;,.–—-]+$/u, '').trim();
  // "Văn phòng: theo dõi, tổng hợp …" leaves a title in lower case.
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const VERB_OPENINGS = ['to chuc', 'thuc hien', 'trien khai'].map((p) => p.split(' '));

/** "Tổ chức truyền thông về …" → "truyền thông về …": the subject, for titles like "Cao điểm …". */
export function withoutOpeningVerb(title: string): string {
  const words = foldWords(title);
  const verb = VERB_OPENINGS.find((p) => startsWithWords(words, p) && words.length > p.length + 1);
  if (!verb) return title;
  let seen = 0;
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(title); m; m = re.exec(title)) {
    seen++;
    if (seen === verb.length) return title.slice(m.index + m[0].length).trim();
  }
  return title;
}

/** A period after a step's name: "6 tháng", "năm", "giữa kỳ", "nhiệm kỳ", "quý I", "đợt 2". */
const STEP_PERIOD = /^(?:\d{1,2}|sau|cuoi|dau|giua|nhiem|quy|dot|lan|nam|thang|ky|[ivx]{1,4})$/;

/**
 * "Sơ kết 6 tháng và tổng kết năm thực hiện Kế hoạch" with the steps "sơ kết", "tổng kết" → "Sơ kết 6
 * tháng thực hiện Kế hoạch", "Tổng kết năm thực hiện Kế hoạch": an item whose title already names its
 * timed steps in turn is cut at them, each step with the words the steps share at the end. Null when the
 * title does not name every step, in order.
 */
export function titlesOfSteps(title: string, steps: readonly string[]): string[] | null {
  const words = title.split(/\s+/).filter((w) => w.length > 0);
  const folded = words.map((w) => foldWords(w).join(' '));
  const starts: number[] = [];
  for (const step of steps) {
    const want = foldWords(step);
    if (want.length === 0) return null;
    const from = (starts.at(-1) ?? -1) + 1;
    const at = folded.findIndex((_, i) => i >= from && want.every((w, k) => folded[i + k] === w));
    if (at < 0) return null;
    starts.push(at);
  }
  if (starts.length < 2) return null;
  // The last step's own words: its name, then the period words after it; the rest is shared.
  const last = starts.at(-1) ?? 0;
  let head = last + foldWords(steps.at(-1) ?? '').length;
  while (head < words.length && STEP_PERIOD.test(folded[head] ?? '')) head++;
  const shared = words.slice(head).join(' ');
  const upper = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
  return starts.map((s, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1] ?? words.length) : head;
    const own = words
      .slice(s, end)
      .join(' ')
      .replace(/[\s,;]+(?:và|với|cùng)?[\s,;]*$/u, '')
      .replace(/[\s,;]+$/, '');
    return upper(`${own}${shared ? ` ${shared}` : ''}`.trim());
  });
}

/** Words a verbose hand opens a sentence with before its subject: "Đồng thời, ", "Để bảo đảm …, ". */
export const LEAD_IN =
  /^(?:đồng thời|bên cạnh đó|ngoài ra|tiếp đó|sau đó|mặt khác|(?:để|nhằm|trên cơ sở|căn cứ|sau khi|trước khi)\s[^,;.]{3,120}|(?:trên|về|trong suốt|trong khoảng|nhân dịp)\s[^,;.:]{3,80}|(?:sau|trước|trong)\s+(?:hội nghị|đại hội|lễ|hội chợ|phiên họp)(?:\s[^,;.]{0,40})?),\s+/iu;

/** A title this long is a sentence a verbose hand wrote, not a name: see sentenceTitle. */
const VERBOSE_WORDS = 16;
/** "Về công tác tuyên truyền trực quan, …", "Trong suốt thời gian cao điểm, …": what sets the scene. */
const SCENE = /^(?:về|trong suốt|trong khoảng|nhân dịp|với mục tiêu)\s[^,;.]{3,80},\s+/iu;
/** "… sẽ được tổ chức trong các ngày …", "… dự kiến được tổ chức vào …", "… sẽ diễn ra vào …". */
const PASSIVE_SCHEDULE =
  /\s(?:(?:sẽ|dự kiến)\s+)*được\s+(?:dự kiến\s+)?(?:tổ chức|diễn ra|phát động|xác định là|thực hiện|triển khai)(?=\s|$)|\s(?:(?:sẽ|dự kiến)\s+)?diễn ra(?=\s|$)/iu;
/** "Thường trực Liên minh HTX tỉnh sẽ đi thăm …": a subject of a few words, then what it will do. */
const WILL_DO = /^([^,;]{3,80}?)\s+sẽ\s+(?!được\s)/iu;
/** ", nhằm kết nối …", ", để nghe báo cáo …", ", nhất là …", ", đặc biệt là …": why, or which ones above all. */
const ELABORATION = /(?:\s*,?\s+nhằm|\s*,\s+(?:để|nhất là|đặc biệt là|trong đó))\s.*$/iu;

const upperFirst = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
const keeps = (t: string): boolean => foldWords(t).length >= MIN_TITLE_WORDS;

/**
 * "Nhằm tháo gỡ khó khăn về vốn cho HTX, Quỹ Hỗ trợ phát triển HTX tỉnh sẽ tổ chức đợt giải ngân ưu đãi …"
 * → "Tổ chức đợt giải ngân ưu đãi …"; "Phiên chợ "…" nhằm kết nối tiêu thụ …, sẽ được tổ chức trong các
 * ngày 10-12/4/2027 …; Trung tâm … chủ trì" → "Phiên chợ "…"": the work a long sentence names, without
 * the scene it opens with, why it is done, who will do it or when it is held (the task says those).
 */
export function sentenceTitle(title: string): string {
  if (foldWords(title).length < VERBOSE_WORDS) return title;
  let t = title;
  const step = (next: string): void => {
    if (next !== t && keeps(next)) t = next.trim();
  };
  step(t.replace(LEAD_IN, ''));
  step(t.replace(SCENE, ''));
  const passive = PASSIVE_SCHEDULE.exec(t);
  if (passive && passive.index > 0) step(t.slice(0, passive.index));
  const will = WILL_DO.exec(t);
  if (will?.[1] && foldWords(will[1]).length <= 12) step(t.slice(will[0].length));
  step(t.replace(ELABORATION, ''));
  step(t.replace(/^việc\s+/iu, ''));
  return upperFirst(t.replace(/[\s,;:–—-]+$/u, ''));
}

/** Words a step's own name takes to stand without its item's or its heading's ("Phát động cuộc thi" does not). */
export const STEP_NAME_WORDS = 6;
