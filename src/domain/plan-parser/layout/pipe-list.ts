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
  [/^(?:viec|cong viec|noi dung|nhiem vu|ten viec)$/, null],
  [/^(?:dv|don vi|chu tri|dv chu tri|don vi chu tri|nguoi lam|ai lam|phu trach)$/, 'Chủ trì'],
  [/^(?:phoi hop|ph|p h|dv phoi hop)$/, 'Phối hợp'],
  [/^(?:han|thoi han|han chot|han hoan thanh)$/, 'Thời hạn'],
  [/^(?:tg|thoi gian|ngay)$/, 'Thời gian'],
  [/^(?:dd|dia diem|noi)$/, 'Địa điểm'],
];

/** "(việc | đv | hạn)": the labels of a legend's parts, null for the work; null when it is no legend. */
function legend(line: string): (string | null)[] | null {
  const inner = /^\s*\(?([^()]*\|[^()]*)\)?\s*:?\s*$/.exec(line)?.[1];
  if (!inner) return null;
  const parts = inner.split('|').map((p) => foldWords(p).join(' '));
  if (parts.length < 2) return null;
  const labels = parts.map((p) => PART_LABELS.find(([re]) => re.test(p)));
  if (labels.some((l) => l === undefined)) return null;
  const named = labels.map((l) => (l ? l[1] : null));
  return named.filter((l) => l === null).length === 1 ? named : null;
}

const ROW = /^(\s*(?:\d{1,2}[a-z]?[.)]|[-+•])\s+)(.*)$/u;

export function pipeListAsFields(text: string): string {
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
