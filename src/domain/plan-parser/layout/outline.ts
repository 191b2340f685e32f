/**
 * The outline of a plan: numbered items nested by the rank of their marks, bullets under them, and
 * unmarked paragraphs attached to the nearest numbered item above.
 */
import { detectMarker, type Marker } from './markers';
import type { Paragraph } from './paragraphs';
import { timeHeading } from '../time/time-words';
import { foldWords, startsWithWords } from './fold';
import { DUTIES_HEADINGS } from '../lexicon';

export interface OutlineNode {
  /** null for the root and for unmarked paragraphs. */
  marker: Marker | null;
  /** The paragraph's text without its marker. */
  text: string;
  children: OutlineNode[];
  /** Paragraph index, i.e. document order. */
  index: number;
}

const CLOSING = DUTIES_HEADINGS.map((h) => h.split(' '));
/** A heading of a few words, not a sentence that opens with the same words. */
const CLOSING_MAX = 40;

/**
 * "TỔ CHỨC THỰC HIỆN" in capitals on a line of its own, without a numeral, after the plan's numbered
 * parts (a programme's table ends at "IV …" and the plan goes on): a section of its own, not more of the
 * last part.
 * Labelled by its initials ("TCTH").
 */
function closingSection(text: string, root: OutlineNode): Marker | null {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (text.length > CLOSING_MAX || letters.length < 6 || letters !== letters.toUpperCase()) return null;
  const body = root.children.filter((c) => c.marker !== null && c.marker.kind !== 'bullet');
  if (body.length === 0) return null;
  const words = foldWords(text);
  if (!CLOSING.some((h) => startsWithWords(words, h))) return null;
  const label = words.map((w) => w.charAt(0).toUpperCase()).join('');
  // Beside roman sections it is one more; beside a table's groups ("1. THÁNG 4/2026") it is a group
  // ranked above them, so that its own "1.", "2." fall under it.
  const roman = body.some((c) => c.marker?.kind === 'roman');
  return { kind: roman ? 'roman' : 'number', label, rank: 1, length: 0 };
}

/** A lettered heading inside a roman section: below the section, above its numbered items. */
const NESTED_PART_RANK = 1.5;

export function buildOutline(paragraphs: readonly Paragraph[]): OutlineNode {
  const root: OutlineNode = { marker: null, text: '', children: [], index: -1 };
  const stack: OutlineNode[] = [root];
  const rankOf = (n: OutlineNode): number => n.marker?.rank ?? 0;
  paragraphs.forEach((p, index) => {
    const found = detectMarker(p.text) ?? closingSection(p.text, root);
    // "III. NỘI DUNG" / "A. TRUNG TÂM … CHỦ TRÌ" / "1. Lớp …": lettered headings after roman sections
    // have begun group the items of the section they stand in, not sections of their own above it.
    // (Not an appendix, "PHỤ LỤC", which stands apart after the plan's sections.)
    const inSection =
      found?.kind === 'part' &&
      !found.label.startsWith('PL') &&
      root.children.some((c) => c.marker?.kind === 'roman');
    const marker = inSection && found ? { ...found, rank: NESTED_PART_RANK } : found;
    const node: OutlineNode = {
      marker,
      text: marker ? p.text.slice(marker.length).trim() : p.text,
      children: [],
      index,
    };
    if (marker) {
      while (stack.length > 1 && rankOf(stack[stack.length - 1] as OutlineNode) >= marker.rank) stack.pop();
      (stack[stack.length - 1] as OutlineNode).children.push(node);
      stack.push(node);
      return;
    }
    // "THÁNG 3", "Tháng 4/2026" right before a numbered item: a programme by months heads its items with
    // the month on a line of its own; it stands beside those items (the walk times them by it), not
    // under the item above.
    const next = paragraphs[index + 1];
    const nextMarker = next ? detectMarker(next.text) : null;
    if (nextMarker && nextMarker.kind !== 'bullet' && timeHeading(p.text) !== null) {
      while (stack.length > 1 && rankOf(stack[stack.length - 1] as OutlineNode) >= nextMarker.rank)
        stack.pop();
      (stack[stack.length - 1] as OutlineNode).children.push(node);
      return;
    }
    // An unmarked paragraph closes any run of bullets: it belongs to the item, and so do bullets after it.
    while (stack.length > 1 && (stack[stack.length - 1] as OutlineNode).marker?.kind === 'bullet')
      stack.pop();
    (stack[stack.length - 1] as OutlineNode).children.push(node);
  });
  return root;
}

/**
 * The plan's sections, the top level the walk reads: its roman sections, and when the plan groups them in
 * lettered parts ("B. NHIỆM VỤ CỤ THỂ" over "I. …", "II. …"), the romans inside each part; a part with no
 * roman sections under it ("A. MỤC TIÊU", "C. TỔ CHỨC THỰC HIỆN") is a section itself.
 */
export function planSections(root: OutlineNode): OutlineNode[] {
  return root.children.flatMap((c) => {
    if (c.marker?.kind === 'roman') return [c];
    if (c.marker?.kind !== 'part') return [];
    const romans = c.children.filter((g) => g.marker?.kind === 'roman');
    return romans.length > 0 ? romans : [c];
  });
}

export function isBullet(node: OutlineNode): boolean {
  return node.marker?.kind === 'bullet';
}

/** Numbered (not bulleted, not plain) nodes. */
export function isNumbered(node: OutlineNode): boolean {
  return node.marker !== null && node.marker.kind !== 'bullet';
}

/** All descendants, depth first, in document order. */
export function descendants(node: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = [];
  const walk = (n: OutlineNode): void => {
    for (const c of n.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** The node's own text followed by the text of everything under it. */
export function fullText(node: OutlineNode): string {
  return [node.text, ...descendants(node).map((d) => d.text)].join(' ');
}
