/**
 * The newest report on each task, for the workbook's "Cập nhật gần nhất": the note as the person wrote it
 * ("đã gửi báo cáo"), never the command they typed ("/xong 51 đã gửi báo cáo"); a report without a note
 * reads as what it reported ("Báo hoàn thành", "Tiến độ 50%"). Moving reminders (/hoan) is not a report on
 * the work, so a snooze never hides the last real one.
 */
import { Types } from 'mongoose';
import { StatusUpdate } from './models';
import { LOCALES, t as translate } from '../shared/i18n';

/** A translator bound to the report's language (the report layer's `Words`). */
type Words = (key: string, vars?: Record<string, unknown>) => string;

export interface LastUpdate {
  text: string;
  userName: string;
  at: Date;
}

interface UpdateRow {
  task: Types.ObjectId;
  action: string;
  note?: string | null;
  after?: { status?: string | null; progress?: number | null } | null;
  userName?: string | null;
  at: Date;
}

/** The snooze's audit note in every language, as a pattern ("Hoãn nhắc đến 12/05/2025"). */
function snoozeNote(): RegExp {
  const forms = LOCALES.map((locale) =>
    translate(locale, 'snooze.note', { date: '\u0000' })
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace('\u0000', '\\d{2}/\\d{2}/\\d{4}'),
  );
  return new RegExp(`^(${forms.join('|')})$`);
}

function reported(t: Words, row: UpdateRow): string {
  const note = row.note?.trim();
  if (note) return note;
  if (row.action === 'done') return t('reports:export.reportedDone');
  if (row.action === 'progress')
    return t('reports:export.reportedProgress', { progress: row.after?.progress ?? 0 });
  if (row.action === 'reopen') return t('reports:export.reportedReopen');
  return '';
}

export async function lastUpdates(t: Words, taskIds: readonly string[]): Promise<Map<string, LastUpdate>> {
  const out = new Map<string, LastUpdate>();
  if (taskIds.length === 0) return out;
  const docs = await StatusUpdate.find(
    { task: { $in: taskIds.map((id) => new Types.ObjectId(id)) }, applied: true },
    'task action note after userName at',
  )
    .sort({ at: -1 })
    .lean<UpdateRow[]>();
  const snooze = snoozeNote();
  for (const d of docs) {
    const key = String(d.task);
    if (out.has(key)) continue;
    if (d.action === 'note' && snooze.test(d.note?.trim() ?? '')) continue;
    const text = reported(t, d);
    if (text) out.set(key, { text, userName: d.userName ?? '', at: d.at });
  }
  return out;
}
