import { Schema, model, type InferSchemaType } from 'mongoose';

/** The delivery states of a row (src/store/reminder-log.ts holds the protocol and its typed reasons). */
export const REMINDER_LOG_STATES = ['sending', 'sent', 'failed', 'waiting', 'superseded'] as const;

/**
 * Which reminder went to which group, with the platform's message id, so a reply to it can update the task
 * and a retried job never sends the same reminder twice to the same group.
 */
const reminderLogSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    task: { type: Schema.Types.ObjectId, ref: 'Task', required: true },
    taskNumber: { type: Number, required: true },
    /** The reminder's stable key (also its queue job id). */
    key: { type: String, required: true },
    kind: { type: String, required: true },
    target: { type: String, required: true },
    platform: { type: String, required: true },
    chatId: { type: String, required: true },
    /**
     * 'sending' is written before the platform call, 'sent' after; see the README on the remaining window.
     * 'waiting': nothing was posted and the channel asked to wait (no Zalo session yet, or the chat refused
     * it for now); 'superseded': it was still waiting when its day passed or its task no longer needed it.
     */
    state: { type: String, enum: REMINDER_LOG_STATES, required: true },
    /** Why the row is in its state (how it was claimed, why it waits or failed); null once sent. */
    reason: { type: String, default: null },
    /** When the current attempt claimed the row, on the service clock: its age decides a take-over. */
    claimedAt: { type: Date, default: null },
    messageId: { type: String, default: null },
    /** Every message the reminder took (a long one is split), so a reply to any of them finds the task. */
    messageIds: { type: [String], default: undefined },
    error: { type: String, default: null },
    sentAt: { type: Date, default: null },
    /** Which delivery attempt wrote the row: one message claims several rows, and must know its own. */
    claim: { type: String, default: null },
  },
  { timestamps: true },
);
reminderLogSchema.index({ key: 1, platform: 1, chatId: 1 }, { unique: true });
reminderLogSchema.index({ platform: 1, chatId: 1, messageId: 1 });
reminderLogSchema.index({ platform: 1, chatId: 1, messageIds: 1 });

export type ReminderLogDoc = InferSchemaType<typeof reminderLogSchema>;
export const ReminderLog = model('ReminderLog', reminderLogSchema);
