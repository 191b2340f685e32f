import { Schema, model, type InferSchemaType } from 'mongoose';
import { auditFields } from './audit-fields';
import { TASK_STATUSES } from '../../domain/task';

/** The audit record of every change to a task: who, where, when, and what they wrote. */
const statusUpdateSchema = new Schema(
  {
    ...auditFields,
    action: { type: String, enum: ['done', 'progress', 'blocked', 'note', 'reopen'], required: true },
    before: { status: { type: String, enum: TASK_STATUSES }, progress: Number },
    after: { status: { type: String, enum: TASK_STATUSES }, progress: Number },
    note: { type: String, default: null },
  },
  { timestamps: true },
);
statusUpdateSchema.index({ dedupeKey: 1 }, { unique: true });
statusUpdateSchema.index({ task: 1, at: -1 });

export type StatusUpdateDoc = InferSchemaType<typeof statusUpdateSchema>;
export const StatusUpdate = model('StatusUpdate', statusUpdateSchema);
