/**
 * Finds the organisation's departments in text, through the directory's names and aliases, folded and
 * compared with an edit budget so that OCR damage ("Trung tim Hd tr¢") still resolves.
 *
 * A unit-like name the directory does not know ("Phòng Tài chính") is reported as unknown. Outside bodies
 * (Sở, UBND, Tỉnh ủy, member cooperatives, Liên minh HTX Việt Nam), the alliance's leadership and generic
 * phrases ("các bộ phận liên quan") are neither departments nor unknown.
 */
import { editDistance, sameWord, wordSpans, type WordSpan } from '../layout/fold';
import {
  belongsOutside,
  insideProperName,
  isNotAUnit,
  isOutsideAt,
  unitTypeAt,
  type UnitType,
} from './unit-words';
import { HEAD_POSTS, PLURAL_WORDS } from '../lexicon';

const POSTS = HEAD_POSTS.map((p) => p.split(' '));

/**
 * "Chánh Văn phòng", "Phó Trưởng Ban Kiểm tra": the head's post before a department's name is part of
 * the mention, so that a sentence opening with the post opens with the unit. Returns where it starts.
 */
function withPost(text: string, spans: readonly WordSpan[], start: number): number {
  const at = spans.findIndex((s) => s.start === start);
  if (at <= 0) return start;
  for (const post of POSTS) {
    const from = at - post.length;
    if (from < 0) continue;
    const words = spans.slice(from, at);
    if (!words.every((w, k) => w.word === post[k])) continue;
    // Only when written as a post, with no punctuation between it and the name.
    if (/[,;:.()]/.test(text.slice(words[0]?.start ?? start, start))) continue;
    return words[0]?.start ?? start;
  }
  return start;
}

export interface UnitHit {
  slug: string;
  from: number;
  to: number;
  /** The name was matched by its letters only (an OCR-damaged "TRUNG TARN CLAO TAO"): the words as written. */
  fuzzy?: string;
}

export interface UnknownUnit {
  name: string;
  from: number;
  to: number;
}

export interface UnitScan {
  hits: UnitHit[];
  unknown: UnknownUnit[];
}

interface Alias {
  slug: string;
  words: string[];
  phrase: string;
  /** An acronym such as KHTH: matched only as an exact, upper-case token. */
  acronym: boolean;
  /** A name of one word as configured ("Quỹ"), lower-cased: see spelledOtherwise. */
  single: string | null;
}

interface AliasMatch {
  slug: string;
  /** Words of the text the match takes. */
  words: number;
  /** Words of the alias matched: a longer name wins over a shorter one it begins with. */
  size: number;
  cost: number;
}

/**
 * "Quý II" is a quarter, not the "Quỹ" a directory calls its fund: a name of one word matches a word
 * written with other marks only when the text has none (a plan whose diacritics were lost keeps "Quy").
 */
function spelledOtherwise(alias: Alias, raw: string): boolean {
  if (alias.single === null) return false;
  const written = raw.normalize('NFC').toLowerCase();
  const bare = written
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
  return written !== bare && written !== alias.single;
}

export class UnitDirectory {
  private readonly aliases: Alias[] = [];
  private readonly types = new Map<string, UnitType | null>();
  readonly slugs: string[];

  constructor(departments: Record<string, readonly string[]>) {
    this.slugs = Object.keys(departments);
    for (const [slug, names] of Object.entries(departments)) {
      for (const name of names) {
        const words = wordSpans(name).map((s) => s.word);
        if (words.length === 0) continue;
        const acronym = words.length === 1 && /^[A-ZĐ]{2,9}$/.test(name.trim());
        const single = words.length === 1 ? name.trim().normalize('NFC').toLowerCase() : null;
        this.aliases.push({ slug, words, phrase: words.join(' '), acronym, single });
        if (!this.types.has(slug)) this.types.set(slug, unitTypeAt(words, 0)?.type ?? null);
      }
    }
    // Longer names first, so "Quỹ hỗ trợ phát triển HTX" wins over "Quỹ hỗ trợ".
    this.aliases.sort((a, b) => b.words.length - a.words.length);
  }

  /**
   * "Các phòng, đơn vị", "các phòng, ban": every department, the words they take (0 when not there).
   * Only in lower case or in a line of capitals: "các Phòng Tổ chức …" names one.
   */
  private allAt(text: string, spans: readonly WordSpan[], i: number): number {
    const words = spans.map((s) => s.word);
    if (words[i] !== 'cac' || !['phong', 'ban', 'don'].includes(words[i + 1] ?? '')) return 0;
    // "các đơn vị" alone is anyone's units; "các đơn vị, phòng, ban" lists the alliance's.
    if (
      words[i + 1] === 'don' &&
      (words[i + 2] !== 'vi' || !['phong', 'ban', 'van'].includes(words[i + 3] ?? ''))
    )
      return 0;
    const raw = text.slice(spans[i + 1]?.start ?? 0, spans[i + 1]?.end ?? 0);
    if (raw !== raw.toLowerCase() && text !== text.toUpperCase()) return 0;
    let j = i + 2;
    for (;;) {
      const k = words[j] === 'va' ? j + 1 : j;
      if (['ban', 'phong'].includes(words[k] ?? '')) j = k + 1;
      // "các ban, Văn phòng đại diện …": the offices' shared name, read on its own, ends the list.
      else if (words[k] === 'van' && words[k + 1] === 'phong' && !this.sharedAt(text, spans, k)) j = k + 2;
      else if (words[k] === 'don' && words[k + 1] === 'vi') j = k + 2;
      else if (
        words[k] === 'trung' &&
        words[k + 1] === 'tam' &&
        !/^\p{Lu}/u.test(text.slice(spans[k]?.start ?? 0))
      )
        j = k + 2;
      else break;
    }
    // "các phòng, ban, cá nhân có liên quan": those concerned, not everyone.
    const next = words.slice(j, j + 3).join(' ');
    if (/^(ca nhan|co lien quan|lien quan|chuyen mon lien quan)/.test(next)) return 0;
    return j - i;
  }

  /**
   * "Các phòng, Trung tâm, Quỹ" in a plan whose units are "Phòng …"s, a Văn phòng, a Trung tâm and a Quỹ:
   * a list of kinds of unit, "các phòng" the Phòng-named ones (the Văn phòng is named apart where it
   * is meant). The type when "các <type>" of two words is followed by a capitalised kind, else null.
   */
  private kindListAt(text: string, spans: readonly WordSpan[], i: number, all: number): UnitType | null {
    const words = spans.map((s) => s.word);
    const type = words[i + 1];
    if (all !== 2 || (type !== 'phong' && type !== 'ban')) return null;
    const after = spans[i + 2];
    if (!after || !/^\s*,\s*$/.test(text.slice(spans[i + 1]?.end ?? 0, after.start))) return null;
    // "Các phòng, Trung tâm, Quỹ", or "Các phòng, TTKC&DV, VPĐD": a kind or a unit's own name follows.
    if (!/^\p{Lu}/u.test(text.slice(after.start))) return null;
    if (!unitTypeAt(words, i + 2) && !this.matchAt(text, spans, i + 2)) return null;
    return this.ofType(type).length >= 2 ? type : null;
  }

  /**
   * "các Văn phòng đại diện", "hai Văn phòng đại diện", "các Tiểu ban": "các" (or a count) and the words two or more departments' names open
   * with (three words at least, or a kind word and more), which name no single one of them.
   */
  private pluralAt(spans: readonly WordSpan[], i: number): { words: number; slugs: string[] } | null {
    const words = spans.map((s) => s.word);
    // "các", "hai", "ba" …: several of them ("hai Văn phòng đại diện thực hiện báo cáo tại điểm 5.1").
    if (!PLURAL_WORDS.includes(words[i] ?? '')) return null;
    for (let n = 4; n >= 2; n--) {
      const phrase = words.slice(i + 1, i + 1 + n);
      if (phrase.length < n) continue;
      const slugs = [
        ...new Set(
          this.aliases
            .filter((a) => !a.acronym && a.words.length > n && phrase.every((w, k) => a.words[k] === w))
            .map((a) => a.slug),
        ),
      ];
      if (slugs.length >= 2 && (n >= 3 || unitTypeAt(phrase, 0)?.words === 1)) return { words: n + 1, slugs };
    }
    return null;
  }

  /**
   * "Văn phòng đại diện" where the departments are "Văn phòng đại diện Sóc Trăng" and "… Hậu Giang": three
   * words or more that open two names or more, are no name themselves and go on with neither, name them all.
   */
  private sharedAt(
    text: string,
    spans: readonly WordSpan[],
    i: number,
  ): { words: number; slugs: string[] } | null {
    const words = spans.map((s) => s.word);
    for (let n = 4; n >= 3; n--) {
      const phrase = words.slice(i, i + n);
      // A sentence goes on after them ("… Văn phòng đại diện báo cáo"): a name cut at a dash or at the end
      // of a cell ("Ban Tổ chức – Kiểm tra") is not the shared words.
      const next = spans[i + n];
      if (phrase.length < n || !next || !/^ +$/.test(text.slice(spans[i + n - 1]?.end ?? 0, next.start)))
        continue;
      const opening = this.aliases.filter((a) => !a.acronym && phrase.every((w, k) => a.words[k] === w));
      if (opening.some((a) => a.words.length === n)) return null;
      if (opening.some((a) => a.words[n] === words[i + n])) continue;
      const slugs = [...new Set(opening.map((a) => a.slug))];
      if (slugs.length >= 2) return { words: n, slugs };
    }
    return null;
  }

  /** The type of a department's name ("ban", "van phong" …), if its name opens with one. */
  typeOf(slug: string): UnitType | null {
    return this.types.get(slug) ?? null;
  }

  /** Departments of a type, for "các Phòng, Trung tâm". */
  ofType(type: UnitType): string[] {
    return this.slugs.filter((s) => this.types.get(s) === type);
  }

  private matchAt(text: string, spans: readonly WordSpan[], i: number): AliasMatch | null {
    const first = spans[i];
    if (!first) return null;
    // "Ủy ban Kiểm tra" is the alliance's inspection committee, elected beside the Ban Chấp hành: no "Ban
    // Kiểm tra" among the departments, though its words end the same.
    if (first.word === 'ban' && spans[i - 1]?.word === 'uy') return null;
    let best: AliasMatch | null = null;
    for (const alias of this.aliases) {
      if (alias.acronym) {
        const raw = text.slice(first.start, first.end);
        // "TT" inside "TT-TĐ" is a part of another abbreviation, not the Trung tâm.
        const joined =
          /[-–]\p{L}/u.test(text.slice(first.end, first.end + 2)) ||
          /\p{L}[-–]$/u.test(text.slice(Math.max(0, first.start - 2), first.start));
        // A longer name found before it ("TT XTTM" over the centre's bare "TT") is the better match.
        if (first.word === alias.phrase && raw === raw.toUpperCase() && !joined)
          return best ?? { slug: alias.slug, words: 1, size: 1, cost: 0 };
        continue;
      }
      // The first word anchors the match; a short one must be exact ("và phòng" is not "Văn phòng").
      const head = alias.words[0] ?? '';
      const word = ocrCanon(first.word);
      if (head.length < 5 ? word !== ocrCanon(head) : !sameWord(word, ocrCanon(head))) continue;
      if (spelledOtherwise(alias, text.slice(first.start, first.end))) continue;
      const budget = Math.floor(alias.phrase.length * 0.15);
      // OCR splits and merges words, so try one word fewer and one more than the alias has.
      for (const n of [alias.words.length, alias.words.length - 1, alias.words.length + 1]) {
        if (n < 1 || i + n > spans.length) continue;
        const candidate = spans
          .slice(i, i + n)
          .map((s) => s.word)
          .join(' ');
        const cost = editDistance(ocrCanon(candidate), ocrCanon(alias.phrase), budget);
        if (cost > budget || !sameEnding(spans.slice(i, i + n), alias.words)) continue;
        const size = alias.words.length;
        if (!best || size > best.size || (size === best.size && cost < best.cost))
          best = {
            slug: alias.slug,
            words: n,
            size,
            cost: candidate === alias.phrase ? 0 : Math.max(cost, 1),
          };
      }
    }
    return best;
  }

  /**
   * The name ending before word j belongs to an outside body ("Văn phòng UBND tỉnh", "… Sở Tài chính"):
   * not across punctuation ("Trung tâm …: bố trí"), and "Sở", "Bộ" only in capitals ("số liệu", "bố trí").
   */
  private outsideAfter(text: string, spans: readonly WordSpan[], j: number): boolean {
    const words = spans.map((s) => s.word);
    if (!isOutsideAt(words, j)) return false;
    if (UnitDirectory.separated(text, spans[j - 1], spans[j])) return false;
    const next = spans[j];
    if (
      (words[j] === 'so' || words[j] === 'bo') &&
      next &&
      !/^\p{Lu}/u.test(text.slice(next.start, next.end))
    )
      return false;
    return true;
  }

  /** Text between two word spans holds a list separator. */
  private static separated(text: string, a: WordSpan | undefined, b: WordSpan | undefined): boolean {
    if (!a || !b) return true;
    return /[,;:.()/]/.test(text.slice(a.end, b.start));
  }

  scan(text: string): UnitScan {
    const spans = wordSpans(text);
    const words = spans.map((s) => s.word);
    const hits: UnitHit[] = [];
    const unknown: UnknownUnit[] = [];
    const push = (slug: string, start: number, to: number, fuzzy = false): void => {
      if (hits.some((h) => h.slug === slug)) return;
      const from = withPost(text, spans, start);
      hits.push(fuzzy ? { slug, from, to, fuzzy: text.slice(start, to) } : { slug, from, to });
    };
    for (let i = 0; i < spans.length;) {
      const span = spans[i] as WordSpan;
      // "Các Văn phòng đại diện tổ chức …": every department whose name opens with those words.
      const plural = this.pluralAt(spans, i);
      if (plural) {
        const end = spans[i + plural.words - 1] as WordSpan;
        for (const slug of plural.slugs) push(slug, span.start, end.end);
        i += plural.words;
        continue;
      }
      // "Các ban, Trung tâm, Văn phòng đại diện báo cáo …": the words several names open with, alone.
      const shared = this.sharedAt(text, spans, i);
      if (shared) {
        const end = spans[i + shared.words - 1] as WordSpan;
        for (const slug of shared.slugs) push(slug, span.start, end.end);
        i += shared.words;
        continue;
      }
      const all = this.allAt(text, spans, i);
      if (all > 0) {
        const end = spans[i + all - 1] as WordSpan;
        const kind = this.kindListAt(text, spans, i, all);
        for (const slug of kind ? this.ofType(kind) : this.slugs) push(slug, span.start, end.end);
        i += all;
        continue;
      }
      const match = this.matchAt(text, spans, i);
      if (match) {
        const end = spans[i + match.words - 1] as WordSpan;
        if (!this.outsideAfter(text, spans, i + match.words))
          push(match.slug, span.start, end.end, match.cost > 0);
        i += match.words;
        continue;
      }
      const type = unitTypeAt(words, i);
      if (!type) {
        i++;
        continue;
      }
      const after = i + type.words;
      // A bare, capitalised type word in a list ("các Phòng, Trung tâm") stands for every department of that type.
      // "Các Ban, Trung tâm, Quỹ được giao …": the last type word of a list stands before the verb.
      const listed =
        hits.length > 0 &&
        /,\s*$/u.test(text.slice(0, span.start)) &&
        spans[after] !== undefined &&
        /^\p{Ll}/u.test(text.slice(spans[after]?.start ?? 0));
      // "Đồng thời, Trung tâm cập nhật tin, bài …": the only unit of its kind, named by its kind alone.
      const only =
        this.ofType(type.type).length === 1 &&
        type.type !== 'ban' &&
        type.type !== 'phong' &&
        /^\p{Ll}/u.test(text.slice(spans[after]?.start ?? text.length));
      const bare =
        UnitDirectory.separated(text, spans[after - 1], spans[after]) ||
        words[after] === 'va' ||
        listed ||
        only;
      if (bare && /^\p{Lu}/u.test(text.slice(span.start)) && !insideProperName(text, spans, i)) {
        for (const slug of this.ofType(type.type)) push(slug, span.start, (spans[after - 1] as WordSpan).end);
        i = after;
        continue;
      }
      const name = this.unknownName(text, spans, i, after);
      if (name) unknown.push(name.unit);
      i = name?.next ?? after;
    }
    return { hits, unknown };
  }

  /** The name of a unit the directory lacks (and the word after it), or null when the words are no unit. */
  private unknownName(
    text: string,
    spans: readonly WordSpan[],
    i: number,
    after: number,
  ): { unit: UnknownUnit; next: number } | null {
    const words = spans.map((s) => s.word);
    if (isNotAUnit(text, spans, i, after)) return null;
    const raw = (k: number): string => text.slice((spans[k] as WordSpan).start, (spans[k] as WordSpan).end);
    let j = after;
    while (j < spans.length && j < after + 6) {
      if (UnitDirectory.separated(text, spans[j - 1], spans[j]) || isOutsideAt(words, j)) break;
      // Names run on in lower case after a capital ("Phòng Tài chính") but not through two lower-case words,
      // and a lower-case verb or preposition ends them.
      const lower = !/^[\p{Lu}\d]/u.test(raw(j));
      if (lower && (STOP_WORDS.has(words[j] ?? '') || (j > after && !/^\p{Lu}/u.test(raw(j - 1))))) break;
      j++;
    }
    if (j === after || belongsOutside(text, spans, j)) return null;
    const from = (spans[i] as WordSpan).start;
    const to = (spans[j - 1] as WordSpan).end;
    return { unit: { name: text.slice(from, to), from, to }, next: j };
  }
}

/**
 * The candidate ends as the alias does: its last word (or, when OCR split or merged a word, its last two
 * words joined) is the alias's last word give or take a letter. The whole name's budget of edits is no
 * licence to swap a word: "Quỹ Hỗ trợ phát triển HTX gửi số liệu" is not "… HTX tỉnh".
 */
function sameEnding(candidate: readonly WordSpan[], alias: readonly string[]): boolean {
  const words = candidate.map((s) => ocrCanon(s.word));
  const names = alias.map(ocrCanon);
  const pairs: [string, string][] =
    words.length === names.length
      ? [[words.at(-1) ?? '', names.at(-1) ?? '']]
      : words.length > names.length
        ? [[words.slice(-2).join(''), names.at(-1) ?? '']]
        : [[words.at(-1) ?? '', names.slice(-2).join('')]];
  return pairs.every(([a, b]) => editDistance(a, b, 2) <= Math.max(1, Math.floor(b.length / 3)));
}

/**
 * Letters a scan confuses, put in one form on both sides before names are compared: rn/m, cl/d, ii/ü
 * (ü folds to u), l for i. Vietnamese spells no "rn", "cl" or "ii", so no true name is changed.
 */
function ocrCanon(folded: string): string {
  return folded
    .replace(/rn/g, 'm')
    .replace(/cl/g, 'd')
    .replace(/ii/g, 'u')
    .replace(/l(?=[^aeiouy]|$)/g, 'i');
}

/** Words that end a unit's name: the verbs and prepositions that follow it in a sentence. */
const STOP_WORDS = new Set(
  'chu phoi tham xay thuc trien voi de theo trong cua doi co chiu la lien tinh cung tai ve duoc se can phai va nam'.split(
    ' ',
  ),
);
