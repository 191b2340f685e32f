/**
 * A plan's network of tasks kept as Graphviz DOT source, printed on A3 for the meeting room:
 *
 *   // Sơ đồ mạng công việc kèm theo Kế hoạch số 15/KH-LMHTX ngày 22/02/2027 "Tổ chức Ngày hội …"
 *   // Viết tắt trong nhãn: VP = Văn phòng; TT-SP = Ban Thị trường - Sản phẩm; …
 *   digraph NgayHoi {
 *     subgraph cluster_gd1 {
 *       label="GIAI ĐOẠN 1 - CHUẨN BỊ (tháng 3 - tháng 8/2027)";
 *       T01 [label="T01. Thành lập Ban Tổ chức …\nChủ trì: VP\nPhối hợp: -\nHạn: trước 15/3/2027"];
 *       T12 [label="T12. …\n(ĐÃ BỎ)", style="dashed", color=gray];
 *     }
 *     T01 -> T02 -> T03;
 *   }
 *
 * Each node whose label names a lead, a supporting unit or a time is a task; one struck from the plan
 * (its label says so, or it is drawn greyed out) and the legend's sample nodes are none. The arrows only
 * order the work, which the tasks' own times already say. Parsed with `dotparser`; it becomes the plan
 * as an agency writes it (task-export.ts), the codes of the notes' legend written out.
 */
import parseDot, { type Attr, type Graph, type Stmt } from 'dotparser';
import { codeLegend, headerFacts, unitsOfCodes } from './header-notes';
import { exportedPlanAsText, isClosedState, type ExportedTask } from './task-export';
import { fold } from './fold';

/** Only a text laid out as a DOT graph is tried: "digraph Name {" or "graph {" at a line's start. */
const looksLikeDot = (text: string): boolean => /^\s*(?:strict\s+)?(?:di)?graph\b[^\n{]*\{/im.test(text);

function attrOf(list: readonly Attr[], name: string): string {
  const found = list.find((a) => a.id === name)?.eq;
  return typeof found === 'string' || typeof found === 'number' ? String(found) : '';
}

/** A label's lines: DOT writes a line break as "\n" (or "\l", "\r" for its alignment). */
const labelLines = (label: string): string[] =>
  label
    .replace(/\\"/g, '"')
    .split(/\\[nlr]|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

const FIELD = /^(chủ trì|đơn vị chủ trì|phối hợp|đơn vị phối hợp|thời gian|hạn|thời hạn)\s*:\s*(.*)$/iu;

/** "Hạn: 30/4/2027" is the last day the task may take; "Hạn: trước 15/3/2027" says so itself. */
function timeWords(name: string, value: string): string {
  if (!/^(?:hạn|thời hạn)$/iu.test(name) || /^(?:trước|chậm nhất|trong|hoàn thành|xong)/iu.test(value))
    return value;
  return `chậm nhất ngày ${value.replace(/^ngày\s+/iu, '')}`;
}

function taskOfLabel(lines: readonly string[], legend: ReadonlyMap<string, string>): ExportedTask | null {
  const [head, ...rest] = lines;
  if (!head) return null;
  let lead = '';
  let support = '';
  let time = '';
  let fields = 0;
  for (const line of rest) {
    const m = FIELD.exec(line);
    // "(ĐÃ BỎ)": the task was struck from the plan and is kept on the drawing only to compare.
    if (!m && isClosedState(line.replace(/[()[\]]/g, ''))) return null;
    if (!m) continue;
    fields++;
    const name = fold(m[1] ?? '');
    const value = (m[2] ?? '').trim();
    if (name.includes('chu tri')) lead = unitsOfCodes(value, legend);
    else if (name.includes('phoi hop')) support = unitsOfCodes(value, legend);
    else time = timeWords(m[1] ?? '', value);
  }
  if (fields === 0) return null;
  // "T01. Thành lập …": the node's own code opens its first line.
  const title = head.replace(/^[\p{L}]{0,3}\d{1,3}[.):]\s+/u, '');
  return { title, lead, support, time, subtasks: [] };
}

/** Grey strokes mark a node dropped from the plan. */
const isGreyedOut = (attrs: readonly Attr[]): boolean =>
  /dashed|dotted/.test(attrOf(attrs, 'style')) &&
  /gr[ae]y/i.test(attrOf(attrs, 'color') + attrOf(attrs, 'fontcolor'));

function tasksOf(children: readonly Stmt[], legend: ReadonlyMap<string, string>, out: ExportedTask[]): void {
  for (const stmt of children) {
    if (stmt.type === 'subgraph') tasksOf(stmt.children, legend, out);
    if (stmt.type !== 'node_stmt' || isGreyedOut(stmt.attr_list)) continue;
    const task = taskOfLabel(labelLines(attrOf(stmt.attr_list, 'label')), legend);
    if (task) out.push(task);
  }
}

/** The comments around the graph: "// …", "# …" and "/* … *\/", without their markers. */
function notesOf(source: string): string {
  const notes: string[] = [];
  for (const m of source.matchAll(/\/\*([\s\S]*?)\*\/|^\s*(?:\/\/|#)(.*)$/gm))
    notes.push(...(m[1] ?? m[2] ?? '').split('\n').map((l) => l.replace(/^\s*[*=]+\s*$/, '').trim()));
  return notes.filter((l) => l && !/^[=*-]{3,}$/.test(l)).join('\n');
}

export function graphvizDotAsText(source: string): string {
  if (!looksLikeDot(source)) return source;
  let graphs: Graph[];
  try {
    graphs = parseDot(source);
  } catch {
    return source;
  }
  const notes = notesOf(source);
  const legend = codeLegend(notes);
  const tasks: ExportedTask[] = [];
  for (const graph of graphs) tasksOf(graph.children, legend, tasks);
  if (tasks.length < 2) return source;
  const facts = headerFacts(notes);
  const graphLabel = graphs
    .flatMap((g) => g.children)
    .filter((s) => s.type === 'attr_stmt' && s.target === 'graph')
    .map((s) => (s.type === 'attr_stmt' ? attrOf(s.attr_list, 'label') : ''))
    .find(Boolean);
  return exportedPlanAsText({
    ...facts,
    title: facts.title || labelLines(graphLabel ?? '')[0] || '',
    grounds: [],
    targets: [],
    tasks,
    duties: [],
  });
}
