/**
 * One table source → a Word file and a PDF, as agencies produce them: the .docx holds a real Word table,
 * the PDF draws the same cells with pdfkit and no borders (what most PDFs of plans keep of a table),
 * wrapping long cells over several lines and repeating the header on a new page.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';
import path from 'node:path';

export interface TableSource {
  head: string[];
  header: string[];
  rows: string[][];
  foot: string[];
}

const FONT = path.resolve(
  __dirname,
  '../../../node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
);

/**
 * Tone marks as separate characters: pdfkit's text layer maps Noto's precomposed Vietnamese glyphs
 * ("ụ", "ị") back to the wrong letters, while a base letter with its horn, breve or circumflex kept
 * whole ("ơ", "ă", "ê") and a combining tone mark read back exactly.
 */
function forPdf(text: string): string {
  return text.normalize('NFD').replace(/\p{L}[\u0302\u0306\u031b]/gu, (m) => m.normalize('NFC'));
}

export async function tableDocx(src: TableSource): Promise<Buffer> {
  const cellRow = (cells: string[]): TableRow =>
    new TableRow({
      children: cells.map(
        (c) => new TableCell({ children: [new Paragraph({ children: [new TextRun(c)] })] }),
      ),
    });
  const doc = new Document({
    sections: [
      {
        children: [
          ...src.head.map(
            (h) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(h)] }),
          ),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [cellRow(src.header), ...src.rows.map(cellRow)],
          }),
          ...src.foot.map((f) => new Paragraph({ children: [new TextRun(f)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Column widths in points for an A4 page with 40 pt margins. */
const WIDTHS = [35, 190, 110, 110, 70];

export function tablePdf(src: TableSource, rowsOnFirstPage = 5): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(FONT).fontSize(10);
    for (const h of src.head) doc.text(forPdf(h), 40);
    doc.moveDown();
    const widths = WIDTHS.slice(0, src.header.length);
    const drawRow = (cells: string[]): void => {
      const top = doc.y;
      let x = 40;
      let bottom = top;
      cells.forEach((c, i) => {
        const w = widths[i] ?? 60;
        if (c) {
          doc.text(forPdf(c), x, top, { width: w - 8 });
          bottom = Math.max(bottom, doc.y);
        }
        x += w;
      });
      doc.y = bottom + 6;
    };
    drawRow(src.header);
    src.rows.forEach((row, i) => {
      if (i === rowsOnFirstPage) {
        doc.addPage();
        doc.text('2', 290, 20);
        doc.y = 40;
        drawRow(src.header);
      }
      drawRow(row);
    });
    doc.moveDown();
    for (const f of src.foot) doc.text(forPdf(f), 40);
    doc.end();
  });
}
