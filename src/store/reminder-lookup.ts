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
