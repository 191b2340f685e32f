/**
 * The head of an administrative document: number ("Số: 19/KH-LMHTX"), date line ("Hải Dương, ngày 02
 * tháng 02 năm 2024"), document type in capitals ("KẾ HOẠCH") and the subject lines under it.
 */
import type { LocalDate } from '../../task';
import { isLocalDate } from '../../calendar/dates';
import { fold, foldWords, startsWithWords } from '../layout/fold';
import { detectMarker } from '../layout/markers';
import { CITED_DOCUMENTS, DOCUMENT_TYPES as DOC_TYPES } from '../lexicon';

export interface DocumentHead {
  /** "Kế hoạch Tổ chức Tháng hành động vì Hợp tác xã năm 2024" */
  title: string;
  /** The subject alone: "Tổ chức Tháng hành động vì Hợp tác xã năm 2024". */
  subject: string;
  docNumber: string | null;
  issuedOn: LocalDate | null;
  /** The year the subject names ("… năm 2024"), which beats the date of issue (a plan for 2025 is issued in 2024). */
  subjectYear: number | null;
}

/** Paragraph openings that end the subject: the preamble's "Căn cứ …", "Thực hiện …". */
const PREAMBLE = ['can cu', 'thuc hien', 'de', 'nham', 'tren co so'].map((p) => p.split(' '));

/**
 * The document type that opens a line in capitals, and the subject words after it on the same line:
 * "KẾ HOẠCH" alone, or "CHƯƠNG TRÌNH CÔNG TÁC QUÝ II/2026" (type and subject on one line).
 */
function docTypeAt(line: string): { type: string; rest: string } | null {
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 6 || letters !== letters.toUpperCase()) return null;
  const words = foldWords(line);
  const phrase = words.join(' ');
  const exact = DOC_TYPES.find(([f]) => phrase === f);
  if (exact) return { type: exact[1], rest: '' };
  const opening = DOC_TYPES.find(([f]) => startsWithWords(words, f.split(' ')) && phrase.startsWith(`${f} `));
  if (!opening || line.length > MAX_TYPE_LINE) return null;
  // Cut the written line after as many words as the type has.
  const cut = [...line.matchAll(/[\p{L}\p{N}]+/gu)][opening[0].split(' ').length - 1];
  const rest = cut ? line.slice((cut.index ?? 0) + cut[0].length).trim() : '';
  return rest ? { type: opening[1], rest } : null;
}

/** A title line longer than this is a heading of the body ("CHƯƠNG TRÌNH … " in a sentence), not the type. */
const MAX_TYPE_LINE = 80;

function docType(line: string): string | null {
  return docTypeAt(line)?.type ?? null;
}

function readNumber(text: string): string | null {
  const folded = fold(text);
  // "Số: 19 /KH-LMHTX"; OCR reads "Số" as "S6" or "So". A number left blank for the clerk gives null.
  const m = /\bs[o6]\s*:\s*(\d+)\s*\/\s*([a-z0-9đ-]+)/.exec(folded);
  if (!m) return null;
  const suffix = text.slice(m.index + m[0].length - (m[2] ?? '').length, m.index + m[0].length);
  return `${m[1] ?? ''}/${suffix.toUpperCase()}`;
}

function readIssued(text: string): LocalDate | null {
  const m = /ngay\s+(\d{1,2})\s+th[ae]ng\s+(\d{1,2})\s+n[a-z]{0,2}m\s+(\d{4})/.exec(
    fold(text.slice(0, 3000)),
  );
  if (!m) return null;
  const date = `${m[3] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
}

/** A cited document's name up to its own year: "luat hop tac xa nam 2023", "nghi quyet … nam 2021". */
const CITATION = new RegExp(
  `\\b(?:${CITED_DOCUMENTS.join('|')})\\b[^,;()]*?\\bn[a-z]{0,2}m\\s+(?:19|20)\\d{2}\\b`,
  'g',
);

/**
 * "Triển khai Luật Hợp tác xã năm 2023 năm 2026" → 2026: the first "năm YYYY" of the subject that is
 * not the year of a document it cites.
 */
export function planYearOf(subject: string): number | null {
  const bare = fold(subject).replace(CITATION, (m) => ' '.repeat(m.length));
  const y = /\bn[a-z]{0,2}m\s+((?:19|20)\d{2})\b/.exec(bare);
  // "CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027": a quarter or a month of a year names it too.
  const period = /\b(?:quy\s+(?:[ivx]{1,4}|[1-4])|th[ae]ng\s+\d{1,2})\s*\/\s*((?:19|20)\d{2})\b/.exec(bare);
  return y ? Number(y[1]) : period ? Number(period[1]) : null;
}

export function readHead(lines: readonly string[]): DocumentHead {
  const text = lines.join('\n');
  let title = '';
  let subject = '';
  const at = lines.findIndex((l) => docType(l.trim()) !== null);
  if (at >= 0) {
    const opening = docTypeAt((lines[at] ?? '').trim());
    const type = opening?.type ?? '';
    const rest = opening?.rest ?? '';
    // "CHƯƠNG TRÌNH CÔNG TÁC QUÝ II/2026": the subject opens on the type's own line, in capitals.
    const parts: string[] = rest ? [rest] : [];
    for (const raw of lines.slice(at + 1, at + 8)) {
      const line = raw.trim();
      if (line === '') continue;
      // The first line is the subject whatever it says ("Thực hiện …" can be one); later ones may be preamble.
      const preamble = parts.length > 0 && PREAMBLE.some((p) => startsWithWords(foldWords(line), p));
      if (detectMarker(line) || preamble || parts.length >= 3) break;
      parts.push(line);
    }
    subject = parts
      .join(' ')
      .replace(/\s+/g, ' ')
      .replace(/[.;:]$/, '')
      .trim();
    title = subject ? `${type} ${subject}` : type;
  } else {
    title = (lines.find((l) => l.trim().length > 0) ?? '').trim();
    subject = title;
  }
  const y = planYearOf(subject);
  return {
    title,
    subject,
    docNumber: readNumber(text.slice(0, 2000)),
    issuedOn: readIssued(text),
    subjectYear: y,
  };
}
