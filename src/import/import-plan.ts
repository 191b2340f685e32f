/**
 * A plan file → a draft for the secretary to check: the text by file type, then the pure parser.
 * Every refusal is an ImportError whose code a CLI or the bot turns into one message.
 */
import { basename } from 'node:path';
import { parsePlan } from '../domain/plan-parser';
import type { OrgDirectory, PlanDraft } from '../domain/task';
import { extractText, extractTextFromBytes } from './extract-text';
import { ImportError } from './import-error';
import { withTitleRepairs } from './title-repairs';

export interface ImportOptions {
  org: string;
  directory: OrgDirectory;
  /** The year to assume when the document names none. */
  year?: number;
}

/** Parses plan text; refuses an unknown organisation and a text with no work items. */
export function draftFromText(text: string, name: string, opts: ImportOptions): PlanDraft {
  if (!Object.hasOwn(opts.directory, opts.org)) {
    const known = Object.keys(opts.directory).join(', ');
    throw new ImportError(
      'unknown-org',
      `unknown organisation "${opts.org}" (known: ${known})`,
      `Không có tổ chức "${opts.org}" trong danh mục (có: ${known})`,
    );
  }
  const draft = parsePlan(text, opts);
  const tables = draft.warnings.filter((w) => w.code === 'unread-table').map((w) => w.line);
  if (draft.tasks.length === 0 && tables.length > 0) {
    // Say what was there: a table whose rows could not be read, not a plan without work.
    const lines = tables.join(', ');
    throw new ImportError(
      'unread-table',
      `${name}: the table of tasks (line ${lines}) could not be read row by row; send the Word file or a text with one task per line`,
      `${name}: có bảng nhiệm vụ (dòng ${lines}) nhưng không đọc được từng dòng của bảng; hãy gửi tệp Word hoặc văn bản mỗi nhiệm vụ một dòng`,
    );
  }
  if (draft.tasks.length === 0) {
    throw new ImportError(
      'no-items',
      `${name}: no work items found (numbered items with a lead unit or a time)`,
      `${name}: không tìm thấy nhiệm vụ nào (các mục đánh số có đơn vị chủ trì hoặc thời gian)`,
    );
  }
  return withTitleRepairs(draft, text, opts.directory[opts.org]);
}

export async function importPlanFile(path: string, opts: ImportOptions): Promise<PlanDraft> {
  return draftFromText(await extractText(path), basename(path), opts);
}

export async function importPlanBytes(
  data: Uint8Array,
  fileName: string,
  opts: ImportOptions,
): Promise<PlanDraft> {
  return draftFromText(await extractTextFromBytes(data, fileName), fileName, opts);
}
