import { Schema, model, type InferSchemaType } from 'mongoose';
import { auditFields } from './audit-fields';

export const EDIT_FIELDS = ['title', 'start', 'end', 'lead', 'support', 'created', 'deleted'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/**
 * The audit record of a change to a task's plan made in chat (its title, window or departments; a task
 * added or deleted): who, in which chat, when, and the value before and after. Progress reports have
 * their own record, StatusUpdate.
 */
const taskEditSchema = new Schema(
  {
    ...auditFields,
    field: { type: String, enum: EDIT_FIELDS, required: true },
    /** Strings (title, dates) or lists (departments); a deleted task keeps its title here. */
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  { timestamps: true },
);
taskEditSchema.index({ dedupeKey: 1 }, { unique: true });
taskEditSchema.index({ org: 1, taskNumber: 1, at: -1 });

export type TaskEditDoc = InferSchemaType<typeof taskEditSchema>;
export const TaskEdit = model('TaskEdit', taskEditSchema);
