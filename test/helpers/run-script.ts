import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { mongoUri } from '../harness/servers';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs `scripts/<script>` as a user would (`npm run import -- …`), against this test file's database,
 * with a clean environment so nothing of the jest process leaks in.
 */
export function runScript(
  script: string,
  args: string[],
  dbName: string,
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60000,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MONGODB_URI: `${mongoUri()}/${dbName}`,
      REDIS_URL: 'redis://127.0.0.1:6379',
      ...env,
    },
  });
}
