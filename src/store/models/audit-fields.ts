import { Schema } from 'mongoose';

/**
 * What every audit record of a chat change holds: the task, who sent it, where, and the platform message
 * (its dedupe key makes the same message delivered twice change the task once).
 */
export const auditFields = {
  org: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
  task: { type: Schema.Types.ObjectId, ref: 'Task', required: true },
  taskNumber: { type: Number, required: true },
  /** platform:chatId:messageId */
  dedupeKey: { type: String, required: true },
  platform: { type: String, required: true },
  chatId: { type: String, required: true },
  messageId: { type: String, default: null },
  userId: { type: String, required: true },
  userName: { type: String, default: '' },
  text: { type: String, required: true },
  at: { type: Date, required: true },
  /** False between writing the record and changing the task; a redelivery finishes the job. */
  applied: { type: Boolean, default: false },
} as const;
