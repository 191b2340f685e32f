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
 * It becomes the plan as an agency writes it: its letterhead, number and date, its title, a numbered item
 * per open task with "Chủ trì:", "Phối hợp:" and "Thời gian:" lines, and "TỔ CHỨC THỰC HIỆN" with a point per
 * unit. A task done or cancelled is none. A task with sub-tasks and no time of its own is their heading: the
 * sub-tasks are its lettered items and share its units. The time is the words the export keeps ("Hằng quý,
 * trước ngày 10 …" says what its dates alone cannot); only a time without words is read from its dates.
 * Grounds (căn cứ) and targets (chỉ tiêu) stay under their own headings.
 */
import { DOMParser } from '@xmldom/xmldom';
import { fold } from './fold';

/** Tag names folded to plain lower-case words ("NhiemVuCon" → "nhiemvucon"), as exports spell them. */
const key = (name: string): string => fold(name).replace(/[^a-z]/g, '');

const TASK = new Set(['nhiemvu', 'congviec', 'task']);
const SUBTASK = new Set(['nhiemvucon', 'congvieccon', 'subtask']);
const TITLE = new Set(['noidung', 'ten', 'tencongviec', 'tennhiemvu', 'title']);
const LEAD = new Set(['chutri', 'donvichutri', 'lead']);
const SUPPORT = new Set(['phoihop', 'donviphoihop', 'support']);
const TIME = new Set(['thoigian', 'thoihan', 'time']);
const DUTIES = new Set(['trachnhiem', 'tochucthuchien']);
const GROUNDS = new Set(['cancu']);
const TARGETS = new Set(['chitieu']);
/** States of a task no one has to do any more: done, cancelled, withdrawn. */
const CLOSED = /^(?:hoanthanh|dahoanthanh|dahuy|huy|thuhoi|dathuhoi|done|cancel+ed)$/;

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

/** "2027-02-01" → "01/02/2027". */
function dayOf(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}

function timeOf(node: XmlNode): string {
  const time = child(node, TIME);
  if (!time) return '';
  const words = textOf(time);
  if (words) return words;
  const from = dayOf(attr(time, 'batDau'));
  const to = dayOf(attr(time, 'ketThuc'));
  if (from && to) return from === to ? `ngày ${from}` : `từ ngày ${from} đến hết ngày ${to}`;
  if (to) return `đến hết ngày ${to}`;
  return from ? `từ ngày ${from}` : '';
}

function unitsOf(node: XmlNode | undefined): string {
  if (!node) return '';
  const named = children(node).map(textOf).filter(Boolean);
  return named.length > 0 ? named.join(', ') : textOf(node);
}

function isClosed(node: XmlNode): boolean {
  return CLOSED.test(key(attr(node, 'trangThai') || attr(node, 'status')));
}

interface Units {
  lead: string;
  support: string;
}

function fieldLines(node: XmlNode, inherited: Units, indent: string): string[] {
  const lead = unitsOf(child(node, LEAD)) || inherited.lead;
  const support = unitsOf(child(node, SUPPORT)) || inherited.support;
  const time = timeOf(node);
  return [
    ...(lead ? [`${indent}- Chủ trì: ${lead}`] : []),
    ...(support ? [`${indent}- Phối hợp: ${support}`] : []),
    ...(time ? [`${indent}- Thời gian: ${time}`] : []),
  ];
}

function taskLines(task: XmlNode, number: number): string[] {
  const title = textOf(child(task, TITLE));
  if (!title) return [];
  const subtasks = children(task).filter((c) => SUBTASK.has(key(c.nodeName)) && !isClosed(c));
  const own: Units = { lead: unitsOf(child(task, LEAD)), support: unitsOf(child(task, SUPPORT)) };
  if (subtasks.length === 0 || child(task, TIME)) {
    return [`${number}. ${title}`, ...fieldLines(task, { lead: '', support: '' }, '')];
  }
  // A heading over its sub-tasks: their units are its own unless they name theirs.
  const lines = [`${number}. ${title}:`];
  subtasks.forEach((sub, i) => {
    const subTitle = textOf(child(sub, TITLE));
    if (!subTitle) return;
    lines.push(`${String.fromCharCode(97 + (i % 26))}) ${subTitle}`, ...fieldLines(sub, own, '  '));
  });
  return lines;
}

function dutyLines(node: XmlNode): string[] {
  return children(node).flatMap((unit, i) => {
    const name = attr(unit, 'ten') || attr(unit, 'name');
    const text = textOf(unit);
    if (!text) return [];
    return [`${i + 1}. ${name ? `${name}: ` : ''}${text}`];
  });
}

function listLines(heading: string, node: XmlNode): string[] {
  const items = children(node).map(textOf).filter(Boolean);
  return [heading, ...(items.length > 0 ? items : [textOf(node)]).map((t) => `- ${t}`)];
}

/** Where the document's root says it comes from: "Liên minh Hợp tác xã tỉnh Đồng Tháp" → "Đồng Tháp". */
function placeOf(body: string): string {
  return /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(body)?.[1]?.trim() ?? '';
}

function headLines(root: XmlNode): string[] {
  const body = attr(root, 'coQuan') || attr(root, 'donVi');
  const number = attr(root, 'so') || attr(root, 'soKyHieu');
  const issued = /^(\d{4})-(\d{2})-(\d{2})/.exec(attr(root, 'ngayBanHanh'));
  const title = textOf(child(root, new Set(['trichyeu', 'tieude'])));
  const kind = /^(KẾ HOẠCH|CHƯƠNG TRÌNH)\b/iu.exec(title)?.[1]?.toUpperCase() ?? 'KẾ HOẠCH';
  const rest = title.replace(/^(?:kế hoạch|chương trình)\s*/iu, '');
  const dateLine = issued
    ? `${placeOf(body)}, ngày ${issued[3]} tháng ${issued[2]} năm ${issued[1]}`.trim()
    : '';
  return [
    ...(body ? [body.toUpperCase()] : []),
    ...(number ? [`Số: ${number}`] : []),
    ...(dateLine ? [dateLine] : []),
    '',
    kind,
    ...(rest ? [`${rest.charAt(0).toUpperCase()}${rest.slice(1)}`] : []),
    '',
  ];
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
      if (TASK.has(key(c.nodeName))) tasks.push(c);
      else if (!SUBTASK.has(key(c.nodeName))) walk(c);
    }
  };
  walk(root);
  if (tasks.length === 0) return text;
  const out = headLines(root);
  const grounds = child(root, GROUNDS);
  if (grounds) out.push(...listLines('Căn cứ:', grounds), '');
  const targets = child(root, TARGETS);
  if (targets) out.push(...listLines('I. CHỈ TIÊU', targets), '');
  out.push('II. NHIỆM VỤ CỤ THỂ');
  let number = 0;
  for (const task of tasks) {
    if (isClosed(task)) continue;
    out.push(...taskLines(task, ++number));
  }
  const duties = child(root, DUTIES);
  if (duties) out.push('', 'III. TỔ CHỨC THỰC HIỆN', ...dutyLines(duties));
  return out.join('\n');
}
