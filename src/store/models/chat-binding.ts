import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * A group chat the bot knows: which organisation and department (or the leadership) it speaks for, and
 * its language. A group that only chose a language has no role yet.
 */
const chatBindingSchema = new Schema(
  {
    platform: { type: String, enum: ['telegram', 'zalo', 'console'], required: true },
    chatId: { type: String, required: true },
    title: { type: String, default: '' },
    org: { type: Schema.Types.ObjectId, ref: 'Organisation', default: null },
    role: { type: String, enum: ['department', 'leaders', null], default: null },
    department: { type: String, default: null },
    locale: { type: String, enum: ['vi', 'en', null], default: null },
    boundBy: { type: String, default: null },
    /** Set when the platform says the bot can no longer post here (removed, blocked). */
    unreachableSince: { type: Date, default: null },
    /** Set by /mute: no reminders go here until /unmute; the leaders' digest names such groups. */
    mutedSince: { type: Date, default: null },
  },
  { timestamps: true },
);
chatBindingSchema.index({ platform: 1, chatId: 1 }, { unique: true });
chatBindingSchema.index({ org: 1, role: 1, department: 1 });

export type ChatBindingDoc = InferSchemaType<typeof chatBindingSchema>;
export const ChatBinding = model('ChatBinding', chatBindingSchema);
