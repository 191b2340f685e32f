/**
 * A plan drawn as a tree — a mind map exported as an outline, a `tree`-like listing:
 *
 *   ├── 2. Hội chợ - triển lãm
 *   │   ├── 2.1 Hội chợ OCOP … [!ưu tiên]
 *   │   │   ├── Thời gian: 21 - 25/4/2027
 *   │   │   ├── Chủ trì: TT XTTM
 *   │   │   └── Tuyển chọn HTX tham gia gian hàng
 *   │   │       ├── Hạn: 31/3/2027
 *   │   │       └── Chủ trì: Ban KT-TT
 *   │   └── 2.4 Hội chợ tại TP. Hồ Chí Minh [✖ bỏ - chuyển sang 2028]
 *
 * Branches become the lines the outline reads: a numbered branch stays numbered, its fields under it;
 * an unnumbered branch with fields of its own is a bullet with them in brackets. A branch marked as
 * dropped or done ("[✖ bỏ …]", "[✔ đã xong …]") and a note ("[Ghi chú …] …") go, with what hangs on them.
 */
import { readField } from '../items/fields';
import { fold, foldWords } from './fold';
import { isTimeHead } from '../time/time-words';
import { detectMarker } from './markers';

const BRANCH = /^([│\s]*)(?:├──|└──) +([^─┼┤┬┴│\s].*)$/u;
/** Branches it takes to read a text as a tree. */
const MIN_BRANCHES = 5;
const GONE = /\[\s*(?:✖|✗|x)?\s*(?:bo|huy|da huy|da xong|xong|hoan thanh)\b|\[\s*[✖✗✔✓]/u;
const NOTE = /^\[\s*ghi chu\b/;

interface Branch {
  depth: number;
  text: string;
  line: number;
}

export function treeAsOutline(text: string): string {
  const lines = text.split('\n');
  const branches: Branch[] = [];
  lines.forEach((line, i) => {
    const m = BRANCH.exec(line);
    if (m) branches.push({ depth: Math.round((m[1] ?? '').length / 4), text: (m[2] ?? '').trim(), line: i });
  });
  if (branches.length < MIN_BRANCHES) return text;
  const out = [...lines];
  const gone = (b: Branch): boolean => {
    const folded = fold(b.text);
    return GONE.test(b.text) || GONE.test(folded) || NOTE.test(folded);
  };
  // A branch whose every branch is dropped or done holds no work either.
  const emptied = (k: number): boolean => {
    const b = branches[k] as Branch;
    const under: Branch[] = [];
    for (const c of branches.slice(k + 1)) {
      if (c.depth <= b.depth) break;
      if (c.depth === b.depth + 1) under.push(c);
    }
    return under.length > 0 && under.every(gone);
  };
  let dropBelow = Infinity;
  branches.forEach((b, k) => {
    out[b.line] = '';
    if (b.depth > dropBelow) return;
    dropBelow = Infinity;
    if (gone(b) || emptied(k)) {
      dropBelow = b.depth;
      return;
    }
    const words = b.text.replace(/\s*\[[^\]]*\]\s*/gu, ' ').trim();
    if (!words) return;
    if (readField(words)?.colon) {
      // A field of a bullet above was written into it; of a numbered branch, it stands under it.
      const parent = branches
        .slice(0, k)
        .reverse()
        .find((p) => p.depth < b.depth);
      if (parent && !detectMarker(parent.text) && !readField(parent.text)) return;
      out[b.line] = `${'   '.repeat(b.depth)}${words}`;
      return;
    }
    if (detectMarker(words)) {
      out[b.line] = words;
      return;
    }
    // "6 tháng: trước 15/6/2027" under "6.1 Báo cáo kết quả": a time of the branch above, not work.
    const [head, ...rest] = words.split(':');
    if (rest.length > 0 && foldWords(head ?? '').length <= 3 && isTimeHead(rest.join(':').trim())) {
      out[b.line] = `${'   '.repeat(b.depth)}${words}`;
      return;
    }
    const fields = branches
      .slice(k + 1)
      .filter((_, j, rest) => rest.slice(0, j + 1).every((c) => c.depth > b.depth))
      .filter((c) => c.depth === b.depth + 1 && readField(c.text)?.colon)
      .map((c) => c.text.trim());
    out[b.line] = `${'   '.repeat(b.depth)}- ${words}${fields.length > 0 ? ` (${fields.join('; ')})` : ''}`;
  });
  return out.join('\n');
}
