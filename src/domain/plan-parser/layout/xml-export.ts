/**
 * A plan's task list exported as XML from a task-tracking system, sent with the plan for the units to load
 * into their software:
 *
 *   <KeHoach so="07/KH-LMHTX" ngayBanHanh="2027-01-26" coQuan="Liên minh Hợp tác xã tỉnh …">
 *     <TrichYeu>Kế hoạch chuyển đổi số … năm 2027</TrichYeu>
 *     <DanhSachNhiemVu>
 *       <NhiemVu ma="NV02" trangThai="ChuaThucHien">
 *         <NoiDung>Khảo sát …</NoiDung> <ChuTri>Phòng …</ChuTri> <PhoiHop><DonVi>…</DonVi></PhoiHop>
 *         <ThoiGian batDau="2027-02-01" ketThuc="2027-03-31">Tháng 2 – tháng 3/2027</ThoiGian>
 *       </NhiemVu>
 *       <NhiemVu …><NoiDung>…</NoiDung><ChuTri>…</ChuTri><NhiemVuCon …>…</NhiemVuCon></NhiemVu>
 *     </DanhSachNhiemVu>
 *     <TrachNhiem><DonVi ten="Văn phòng">Bảo đảm kinh phí …</DonVi></TrachNhiem>
 *   </KeHoach>
 *
 * It becomes the plan as an agency writes it (`task-export.ts`). The time is the words the export keeps
 * ("Hằng quý, trước ngày 10 …" says what its dates alone cannot); only a time without words is read from its
 * dates.
 */
import { DOMParser } from '@xmldom/xmldom';
import {
  exportedPlanAsText,
  fieldKey as key,
  isClosedState,
  TASK_FIELDS as F,
  timeOfDates,
  type ExportedTask,
} from './task-export';

interface XmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<XmlNode>;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;

function children(node: XmlNode): XmlNode[] {
  return Array.from(node.childNodes).filter((c) => c.nodeType === ELEMENT);
}

function child(node: XmlNode, names: ReadonlySet<string>): XmlNode | undefined {
  return children(node).find((c) => names.has(key(c.nodeName)));
}

function textOf(node: XmlNode | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function attr(node: XmlNode | undefined, name: string): string {
  if (!node?.getAttribute) return '';
  // Attribute names are matched as written and in lower case: "ngayBanHanh", "ngaybanhanh".
  return (node.getAttribute(name) ?? node.getAttribute(name.toLowerCase()) ?? '').trim();
}

function timeOf(node: XmlNode): string {
  const time = child(node, F.time);
  if (!time) return '';
  return textOf(time) || timeOfDates(attr(time, 'batDau'), attr(time, 'ketThuc'));
}

function unitsOf(node: XmlNode | undefined): string {
  if (!node) return '';
  const named = children(node).map(textOf).filter(Boolean);
  return named.length > 0 ? named.join(', ') : textOf(node);
}

function isClosed(node: XmlNode): boolean {
  return isClosedState(attr(node, 'trangThai') || attr(node, 'status'));
}

function taskOf(node: XmlNode): ExportedTask {
  return {
    title: textOf(child(node, F.title)),
    lead: unitsOf(child(node, F.lead)),
    support: unitsOf(child(node, F.support)),
    time: timeOf(node),
    subtasks: children(node)
      .filter((c) => F.subtask.has(key(c.nodeName)) && !isClosed(c))
      .map(taskOf),
  };
}

function listOf(node: XmlNode | undefined): string[] {
  if (!node) return [];
  const items = children(node).map(textOf).filter(Boolean);
  return items.length > 0 ? items : [textOf(node)].filter(Boolean);
}

/** Root elements worth reading this way: a plan with a list of tasks. */
function looksLikeTaskExport(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*</.test(text) && /<\/[A-Za-z]+>\s*$/.test(text);
}

export function xmlExportAsText(text: string): string {
  if (!looksLikeTaskExport(text)) return text;
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (m) => errors.push(m),
      fatalError: (m) => errors.push(m),
    },
  }).parseFromString(text, 'text/xml') as unknown as { documentElement: XmlNode | null };
  const root = doc.documentElement;
  if (!root || errors.length > 0) return text;
  const tasks: XmlNode[] = [];
  const walk = (node: XmlNode): void => {
    for (const c of children(node)) {
      if (F.task.has(key(c.nodeName))) tasks.push(c);
      else if (!F.subtask.has(key(c.nodeName))) walk(c);
    }
  };
  walk(root);
  if (tasks.length === 0) return text;
  const duties = child(root, F.duties);
  return exportedPlanAsText({
    body: attr(root, 'coQuan') || attr(root, 'donVi'),
    number: attr(root, 'so') || attr(root, 'soKyHieu'),
    issued: attr(root, 'ngayBanHanh'),
    title: textOf(child(root, new Set(['trichyeu', 'tieude']))),
    grounds: listOf(child(root, F.grounds)),
    targets: listOf(child(root, F.targets)),
    tasks: tasks.filter((t) => !isClosed(t)).map(taskOf),
    duties: duties
      ? children(duties).map((u) => ({ unit: attr(u, 'ten') || attr(u, 'name'), text: textOf(u) }))
      : [],
  });
}
