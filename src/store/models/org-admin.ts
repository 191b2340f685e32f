import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * An organisation's own administrator (thư ký, quản trị): may link its groups, load and change its plans,
 * manage its departments and grant the role to others. BOT_ADMINS (the deployment's super-admins) are not
 * stored here. A grant by @username has no user id until that person first writes to the bot.
 */
const orgAdminSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    platform: { type: String, required: true },
    userId: { type: String, default: null },
    /** Lower case, without "@"; Telegram only. */
    username: { type: String, default: null },
    name: { type: String, default: '' },
    role: { type: String, enum: ['secretary'], default: 'secretary' },
    grantedBy: { type: String, required: true },
    grantedAt: { type: Date, required: true },
  },
  { timestamps: true },
);
orgAdminSchema.index({ platform: 1, userId: 1 });
orgAdminSchema.index({ platform: 1, username: 1 });
orgAdminSchema.index({ org: 1 });

export type OrgAdminDoc = InferSchemaType<typeof orgAdminSchema>;
export const OrgAdmin = model('OrgAdmin', orgAdminSchema);
