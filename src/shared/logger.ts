import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths that may carry secrets; pino blanks them wherever they appear in a log object. */
const REDACT = [
  'token',
  '*.token',
  'cookie',
  '*.cookie',
  'imei',
  '*.imei',
  'password',
  '*.password',
  'uri',
  '*.uri',
  'credentials',
  '*.credentials',
];

export function createLogger(level: string, name = 'lmhtx-bot'): Logger {
  return pino({ name, level, redact: { paths: REDACT, censor: '[secret]' } });
}

/** Hides the password and bot tokens inside URLs before they are logged. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@').replace(/\/bot\d+:[\w-]+/g, '/bot***');
}
