import { ReminderLog } from './models';
import { idOf } from './types';

/** The task a reminder message was about, so a reply to that message can update it. */
export async function taskOfReminderMessage(
  platform: string,
  chatId: string,
  messageId: string,
): Promise<string | null> {
  const row = await ReminderLog.findOne(
    { platform, chatId, $or: [{ messageId }, { messageIds: messageId }] },
    { task: 1 },
  ).lean();
  return row ? idOf(row.task) : null;
}

/** Every task a reminder message was about (a morning's message can hold several), in number order. */
export async function tasksOfReminderMessage(
  platform: string,
  chatId: string,
  messageId: string,
): Promise<{ id: string; number: number }[]> {
  // A long message goes out in chunks (Zalo): a reply to any of them counts.
  const rows = await ReminderLog.find(
    { platform, chatId, $or: [{ messageId }, { messageIds: messageId }] },
    { task: 1, taskNumber: 1 },
  ).lean();
  const seen = new Map(rows.map((r) => [idOf(r.task), r.taskNumber]));
  return [...seen].map(([id, number]) => ({ id, number })).sort((a, b) => a.number - b.number);
}
