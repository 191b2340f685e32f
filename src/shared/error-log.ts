import type { Logger } from './logger';

/** Anything that reports its failures as 'error' events: ioredis clients, BullMQ queues, workers, events. */
export interface ErrorEmitter {
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** During an outage a connection fails every retry; one line per source this often says the same. */
export const ERROR_LOG_EVERY_MS = 10_000;

/**
 * Logs a source's errors through pino, at most one line per `everyMs` with how many were folded into it.
 * Without a listener, ioredis and BullMQ print each failure as a stack trace on stderr (BullMQ falls back
 * to console.error), dozens a second while Redis is down: the listener is what keeps the logs one JSON
 * stream.
 */
export function logErrorsOf(
  emitter: ErrorEmitter,
  source: string,
  logger: Logger,
  everyMs = ERROR_LOG_EVERY_MS,
  now: () => number = Date.now,
): void {
  let lastAt = -Infinity;
  let folded = 0;
  emitter.on('error', (err: Error) => {
    const at = now();
    if (at - lastAt < everyMs) {
      folded++;
      return;
    }
    const code = (err as Error & { code?: unknown }).code;
    logger.warn(
      { source, error: err.message, ...(code === undefined ? {} : { code }), repeated: folded },
      folded > 0 ? `${source}: still failing (${folded} more since the last line)` : `${source}: failing`,
    );
    lastAt = at;
    folded = 0;
  });
}
