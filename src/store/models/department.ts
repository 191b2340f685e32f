import { Schema, model, type InferSchemaType } from 'mongoose';

const departmentSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    slug: { type: String, required: true, trim: true },
    name: { type: String, required: true, trim: true },
    /** Other ways documents and people write the name; matched ignoring case and accents. */
    aliases: { type: [String], default: [] },
    /** Retired departments stay for the names of old tasks and records, but take no new work or group. */
    retired: { type: Boolean, default: false },
    /** Set when the department was merged into another: that one's slug. */
    mergedInto: { type: String, default: null },
  },
  { timestamps: true, toJSON: { virtuals: true }, toObject: { virtuals: true } },
);
departmentSchema.index({ org: 1, slug: 1 }, { unique: true });

// The groups a department talks in; ChatBinding is the single source of truth for them.
departmentSchema.virtual('chats', {
  ref: 'ChatBinding',
  localField: 'slug',
  foreignField: 'department',
  match: (doc: { org: unknown }) => ({ org: doc.org, role: 'department' }),
});

export type DepartmentDoc = InferSchemaType<typeof departmentSchema>;
export const Department = model('Department', departmentSchema);
