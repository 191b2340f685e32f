import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ImportError, draftFromText, importPlanFile } from '../../../src/import';
import type { OrgDirectory } from '../../../src/domain/task';

const repo = path.resolve(__dirname, '../../..');
const fixtures = path.join(repo, 'test/fixtures/plans');
const directory = JSON.parse(readFileSync(path.join(fixtures, 'orgs.json'), 'utf8')) as OrgDirectory;

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof ImportError ? e.code : String(e);
  }
  return 'no error';
}

describe('importing a plan file', () => {
  it('refuses an organisation the directory does not have', () => {
    expect(codeOf(() => draftFromText('KẾ HOẠCH\n1. Việc A', 'x.txt', { org: 'ha-noi', directory }))).toBe(
      'unknown-org',
    );
  });

  it('refuses a text with no work items', () => {
    const text = 'KẾ HOẠCH\nTổ chức hội nghị\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Bảo đảm thiết thực, tiết kiệm.';
    expect(codeOf(() => draftFromText(text, 'x.txt', { org: 'ninh-binh', directory }))).toBe('no-items');
  });

  it('imports a .txt, .docx and .pdf plan', async () => {
    const txt = await importPlanFile(path.join(fixtures, 'thai-binh-ho-tro-htx-2025.txt'), {
      org: 'thai-binh',
      directory,
    });
    expect(txt.tasks.length).toBeGreaterThan(5);
    for (const ext of ['docx', 'pdf']) {
      const draft = await importPlanFile(path.join(fixtures, `ninh-binh-hoi-cho-2024.${ext}`), {
        org: 'ninh-binh',
        directory,
      });
      expect(draft.tasks).toHaveLength(2);
    }
  });

  it('reads a PDF outside jest too, through the plain dynamic import', () => {
    // jest's sandbox forbids import(), so extract-text falls back to Node's loader there; check the usual path.
    const script = `require('./src/import/extract-text').extractText('test/fixtures/plans/ninh-binh-hoi-cho-2024.pdf').then((t) => process.stdout.write(t))`;
    const text = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(text).toContain('Đơn vị chủ trì: Phòng Phong trào - Thi đua.');
  });
});
