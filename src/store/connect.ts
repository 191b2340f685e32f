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

export async function disconnectStore(): Promise<void> {
  await mongoose.disconnect();
}

/** For the health heartbeat: true while mongoose holds a live connection. */
export function storeConnected(): boolean {
  return mongoose.connection.readyState === 1;
}

/** Drops the connected database: only for throwaway databases (tests, benchmarks, the docs' renders). */
export async function dropStoreDatabase(): Promise<void> {
  await mongoose.connection.dropDatabase();
}
