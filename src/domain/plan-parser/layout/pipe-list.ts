/**
 * A terse hand's list whose lines are rows: a legend names the parts once, each numbered line gives them
 * split by "|".
 *
 *   (việc | đv | hạn)
 *   1. Dự thảo BC tổng kết | Ban KT-HT, p/h: các đv | 30/11
 *   2. Giấy mời | VP | phát hành 12/12
 *
 * Each line keeps its number and its work; the other parts become the field lines the items stage reads
 * ("- Chủ trì: Ban KT-HT, p/h: các đv", "- Thời hạn: 30/11"), on the same line to keep the plan's lines
 * where they were.
 */
import { foldWords } from './fold';

/** What a legend's part names: the work, who does it, when. */
const PART_LABELS: [RegExp, string | null][] = [
  [/^(?:viec|cong viec|noi dung|nhiem vu|ten viec|ten lop|lop|ten lop hoc|hoat dong)$/, null],
  [
    /^(?:dv|don vi|chu tri|dv chu tri|don vi chu tri|don vi thuc hien|nguoi lam|ai lam|phu trach)$/,
    'Chủ trì',
  ],
  [/^(?:phoi hop|ph|p h|dv phoi hop)$/, 'Phối hợp'],
  [/^(?:han|thoi han|han chot|han hoan thanh)$/, 'Thời hạn'],
  [/^(?:tg|thoi gian|ngay)$/, 'Thời gian'],
  [/^(?:dd|dia diem|noi)(?: .*)?$/, 'Địa điểm'],
];

/** "(việc | đv | hạn)": the labels of a legend's parts, null for the work; null when it is no legend. */
function legend(line: string, separator = '|'): (string | null)[] | null {
  const at = line.indexOf(separator);
  if (at < 0) return null;
  // "(mỗi dòng ghi: thời gian ► tên lớp ► …)": what comes before the last colon introduces the legend.
  const open = line.lastIndexOf(':', at);
  const inner = /^\s*\(?([^()]*)\)?\s*:?\s*$/.exec(open >= 0 ? `(${line.slice(open + 1)}` : line)?.[1];
  if (!inner || !inner.includes(separator)) return null;
  const parts = inner.split(separator).map((p) => foldWords(p).join(' '));
  if (parts.length < 2) return null;
  const labels = parts.map((p) => PART_LABELS.find(([re]) => re.test(p)));
  if (labels.some((l) => l === undefined)) return null;
  const named = labels.map((l) => (l ? l[1] : null));
  return named.filter((l) => l === null).length === 1 ? named : null;
}

const ROW = /^(\s*(?:\d{1,2}[a-z]?[.)]|[-+•])\s+)(.*)$/u;

/**
 * "(mỗi dòng ghi: thời gian ► tên lớp ► địa điểm, số học viên ► đơn vị thực hiện)" over lines of parts
 * split by an arrow, each wrapped onto indented lines, under group headings: each line an item "- <work>"
 * with its other parts as fields. The legend holds to the end of the plan's work.
 */
const ARROWS = ['►', '▸', '»', '→'];

function arrowRows(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let labels: (string | null)[] | null = null;
  let sep = '';
  let row: string | null = null;
  const flush = (): void => {
    if (row === null || !labels) return;
    const cells = row.split(sep).map((c) => c.replace(/\s+/g, ' ').trim());
    row = null;
    // A part with fewer parts than the legend ("Trước 15/02 ► Khảo sát … ► Ban X", no place) keeps its
    // first and last parts in the legend's first and last places.
    const fit =
      cells.length === labels.length
        ? labels
        : cells.length >= 2 && cells.length < labels.length && labels.indexOf(null) > 0
          ? [labels[0] ?? null, ...cells.slice(1, -1).map(() => null), labels.at(-1) ?? null]
          : null;
    if (!fit || fit[0] === null || fit.at(-1) === null) {
      out.push(cells.join(` ${sep} `));
      return;
    }
    const work = cells.filter((_, k) => fit[k] === null).join(', ');
    const fields = cells.flatMap((value, k) => (fit[k] && value ? [`${fit[k]}: ${value}`] : []));
    out.push(`- ${work.replace(/[.;]$/, '')}. ${fields.map((f) => f.replace(/[.;]$/, '')).join('. ')}.`);
  };
  for (const line of lines) {
    const named: readonly [string, (string | null)[] | null] | undefined = labels
      ? undefined
      : ARROWS.map((a) => [a, legend(line, a)] as const).find(([, l]) => l);
    if (named?.[1]) {
      [sep, labels] = [named[0], named[1]];
      continue;
    }
    if (!labels) {
      out.push(line);
      continue;
    }
    if (/^\S/.test(line) && line.includes(sep)) {
      flush();
      row = line;
    } else if (row !== null && /^\s+\S/.test(line)) row = `${row} ${line.trim()}`;
    else {
      flush();
      // "TỔ CHỨC THỰC HIỆN" and what follows assign no rows of work.
      if (/^\s*(?:[IVX]{1,4}\.\s*)?T[ỔO] CH[ỨU]C TH[ỰU]C HI[ỆE]N/iu.test(line)) labels = null;
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}

export function pipeListAsFields(text: string): string {
  return pipeRows(arrowRows(text));
}

function pipeRows(text: string): string {
  const lines = text.split('\n');
  let labels: (string | null)[] | null = null;
  return lines
    .map((line) => {
      const named = legend(line);
      if (named) {
        labels = named;
        return '';
      }
      const row = ROW.exec(line);
      const cells = row ? (row[2] ?? '').split(/\s*\|\s*/) : [];
      if (!labels || !row || cells.length < 2) {
        // The list ends at the first line that is none of its rows (a blank line goes on).
        if (line.trim() !== '') labels = null;
        return line;
      }
      const work = cells[labels.indexOf(null)] ?? cells[0] ?? '';
      const fields = cells.flatMap((cell, k) => {
        const label = labels?.[k];
        const value = cell.trim();
        // "30/11", "xong 19/12" under "hạn": due by that day.
        const due = label === 'Thời hạn' && /^(?:xong\s+)?\d{1,2}\/\d{1,2}(?:\/\d{4})?$/iu.test(value);
        const written = due ? `hạn chót ${value.replace(/^xong\s+/iu, '')}` : value;
        return label && value ? [`${label}: ${written}`] : [];
      });
      return `${row[1] ?? ''}${work.trim().replace(/[.;]$/, '')}. ${fields.join('. ')}`;
    })
    .join('\n');
}
