import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * Something a chat asked for that waits for /confirm: a plan draft to load, or a task to delete. One chat
 * may have several; /confirm takes the newest that has not expired. Expiry is checked against the
 * service clock (BOT_NOW in demos), so no TTL index: it would count real time.
 */
const pendingActionSchema = new Schema(
  {
    platform: { type: String, required: true },
    chatId: { type: String, required: true },
    userId: { type: String, required: true },
    kind: { type: String, enum: ['import', 'delete', 'setup', 'link-choice'], required: true },
    /** The organisation's slug ('' for a setup: the organisation does not exist yet). */
    org: { type: String, default: '' },
    /** import: the PlanDraft, the extracted text (its hash identifies the source) and the file name. */
    draft: { type: Schema.Types.Mixed, default: null },
    sourceText: { type: String, default: null },
    fileName: { type: String, default: null },
    /** delete: the task's number. */
    taskNumber: { type: Number, default: null },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { minimize: false },
);
pendingActionSchema.index({ platform: 1, chatId: 1, createdAt: -1 });

export type PendingActionDoc = InferSchemaType<typeof pendingActionSchema>;
export const PendingAction = model('PendingAction', pendingActionSchema);
