/**
 * Repairs proposed for the titles a scan damaged, attached to the draft for the review. The words come
 * from the genre's well-typed plans (data/genre-words.json, `npm run build:genre-words`), the
 * organisation's own names and the plan itself where it survived; nothing is changed until the person
 * loading the plan accepts (`/xacnhan sửa tên`, or the reviewed draft file).
 */
import { readFileSync } from 'node:fs';
import { checkTitle, hasMarks } from '../domain/ocr-check';
import type { OrgDirectoryEntry, PlanDraft } from '../domain/task';
import {
  buildVocabulary,
  isClean,
  isCompleteRepair,
  repairTitle,
  type TitleRepair,
  type WordCounts,
} from '../domain/title-repair';
import { projectPath } from '../shared/paths';

let genre: WordCounts | null = null;

function genreWords(): WordCounts {
  genre ??= JSON.parse(readFileSync(projectPath('data', 'genre-words.json'), 'utf8')) as WordCounts;
  return genre;
}

/**
 * Typed Vietnamese carries a mark on most words (about three in four in plans); a damaged title where
 * most words have none lost them to the scan, though each may still spell a syllable ("Hoat", "Ngay").
 */
export const MOSTLY_UNMARKED = 0.5;

function mostlyUnmarked(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => /^\p{L}*\p{Ll}\p{L}*$/u.test(w.replace(/[^\p{L}]/gu, '')));
  return words.length > 0 && words.filter((w) => !hasMarks(w)).length / words.length >= MOSTLY_UNMARKED;
}

/**
 * Repairs titles of one plan: the vocabulary is the genre's words, the organisation's names and the
 * plan's own text (when it survived). Null for a title that does not read damaged.
 */
export function titleRepairer(
  text: string,
  org: OrgDirectoryEntry | undefined,
): (title: string) => TitleRepair | null {
  const names = org ? [org.name, ...Object.values(org.departments).flat()] : [];
  const vocab = buildVocabulary([text], names, genreWords());
  // In a scan every word may be misread, not only those no Vietnamese word is spelled like.
  const scanned = !isClean(text);
  return (title) => {
    const check = checkTitle(title);
    if (!check.damaged) return null;
    return repairTitle(title, vocab, { everyWord: scanned || check.noAccents || mostlyUnmarked(title) });
  };
}

export function withTitleRepairs(
  draft: PlanDraft,
  text: string,
  org: OrgDirectoryEntry | undefined,
): PlanDraft {
  const damaged = (title: string) => checkTitle(title).damaged;
  if (!damaged(draft.title) && !draft.tasks.some((t) => damaged(t.title))) return draft;
  const repair = titleRepairer(text, org);
  // Only a repair that leaves no damaged word is proposed; the rest the review lists for a person.
  const propose = (title: string): string | undefined => {
    const r = repair(title);
    return r && isCompleteRepair(r) ? r.title : undefined;
  };
  const planTitle = propose(draft.title);
  return {
    ...draft,
    ...(planTitle ? { proposed_title: planTitle } : {}),
    tasks: draft.tasks.map((t) => {
      const proposed = propose(t.title);
      return proposed ? { ...t, proposed_title: proposed } : t;
    }),
  };
}

/** The draft with every proposed repair taken: what `/xacnhan sửa tên` loads. */
export function acceptTitleRepairs(draft: PlanDraft): PlanDraft {
  const { proposed_title: planTitle, ...rest } = draft;
  return {
    ...rest,
    title: planTitle ?? draft.title,
    tasks: draft.tasks.map(({ proposed_title: proposed, ...t }) => ({ ...t, title: proposed ?? t.title })),
  };
}
