import { Schema, model, type InferSchemaType } from 'mongoose';
import { TASK_KINDS, TASK_STATUSES } from '../../domain/task';

const historySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: String, required: true },
    status: { type: String, enum: TASK_STATUSES, required: true },
    progress: { type: Number, required: true },
    note: { type: String, default: null },
    /** The StatusUpdate this entry applies: a retried write finds it here and does not apply it twice. */
    update: { type: Schema.Types.ObjectId, default: null },
  },
  { _id: false },
);

const extensionSchema = new Schema(
  {
    from: { type: String, default: null },
    to: { type: String, required: true },
    at: { type: Date, required: true },
    on: { type: String, required: true },
    by: { type: String, required: true },
    requestedBy: { type: String, default: null },
    reason: { type: String, default: null },
    via: { type: String, enum: ['request', 'edit'], required: true },
  },
  { _id: false },
);

const evidenceSchema = new Schema(
  {
    kind: { type: String, enum: ['file', 'photo', 'number'], required: true },
    ref: { type: String, default: null },
    platform: { type: String, required: true },
    name: { type: String, required: true },
    size: { type: Number, default: 0 },
    at: { type: Date, required: true },
    by: { type: String, required: true },
  },
  { _id: false },
);

const taskSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    plan: { type: Schema.Types.ObjectId, ref: 'Plan', required: true },
    /** Short number, unique per organisation, so people can type `/done 12`. */
    number: { type: Number, required: true },
    ref: { type: String, required: true },
    title: { type: String, required: true },
    kind: { type: String, enum: TASK_KINDS, required: true },
    lead: { type: [String], default: [] },
    support: { type: [String], default: [] },
    /** Window as local dates (YYYY-MM-DD, Asia/Ho_Chi_Minh); null when the plan gives no time. */
    start: { type: String, default: null },
    end: { type: String, default: null },
    timeText: { type: String, default: null },
    /** Where work given in chat came from ("KL giao ban 12/5"); null for a plan's own items. */
    source: { type: String, default: null },
    /** One occurrence of recurring work ("lần 3/12"); each occurrence is its own task with its own status. */
    series: {
      type: new Schema({ key: String, index: Number, count: Number }, { _id: false }),
      default: null,
    },
    status: { type: String, enum: TASK_STATUSES, default: 'open' },
    progress: { type: Number, min: 0, max: 100, default: 0 },
    completedAt: { type: Date, default: null },
    blockedReason: { type: String, default: null },
    history: { type: [historySchema], default: [] },
    /** Bumped on every change that affects reminders, so queued reminders of an older version are skipped. */
    revision: { type: Number, default: 0 },
    /**
     * When the task was first loaded, on the service clock (BOT_NOW counts). A task whose end had passed by
     * then (an old plan imported for the record) is never reminded; null for tasks loaded before this field.
     */
    loadedAt: { type: Date, default: null },
    /**
     * What the plan document said of this task when it was last loaded (title, window, departments…): a
     * later version is compared with it field by field, so changes made in chat since are kept. Null for
     * tasks added in chat and for tasks loaded before it was recorded.
     */
    doc: { type: Schema.Types.Mixed, default: null },
    /** /snooze: reminders due on [snoozedFrom, snoozedUntil) move to snoozedUntil (local dates). */
    snoozedFrom: { type: String, default: null },
    snoozedUntil: { type: String, default: null },
    /** The plan's deadline before its first approved change; null while it has none. */
    originalEnd: { type: String, default: null },
    /** Every approved change of deadline, oldest first: who decided, when, and who had asked. */
    extensions: { type: [extensionSchema], default: [] },
    /** A department's request for more time, waiting for the leaders. */
    extensionRequest: {
      type: new Schema({ to: String, reason: String, at: Date, by: String, chat: String }, { _id: false }),
      default: null,
    },
    /** A result waiting for the leaders' acceptance ("chờ duyệt"). */
    review: {
      type: new Schema({ at: Date, by: String, note: String }, { _id: false }),
      default: null,
    },
    /** Results attached: files and photos sent with /done or /capnhat, document numbers named in notes. */
    attachments: { type: [evidenceSchema], default: [] },
    /** How many times the leaders returned a result ("trả lại"). */
    returned: { type: Number, default: 0 },
  },
  { timestamps: true },
);
taskSchema.index({ org: 1, number: 1 }, { unique: true });
taskSchema.index({ plan: 1, ref: 1 }, { unique: true });
taskSchema.index({ org: 1, lead: 1, status: 1 });
// The period query's index (store/period-tasks.ts): every branch of its window filter bounds `end` or pins it
// to null, then reads `start` from the same key; it also serves what {org, end} served before.
taskSchema.index({ org: 1, end: 1, start: 1 });

export type TaskDoc = InferSchemaType<typeof taskSchema>;
export const Task = model('Task', taskSchema);
