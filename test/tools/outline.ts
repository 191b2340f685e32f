/** Prints a plan's outline as the parser's layout stage builds it (a developer's look, not a test). */
import { readFileSync } from 'node:fs';
import { buildOutline, type OutlineNode } from '../../src/domain/plan-parser/layout/outline';
import { toParagraphs } from '../../src/domain/plan-parser/layout/paragraphs';
import { normalizeText } from '../../src/domain/plan-parser/layout/fold';

const file = process.argv[2];
if (!file) throw new Error('usage: outline.ts <plan.txt>');
const show = (n: OutlineNode, depth: number): void => {
  const m = n.marker ? `${n.marker.kind}:${n.marker.label}` : '·';
  if (depth >= 0) console.log(`${'  '.repeat(depth)}[${m}] ${n.text.slice(0, 110)}`);
  for (const c of n.children) show(c, depth + 1);
};
show(buildOutline(toParagraphs(normalizeText(readFileSync(file, 'utf8')))), -1);
