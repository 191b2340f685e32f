/**
 * Where a running `npm run dev` keeps its servers' addresses (`.data/dev.json`), so that `npm run -s import`
 * and `npm run -s export` beside it reach the same database and Redis: their ports change every run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DevState {
  mongodbUri: string;
  redisUrl: string;
  botNow?: string;
  pid: number;
}

export const devStateFile = (dataDir: string): string => path.join(dataDir, 'dev.json');

export function writeDevState(dataDir: string, state: DevState): void {
  writeFileSync(devStateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}

/** The running dev's state, or undefined when there is none (no file, or its process is gone). */
export function readDevState(dataDir: string): DevState | undefined {
  let state: DevState;
  try {
    state = JSON.parse(readFileSync(devStateFile(dataDir), 'utf8')) as DevState;
  } catch {
    return undefined;
  }
  try {
    process.kill(state.pid, 0);
  } catch {
    return undefined;
  }
  return state;
}
