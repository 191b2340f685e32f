/**
 * What a section of a plan holds, from its heading: work items, responsibilities per unit ("Tổ chức
 * thực hiện"), the plan's period ("Thời gian thực hiện"), or nothing to import (purpose, budget …).
 */
import { foldWords, startsWithWords } from '../layout/fold';
import { descendants, fullText, isBullet, isNumbered, type OutlineNode } from '../layout/outline';
import { isSpecificTime } from '../time/time-words';
import { readField } from './fields';
import { datedStep } from './work-lines';
import { DUTIES_HEADINGS } from '../lexicon';

export type SectionKind = 'tasks' | 'duties' | 'time' | 'skip';

export interface SectionInfo {
  kind: SectionKind;
  /** A committee's work programme ("… của Ban Thường vụ"): its items are agenda items by default. */
  committee: boolean;
}

const phrases = (list: string[]): string[][] => list.map((p) => p.split(' '));

const DUTIES = phrases(DUTIES_HEADINGS);
const TIME = phrases(['thoi gian thuc hien', 'thoi gian to chuc', 'tien do thuc hien']);
const SKIP = phrases([
  'muc dich',
  'muc tieu',
  // "CHỈ TIÊU": the targets the work is to reach ("Thành lập mới 20 HTX"), not work of its own.
  'chi tieu',
  'cac chi tieu',
  'yeu cau',
  // "THỜI GIAN CHỐT SỐ LIỆU": the days a report's figures run to, not the days it is due.
  'thoi gian chot',
  'chot so lieu',
  'chu de',
  'thong diep',
  'kinh phi',
  // "V. HÌNH THỨC KHEN THƯỞNG", "TIÊU CHUẨN …", "ĐỐI TƯỢNG …": what an emulation plan awards and to whom.
  'hinh thuc',
  'tieu chuan',
  'doi tuong',
  'thanh phan',
  'quan diem',
  'y nghia',
  'can cu',
  'dac diem',
  'ket qua dat duoc',
  // "I. KẾT QUẢ CÔNG TÁC QUÝ I/2026" in a report followed by the next quarter's work: what was done.
  'ket qua cong tac',
  'ket qua thuc hien',
  // "III. KIẾN NGHỊ, ĐỀ XUẤT": requests to the province, not work of the alliance.
  'kien nghi',
  'danh gia tinh hinh',
  // "1. Đánh giá chung" in a meeting's conclusions: how the quarter went.
  'danh gia chung',
  'tinh hinh',
]);
const NOT_WORK = phrases([
  'cong viec da hoan thanh',
  'nhiem vu da hoan thanh',
  'cong viec tam dung',
  'nhiem vu tam dung',
  'tai san ban giao',
  'ho so tai san',
  // "PHẦN A. BẢNG TỔNG HỢP Ý KIẾN" before the draft it answers: the comments, not the plan's work (an item
  // "Tổng hợp ý kiến thành viên" is work).
  'bang tong hop y kien',
]);
const COMMITTEE = phrases(['ban thuong vu', 'ban chap hanh', 'thuong truc', 'ban thuong truc']);

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((p, k) => words[i + k] === p)) return true;
  }
  return false;
}

/** Words that may follow "phân công" in a heading of assignments: "Phân công chung", "… cụ thể". */
const ASSIGNING_WORDS = new Set([
  'chung',
  'cu',
  'the',
  'nhiem',
  'vu',
  'trach',
  'thuc',
  'hien',
  'cac',
  'don',
  'vi',
]);

/** The heading's words without its notes in parentheses ("(trích mục IV của Kế hoạch)"). */
const unnoted = (heading: string): string[] => foldWords(heading.replace(/\([^()]*\)/g, ' '));

/** Classifies a section heading (marker removed). */
export function classifySection(heading: string): SectionInfo {
  const words = foldWords(heading);
  const committee = COMMITTEE.some((p) => containsPhrase(words, p));
  if (isDutiesHeading(heading)) return { kind: 'duties', committee };
  // "II. THỜI GIAN" alone heads the plan's own period as well.
  if (TIME.some((p) => startsWithWords(words, p)) || words.join(' ') === 'thoi gian')
    return { kind: 'time', committee };
  // "MỤC ĐÍCH, YÊU CẦU", "I1. CHU PE VA THONG PIEP": fuzzy, since OCR damages headings most. "HÌNH THỨC,
  // THỜI GIAN THỰC HIỆN" is the work, each form at its time (not an emulation plan's forms of award).
  const formsOfWork = startsWithWords(words, ['hinh', 'thuc']) && containsPhrase(words, ['thoi', 'gian']);
  if (!formsOfWork && SKIP.some((p) => startsWithWords(words, p))) return { kind: 'skip', committee };
  // "PHẦN A. CÔNG VIỆC ĐÃ HOÀN THÀNH", "PHẦN D. CÔNG VIỆC TẠM DỪNG, CHỜ Ý KIẾN", "HỒ SƠ, TÀI SẢN BÀN GIAO" in
  // a hand-over record: work done or on hold, and things handed over, are no work to remind anyone of.
  if (NOT_WORK.some((p) => containsPhrase(words, p))) return { kind: 'skip', committee };
  return { kind: 'tasks', committee };
}

/**
 * Whether a heading records work done, paused or commented on rather than work to come ("CÔNG VIỆC ĐÃ
 * HOÀN THÀNH", "BẢNG TỔNG HỢP Ý KIẾN"): no "Giao …" sentence under it gives anyone work.
 */
export function recordsNoWork(heading: string): boolean {
  const words = foldWords(heading);
  return NOT_WORK.some((p) => containsPhrase(words, p));
}

/** Whether a heading inside a task section opens a responsibilities block of its own. */
export function isDutiesHeading(heading: string): boolean {
  const words = foldWords(heading);
  // "PHÂN CÔNG", "Phân công chung" head the assignments; "Phân công trực Tết …" is a piece of work.
  return DUTIES.some((p) =>
    p.join(' ') === 'phan cong'
      ? startsWithWords(words, p) &&
        unnoted(heading)
          .slice(2)
          .every((w) => ASSIGNING_WORDS.has(w))
      : startsWithWords(words, p),
  );
}

/**
 * "II. TIẾN ĐỘ THỰC HIỆN" over a timeline table (each row: a time, the work, who does it) is work, not
 * the plan's period: its items name the units that do them. A period section ("Thời gian thực hiện:
 * cả năm 2025", phases with dates) names none.
 */
/** Dated steps that make a "Tiến độ thực hiện" a list of work: two, since one date may be the plan's period. */
const MIN_STEPS = 2;

/**
 * "III. PHÂN CÔNG NHIỆM VỤ" over "1. Văn phòng" / "- Tham mưu tổ chức Hội nghị …, trong tháng 01/2026": a
 * plan that lists its work department by department, each line dated, is a plan of work, not a section of
 * responsibilities (those rarely carry dates of their own). Four lines at least, most of them dated.
 */
const MIN_DATED_WORK = 4;
const DATED_WORK_SHARE = 0.6;

export function listsDatedWork(section: OutlineNode): boolean {
  // A line of work with its schedule on a plain line under it ("Tháng 3/2027 - phường … - 60 học viên")
  // is dated too.
  const lines = descendants(section).filter(
    (d) => (isBullet(d) || isNumbered(d)) && d.children.every((c) => c.marker === null),
  );
  const dated = lines.filter((d) => isSpecificTime(fullText(d))).length;
  return lines.length >= MIN_DATED_WORK && dated / lines.length >= DATED_WORK_SHARE;
}

export function sectionKindOf(section: OutlineNode): SectionInfo {
  const info = classifySection(section.text);
  if (info.kind === 'duties' && listsDatedWork(section)) return { ...info, kind: 'tasks' };
  if (info.kind !== 'time') return info;
  const namesUnits = descendants(section).some((d) => {
    const kind = readField(d.text)?.kind;
    return kind === 'lead' || kind === 'lead-support';
  });
  // "- Trước ngày 15/3/2026: Ban hành quyết định …": lines of dated work, each a step to do.
  const steps = section.children.filter((c) => datedStep(c.text) !== null).length;
  return namesUnits || steps >= MIN_STEPS ? { ...info, kind: 'tasks' } : info;
}
