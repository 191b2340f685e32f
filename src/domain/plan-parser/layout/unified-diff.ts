/**
 * A plan sent as a comparison with its draft: a unified diff (`diff -u`, `git diff`) pasted into an
 * e-mail, lines of the draft it dropped opened by "-", lines of the issued text by "+", unchanged ones by a
 * space:
 *
 *   --- a/KH-…_du-thao-lan-2.txt
 *   +++ b/KH-…_ban-hanh.txt
 *   @@ -1,90 +1,95 @@
 *    LIÊN MINH HTX TỈNH …
 *   -Số:     /KH-LMHTX (DỰ THẢO LẦN 2)
 *   +Số: 23/KH-LMHTX
 *
 * It becomes the issued text: the unchanged and added lines of every hunk, the draft's lines and the
 * message around the diff left out (what the plan says is the "+++" side).
 */

/** Lines of hunks it takes to read a text as a diff of a plan rather than a plan that quotes one. */
const MIN_HUNK_LINES = 20;

export function unifiedDiffAsText(source: string): string {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((l, i) => l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ '));
  if (start < 0) return source;
  const out: string[] = [];
  let inHunk = false;
  let hunkLines = 0;
  for (const line of lines.slice(start + 2)) {
    if (/^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/.test(line)) {
      inHunk = true;
      continue;
    }
    // The next file's header ends this one's hunks ("diff --git …", "--- a/…").
    if (/^(?:diff |index |--- |\+\+\+ )/.test(line)) {
      inHunk = false;
      continue;
    }
    if (!inHunk) continue;
    if (line.startsWith('-')) {
      hunkLines++;
      continue;
    }
    if (line.startsWith('+') || line.startsWith(' ') || line === '') {
      out.push(line.slice(1));
      hunkLines++;
      continue;
    }
    // "\ No newline at end of file", or the message going on after the diff.
    if (line.startsWith('\\')) continue;
    inHunk = false;
  }
  return hunkLines >= MIN_HUNK_LINES ? out.join('\n') : source;
}
