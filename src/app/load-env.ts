/**
 * Entry points call this first: the optional .env, then validation. A bad setting ends the process with
 * one readable line naming the variable (no stack trace: it is an operator's mistake, not a bug).
 *
 * Beside a running `npm run dev` (its `.data/dev.json`), a CLI without MONGODB_URI / REDIS_URL uses dev's
 * servers and database and its service clock, so `npm run -s import` loads into the data the console shows.
 */
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, parseConfig, type Config } from './config';
import { readDevState } from './dev-state';

const ROOT = path.join(__dirname, '..', '..');

/** `env` completed from a running dev's state where it has no store settings of its own. */
export function withRunningDev(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; fromDev: boolean } {
  if (env.MONGODB_URI && env.REDIS_URL) return { env, fromDev: false };
  const state = readDevState(path.resolve(ROOT, env.DEV_DATA_DIR || '.data'));
  if (!state) return { env, fromDev: false };
  return {
    env: {
      ...env,
      MONGODB_URI: env.MONGODB_URI || state.mongodbUri,
      REDIS_URL: env.REDIS_URL || state.redisUrl,
      // Plans loaded from here count as loaded at dev's service time, as the console's would.
      ...(state.botNow && !env.BOT_NOW ? { BOT_NOW: state.botNow } : {}),
    },
    fromDev: true,
  };
}

export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  loadDotenv({ quiet: true });
  const found = withRunningDev(env);
  if (found.fromDev)
    process.stderr.write(
      'Dùng máy chủ của `npm run dev` đang chạy (.data/dev.json) / using the running dev servers\n',
    );
  try {
    return parseConfig(found.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
