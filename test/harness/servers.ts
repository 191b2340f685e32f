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
