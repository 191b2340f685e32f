import { Schema, model, type InferSchemaType } from 'mongoose';
import { TASK_STATUSES } from '../../domain/task';

/** The audit record of every change to a task: who, where, when, and what they wrote. */
const statusUpdateSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    task: { type: Schema.Types.ObjectId, ref: 'Task', required: true },
    taskNumber: { type: Number, required: true },
    /** platform:chatId:messageId — the same platform message delivered twice is recorded once. */
    dedupeKey: { type: String, required: true },
    platform: { type: String, required: true },
    chatId: { type: String, required: true },
    messageId: { type: String, default: null },
    userId: { type: String, required: true },
    userName: { type: String, default: '' },
    text: { type: String, required: true },
    action: { type: String, enum: ['done', 'progress', 'blocked', 'note', 'reopen'], required: true },
    before: { status: { type: String, enum: TASK_STATUSES }, progress: Number },
    after: { status: { type: String, enum: TASK_STATUSES }, progress: Number },
    note: { type: String, default: null },
    at: { type: Date, required: true },
    /** False between writing this record and updating the task; a redelivery finishes the job. */
    applied: { type: Boolean, default: false },
  },
  { timestamps: true },
);
statusUpdateSchema.index({ dedupeKey: 1 }, { unique: true });
statusUpdateSchema.index({ task: 1, at: -1 });

export type StatusUpdateDoc = InferSchemaType<typeof statusUpdateSchema>;
export const StatusUpdate = model('StatusUpdate', statusUpdateSchema);
