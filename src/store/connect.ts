import mongoose from 'mongoose';
import * as models from './models';

/**
 * Connects mongoose and makes sure every index exists. Index builds are explicit (autoIndex off) so a
 * failure surfaces here, at start-up, not later as a silent duplicate.
 */
export async function connectStore(uri: string, dbName?: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  const conn = await mongoose.connect(uri, { dbName, autoIndex: false, serverSelectionTimeoutMS: 10000 });
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  return conn;
}

/** Drops the connected database: benchmarks start from, and leave, nothing. */
export async function dropStore(): Promise<void> {
  await mongoose.connection.dropDatabase();
}

export async function disconnectStore(): Promise<void> {
  await mongoose.disconnect();
}
