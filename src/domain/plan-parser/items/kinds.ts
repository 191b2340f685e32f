/**
 * The kind of a task (shared/gold/README.md): from its title's opening words and what its time words
 * say. Word lists are folded; matching tolerates OCR damage.
 */
import type { TaskKind } from '../../task';
import { findWords, foldWords, startsWithWords } from '../layout/fold';

export interface KindFacts {
  title: string;
  /** The item stands in a committee's work programme, where items are put to the meeting. */
  committee: boolean;
  deadline: boolean;
  hasPeaks: boolean;
  recurring: boolean;
  /** The time words say the work goes on all along ("thường xuyên"). */
  sustained?: boolean;
}

const p = (list: string[]): string[][] => list.map((x) => x.split(' '));

const BANNER = p(['treo bang ron', 'bang ron', 'khau hieu', 'pano', 'ap phich']);
const REVIEW_OPEN = p([
  'danh gia',
  'tong ket',
  'so ket',
  'hoi nghi tong ket',
  'hoi nghi so ket',
  'to chuc tong ket',
  'to chuc so ket',
  'to chuc hoi nghi tong ket',
  'to chuc hoi nghi so ket',
  'bao cao ket qua',
]);
const AGENDA_OPEN = p(['cho y kien', 'thong qua', 'xem xet', 'phe duyet', 'bieu quyet']);
const CAMPAIGN = p([
  'day manh',
  'tuyen truyen',
  'truyen thong',
  'phat dong phong trao',
  'phong trao',
  'thi dua',
  'van dong',
  'hoat dong truyen thong',
]);
const CAMPAIGN_OPEN = p(['to chuc tuyen truyen', 'to chuc truyen thong', 'phat dong']);
const DEADLINE_OPEN = p([
  'thanh lap',
  'ban hanh',
  'hoan thanh',
  'gui',
  'nop',
  'trinh',
  'xay dung ke hoach',
  'du thao',
]);

function opens(words: readonly string[], list: readonly string[][]): boolean {
  return list.some((phrase) => startsWithWords(words, phrase));
}

function mentions(words: readonly string[], list: readonly string[][]): boolean {
  return list.some((phrase) => findWords(words, phrase) >= 0);
}

/** The kind of work read from its own line alone: no committee, no peaks, not recurring. */
export function plainKind(title: string, deadline: boolean): TaskKind {
  return classifyKind({ title, committee: false, deadline, hasPeaks: false, recurring: false });
}

export function classifyKind(facts: KindFacts): TaskKind {
  const words = foldWords(facts.title);
  if (mentions(words, BANNER.slice(0, 2))) return 'banner';
  if (facts.recurring) return 'recurring';
  if (facts.deadline) return 'deadline';
  if (opens(words, REVIEW_OPEN)) return 'review';
  if (opens(words, AGENDA_OPEN)) return 'agenda';
  if (facts.committee) return 'agenda';
  if (facts.hasPeaks || facts.sustained || opens(words, CAMPAIGN_OPEN)) return 'campaign';
  if (opens(words, DEADLINE_OPEN)) return 'deadline';
  // "Tổ chức Lễ …", "Hội nghị …": a gathering on a day, even when its subject is a movement.
  if (
    opens(
      words,
      p([
        'to chuc le',
        'to chuc hoi',
        'to chuc ngay',
        'hoi nghi',
        'le',
        'ngay hoi',
        'hoi thao',
        'hoi cho',
        'hop mat',
      ]),
    )
  ) {
    return 'event';
  }
  if (opens(words, CAMPAIGN) || (words.length <= 4 && mentions(words, CAMPAIGN))) return 'campaign';
  return 'event';
}
