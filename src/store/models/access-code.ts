import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * A one-time code: `setup` lets its holder start a new organisation; `link` binds the group it is pasted
 * into to a department; `admin` makes whoever sends it an administrator of the organisation. Only the
 * code's SHA-256 is stored, so the database (or a log of it) does not hand out keys.
 */
const accessCodeSchema = new Schema(
  {
    hash: { type: String, required: true, unique: true },
    kind: { type: String, enum: ['setup', 'link', 'admin'], required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Organisation', default: null },
    /** link: the department's slug, or null for the leaders' group. */
    department: { type: String, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    /** setup: who redeemed it (it is spent when the organisation is created). */
    claimedBy: { type: String, default: null },
    usedAt: { type: Date, default: null },
    usedBy: { type: String, default: null },
  },
  { minimize: false },
);

export type AccessCodeDoc = InferSchemaType<typeof accessCodeSchema>;
export const AccessCode = model('AccessCode', accessCodeSchema);
