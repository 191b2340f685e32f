/**
 * A spreadsheet pasted as text whose cells carry their column's letter: a legend names the columns once,
 * each row gives its number, then "[A] …", "[B] …" in legend order, wrapped onto indented lines.
 *
 *   KÝ HIỆU CỘT:  [A] Nội dung công việc   [B] Đơn vị chủ trì   [C] Đơn vị phối hợp   [D] Thời gian
 *   ===================== THÁNG 01/2027 =====================
 *   01 [A] Phiên họp BTV thường kỳ tháng 01 [B] P.TCTH [C] VP
 *      [D] Tuần 2
 *      ~ Nghỉ Tết Nguyên đán ~
 *
 * The rows become a "| … |" table under a header of the legend's names, which the pipe-table reader takes
 * (text-tables.ts); a "=== THÁNG 01/2027 ===" line is a group row across it, "ø" an empty cell, a "~ … ~"
 * line a note that is no row, and "…" opening a line the rest of the cell above.
 */
import { pipeRow, pipeRule, spanningRow } from './pipe-rows';

const TAG = /\[([A-Z])\]\s*/g;
/** Tags a legend names at least: the work, who, and when. */
const MIN_COLUMNS = 3;
const ROW = /^\s*(\d{1,3}[a-z]?)[.)]?\s+(\[[A-Z]\].*)$/u;
const GROUP = /^\s*={3,}\s*(\S.*?)\s*={3,}\s*$/u;
const RULE = /^\s*={3,}\s*$/u;
const NOTE = /^\s*~.*~\s*$/u;
const EMPTY = /^[øØ∅]$/u;

/** The letters and names a legend line gives, when it gives at least MIN_COLUMNS of them in order. */
function legend(line: string): Map<string, string> | null {
  const parts = line.slice(Math.max(line.indexOf('['), 0)).split(/\[([A-Z])\]/);
  const columns = new Map<string, string>();
  for (let k = 1; k + 1 < parts.length; k += 2) {
    const name = (parts[k + 1] ?? '').trim();
    if (!name) return null;
    columns.set(parts[k] ?? '', name);
  }
  const letters = [...columns.keys()];
  const inOrder = letters.every((l, k) => k === 0 || l > (letters[k - 1] ?? ''));
  return columns.size >= MIN_COLUMNS && inOrder ? columns : null;
}

/** A row's text split at its tags: letter → words, in the order written. */
function tagged(text: string, into: Map<string, string[]>, open: string | null): string | null {
  let last = open;
  let from = 0;
  const append = (letter: string | null, words: string): void => {
    const w = words.replace(/^…\s*/u, '').trim();
    if (!letter || !w) return;
    into.set(letter, [...(into.get(letter) ?? []), w]);
  };
  for (const m of text.matchAll(TAG)) {
    append(last, text.slice(from, m.index));
    last = m[1] ?? null;
    if (last && !into.has(last)) into.set(last, []);
    from = (m.index ?? 0) + m[0].length;
  }
  append(last, text.slice(from));
  return last;
}

export function letterCellsAsPipes(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let columns: Map<string, string> | null = null;
  // The header goes out with the first row or group: lines between the legend and the table ("Ô để
  // trống ghi ø") stay above it.
  let headed = false;
  let row: { number: string; cells: Map<string, string[]>; open: string | null } | null = null;
  const flush = (): void => {
    if (!row || !columns) return;
    const cells = [...columns.keys()].map((l) => {
      const words = (row?.cells.get(l) ?? []).join(' ').replace(/\s*\|\s*/g, '/');
      return EMPTY.test(words.trim()) ? '' : words;
    });
    out.push(pipeRow([row.number, ...cells]));
    row = null;
  };
  for (const line of lines) {
    const named: Map<string, string> | null = columns ? null : legend(line);
    if (named) {
      columns = named;
      headed = false;
      continue;
    }
    if (!columns) {
      out.push(line);
      continue;
    }
    const opens = ROW.exec(line);
    const group = GROUP.exec(line);
    if (!headed && !opens && !group) {
      out.push(line);
      continue;
    }
    if (!headed) {
      out.push(pipeRow(['STT', ...columns.values()]), pipeRule(columns.size + 1));
      headed = true;
    }
    if (opens) {
      flush();
      row = { number: opens[1] ?? '', cells: new Map(), open: null };
      row.open = tagged(opens[2] ?? '', row.cells, null);
    } else if (group) {
      flush();
      out.push(pipeRow(spanningRow((group[1] ?? '').toUpperCase(), columns.size + 1)));
    } else if (NOTE.test(line) || line.trim() === '') {
      continue;
    } else if (row && /^\s/.test(line)) {
      row.open = tagged(line.trim(), row.cells, row.open);
    } else {
      // A rule closing the table, or a line from the margin that is none of its rows.
      flush();
      columns = null;
      out.push('');
      if (!RULE.test(line)) out.push(line);
    }
  }
  flush();
  return out.join('\n');
}
