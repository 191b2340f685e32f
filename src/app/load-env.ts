/**
 * Entry points call this first: the optional .env, then validation. A bad setting ends the process with
 * one readable line naming the variable (no stack trace: it is an operator's mistake, not a bug).
 */
import { config as loadDotenv } from 'dotenv';
import { ConfigError, parseConfig, type Config } from './config';

export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  loadDotenv({ quiet: true });
  try {
    return parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
