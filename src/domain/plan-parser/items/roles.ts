/** What a numbered item is: a field of its parent, a responsibilities block, a unit's heading, a group or a task. */
import type { ParseContext } from '../plan/context';
import { readField } from './fields';
import { fold, foldPhrase } from '../layout/fold';
import { isNumbered, type OutlineNode } from '../layout/outline';
import { isDutiesHeading } from './sections';
import type { UnitDirectory } from '../plan/units';

export type Role = 'field' | 'duties' | 'unit' | 'group' | 'task';

/** The heading is (almost) only a unit's name: "3. Văn phòng", "6. Quỹ hỗ trợ phát triển HTX thành phố: …". */
export function isUnitHeading(text: string, units: UnitDirectory): boolean {
  const colon = text.indexOf(':');
  const head = (colon > 0 ? text.slice(0, colon) : text).replace(/[\s.;,]+$/, '');
  const scan = units.scan(head);
  const names = [...scan.hits, ...scan.unknown].sort((a, b) => a.from - b.from);
  const first = names[0];
  if (!first || first.from > 2) return false;
  // "Ban TC-KT, Ban HTPT, TT XTTM, Quỹ HTPT:": a run of names joined by commas or "và" heads the lines.
  let to = first.to;
  for (const n of names.slice(1)) {
    if (!/^[\s,;]*(?:v[àa]\s+)?$/iu.test(head.slice(to, n.from))) break;
    to = n.to;
  }
  const covered = foldPhrase(head.slice(first.from, to)).length;
  // "Văn phòng Liên minh HTX tỉnh": the name of the plan's own alliance qualifies, it adds no words.
  const rest = foldPhrase(head).replace(OWN_ALLIANCE, '');
  return covered >= 0.6 * rest.length;
}

const OWN_ALLIANCE =
  /\s*(?:(?:cua|thuoc)\s+)?(?:lien minh (?:htx|hop tac xa)|lmhtx)(?:\s+(?:tinh|thanh pho|tp))?(?:\s+[a-z]+){0,3}$/;

const LEADS_BELOW = /\b(?:chu tri|phu trach)\s*(?:\([^()]*\))?[\s.:]*$/;

export function roleOf(node: OutlineNode, ctx: ParseContext): Role {
  if (readField(node.text)) return 'field';
  if (isDutiesHeading(node.text) && node.children.length > 0) return 'duties';
  // "B. BAN KIỂM TRA CHỦ TRÌ" over items: a group the unit leads (walker.ts), not its list of duties.
  if (isUnitHeading(node.text, ctx.units) && !LEADS_BELOW.test(fold(node.text))) return 'unit';
  if (node.children.some((c) => isNumbered(c) && roleOf(c, ctx) !== 'field')) return 'group';
  return 'task';
}

/** The item's place in the document: "I.1.(3)"; a "4.1" under "III.4" is "III.4.1", not "III.4.4.1". */
export function childRef(ref: string, node: OutlineNode): string {
  const label = node.marker?.label ?? '';
  if (!ref) return label;
  const parts = ref.split('.');
  if (node.marker?.kind === 'multi') {
    const head = label.split('.');
    for (let k = Math.min(parts.length, head.length - 1); k > 0; k--) {
      if (parts.slice(-k).join('.') === head.slice(0, k).join('.'))
        return [...parts.slice(0, -k), label].join('.');
    }
  }
  return `${ref}.${label}`;
}
