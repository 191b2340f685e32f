import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  /** What the process wrote to stderr alone (pino writes to stdout). */
  errors(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts a program as a real child process and waits for its ready line: a source file
 * (`src/app/main.ts`, `src/app/worker.ts`) through tsx, or a built one (an absolute path to a `.js` file
 * under some `dist/`) with plain node, as the image runs it.
 */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  ready: string,
  ms = 30000,
): Promise<RunningProcess> {
  const built = entry.endsWith('.js');
  const args = built ? ['--enable-source-maps', entry] : ['--import', 'tsx', join(ROOT, entry)];
  const child = spawn(process.execPath, args, {
    cwd: built ? dirname(dirname(dirname(entry))) : ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
    err += c.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready after ${ms} ms:\n${out}`)), ms);
    const check = () => {
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${out}`));
    });
  });
  return {
    child,
    output: () => out,
    errors: () => err,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
