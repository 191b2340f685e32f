/**
 * Reads a plan file into plain text by its type: UTF-8 text, Word (.docx, see docx-text.ts) or a PDF with
 * a text layer (through unpdf). A scanned PDF without text, a binary file named .txt or an empty file
 * is refused with an ImportError that says why.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { docxToPlanText } from './docx-text';
import { ImportError } from './import-error';
import { extractPdfText } from './pdf-text';

export type SourceType = 'txt' | 'docx' | 'pdf';

/**
 * A spreadsheet saved as CSV, a calendar exported as .ics and a page saved as HTML are text the parser
 * reads (csv-export.ts, ical.ts, html.ts).
 */
const TYPES: Record<string, SourceType> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.csv': 'txt',
  '.ics': 'txt',
  '.html': 'txt',
  '.htm': 'txt',
  // Word's Rich Text is text too: its escapes and groups are read by the parser (rtf.ts).
  '.rtf': 'txt',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

export function sourceTypeOf(fileName: string): SourceType | null {
  return TYPES[extname(fileName).toLowerCase()] ?? null;
}

function startsWith(data: Uint8Array, magic: string): boolean {
  return [...magic].every((c, i) => data[i] === c.charCodeAt(0));
}

function requireText(text: string, fileName: string): string {
  if (text.trim().length === 0) {
    throw new ImportError('empty', `${fileName} holds no text`, `Tệp ${fileName} không có nội dung chữ`);
  }
  return text;
}

function decodeUtf8(data: Uint8Array, fileName: string): string {
  const binary = (): ImportError =>
    new ImportError(
      'binary',
      `${fileName} is not a UTF-8 text file`,
      `Tệp ${fileName} không phải tệp văn bản UTF-8 (có thể là tệp nhị phân hoặc sai bảng mã)`,
    );
  if (data.includes(0)) throw binary();
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw binary();
  }
}

async function docxText(data: Uint8Array, fileName: string): Promise<string> {
  if (!startsWith(data, 'PK\u0003\u0004')) {
    throw new ImportError(
      'binary',
      `${fileName} is not a Word .docx file`,
      `Tệp ${fileName} không phải tệp Word .docx`,
    );
  }
  try {
    return await docxToPlanText(Buffer.from(data));
  } catch (cause) {
    throw new ImportError(
      'unreadable',
      `${fileName}: the Word file cannot be read`,
      `Không đọc được tệp Word ${fileName}`,
      {
        cause,
      },
    );
  }
}

async function pdfText(data: Uint8Array, fileName: string): Promise<string> {
  if (!startsWith(data, '%PDF-')) {
    throw new ImportError('binary', `${fileName} is not a PDF file`, `Tệp ${fileName} không phải tệp PDF`);
  }
  try {
    return await extractPdfText(data);
  } catch (cause) {
    throw new ImportError(
      'unreadable',
      `${fileName}: the PDF cannot be read`,
      `Không đọc được tệp PDF ${fileName}`,
      { cause },
    );
  }
}

/** Plain text of a file already in memory; `fileName` gives its type. */
export async function extractTextFromBytes(data: Uint8Array, fileName: string): Promise<string> {
  const type = sourceTypeOf(fileName);
  if (!type) {
    throw new ImportError(
      'unsupported-type',
      `${fileName}: only .txt, .docx, .rtf, .pdf, .csv, .ics and .html plans can be imported`,
      `Tệp ${fileName}: chỉ nhập được kế hoạch dạng .txt, .docx, .rtf, .pdf, .csv, .ics hoặc .html`,
    );
  }
  if (data.length === 0) return requireText('', fileName);
  if (type === 'txt') return requireText(decodeUtf8(data, fileName), fileName);
  if (type === 'docx') return requireText(await docxText(data, fileName), fileName);
  const text = await pdfText(data, fileName);
  if (text.trim().length === 0) {
    throw new ImportError(
      'empty',
      `${fileName} has no text layer (a scan?): run OCR first or send the Word file`,
      `Tệp PDF ${fileName} không có lớp chữ (bản scan?): hãy nhận dạng chữ (OCR) trước hoặc gửi tệp Word`,
    );
  }
  return text;
}

export async function extractText(path: string): Promise<string> {
  return extractTextFromBytes(new Uint8Array(await readFile(path)), path);
}
