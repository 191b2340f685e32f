/**
 * Leads by cross-reference: a plan often lists its activities in one section and says who prepares each
 * in "Tổ chức thực hiện" ("Phòng X: Tham mưu Kế hoạch tổ chức Ngày hội …"). A task without a lead takes
 * the units whose responsibility lines say the same thing, compared as TF-IDF vectors of words and word
 * pairs over the document, so that words every paragraph uses ("Liên minh HTX", "năm 2025") count little.
 */
import type { DutyLine, ParseContext, WorkTask } from '../plan/context';
import { editDistance, foldWords } from '../layout/fold';

/** Lowest similarity that names a lead; below it the plan is taken to name none. */
export const MIN_SCORE = 0.17;
/** Units close to the best one also lead: an item joining two activities has two leads. */
const NEAR_BEST = 0.6;

type Vector = Map<string, number>;

/**
 * A word's consonant skeleton: OCR misreads vowels and their marks far more than consonants
 * ("Ngay héi hop tic xa" for "Ngày hội hợp tác xã"), and digits inside a word are misread vowels ("t6").
 */
function skeleton(word: string): string {
  return word.replace(/[aeiouy0-9]/g, '');
}

function features(text: string): string[] {
  const words = foldWords(text)
    .filter((w) => !/^\d+$/.test(w))
    .map(skeleton)
    .filter((w) => w.length > 0);
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i] ?? ''} ${words[i + 1] ?? ''}`);
  return out;
}

class Idf {
  private readonly df = new Map<string, number>();
  private readonly n: number;

  constructor(paragraphs: readonly string[]) {
    this.n = paragraphs.length;
    for (const p of paragraphs)
      for (const f of new Set(features(p))) this.df.set(f, (this.df.get(f) ?? 0) + 1);
  }

  vector(text: string): Vector {
    const v: Vector = new Map();
    for (const f of features(text)) {
      const w = Math.log((this.n + 1) / ((this.df.get(f) ?? 0) + 1));
      if (w > 0) v.set(f, w);
    }
    return v;
  }
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) {
    na += x * x;
    const y = b.get(k);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Verbs by which a unit takes the lead of something; "Phối hợp …" lines only help. */
const LEAD_OPENINGS = [
  'tham muu',
  'chu tri',
  'xay dung',
  'to chuc',
  'chiu trach nhiem',
  'phu trach',
  'de xuat',
];

const HELP_OPENINGS = ['phoi hop', 'ket hop', 'tham gia', 'can cu', 'dong gop'];

function opensWith(words: readonly string[], verbs: readonly string[], within: number): boolean {
  return words.slice(0, within).some((_, i) =>
    verbs.some((verb) => {
      const n = verb.split(' ').length;
      // One slip allowed: OCR writes "Fham muu" for "Tham mưu".
      return editDistance(words.slice(i, i + n).join(' '), verb, 1) <= 1;
    }),
  );
}

export type DutyClass = 'lead' | 'plain' | 'help';

/**
 * How strongly a responsibility line makes its unit the lead of what it names: "Tham mưu / Chủ trì …"
 * leads, "Phối hợp / Căn cứ … tham gia …" only helps, any other line leads only what it restates.
 */
export function classifyDuty(text: string): DutyClass {
  const words = foldWords(text);
  if (opensWith(words, HELP_OPENINGS, 1)) return 'help';
  return opensWith(words, LEAD_OPENINGS, 8) ? 'lead' : 'plain';
}

/** A plain line must say nearly what the task says. */
const PLAIN_MIN_SCORE = 0.45;

const NEEDS_LEAD: ReadonlySet<WorkTask['meta']['origin']> = new Set(['item', 'peak', 'sub', 'recurring']);

type ScoredDuty = DutyLine & { cls: DutyClass; vector: Vector };

/** The units whose responsibilities match the words, best first. */
function leadsByDuties(text: string, duties: readonly ScoredDuty[], idf: Idf): string[] {
  const v = idf.vector(text);
  const best = new Map<string, number>();
  for (const duty of duties) {
    const raw = cosine(v, duty.vector);
    // A plain line counts only past its own, higher bar.
    const s = duty.cls === 'lead' ? raw : raw >= PLAIN_MIN_SCORE ? raw : 0;
    if (s > (best.get(duty.slug) ?? 0)) best.set(duty.slug, s);
  }
  const top = Math.max(0, ...best.values());
  if (top < MIN_SCORE) return [];
  return [...best.entries()]
    .filter(([, s]) => s >= top * NEAR_BEST && s >= MIN_SCORE)
    .sort((a, b) => b[1] - a[1])
    .map(([slug]) => slug);
}

export function crossReferenceLeads(ctx: ParseContext, paragraphs: readonly string[]): void {
  // "Ban X: là đơn vị đầu mối …; chủ trì biên soạn tài liệu …; phối hợp Báo … thực hiện chuyên mục …": a
  // unit's responsibilities listed as clauses, each matched on its own (and a clause of help helps).
  const clauses = ctx.duties.flatMap((d) => {
    const parts = d.text.split(/;\s+/).filter((c) => c.trim().length > 0);
    return parts.length > 1 ? [d, ...parts.map((text) => ({ ...d, text }))] : [d];
  });
  const lines = clauses.map((d) => ({ ...d, cls: classifyDuty(d.text) })).filter((d) => d.cls !== 'help');
  if (lines.length === 0) return;
  const idf = new Idf(paragraphs);
  const duties = lines.map((d) => ({ ...d, vector: idf.vector(d.text) }));
  for (const task of ctx.tasks) {
    if (task.lead.length > 0 || !NEEDS_LEAD.has(task.meta.origin)) continue;
    const lead = leadsByDuties(task.meta.matchText, duties, idf);
    if (lead.length > 0) {
      task.lead = lead;
      task.support = task.support.filter((s) => !lead.includes(s));
    }
  }
}
