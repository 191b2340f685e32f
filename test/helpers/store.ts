import mongoose from 'mongoose';
import { connectStore, disconnectStore } from '../../src/store/connect';
import { mongoUri, testNamespace } from '../harness/servers';

/** Connects mongoose to this test file's own database on the real server, dropped afterwards. */
export function useTestStore(file: string): { dbName: string } {
  const dbName = testNamespace(file);
  beforeAll(async () => {
    await connectStore(mongoUri(), dbName);
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await disconnectStore();
  });
  return { dbName };
}
