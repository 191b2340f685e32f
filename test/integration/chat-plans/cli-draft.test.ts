/**
 * The draft the bot attaches, corrected by a person in a spreadsheet, loaded by the CLI:
 * `npm run import -- --draft ban-nhap.xlsx`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { draftWorkbook, readDraftWorkbook } from '../../../src/bot/draft-file';
import type { OrgDirectory } from '../../../src/domain/task';
import { draftFromText, extractTextFromBytes } from '../../../src/import';
import { runScript } from '../../helpers/run-script';
import { planDocx } from '../../helpers/plan-docx';
import { useTestStore, Task } from '../../helpers/store';

const { dbName } = useTestStore(__filename);
const root = join(__dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'draft-'));
const orgs = JSON.parse(readFileSync(join(root, 'data', 'orgs.json'), 'utf8')) as OrgDirectory;
const words = {
  damaged: 'lỗi quét',
  noAccents: 'không dấu',
  noLead: 'chưa có chủ trì',
  noDate: 'chưa có thời gian',
};

function importDraft(file: string) {
  return runScript('import.ts', ['--draft', file], dbName);
}

/** Opens the sheet as a person would in Excel, changes one cell of the row whose title starts with `title`. */
async function correct(data: Buffer, title: string, column: number, value: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Nhiệm vụ')!;
  sheet.eachRow((row) => {
    if (String(row.getCell(2).value).startsWith(title)) row.getCell(column).value = value;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('npm run import -- --draft', () => {
  let sheet: Buffer;

  beforeAll(async () => {
    const text = await extractTextFromBytes(await planDocx(), 'ke-hoach.docx');
    const draft = draftFromText(text, 'ke-hoach.docx', { org: 'hai-phong', directory: orgs, year: 2025 });
    sheet = await draftWorkbook(draft, (s) => orgs['hai-phong']!.departments[s]?.[0] ?? s, words);
  });

  it('the draft file reads back as the same draft, and marks the damaged title', async () => {
    const back = await readDraftWorkbook(sheet);
    expect(back).toMatchObject({ org: 'hai-phong', doc_number: '45/KH-LMHTX', year: 2025 });
    expect(back.tasks[1]).toMatchObject({
      lead: ['ke-hoach-tong-hop'],
      support: ['van-phong'],
      end: '2025-06-29',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet as unknown as ArrayBuffer);
    expect(String(wb.getWorksheet('Nhiệm vụ')!.getRow(4).getCell(8).value)).toMatch(/lỗi quét: truyén/);
  });

  it('loads a corrected draft: the fixed title is what the tasks say', async () => {
    const fixed = await correct(sheet, 'Hoat déng', 2, 'Hoạt động truyền thông về Ngày HTX Việt Nam');
    writeFileSync(join(tmp, 'ban-nhap.xlsx'), fixed);
    const r = importDraft(join(tmp, 'ban-nhap.xlsx'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 mới \/ new/);
    expect(await Task.findOne({ ref: 'II.3' }).lean()).toMatchObject({
      title: 'Hoạt động truyền thông về Ngày HTX Việt Nam',
    });
  });

  it('refuses a draft with an unknown department code, and loads nothing', async () => {
    const before = await Task.find().lean();
    const wrong = await correct(sheet, 'Tổ chức tập huấn', 10, 'phong-khong-co');
    writeFileSync(join(tmp, 'sai.xlsx'), wrong);
    const r = importDraft(join(tmp, 'sai.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/II.1: mã đơn vị không có \/ unknown department code "phong-khong-co"/);
    expect(await Task.find().lean()).toEqual(before);
  });
});
