import { Schema, model } from 'mongoose';

/** Per-organisation sequences (task short numbers); an atomic $inc, no transaction needed. */
const counterSchema = new Schema({
  _id: { type: String, required: true },
  seq: { type: Number, required: true, default: 0 },
});

export const Counter = model('Counter', counterSchema);
