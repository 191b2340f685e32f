/** How the long-running entry points (bot, worker, console) start and stop. */
import type { Logger } from '../shared/logger';

/** Runs an entry point; a start-up failure ends the process with one line, not a stack trace. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`Fatal: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

/** On the first SIGTERM or SIGINT: log, run `stop` (which waits for work in progress), exit 0. */
export function onShutdown(stop: () => Promise<void>, logger: Logger, what: string): void {
  let stopping = false;
  const handle = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${what} stopping`);
    await stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void handle('SIGTERM'));
  process.once('SIGINT', () => void handle('SIGINT'));
}
