import { Schema, model, type InferSchemaType } from 'mongoose';

const planSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    title: { type: String, required: true },
    docNumber: { type: String, default: null },
    issuedOn: { type: String, default: null },
    year: { type: Number, required: true },
    /** Identifies the document across re-imports: its number when it has one, else its title and year. */
    key: { type: String, required: true },
    sourceHash: { type: String, required: true },
    sourceName: { type: String, default: null },
    /** Tasks of this plan deleted in chat, as the document had them: a new version does not re-create them. */
    chatDeleted: {
      type: [
        new Schema(
          { number: Number, ref: String, title: String, start: String, end: String },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { timestamps: true },
);
planSchema.index({ org: 1, key: 1 }, { unique: true });

export type PlanDoc = InferSchemaType<typeof planSchema>;
export const Plan = model('Plan', planSchema);
