/** The newest recorded update of each task: what was written and by whom, for the report's columns. */
import { Types } from 'mongoose';
import { StatusUpdate } from './models';

export interface LastUpdate {
  text: string;
  userName: string;
  at: Date;
}

export async function lastUpdates(taskIds: readonly string[]): Promise<Map<string, LastUpdate>> {
  const out = new Map<string, LastUpdate>();
  if (taskIds.length === 0) return out;
  const docs = await StatusUpdate.find(
    { task: { $in: taskIds.map((id) => new Types.ObjectId(id)) }, applied: true },
    'task text userName at',
  )
    .sort({ at: -1 })
    .lean();
  for (const d of docs) {
    const key = String(d.task);
    if (!out.has(key)) out.set(key, { text: d.text, userName: d.userName ?? '', at: d.at });
  }
  return out;
}
