/**
 * The head of an administrative document: number ("Số: 19/KH-LMHTX"), date line ("Hải Dương, ngày 02
 * tháng 02 năm 2024"), document type in capitals ("KẾ HOẠCH") and the subject lines under it.
 */
import type { LocalDate } from '../../task';
import { isLocalDate } from '../../calendar/dates';
import { fold, foldWords, startsWithWords } from '../layout/fold';
import { detectMarker } from '../layout/markers';
import { CITED_DOCUMENTS } from '../lexicon';

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

const DOC_TYPES: [string, string][] = [
  ['chuong trinh cong tac', 'Chương trình công tác'],
  ['chuong trinh', 'Chương trình'],
  ['ke hoach', 'Kế hoạch'],
  ['huong dan', 'Hướng dẫn'],
  ['phuong an', 'Phương án'],
];

/** Paragraph openings that end the subject: the preamble's "Căn cứ …", "Thực hiện …". */
const PREAMBLE = ['can cu', 'thuc hien', 'de', 'nham', 'tren co so'].map((p) => p.split(' '));

function docType(line: string): string | null {
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 6 || letters !== letters.toUpperCase()) return null;
  const phrase = foldWords(line).join(' ');
  return DOC_TYPES.find(([f]) => phrase === f)?.[1] ?? null;
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
  return y ? Number(y[1]) : null;
}

export function readHead(lines: readonly string[]): DocumentHead {
  const text = lines.join('\n');
  let title = '';
  let subject = '';
  const at = lines.findIndex((l) => docType(l.trim()) !== null);
  if (at >= 0) {
    const type = docType((lines[at] ?? '').trim()) ?? '';
    const parts: string[] = [];
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
