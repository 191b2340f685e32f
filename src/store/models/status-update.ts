import { Schema, model, type InferSchemaType } from 'mongoose';
import { auditFields } from './audit-fields';
import { TASK_STATUSES } from '../../domain/task';
import { AUDIT_ACTIONS } from '../../domain/task-rules';

/** The audit record of every change to a task: who, where, when, and what they wrote. */
const statusUpdateSchema = new Schema(
  {
    ...auditFields,
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    before: { status: { type: String, enum: TASK_STATUSES }, progress: Number },
    after: { status: { type: String, enum: TASK_STATUSES }, progress: Number },
    note: { type: String, default: null },
    /** The approved change of deadline, when the action approved one. */
    extension: { type: Schema.Types.Mixed, default: null },
  },
  { timestamps: true },
);
statusUpdateSchema.index({ dedupeKey: 1 }, { unique: true });
statusUpdateSchema.index({ task: 1, at: -1 });

export type StatusUpdateDoc = InferSchemaType<typeof statusUpdateSchema>;
export const StatusUpdate = model('StatusUpdate', statusUpdateSchema);
