/**
 * Does a title read like a bad scan? Plans arrive as photocopies run through OCR, and a damaged title
 * ("Hoat déng truyén thong", "To chirc Thang hanh dong") would be repeated in every reminder until a
 * person fixes it. Pure: the words of the title are checked against the spelling of Vietnamese syllables.
 */

/** Initial consonants of Vietnamese, longest first so "ngh" wins over "ng" and "n". */
const INITIALS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
];
const FINALS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't', ''];

/** Vowel groups of Vietnamese syllables, written without tone marks (but with ă â ê ô ơ ư). */
const NUCLEI = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi',
  'oo', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'ưa', 'ưi', 'ưu', 'uy', 'ươ', 'yê',
  'iêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu', 'yêu',
]); // prettier-ignore

/** Foreign words plans use as they are. */
const LOANWORDS = new Set([
  'online', 'website', 'web', 'email', 'video', 'logo', 'internet', 'facebook', 'zalo', 'fanpage',
  'livestream', 'app', 'ocop', 'hashtag', 'marketing', 'festival', 'pano', 'poster', 'clip', 'youtube',
  'tiktok', 'covid', 'qr', 'code', 'ecommerce', 'startup', 'mobile', 'banking', 'smart', 'expo',
]); // prettier-ignore

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VIETNAMESE_LETTER = /^[a-zđăâêôơư]+$/;
const DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** The word carries a Vietnamese mark (tone, breve, circumflex, horn, đ). */
export function hasMarks(word: string): boolean {
  return DIACRITIC.test(word);
}

/** "Truyền" → "truyên": the tone gone, the vowel's own marks kept. */
function withoutTone(word: string): string {
  return word.normalize('NFD').replace(TONES, '').normalize('NFC');
}

/** A lower-case word (no tone marks) spelled as a Vietnamese syllable can be. */
export function isVietnameseSyllable(bare: string): boolean {
  if (!VIETNAMESE_LETTER.test(bare)) return false;
  const initials = INITIALS.filter((i) => bare.startsWith(i));
  // "gì", "gìn": gi + nothing is g + i.
  for (const initial of [...initials, '']) {
    const rest = bare.slice(initial.length);
    for (const final of FINALS) {
      if (!rest.endsWith(final)) continue;
      const nucleus = rest.slice(0, rest.length - final.length);
      if (NUCLEI.has(nucleus)) return true;
      if (initial === 'gi' && nucleus === '' && final) return true; // "gìn" read as gi + n is still "gin"
    }
  }
  return false;
}

export interface OcrCheck {
  /** The title looks damaged by OCR and should be read and fixed by a person. */
  damaged: boolean;
  /** The words that gave it away (at most five), or why: a title of many words with no accent at all. */
  words: string[];
  /** No word carries a Vietnamese accent, although the title is long enough that some should. */
  noAccents: boolean;
}

/** Words whose spelling no Vietnamese word has: stray symbols, digits inside words, impossible syllables. */
export function suspiciousWords(title: string): string[] {
  const found: string[] = [];
  for (const raw of title.normalize('NFC').split(/\s+/)) {
    // Punctuation around a word is fine; inside it, or as an odd symbol, it is a misread letter.
    const token = raw.replace(/^[("“'‘«[]+|[)"”'’»\],.;:!?…–-]+$/g, '');
    if (!token || /^[\d.,/:%–-]+$/.test(token)) continue; // numbers, dates, "20/4", "2025"
    if (/[¢€£©®ﬁﬂ@&|\\{}<>^~_=]/.test(token)) {
      found.push(token);
      continue;
    }
    if (/\p{Ll}\d|\d\p{Ll}/u.test(token)) {
      found.push(token); // "t6", "x4", "1ap": a digit read for a letter
      continue;
    }
    if (/[\d/.-]/.test(token)) continue; // codes such as "882/KH-BTVLMHTXVN", "4.0", "COVID-19"
    const letters = token.replace(/[^\p{L}]/gu, '');
    if (letters.length < 2 && !/[\p{L}]/u.test(token)) continue;
    // Abbreviations are written in capitals (HTX, UBND, DN); only words in lower case are syllables.
    if (letters.length >= 2 && letters === letters.toUpperCase()) continue;
    const lower = letters.toLowerCase();
    if (LOANWORDS.has(lower)) continue;
    // Capitalised foreign names ("CoopGold Awards"): letters Vietnamese lacks, or capitals inside the word.
    if (/^\p{Lu}/u.test(letters) && (/[fjwz]/.test(lower) || /\p{Ll}\p{Lu}/u.test(letters))) continue;
    if (!isVietnameseSyllable(withoutTone(lower))) found.push(token);
  }
  return found;
}

export function checkTitle(title: string): OcrCheck {
  const words = suspiciousWords(title);
  const lowerWords = title.split(/\s+/).filter((w) => /^\p{Ll}{2,}$/u.test(w));
  // A plan typed without accents reads badly in every reminder too, though each word is a syllable.
  const noAccents = lowerWords.length >= 3 && !DIACRITIC.test(title);
  return { damaged: words.length > 0 || noAccents, words: words.slice(0, 5), noAccents };
}

/** Lists mark a title still damaged, so a reader knows the odd words are the scan's and can fix them. */
export const DAMAGED_MARK = '(?)';

/** `shown` (the title as the list prints it, perhaps shortened) with the mark when `title` reads damaged. */
export function markDamaged(title: string, shown: string = title): string {
  return checkTitle(title).damaged ? `${shown} ${DAMAGED_MARK}` : shown;
}

export function anyDamaged(titles: Iterable<string>): boolean {
  for (const t of titles) if (checkTitle(t).damaged) return true;
  return false;
}
