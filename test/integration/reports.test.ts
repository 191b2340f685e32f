/**
 * /export and /calendar through the real core and store: the files a leader or a department receives,
 * opened with the libraries their readers use (exceljs for the workbook, ical.js for the calendar).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createBotCore } from '../../src/bot/core';
import { plainText, type IncomingMessage, type Reply } from '../../src/bot/messages';
import { runScript } from '../helpers/run-script';
import { coreDeps } from '../helpers/core-deps';
import { parseEvents, type IcalEvent } from '../helpers/ical';
import { seedScenario } from '../helpers/scenario';
import { useTestStore, Task } from '../helpers/store';

const { dbName } = useTestStore(__filename);

let now = new Date('2025-05-15T09:00:00+07:00');
const core = createBotCore(coreDeps('telegram', { clock: { now: () => now } }));
let seq = 0;
function say(
  chat: string,
  user: string,
  text: string,
  extra: Partial<IncomingMessage> = {},
): Promise<Reply[]> {
  return core.handle({
    platform: 'telegram',
    chat: { id: chat, title: chat, isGroup: true },
    user: { id: user, name: user === 'lan' ? 'Nguyễn Thị Lan' : user },
    messageId: String(++seq),
    text,
    ...extra,
  });
}

const LEADERS = '-200';
const PLANNING = '-100';
const OFFICE = '-300';

async function workbook(reply: Reply | undefined): Promise<ExcelJS.Workbook> {
  expect(reply?.document?.filename).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(reply!.document!.data as unknown as ArrayBuffer);
  return wb;
}

/** The sheet's rows from `from` on, as arrays of cell values (index 0 = column A). */
function rows(ws: ExcelJS.Worksheet, from: number): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n >= from) out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

beforeAll(async () => {
  await seedScenario();
  await say(PLANNING, 'admin', '/link ke-hoach-tong-hop');
  await say(LEADERS, 'admin', '/link leaders');
  await say(OFFICE, 'admin', '/link van phong');
  // Task 1 (due 15/04) finished late, task 4 under way with a note: what the scenario does.
  await say(PLANNING, 'lan', '/update 4 60% đã tổng hợp số liệu');
  await say(PLANNING, 'lan', '/xong 1 đã gửi báo cáo');
});

describe('/export', () => {
  it('sends the quarter as an xlsx whose summary counts each department by category', async () => {
    const [reply] = await say(LEADERS, 'chu_tich', '/export Q2');
    expect(plainText(reply!)).toMatch(/Báo cáo Quý II\/2025: 4 việc/);
    expect(reply?.document?.filename).toBe('bao-cao-quy-ii-2025.xlsx');
    const wb = await workbook(reply);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe('TÌNH HÌNH THỰC HIỆN NHIỆM VỤ QUÝ II/2025');
    expect(rows(summary, 4)).toEqual([
      [
        'Đơn vị chủ trì',
        'Hoàn thành đúng hạn',
        'Hoàn thành quá hạn',
        'Đang thực hiện',
        'Quá hạn chưa hoàn thành',
        'Chưa đến hạn',
        'Tổng số',
      ],
      ['Phòng Kế hoạch – Tổng hợp', 0, 1, 1, 0, 0, 2],
      ['Phòng Thông tin và Tuyên truyền', 0, 0, 1, 0, 0, 1],
      ['Văn phòng', 0, 0, 0, 0, 1, 1],
      ['Tổng cộng (mỗi việc tính một lần)', 0, 1, 2, 0, 1, 4],
      ['Số việc được gia hạn', 0],
    ]);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('lists every task of the period in the reporting shape, numbered 1…n, with the last note as written', async () => {
    // Moving reminders is not a report: the note of task 4's progress report must stay.
    await say(PLANNING, 'lan', '/hoan 4 3');
    const [reply] = await say(LEADERS, 'chu_tich', '/xuat quý 2');
    const ws = (await workbook(reply)).getWorksheet('Nhiệm vụ')!;
    const header = rows(ws, 1)[0] as string[];
    expect(header.slice(0, 7)).toEqual([
      'STT',
      'Nội dung công việc',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời hạn',
      'Kết quả thực hiện',
      'Ghi chú (cập nhật gần nhất)',
    ]);
    expect(header).toEqual(
      expect.arrayContaining(['Số việc', 'Bắt đầu', 'Trạng thái', 'Tiến độ', 'Người cập nhật']),
    );
    const body = rows(ws, 2);
    const col = (name: string): number => header.indexOf(name);
    expect(body.map((r) => r[0])).toEqual([1, 2, 3, 4]);
    const inQ2 = await Task.find({ number: { $in: [1, 2, 3, 4] } }, 'number title').lean();
    expect(body.map((r) => r[col('Số việc')]).sort()).toEqual([1, 2, 3, 4]);
    for (const t of inQ2) expect(body.find((r) => r[col('Số việc')] === t.number)?.[1]).toBe(t.title);

    const one = body.find((r) => r[col('Số việc')] === 1)!;
    expect(one[col('Đơn vị chủ trì')]).toBe('Phòng Kế hoạch – Tổng hợp');
    expect(one[col('Đơn vị phối hợp')]).toBe('Trung tâm Hỗ trợ');
    expect(one[col('Thời hạn')]).toEqual(new Date(Date.UTC(2025, 3, 15)));
    expect(one[col('Kết quả thực hiện')]).toBe('Hoàn thành quá hạn');
    expect(one[col('Trạng thái')]).toBe('hoàn thành');
    // What Lan wrote, not what she typed ("/xong 1 đã gửi báo cáo").
    expect(one[col('Ghi chú (cập nhật gần nhất)')]).toBe('đã gửi báo cáo');
    expect(one[col('Người cập nhật')]).toBe('Nguyễn Thị Lan');
    const four = body.find((r) => r[col('Số việc')] === 4)!;
    expect(four[col('Tiến độ')]).toBeCloseTo(0.6);
    expect(four[col('Ghi chú (cập nhật gần nhất)')]).toBe('đã tổng hợp số liệu');
    for (const r of body) expect(String(r[col('Ghi chú (cập nhật gần nhất)')] ?? '')).not.toMatch(/^\//);

    // Date cells are dates, shown dd/mm/yyyy; the header is frozen and filtered.
    const deadline = ws.getRow(2).getCell(col('Thời hạn') + 1);
    expect(deadline.type).toBe(ExcelJS.ValueType.Date);
    expect(deadline.numFmt).toBe('dd/mm/yyyy');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();
  });

  it('prints the task sheet legibly on A4 landscape: seven columns, 10 pt, rows as tall as their text', async () => {
    const [reply] = await say(LEADERS, 'chu_tich', '/export 2025');
    const ws = (await workbook(reply)).getWorksheet('Nhiệm vụ')!;
    const last = ws.rowCount;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' });
    expect(ws.pageSetup.printArea).toBe(`A1:G${last}`);
    // Not shrunk to fit: the printed columns fit the page at 100 %.
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.pageSetup.scale ?? 100).toBe(100);
    const widths = [1, 2, 3, 4, 5, 6, 7].map((c) => ws.getColumn(c).width ?? 0);
    // A4 landscape is 29.7 cm, less the side margins; LibreOffice draws a width unit as about 0.25 cm.
    const margins = ((ws.pageSetup.margins?.left ?? 0.7) + (ws.pageSetup.margins?.right ?? 0.7)) * 2.54;
    expect(widths.reduce((a, b) => a + b, 0) * 0.25).toBeLessThanOrEqual(29.7 - margins);
    expect(ws.headerFooter.oddFooter).toMatch(/&P/);
    for (let r = 1; r <= last; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= 7; c++) expect(row.getCell(c).font?.size ?? 11).toBeGreaterThanOrEqual(9);
      // Each wrapped cell's lines fit the row at 12 pt a line (10 pt Arial as LibreOffice prints it sets about
      // 1.3 characters per width unit; 1.2 counted here, and a word is never split).
      for (let c = 1; c <= 7; c++) {
        const cell = row.getCell(c);
        if (!cell.alignment?.wrapText) continue;
        const text = typeof cell.value === 'string' ? cell.value : '';
        const lines = Math.ceil([...text].length / ((ws.getColumn(c).width ?? 10) * 1.2));
        expect({ r, c, text, fits: (row.height ?? 15) >= Math.max(1, lines) * 12 }).toEqual({
          r,
          c,
          text,
          fits: true,
        });
      }
    }
  });

  it('exports a year and a department, and explains what it could not read', async () => {
    const year = await workbook((await say(LEADERS, 'chu_tich', '/export 2025'))[0]);
    expect(rows(year.getWorksheet('Nhiệm vụ')!, 2)).toHaveLength(5);
    const [dept] = await say(LEADERS, 'chu_tich', '/export văn phòng');
    expect(dept?.document?.filename).toBe('bao-cao-van-phong-nam-2025.xlsx');
    const deptRows = rows((await workbook(dept)).getWorksheet('Nhiệm vụ')!, 2);
    // Văn phòng leads task 2 and supports nothing else in 2025 (column H: the task's number).
    expect(deptRows.map((r) => r[7])).toEqual([2]);
    const [bad] = await say(LEADERS, 'chu_tich', '/export quý 9');
    expect(bad?.document).toBeUndefined();
    expect(plainText(bad!)).toMatch(/Không hiểu “quý 9”.*\/xuat Q2/);
    const [none] = await say(LEADERS, 'chu_tich', '/export Q1');
    expect(plainText(none!)).toMatch(/Không có việc nào trong Quý I\/2025/);
  });
});

describe('/calendar', () => {
  function parse(reply: Reply | undefined): IcalEvent[] {
    expect(reply?.document?.filename).toMatch(/\.ics$/);
    return parseEvents(reply!.document!.data.toString('utf8'));
  }

  it('gives a department group its open tasks as all-day events that a calendar app reads back', async () => {
    const [reply] = await say(PLANNING, 'lan', '/lich');
    expect(plainText(reply!)).toMatch(/Lịch của Phòng Kế hoạch – Tổng hợp: 2 mục/);
    const events = parse(reply);
    // Leads 1 (finished: not on the phone any more) and 4, supports 2.
    expect(events.map((e) => e.summary).sort()).toEqual([
      '#2 Tổ chức Hội nghị sơ kết 6 tháng đầu năm',
      '#4 Đánh giá kết quả công tác Quý II',
    ]);
    // A quarter is its deadline, not a three-month bar.
    const four = events.find((e) => e.summary.startsWith('#4'))!;
    expect([four.startDate.toString(), four.endDate.toString()]).toEqual(['2025-06-30', '2025-07-01']);
    const two = events.find((e) => e.summary.startsWith('#2'))!;
    expect(two.startDate.isDate).toBe(true);
    expect(two.startDate.toString()).toBe('2025-06-20');
    expect(two.endDate.toString()).toBe('2025-07-01'); // the day after the window's last day
    // DTSTAMP comes from the service clock (09:00 in Hà Nội on 15/05/2025), not the machine's.
    expect(two.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2025-05-15T02:00:00Z');
    expect(two.description).toMatch(/Chủ trì: Văn phòng\. Phối hợp: Phòng Kế hoạch – Tổng hợp/);
  });

  it('keeps each UID when re-sent after a change, with a higher SEQUENCE, so events are replaced', async () => {
    const before = parse((await say(PLANNING, 'lan', '/lich'))[0]);
    now = new Date('2025-05-16T09:00:00+07:00');
    await say(PLANNING, 'lan', '/update 4 80%');
    const after = parse((await say(PLANNING, 'lan', '/lich'))[0]);
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    const seq = (list: IcalEvent[]) => list.find((e) => e.summary.startsWith('#4'))!.sequence;
    expect(seq(after)).toBeGreaterThan(seq(before));
    expect(after.find((e) => e.summary.startsWith('#4'))!.description).toMatch(/80%/);
  });

  it('gives the leaders all tasks, or one department when named', async () => {
    // All but #1, which is finished.
    expect(parse((await say(LEADERS, 'chu_tich', '/calendar'))[0])).toHaveLength(4);
    expect(
      parse((await say(LEADERS, 'chu_tich', '/lich trung tam dao tao'))[0]).map((e) => e.summary),
    ).toEqual(['#5 Tập huấn nghiệp vụ cho cán bộ HTX']);
    const [bad] = await say(LEADERS, 'chu_tich', '/lich phòng không có');
    expect(bad?.document).toBeUndefined();
    expect(plainText(bad!)).toMatch(/Không tìm thấy đơn vị “phòng không có”/);
  });
});

describe('npm run export', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'export-')), 'q2.xlsx');
  const run = (args: string[]) =>
    runScript('export.ts', args, dbName, { BOT_NOW: '2025-05-15T09:00:00+07:00' });

  it('writes the same workbook as /export to a file', async () => {
    const result = run(['--org', 'hai-phong', '--period', 'Q2/2025', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/4 việc/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(rows(wb.getWorksheet('Tổng hợp')!, 5).at(-2)).toEqual([
      'Tổng cộng (mỗi việc tính một lần)',
      0,
      1,
      2,
      0,
      1,
      4,
    ]);
    expect(rows(wb.getWorksheet('Nhiệm vụ')!, 2)).toHaveLength(4);
  });

  it('refuses an unknown period or organisation with a clear message and writes nothing', () => {
    const bad = run(['--org', 'hai-phong', '--period', 'quý 7', '--out', `${out}.bad`]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Không hiểu kỳ báo cáo “quý 7”/);
    const noOrg = run(['--org', 'khong-co', '--period', 'Q2/2025', '--out', `${out}.bad`]);
    expect(noOrg.status).toBe(2);
    expect(noOrg.stderr).toMatch(/Không có tổ chức “khong-co”/);
    expect(existsSync(`${out}.bad`)).toBe(false);
  });
});
