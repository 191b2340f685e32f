/**
 * Provides the real servers the integration tests talk to, once per jest run:
 *  1. MONGODB_URI / REDIS_URL from the environment (CI starts FerretDB and Redis, see .ci/run);
 *  2. else `mongod` / `redis-server` found on PATH, on a free port with a temporary directory;
 *  2b. else, with Go on PATH, FerretDB (scripts/ferretdb.sh: a MongoDB-protocol server on SQLite);
 *  3. else the ecosystem's downloaders (mongodb-memory-server-core, redis-memory-server), which fetch
 *     a binary at first use on a machine with internet;
 *  4. else stop with a message saying how to get one.
 * Each test file then derives its own database name / key prefix (see ./servers.ts).
 */
import { startServers } from '../../src/app/local-servers';

export default async function globalSetup(): Promise<void> {
  const started = await startServers();
  process.env.MONGODB_URI = started.mongoUri;
  process.env.REDIS_URL = started.redisUrl;
  (globalThis as { __SERVERS__?: typeof started }).__SERVERS__ = started;
}
