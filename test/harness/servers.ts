/**
 * What an integration test file uses: its own database and key prefix, so files can run in parallel
 * against the same two servers.
 */
import { createHash } from 'node:crypto';

export function testNamespace(file: string): string {
  const base = file
    .replace(/^.*[\\/]/, '')
    .replace(/\.test\.ts$/, '')
    .replace(/[^a-zA-Z0-9]+/g, '_');
  const salt = createHash('sha1').update(`${file}:${process.pid}:${Date.now()}`).digest('hex').slice(0, 6);
  return `t_${base}_${salt}`.slice(0, 60);
}

export function mongoUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: the jest global setup should have provided it');
  return uri;
}

export function redisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: the jest global setup should have provided it');
  return url;
}

/** `url` with its path replaced (a database name for MongoDB, a database number for Redis). */
export function withPath(url: string, pathname: string): string {
  const u = new URL(url);
  u.pathname = pathname;
  return u.toString().replace(/\/$/, '');
}

/**
 * Spawned bots and workers use BullMQ's default prefix and the pacer's fixed keys, so two such files
 * running side by side in one Redis database would take each other's jobs and slots. Each has a database
 * of its own, all listed here so that none is given twice (Redis has 16; the in-process tests share 0
 * under per-file prefixes).
 */
const PROCESS_REDIS_DBS: Record<string, number> = {
  'telegram-plans': 7,
  'telegram-scenario': 8,
  'new-alliance': 9,
  'service-clock': 10,
  'worker-crash': 11,
  'reminders-morning': 12,
  'telegram-deadlines': 13,
  'built-programs': 14,
};

/** The Redis URL for the processes test file `file` spawns (its own database, see PROCESS_REDIS_DBS). */
export function processRedisUrl(file: string): string {
  const name = file.replace(/^.*[\\/]/, '').replace(/\.test\.ts$/, '');
  const db = PROCESS_REDIS_DBS[name];
  if (db === undefined)
    throw new Error(`${name} spawns processes: give it a Redis database in PROCESS_REDIS_DBS`);
  return withPath(redisUrl(), `/${db}`);
}
