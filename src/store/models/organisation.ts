import { Schema, model, type InferSchemaType } from 'mongoose';

const organisationSchema = new Schema(
  {
    slug: { type: String, required: true, unique: true, trim: true },
    name: { type: String, required: true, trim: true },
    timezone: { type: String, required: true, default: 'Asia/Ho_Chi_Minh' },
    locale: { type: String, enum: ['vi', 'en'], default: 'vi' },
    /** Reminder offsets that override the planner's defaults for this organisation (see domain/reminders). */
    reminderSettings: { type: Schema.Types.Mixed, default: undefined },
    /** `/caidat duyet bat`: a finished task waits for the leaders' acceptance ("chờ duyệt"). */
    acceptance: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export type OrganisationDoc = InferSchemaType<typeof organisationSchema>;
export const Organisation = model('Organisation', organisationSchema);
