/**
 * The tests' one door to stored rows (eslint's no-restricted-imports lets only src/store and this file
 * import mongoose or the models). Tests set data up and check what was written at the level of the rows,
 * not through the repositories they are testing: a repository that wrote the wrong field would read it
 * back just as wrongly. Keeping that access here means a schema change shows up in one import, not in
 * every test file's.
 */
import mongoose from 'mongoose';
import { connectStore, disconnectStore } from '../../src/store/connect';
import { mongoUri, testNamespace } from '../harness/servers';

export {
  ChatBinding,
  Department,
  Organisation,
  PendingAction,
  Plan,
  ReminderLog,
  StatusUpdate,
  Task,
  TaskEdit,
} from '../../src/store/models';
export type { StoreId } from '../../src/store/types';
/** For the foundation test, which reports the server it talks to. */
export { mongoose };

/** Drops the connected database (a test file's own, or an end-to-end run's). */
export async function dropTestDatabase(): Promise<void> {
  await mongoose.connection.dropDatabase().catch(() => undefined);
}

/** Connects mongoose to this test file's own database on the real server, dropped afterwards. */
export function useTestStore(file: string): { dbName: string } {
  const dbName = testNamespace(file);
  beforeAll(async () => {
    await connectStore(mongoUri(), dbName);
  });
  afterAll(async () => {
    await dropTestDatabase();
    await disconnectStore();
  });
  return { dbName };
}
