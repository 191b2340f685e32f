import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractText, extractTextFromBytes, sourceTypeOf } from '../../../src/import/extract-text';
import { ImportError } from '../../../src/import/import-error';
import { htmlToPlanText } from '../../../src/import/docx-text';
import { parsePlan } from '../../../src/domain/plan-parser';
import type { OrgDirectory } from '../../../src/domain/task';
import { readFileSync } from 'node:fs';

const fixtures = path.resolve(__dirname, '../../fixtures/plans');
const directory = JSON.parse(readFileSync(path.join(fixtures, 'orgs.json'), 'utf8')) as OrgDirectory;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('extractText', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-extract-'));

  it('knows the file types it reads', () => {
    expect(sourceTypeOf('KH 12.TXT')).toBe('txt');
    expect(sourceTypeOf('ke-hoach.docx')).toBe('docx');
    expect(sourceTypeOf('ke-hoach.pdf')).toBe('pdf');
    // A spreadsheet saved as CSV and a calendar export are text.
    expect(sourceTypeOf('che-do-bao-cao.csv')).toBe('txt');
    expect(sourceTypeOf('lich-cong-tac.ics')).toBe('txt');
    expect(sourceTypeOf('chuong-trinh-quy-1.html')).toBe('txt');
    // Word's Rich Text is text the parser reads (rtf.ts).
    expect(sourceTypeOf('ke-hoach-xttm.RTF')).toBe('txt');
    expect(sourceTypeOf('ke-hoach.doc')).toBeNull();
  });

  it('reads UTF-8 text and drops a byte-order mark', async () => {
    const file = path.join(dir, 'plan.txt');
    writeFileSync(file, '\ufeffKẾ HOẠCH\nTổ chức Hội nghị\n');
    expect(await extractText(file)).toBe('KẾ HOẠCH\nTổ chức Hội nghị\n');
  });

  it('refuses an empty file and a file of blanks', async () => {
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect(await codeOf(extractText(empty))).toBe('empty');
    expect(await codeOf(extractTextFromBytes(new TextEncoder().encode(' \n\n  '), 'blank.txt'))).toBe(
      'empty',
    );
  });

  it('refuses binary data named .txt: NUL bytes or invalid UTF-8', async () => {
    expect(await codeOf(extractTextFromBytes(new Uint8Array([0x4b, 0x48, 0x00, 0x01]), 'x.txt'))).toBe(
      'binary',
    );
    // Windows-1258 / Latin-1 bytes are not UTF-8.
    expect(await codeOf(extractTextFromBytes(new Uint8Array([0x4b, 0xea, 0x20, 0x68, 0x6f]), 'x.txt'))).toBe(
      'binary',
    );
    expect(await codeOf(extractTextFromBytes(new TextEncoder().encode('plain text'), 'x.docx'))).toBe(
      'binary',
    );
    expect(await codeOf(extractTextFromBytes(new TextEncoder().encode('plain text'), 'x.pdf'))).toBe(
      'binary',
    );
  });

  it('refuses types it cannot read, with a message in both languages', async () => {
    try {
      await extractTextFromBytes(new TextEncoder().encode('x'), 'ke-hoach.doc');
      throw new Error('expected an ImportError');
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      const err = e as ImportError;
      expect(err.code).toBe('unsupported-type');
      expect(err.describe()).toContain('.docx');
      expect(err.messageVi).toContain('chỉ nhập được');
    }
  });

  it('reads a Word .docx file', async () => {
    const text = await extractText(path.join(fixtures, 'ninh-binh-hoi-cho-2024.docx'));
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('Đơn vị chủ trì: Trung tâm Xúc tiến thương mại.');
  });

  it('reads the text layer of a PDF', async () => {
    const text = await extractText(path.join(fixtures, 'ninh-binh-hoi-cho-2024.pdf'));
    expect(text).toContain('Tổ chức Hội chợ nông sản hợp tác xã năm 2024');
    expect(text).toContain('- Thời gian: chậm nhất ngày 15/11/2024.');
  });

  it('writes out the numbers Word draws itself and turns a table of tasks into items', async () => {
    const text = await extractText(path.join(fixtures, 'ninh-binh-bang-nhiem-vu-2025.docx'));
    expect(text).toContain(
      '1. Quý I/2025\n(1) Tổ chức Hội nghị tổng kết công tác năm 2024\n- Đơn vị chủ trì: Văn phòng',
    );
    expect(text).toContain('III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng: theo dõi');
    const draft = parsePlan(text, { org: 'ninh-binh', directory });
    expect(draft.tasks.map((t) => [t.ref, t.lead, t.support, t.start, t.end, t.unknown_units ?? []])).toEqual(
      [
        [
          'II.1.(1)',
          ['van-phong'],
          ['phong-trao-thi-dua', 'trung-tam-dao-tao', 'xuc-tien'],
          '2025-01-01',
          '2025-01-31',
          [],
        ],
        ['II.1.(2)', ['phong-trao-thi-dua'], [], '2025-01-01', '2025-03-31', []],
        ['II.2.(3)', ['xuc-tien'], ['van-phong'], '2025-10-11', '2025-10-20', ['Phòng Kế toán']],
        ['III.1', ['van-phong'], [], '2025-01-01', '2025-12-31', []],
        ['III.2', ['phong-trao-thi-dua'], [], '2025-01-01', '2025-12-31', []],
      ],
    );
  });

  it('renders nested lists and tables without a header as plain lines', () => {
    const html =
      '<p>KẾ HOẠCH</p><ol><li>Việc A<ol><li>Phần một</li><li>Phần hai</li></ol></li><li>Việc B &amp; C</li></ol>' +
      '<ul><li>Ghi chú</li></ul><table><tr><td><p>ô một</p></td><td><p>ô hai</p><p>tiếp</p></td></tr></table>';
    expect(htmlToPlanText(html)).toBe(
      'KẾ HOẠCH\n1. Việc A\na) Phần một\nb) Phần hai\n2. Việc B & C\n- Ghi chú\nô một\nô hai; tiếp',
    );
  });

  it.each(['docx', 'pdf'])('imports the same tasks from the .%s file', async (ext) => {
    const text = await extractText(path.join(fixtures, `ninh-binh-hoi-cho-2024.${ext}`));
    const draft = parsePlan(text, { org: 'ninh-binh', directory });
    expect(draft.doc_number).toBe('07/KH-LMHTX');
    expect(draft.issued_on).toBe('2024-02-10');
    expect(draft.tasks.map((t) => [t.kind, t.lead, t.support, t.start, t.end])).toEqual([
      ['event', ['xuc-tien'], ['van-phong'], '2024-10-11', '2024-10-20'],
      ['deadline', ['phong-trao-thi-dua'], [], '2024-01-01', '2024-11-15'],
    ]);
  });
});
