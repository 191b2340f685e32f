/** A pino logger that keeps its lines in memory, so tests can assert what was (and was not) logged. */
import pino from 'pino';
import type { Logger } from '../../../src/shared/logger';

export function captureLogs(): { logger: Logger; lines: string[]; text(): string } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines, text: () => lines.join('') };
}
