/**
 * Lead and coordinating units of an item, from its "Đơn vị chủ trì / tham mưu / phối hợp" fields or a
 * sentence "<unit> chủ trì, phối hợp với <units> …".
 */
import { fold, foldWords, wordSpans } from '../layout/fold';
import type { ItemFacts } from './item-facts';
import { helpersOnly, verbFields } from './inline-fields';
import { HELPER_OPENINGS, SUPPORT_VERBS } from '../lexicon';
import type { UnitDirectory, UnitHit } from '../plan/units';
import { addressLength } from '../plan/unit-words';

export interface Leads {
  lead: string[];
  support: string[];
  unknown: string[];
  /** Names matched by their letters only, "as written → slug", for the review to show. */
  fuzzy?: string[];
}

export const NO_LEADS: Leads = { lead: [], support: [], unknown: [] };

function addAll(into: string[], from: readonly string[]): void {
  for (const x of from) if (!into.includes(x)) into.push(x);
}

/** Blanks out parenthesised notes ("(đối với kế hoạch …)") keeping offsets. */
function withoutNotes(text: string): string {
  return text.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
}

/** Offset where "phối hợp (với)" hands over from the lead to the helpers, or -1. */
function handover(text: string): number {
  const m = /\bphoi hop(?:\s+voi)?\b/.exec(fold(text));
  return m ? m.index : -1;
}

function scanInto(units: UnitDirectory, text: string, leads: Leads, role: 'lead' | 'support'): void {
  const scan = units.scan(text);
  addAll(
    role === 'lead' ? leads.lead : leads.support,
    scan.hits.map((h) => h.slug),
  );
  addAll(
    leads.unknown,
    scan.unknown.map((u) => u.name),
  );
  noteFuzzy(leads, scan.hits);
}

function noteFuzzy(leads: Leads, hits: readonly UnitHit[]): void {
  for (const h of hits) if (h.fuzzy) addAll((leads.fuzzy ??= []), [`${h.fuzzy} → ${h.slug}`]);
}

/**
 * A lead field's text, line by line: in "Văn phòng phối hợp với Trung tâm …" the units before "phối hợp"
 * lead and those after it help; a line without a unit before "phối hợp" only names leads.
 */
const HELPER_OPENING = new RegExp(`^\\s*(?:${HELPER_OPENINGS.join('|')})\\b`);

/** "thành viên đoàn gồm đại diện Ban HTPT, Quỹ …": a clause that opens with words naming helpers. */
function helperClause(clause: string): { value: string } | undefined {
  const m = HELPER_OPENING.exec(fold(clause));
  return m ? { value: clause.slice(m[0].length) } : undefined;
}

/** "(chủ trì)", "(chuẩn bị)", "(chính)", "(CT)" after a unit in a list: the unit so marked leads. */
const MARKED_LEAD = /\(\s*(?:chu tri|chuan bi|tham muu|chinh|ct)\b[^()]*\)/;

/**
 * "Ban TC-TT (chủ trì), Ban KT": in a cell of units, the ones marked "(chủ trì)" lead and the others
 * help. Returns whether the line was such a list.
 */
function readMarkedLeads(units: UnitDirectory, line: string, leads: Leads): boolean {
  if (!MARKED_LEAD.test(fold(line))) return false;
  for (const part of line.split(/[,;]\s*/)) {
    scanInto(units, withoutNotes(part), leads, MARKED_LEAD.test(fold(part)) ? 'lead' : 'support');
  }
  return true;
}

function readLeadText(units: UnitDirectory, raw: string, leads: Leads): void {
  for (const line of raw.split('\n')) {
    if (readMarkedLeads(units, line, leads)) continue;
    // "Phụ trách: đồng chí Chánh Văn phòng; giúp việc: đồng chí Trưởng Ban X": the assistant helps a unit
    // in charge, and does the work of a leader in charge ("Phó Chủ tịch Thường trực chỉ đạo; giúp việc: …").
    const assist = /;\s*giúp việc\s*:\s*/iu.exec(line);
    if (assist) {
      const head: Leads = { lead: [], support: [], unknown: [] };
      readLeadText(units, line.slice(0, assist.index), head);
      const aide = line.slice(assist.index + assist[0].length);
      addAll(leads.lead, head.lead);
      addAll(leads.support, head.support);
      addAll(leads.unknown, head.unknown);
      scanInto(units, withoutNotes(aide), leads, head.lead.length > 0 ? 'support' : 'lead');
      continue;
    }
    // "Văn phòng; các phòng, đơn vị phối hợp": a clause after ";" that names only helpers.
    const clauses = line.split(/;\s*/);
    const helpers = clauses.slice(1).map((c) => helpersOnly(c)[0] ?? helperClause(c));
    if (clauses.length > 1 && helpers.every(Boolean)) {
      readLeadText(units, clauses[0] ?? '', leads);
      for (const h of helpers) scanInto(units, withoutNotes(h?.value ?? ''), leads, 'support');
      continue;
    }
    const text = withoutNotes(line);
    // "Thường trực (VP chuẩn bị)": the leaders named outside, the unit that does the work in brackets.
    const inner = [...line.matchAll(/\(([^()]+)\)/g)].map((m) => m[1] ?? '');
    if (units.scan(text).hits.length === 0 && inner.some((t) => units.scan(t).hits.length > 0)) {
      for (const t of inner) readLeadText(units, t, leads);
      continue;
    }
    // "TTĐT chủ trì, Phòng Hỗ trợ phối hợp": the verbs say who leads and who helps.
    const verbs = verbFields(text);
    if (verbs.length > 0) {
      for (const f of verbs) if (f.kind === 'lead') scanInto(units, f.value, leads, 'lead');
      for (const f of verbs) {
        // An aide leads the work of one in charge who is no department ("Ủy ban Kiểm tra chủ trì, Quỹ giúp việc").
        const role = f.kind === 'advise' && leads.lead.length === 0 ? 'lead' : 'support';
        if (f.kind !== 'lead') scanInto(units, f.value, leads, role);
      }
      continue;
    }
    const at = handover(text);
    const before = at >= 0 ? units.scan(text.slice(0, at)).hits.length : 0;
    if (at < 0 || before === 0) {
      scanInto(units, text, leads, 'lead');
      continue;
    }
    scanInto(units, text.slice(0, at), leads, 'lead');
    scanInto(units, text.slice(at), leads, 'support');
  }
}

const SUPPORT_VERB = new RegExp(`^\\W*(?:${SUPPORT_VERBS.join('|')})\\b`);

/** The sentence's opening unit is followed by a verb of helping ("Văn phòng phối hợp …"). */
function helpsAfterUnit(units: UnitDirectory, text: string): boolean {
  const first = units.scan(withoutNotes(text)).hits[0];
  return first !== undefined && SUPPORT_VERB.test(fold(text.slice(first.to)));
}

/**
 * "Đồng chí Phó Chủ tịch phụ trách chủ trì; đồng chí Trưởng ban X tổng hợp kiến nghị …", "Đoàn do đồng
 * chí Phó Chủ tịch làm trưởng đoàn; …": a clause whose subject is one of the alliance's leaders, whose
 * work a unit named in the next clause does (as "giúp việc" gives it, leads.ts).
 */
const LEADER_SUBJECT =
  /^(?:cac\s+)?(?:dong chi\s+)?(?:pho chu tich|chu tich|thuong truc|lanh dao|doan do|truong doan)\b/;

/** Verbs of doing the work itself, as opposed to helping with it. */
const DOES = /^[^,;.]*?\b(thuc hien|chu tri|chiu trach nhiem)\b/;
const HELPS = new RegExp(`^[^,;.]*?\\b(?:${SUPPORT_VERBS.join('|')}|cung cap)\\b`);

/**
 * "Đồng chí Chánh Văn phòng thực hiện tại trụ sở cơ quan; đồng chí Trưởng Văn phòng đại diện thực hiện
 * tại trụ sở Văn phòng đại diện", "Việc này giao Văn phòng thực hiện tại … và giao Văn phòng đại diện
 * thực hiện tại …": units that each do the same work, each at its own place, lead it together. The units
 * opening the later clauses of such a sentence are returned; a clause in which a unit only helps ("…;
 * đồng chí Giám đốc Trung tâm cung cấp hình ảnh") or that does not say it does the work adds none.
 */
export function coLeadSlugs(units: UnitDirectory, sentence: string): string[] {
  const [first, ...rest] = sentence.split(/;\s+|,?\s+và\s+(?=giao\s)/u);
  const verb = DOES.exec(fold(first ?? ''))?.[1];
  if (!first || !verb || HELPS.test(fold(first))) return [];
  const out: string[] = [];
  for (const clause of rest) {
    const own = clause.replace(/^(?:giao|phân công)\s+/iu, '');
    // "Ban X chủ trì; Văn phòng đại diện thực hiện khảo sát tại …": a unit doing a part under the lead helps.
    if (DOES.exec(fold(own))?.[1] !== verb || HELPS.test(fold(own))) continue;
    const text = own.slice(addressLength(own));
    const hit = units.scan(text).hits[0];
    const firstWord = wordSpans(text)[0];
    if (hit && firstWord && hit.from === firstWord.start && !hit.fuzzy && !out.includes(hit.slug))
      out.push(hit.slug);
  }
  return out;
}

/** "Văn phòng Liên minh HTX tỉnh tham mưu thành lập các Tiểu ban: …": only the opening unit leads. */
function readLeadSentence(units: UnitDirectory, raw: string, leads: Leads): boolean {
  // "Đồng chí Chánh Văn phòng tổ chức; …": the subject may be a unit's head, addressed; a clause of a
  // leader's part goes before the unit's.
  const clauses = raw.split(/;\s*/);
  let own = 0;
  while (own < clauses.length - 1 && LEADER_SUBJECT.test(fold(clauses[own] ?? '').trim())) own++;
  const clause = clauses.slice(own).join('; ');
  const address = addressLength(clause);
  const text = withoutNotes(clause.slice(address));
  const scan = units.scan(text);
  const first = scan.hits[0];
  const firstWord = wordSpans(text)[0];
  if (!first || !firstWord || first.from !== firstWord.start) return false;
  addAll(leads.lead, [first.slug, ...coLeadSlugs(units, clause)]);
  noteFuzzy(leads, [first]);
  const at = handover(text);
  if (at >= 0) scanInto(units, text.slice(at), leads, 'support');
  return true;
}

/** "…, do đồng chí Chánh Văn phòng trình bày", "nội dung này do Ban X chuẩn bị và trình Hội nghị". */
const BY_WHOM =
  /(?:^|[\s,;])do\s+(?:dong chi\s+)?([^,;.]{3,80}?)\s+(?:trinh bay|chuan bi|thuc hien|chu tri|tham muu|bao cao|doc)\b/;

/** The parts of a terse line: "Kế toán HTX - tg: đầu T4 - đđ: xã Văn Quan - 45 - TTBD", or of a row "… | 50 | TTBD". */
const LOOSE_PARTS = /\s[-–—]\s|\s*[|;]\s*/;

const CLAUSE_VERB = new RegExp(
  `\\b(?:${[...SUPPORT_VERBS, 'chu tri', 'thuc hien', 'cung cap', 'to chuc', 'tham muu'].join('|')})\\b`,
);

/** A part that names units and nothing else ("TTBD", "Quỹ và TTBD"): the line's unlabelled doer. */
function onlyUnits(units: UnitDirectory, part: string): boolean {
  const text = withoutNotes(part);
  const hits = units.scan(text).hits;
  if (hits.length === 0 || hits.some((h) => h.fuzzy)) return false;
  // The words outside every name (names may overlap: "các ban" stands for several units at once).
  const rest = [...text].map((ch, k) => (hits.some((h) => k >= h.from && k < h.to) ? ' ' : ch)).join('');
  // "các ban, Văn phòng, Quỹ phối hợp cung cấp số liệu" is a clause: units with a verb of their own. (The
  // verb is looked for outside the names: "Ban Tổ chức – Phong trào" names a unit, it organises nothing.)
  if (CLAUSE_VERB.test(fold(rest))) return false;
  return foldWords(rest).every((w) => w === 'va');
}

/** "gửi Ban X tổng hợp", "gửi về Văn phòng để tổng hợp": the unit that gathers what the others send. */
const COLLECTOR = /\bgui\s+(?:ve\s+)?(.+?)\s+(?:de\s+)?tong hop\b/;

/** The item's units, or null when its body names none. */
export function readLeads(units: UnitDirectory, facts: ItemFacts): Leads | null {
  const leads: Leads = { lead: [], support: [], unknown: [] };
  let said = false;
  for (const t of facts.leadTexts) {
    readLeadText(units, t, leads);
    said = true;
  }
  for (const t of facts.mixedTexts) {
    const scan = units.scan(withoutNotes(t));
    noteFuzzy(leads, scan.hits);
    const [first, ...rest] = scan.hits.map((h) => h.slug);
    if (first) addAll(leads.lead, [first]);
    addAll(leads.support, rest);
    addAll(
      leads.unknown,
      scan.unknown.map((u) => u.name),
    );
    said = true;
  }
  for (const t of facts.supportTexts) {
    scanInto(units, withoutNotes(t), leads, 'support');
    said = true;
  }
  // The chair named no unit ("Chủ tịch"): who advises leads the work.
  const advisers = leads.lead.length > 0 ? 'support' : 'lead';
  for (const t of facts.adviseTexts) {
    scanInto(units, withoutNotes(t), leads, advisers);
    said = true;
  }
  if (!said) {
    for (const s of facts.leadSentences) if (readLeadSentence(units, s, leads)) break;
  }
  // "Văn phòng tổng hợp, xây dựng báo cáo. Các ban … phối hợp cung cấp số liệu.": with helpers named and
  // no lead, the unit that opens a sentence of its own does the work, unless it only helps.
  if (leads.lead.length === 0) {
    for (const s of facts.subjectSentences)
      if (!helpsAfterUnit(units, s) && readLeadSentence(units, s, leads)) break;
    said ||= leads.lead.length > 0;
  }
  // "Báo cáo tổng kết …, do đồng chí Trưởng Ban X trình bày", "hồ sơ nhân sự do Văn phòng chuẩn bị": who
  // presents or prepares an agenda point leads it.
  if (leads.lead.length === 0) {
    const folded = fold(facts.lineText);
    const by = BY_WHOM.exec(folded);
    if (by?.[1]) {
      const at = by.index + by[0].indexOf(by[1]);
      const who = facts.lineText.slice(at, at + by[1].length);
      if (units.scan(who).hits.length > 0) {
        scanInto(units, who, leads, 'lead');
        said = true;
        // "… do Ban X chủ trì tổ chức, Văn phòng phối hợp bảo đảm kinh phí": the helpers named next.
        const after = by.index + by[0].length;
        const help = /^[^.;:]*?,\s*([^,.;:]{3,80}?)\s+phoi hop\b/.exec(folded.slice(after));
        if (help?.[1]) {
          const from = after + help[0].indexOf(help[1]);
          scanInto(units, facts.lineText.slice(from, from + help[1].length), leads, 'support');
        }
      }
    }
  }
  if (leads.lead.length === 0) {
    // The title's first part is its work ("Văn phòng" alone is a heading, not a doer).
    // A note or a field value may be one name that holds a dash ("Ban Tuyên truyền - Đào tạo").
    const parts = facts.looseTexts.flatMap((t, i) =>
      i === 0 ? t.split(LOOSE_PARTS).slice(1) : [t, ...t.split(LOOSE_PARTS)],
    );
    const part = parts.find((p) => onlyUnits(units, p));
    if (part) {
      scanInto(units, part, leads, 'lead');
      said = true;
    }
  }
  // "(các ban, Trung tâm, Quỹ thực hiện; gửi Ban X tổng hợp)": the unit the reports go to is not among
  // "các ban" who send them.
  for (const t of [...facts.looseTexts, ...facts.noteTexts]) {
    const m = COLLECTOR.exec(fold(t));
    if (!m?.[1]) continue;
    const at = fold(t).indexOf(m[1]);
    const collector = units.scan(t.slice(at, at + m[1].length)).hits.map((h) => h.slug);
    const rest = leads.lead.filter((l) => !collector.includes(l));
    if (rest.length > 0 && rest.length < leads.lead.length) leads.lead = rest;
  }
  // Helpers named in sentences of their own, once the lead is known from wherever it was written.
  // (Only a subject made of units' names: "HTX tham gia hội chợ" is no helper's sentence.)
  for (const t of facts.helperTexts)
    if (onlyUnits(units, t.replace(/^\s*(?:các\s+)?đồng chí\s+/iu, '')))
      scanInto(units, withoutNotes(t), leads, 'support');
  leads.support = leads.support.filter((s) => !leads.lead.includes(s));
  return leads.lead.length + leads.support.length + leads.unknown.length > 0 || said ? leads : null;
}

/**
 * An item's own units over those handed down by its heading: "(VP chủ trì)" replaces the heading's lead;
 * "(Ban HT-PT phối hợp)" names only helpers, so the heading's lead still leads it.
 */
export function overLeads(own: Leads | null, inherited: Leads | null): Leads | null {
  if (!own) return inherited;
  if (own.lead.length > 0 || !inherited || inherited.lead.length === 0) return own;
  return {
    ...own,
    lead: [...inherited.lead],
    support: own.support.filter((s) => !inherited.lead.includes(s)),
  };
}
