/**
 * Task titles: an item's opening words, without the long explanations that follow them in parentheses
 * or in further sentences, and without a trailing "với các nội dung:".
 */
import { fold, foldWords, startsWithWords } from '../layout/fold';

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
