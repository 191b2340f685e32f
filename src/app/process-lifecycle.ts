/** How the long-running entry points (bot, worker, console) start and stop. */
import type { Logger } from '../shared/logger';

/** Runs an entry point; a start-up failure ends the process with one line, not a stack trace. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`Fatal: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

/** An orderly stop that takes longer than this is cut short: SIGTERM is honoured within 10 s. */
export const STOP_DEADLINE_MS = 8_000;

/**
 * On the first SIGTERM or SIGINT: log, run `stop` (which waits for work in progress), exit 0. A stop that
 * hangs (a store already gone) ends at STOP_DEADLINE_MS with exit 1; an output pipe whose reader is gone
 * (`… | tee` after Ctrl-C) neither crashes the stop nor holds it up.
 */
export function onShutdown(
  stop: () => Promise<void>,
  logger: Logger,
  what: string,
  deadlineMs: number = STOP_DEADLINE_MS,
): void {
  let stopping = false;
  const handle = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    ignoreBrokenPipes();
    setTimeout(() => {
      process.stderr.write(
        `${what}: dừng quá ${deadlineMs / 1000} s, thoát ngay / stop took too long, exiting\n`,
      );
      process.exit(1);
    }, deadlineMs).unref();
    logger.info({ signal }, `${what} stopping`);
    await stop().catch((err: unknown) =>
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, `${what}: stop failed`),
    );
    process.exit(0);
  };
  process.once('SIGTERM', () => void handle('SIGTERM'));
  process.once('SIGINT', () => void handle('SIGINT'));
}

/** Writes to a closed pipe (EPIPE) while stopping are dropped rather than thrown. */
function ignoreBrokenPipes(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
}
