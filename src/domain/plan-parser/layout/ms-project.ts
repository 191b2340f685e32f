/**
 * A plan's schedule saved from Microsoft Project as XML (the MSPDI format):
 *
 *   <Project xmlns="http://schemas.microsoft.com/project">
 *     <Title>Tiến độ tổ chức Hội chợ …</Title> <Subject>Kèm theo Kế hoạch số 09/KH-LMHTX ngày 18/01/2027 …</Subject>
 *     <Company>Liên minh Hợp tác xã tỉnh …</Company>
 *     <ExtendedAttributes><ExtendedAttribute><FieldID>188743731</FieldID><Alias>Đơn vị chủ trì</Alias> …
 *     <Tasks>
 *       <Task><Name>CHUẨN BỊ</Name><Summary>1</Summary> …</Task>
 *       <Task><Name>Gửi thư mời …</Name><Active>1</Active><Summary>0</Summary><Start>2027-02-01T08:00:00</Start>
 *         <Finish>2027-02-26T17:00:00</Finish><PercentComplete>0</PercentComplete>
 *         <ExtendedAttribute><FieldID>188743731</FieldID><Value>Ban …</Value></ExtendedAttribute></Task>
 *       <Task><Name>Báo cáo tiến độ …</Name><Summary>1</Summary><Recurring>1</Recurring> …</Task>  (its
 *         occurrences follow, one level down)
 *     </Tasks>
 *     <Resources> … <Assignments> …
 *   </Project>
 *
 * Each task that is no summary is one: its days its Start and Finish, its lead and helpers the custom
 * fields the file names "chủ trì" and "phối hợp" (else the resources assigned, the first leading). An
 * occurrence of a recurring task takes the recurring task's name and units. A task switched off
 * (Active 0) or finished (100 %) is none. It becomes the plan as an agency writes it (task-export.ts).
 */
import { DOMParser } from '@xmldom/xmldom';
import { fold } from './fold';
import { headerFacts } from './header-notes';
import { dayOf, exportedPlanAsText, timeOfDates, type ExportedTask } from './task-export';

interface XmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<XmlNode>;
}

const ELEMENT = 1;
const children = (node: XmlNode | undefined, name?: string): XmlNode[] =>
  node
    ? Array.from(node.childNodes).filter((c) => c.nodeType === ELEMENT && (!name || c.nodeName === name))
    : [];
const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => children(node, name)[0];
const textOf = (node: XmlNode | undefined, name: string): string =>
  (child(node, name)?.textContent ?? '').replace(/\s+/g, ' ').trim();

interface Row {
  uid: string;
  name: string;
  level: number;
  summary: boolean;
  recurring: boolean;
  open: boolean;
  start: string;
  finish: string;
  lead: string[];
  support: string[];
}

export function msProjectAsText(source: string): string {
  if (!/<Project\b[^>]*schemas\.microsoft\.com\/project/.test(source)) return source;
  const quiet = { warning: () => undefined, error: () => undefined, fatalError: () => undefined };
  const root = (
    new DOMParser({ errorHandler: quiet }).parseFromString(source, 'text/xml') as unknown as {
      documentElement: XmlNode | null;
    }
  ).documentElement;
  if (!root) return source;
  // The custom fields the file names for the lead and the helpers ("Đơn vị chủ trì", "Đơn vị phối hợp").
  const role = new Map<string, 'lead' | 'support'>();
  for (const a of children(child(root, 'ExtendedAttributes'), 'ExtendedAttribute')) {
    const alias = fold(textOf(a, 'Alias'));
    if (/chu tri|lead/.test(alias)) role.set(textOf(a, 'FieldID'), 'lead');
    else if (/phoi hop|support/.test(alias)) role.set(textOf(a, 'FieldID'), 'support');
  }
  const resources = new Map(
    children(child(root, 'Resources'), 'Resource').map((r) => [textOf(r, 'UID'), textOf(r, 'Name')]),
  );
  const assigned = new Map<string, string[]>();
  for (const a of children(child(root, 'Assignments'), 'Assignment')) {
    const name = resources.get(textOf(a, 'ResourceUID'));
    if (name) assigned.set(textOf(a, 'TaskUID'), [...(assigned.get(textOf(a, 'TaskUID')) ?? []), name]);
  }
  const rows: Row[] = children(child(root, 'Tasks'), 'Task').map((t) => {
    const units = { lead: [] as string[], support: [] as string[] };
    for (const a of children(t, 'ExtendedAttribute')) {
      const kind = role.get(textOf(a, 'FieldID'));
      if (kind)
        units[kind].push(
          ...textOf(a, 'Value')
            .split(/\s*[,;]\s*/)
            .filter(Boolean),
        );
    }
    const uid = textOf(t, 'UID');
    const byResource = role.size === 0 ? (assigned.get(uid) ?? []) : [];
    return {
      uid,
      name: textOf(t, 'Name'),
      level: Number(textOf(t, 'OutlineLevel') || 1),
      summary: textOf(t, 'Summary') === '1',
      recurring: textOf(t, 'Recurring') === '1',
      open: textOf(t, 'Active') !== '0' && Number(textOf(t, 'PercentComplete') || 0) < 100,
      start: textOf(t, 'Start').slice(0, 10),
      finish: textOf(t, 'Finish').slice(0, 10),
      lead: units.lead.length > 0 ? units.lead : byResource.slice(0, 1),
      support: units.support.length > 0 ? units.support : byResource.slice(1),
    };
  });
  const tasks: ExportedTask[] = [];
  let series: Row | null = null;
  for (const row of rows) {
    if (row.level === 0) continue;
    if (series && row.level <= series.level) series = null;
    if (row.summary) {
      if (row.recurring) series = row;
      continue;
    }
    if (!row.open || !row.name) continue;
    const from = series ?? row;
    tasks.push({
      // "Báo cáo tiến độ … 1": Project numbers the occurrences; their day says which one it is.
      title: series ? `${series.name} (${dayOf(row.finish) ?? row.name})` : row.name,
      lead: (row.lead.length > 0 ? row.lead : from.lead).join(', '),
      support: (row.lead.length > 0 || row.support.length > 0 ? row.support : from.support).join(', '),
      time: timeOfDates(row.start, row.finish),
      subtasks: [],
    });
  }
  if (tasks.length === 0) return source;
  const facts = headerFacts([textOf(root, 'Subject'), textOf(root, 'Company')].join('\n'));
  return exportedPlanAsText({
    ...facts,
    body: textOf(root, 'Company') || facts.body,
    title: facts.title || textOf(root, 'Title'),
    grounds: [],
    targets: [],
    tasks,
    duties: [],
  });
}
