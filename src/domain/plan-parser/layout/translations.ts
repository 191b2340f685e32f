/**
 * A bilingual plan (a donor's project) gives each paragraph in Vietnamese, then in English:
 *
 *   1.1. Khảo sát, đánh giá năng lực ban đầu của 30 HTX …; trong tháng 3/2026. Chủ trì: Trung tâm …
 *   1.1. Baseline capacity assessment of 30 cooperatives …; in March 2026. Lead: Cooperative Training …
 *
 * The English is a translation of the work above it, not more work: its lines are blanked (the count of
 * lines is kept for the review's line numbers). A line is English when it has no Vietnamese letter and
 * enough of the words English runs on.
 */

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;
const ENGLISH_WORDS = new Set(
  'the of and for to in on with by is are be from at as an a this that its their will lead support staff'.split(
    ' ',
  ),
);
/** English words a line takes to be English: a name or an acronym has none. */
const MIN_ENGLISH = 2;
/** Lines of English it takes to read a plan as bilingual. */
const MIN_LINES = 3;

function isEnglish(line: string): boolean {
  if (VIETNAMESE.test(line)) return false;
  const words = line.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.filter((w) => ENGLISH_WORDS.has(w)).length >= MIN_ENGLISH;
}

export function withoutTranslations(text: string): string {
  const lines = text.split('\n');
  const english = lines.map(isEnglish);
  if (english.filter(Boolean).length < MIN_LINES) return text;
  // A heading "III. HOẠT ĐỘNG CỤ THỂ / SPECIFIC ACTIVITIES" keeps its Vietnamese half.
  return lines
    .map((line, i) => {
      if (english[i]) return '';
      const slash = /^(.*\p{L}.*?)\s+\/\s+[A-Z][A-Z\s,&-]+$/u.exec(line);
      return slash?.[1] && VIETNAMESE.test(slash[1]) ? slash[1] : line;
    })
    .join('\n');
}
