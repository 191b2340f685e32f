import { Schema, model } from 'mongoose';

/**
 * Where a BOT_NOW service clock stands against the real one. Keyed by the BOT_NOW value: the first
 * process of a deployment records the offset, every later process (bot, worker, console, a restart)
 * reads it, so they all agree on the time. A new BOT_NOW value starts a new clock.
 */
const serviceClockSchema = new Schema({
  _id: { type: String, required: true },
  offsetMs: { type: Number, required: true },
  startedAt: { type: Date, required: true },
});

export const ServiceClock = model('ServiceClock', serviceClockSchema);
