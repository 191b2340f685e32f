/**
 * A plan's task database dumped as SQL (mysqldump and the like), sent with the plan:
 *
 *   -- … gửi kèm Kế hoạch số 15/KH-LMHTX ngày 18/01/2027 của Liên minh HTX tỉnh … "…"
 *   CREATE TABLE `don_vi` (`id` int, `ma` varchar(20), `ten` varchar(255), …);
 *   INSERT INTO `don_vi` VALUES (1,'VP','Văn phòng',0), …;
 *   INSERT INTO `nhiem_vu` VALUES (102,15,NULL,'2','Khảo sát …','2027-02-01','2027-03-31',NULL,'dang_lam',NULL), …;
 *   INSERT INTO `phan_cong` VALUES (102,2,'CT'),(102,6,'PH'), …;
 *   UPDATE `nhiem_vu` SET `han`='2027-04-15' WHERE `id`=116;
 *   DELETE FROM `nhiem_vu` WHERE `id`=118;
 *
 * The statements are run, in order, on tables kept in memory, so the plan is read as it stands after its
 * last change. Tables are known by their columns, not their names: the units (an id and a name), the plan
 * (its number, name and date), the tasks (a name and their days), the assignments (a task, a unit and a
 * role, "CT" leading and "PH" supporting), the units' duties and the targets. The tasks then become the
 * mapping a YAML export holds and are read as one is (yaml-export.ts). Parsed with `node-sql-parser`; a
 * text that is not such a dump is left as it is.
 */
import { Parser } from 'node-sql-parser/build/mysql';
import { headerFacts } from './header-notes';
import { fieldKey as key, TASK_FIELDS as F } from './task-export';
import { exportedDocAsText } from './yaml-export';

type Value = string | number | null;
type Row = Record<string, Value>;
interface Table {
  columns: string[];
  rows: Row[];
}
/** The parser's syntax tree is typed loosely ("any"); it is walked through these few shapes. */
type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? v.filter(isNode) : isNode(v) ? [v] : []);

function literal(node: unknown): Value {
  if (!isNode(node)) return null;
  const value = node.value;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

/** A column's name as the tree gives it: a string, or a reference holding one (maybe under "expr"). */
function columnName(ref: unknown): string {
  if (typeof ref === 'string') return ref;
  if (!isNode(ref)) return '';
  if (typeof ref.column === 'string') return ref.column;
  return columnName(ref.column ?? ref.expr);
}

const tableName = (v: unknown): string => {
  const first = nodes(v)[0];
  return typeof first?.table === 'string' ? first.table : '';
};

/** `col = 1`, `col IN (1, 2)`, joined by AND / OR: the conditions a dump's changes use. */
function matches(where: unknown, row: Row): boolean {
  if (!isNode(where)) return true;
  const op = String(where.operator ?? '').toUpperCase();
  if (op === 'AND') return matches(where.left, row) && matches(where.right, row);
  if (op === 'OR') return matches(where.left, row) || matches(where.right, row);
  const cell = row[columnName(where.left)];
  if (op === '=') return String(cell) === String(literal(where.right));
  if (op === 'IN' && isNode(where.right))
    return nodes(where.right.value).some((v) => String(literal(v)) === String(cell));
  return false;
}

function run(statements: readonly Node[]): Map<string, Table> {
  const tables = new Map<string, Table>();
  const table = (name: string): Table => {
    let found = tables.get(name);
    if (!found) tables.set(name, (found = { columns: [], rows: [] }));
    return found;
  };
  for (const st of statements) {
    const name = tableName(st.table);
    if (!name) continue;
    if (st.type === 'create') {
      table(name).columns = nodes(st.create_definitions)
        .filter((d) => d.resource === 'column')
        .map((d) => columnName(d.column));
    } else if (st.type === 'insert' || st.type === 'replace') {
      const t = table(name);
      const columns =
        Array.isArray(st.columns) && st.columns.length > 0 ? st.columns.map(columnName) : t.columns;
      const values = isNode(st.values) ? nodes(st.values.values) : [];
      for (const tuple of values) {
        const row: Row = {};
        nodes(tuple.value).forEach((v, i) => (row[columns[i] ?? `c${i}`] = literal(v)));
        t.rows.push(row);
      }
    } else if (st.type === 'update') {
      for (const row of table(name).rows.filter((r) => matches(st.where, r)))
        for (const set of nodes(st.set)) row[columnName(set.column)] = literal(set.value);
    } else if (st.type === 'delete') {
      const t = table(name);
      t.rows = t.rows.filter((r) => !matches(st.where, r));
    }
  }
  return tables;
}

/** The value of the row's first column whose folded name is among `names`. */
function cell(row: Row, names: readonly string[] | ReadonlySet<string>): Value {
  const wanted = new Set(names);
  for (const [name, value] of Object.entries(row)) if (wanted.has(key(name))) return value;
  return null;
}

const hasColumns = (t: Table, ...groups: (readonly string[] | ReadonlySet<string>)[]): boolean =>
  groups.every((g) => t.columns.concat(Object.keys(t.rows[0] ?? {})).some((c) => new Set(g).has(key(c))));

const TITLE = [...F.title, 'tieude', 'noidungcongviec'];
const START = ['batdau', 'tungay', 'ngaybatdau', 'start'];
const END = ['ketthuc', 'denngay', 'ngayketthuc', 'end'];
const DUE = ['han', 'hanhoanthanh', 'thoihan', 'ngayhan', 'due'];
const TASK_REF = ['nhiemvuid', 'congviecid', 'taskid', 'idnhiemvu'];
const UNIT_REF = ['donviid', 'unitid', 'iddonvi'];
const ROLE = ['vaitro', 'role', 'loai'];
const PARENT = ['chaid', 'parentid', 'nhiemvuchaid', 'idcha'];

function find(tables: Map<string, Table>, test: (t: Table) => boolean): Table | undefined {
  return [...tables.values()].find((t) => t.rows.length > 0 && test(t));
}

const text = (v: Value): string => (v === null ? '' : String(v).trim());

export function sqlDumpAsText(source: string): string {
  if (!/^\s*INSERT\s+INTO\b/im.test(source) || !/^\s*CREATE\s+TABLE\b/im.test(source)) return source;
  let statements: Node[];
  try {
    statements = nodes(new Parser().astify(source, { database: 'MySQL' }));
  } catch {
    return source;
  }
  const tables = run(statements);
  const tasks = find(
    tables,
    (t) => hasColumns(t, TITLE, [...START, ...END, ...DUE]) && !hasColumns(t, TASK_REF),
  );
  if (!tasks) return source;
  const units = find(
    tables,
    (t) => t !== tasks && hasColumns(t, ['ten', 'tendonvi', 'name']) && !hasColumns(t, TASK_REF),
  );
  const unitName = new Map(
    (units?.rows ?? []).map((r) => [text(cell(r, ['id'])), text(cell(r, ['ten', 'tendonvi', 'name']))]),
  );
  const nameOf = (v: Value): string => unitName.get(text(v)) ?? text(v);
  const assignments = find(tables, (t) => hasColumns(t, TASK_REF, UNIT_REF, ROLE));
  const roles = new Map<string, { lead: string[]; support: string[] }>();
  for (const r of assignments?.rows ?? []) {
    const task = text(cell(r, TASK_REF));
    const entry = roles.get(task) ?? { lead: [], support: [] };
    const role = key(text(cell(r, ROLE)));
    (/^(?:ct|chutri|lead)$/.test(role) ? entry.lead : entry.support).push(nameOf(cell(r, UNIT_REF)));
    roles.set(task, entry);
  }
  const record = (r: Row): Record<string, unknown> => {
    const id = text(cell(r, ['id']));
    const start = text(cell(r, START));
    const end = text(cell(r, END)) || (start ? text(cell(r, DUE)) : '');
    return {
      noi_dung: text(cell(r, TITLE)),
      chu_tri: roles.get(id)?.lead ?? nameOf(cell(r, F.lead)),
      phoi_hop: roles.get(id)?.support ?? nameOf(cell(r, F.support)),
      bat_dau: start,
      ket_thuc: end,
      han: start ? '' : text(cell(r, DUE)),
      thoi_gian: text(cell(r, F.time)),
      lap_lai: text(cell(r, ['laplai', 'chuky', 'repeat'])),
      trang_thai: text(cell(r, ['trangthai', 'status'])),
      cong_viec_con: tasks.rows.filter((c) => text(cell(c, PARENT)) === id && id !== '').map(record),
    };
  };
  const plan = find(tables, (t) => hasColumns(t, ['sohieu', 'sokyhieu', 'so']))?.rows[0] ?? {};
  const duties = find(
    tables,
    (t) => t !== assignments && hasColumns(t, UNIT_REF, F.title) && !hasColumns(t, TASK_REF),
  );
  const targets = [...tables.entries()].find(([name]) => key(name) === 'chitieu')?.[1];
  const notes = [...source.matchAll(/^\s*--\s?(.*)$/gm)].map((m) => m[1] ?? '').join('\n');
  const facts = headerFacts(notes);
  return (
    exportedDocAsText({
      ke_hoach: {
        co_quan: facts.body,
        so_hieu: text(cell(plan, ['sohieu', 'sokyhieu', 'so'])) || facts.number,
        ngay_ban_hanh: text(cell(plan, ['ngaybanhanh', 'ngay'])) || facts.issued,
        ten: text(cell(plan, ['trichyeu', 'ten', 'tieude'])) || facts.title,
      },
      nhiem_vu: tasks.rows.filter((r) => !text(cell(r, PARENT))).map(record),
      trach_nhiem: (duties?.rows ?? []).map((r) => ({
        don_vi: nameOf(cell(r, UNIT_REF)),
        noi_dung: text(cell(r, F.title)),
      })),
      chi_tieu: (targets?.rows ?? []).map((r) => text(cell(r, F.title))).filter(Boolean),
    }) ?? source
  );
}
