/**
 * Every setting comes from the environment (and an optional .env, loaded by the entry points), validated
 * once at start-up. `parseConfig` is pure so tests can feed it any environment.
 */
import { z } from 'zod';

const LOCALES = ['vi', 'en'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const schema = z.object({
  MONGODB_URI: z
    .string({ error: 'is required (e.g. mongodb://127.0.0.1:27017/lmhtx)' })
    .trim()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must be a mongodb:// or mongodb+srv:// URI'),
  REDIS_URL: z
    .string({ error: 'is required (e.g. redis://127.0.0.1:6379)' })
    .trim()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL'),
  TZ_NAME: z
    .string()
    .trim()
    .default('Asia/Ho_Chi_Minh')
    .refine(isTimeZone, 'must be an IANA time zone such as Asia/Ho_Chi_Minh'),
  DEFAULT_LOCALE: z.enum(LOCALES, { error: 'must be vi or en' }).default('vi'),
  TELEGRAM_BOT_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]+$/, 'must look like 123456:ABC-DEF… (from @BotFather)')
      .optional(),
  ),
  TELEGRAM_API_ROOT: z
    .string()
    .trim()
    .default('https://api.telegram.org')
    .pipe(z.url({ error: 'must be an http(s) URL' }))
    .transform((v) => v.replace(/\/+$/, '')),
  ZALO_CREDENTIALS_FILE: optionalText,
  BOT_ADMINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(telegram|zalo|console):\S+$/,
            'entries must be platform-prefixed ids like telegram:123,zalo:abc',
          ),
      ),
    ),
  BOT_NOW: optionalText.pipe(
    z
      .string()
      .refine(
        (v) =>
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
          !Number.isNaN(Date.parse(v)),
        'must be an ISO instant with a zone, e.g. 2025-03-27T08:00:00+07:00',
      )
      .optional(),
  ),
  /** Set by `npm run dev`: reminders also go to the console's groups, which the dev process prints. */
  CONSOLE_DELIVERY: z.enum(['', '0', '1'], { error: 'must be 1 or 0' }).default(''),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  REMINDER_OVERDUE_DAYS: z
    .string()
    .trim()
    .default('1,3,5')
    .refine(
      (v) => /^\d{1,3}(\s*,\s*\d{1,3})*$/.test(v),
      'must be working days late separated by commas, e.g. 1,3,5',
    )
    .transform((v) => [...new Set(v.split(',').map((n) => Number(n.trim())))].sort((a, b) => a - b))
    .refine((days) => days.every((n) => n >= 1), 'must be working days late of at least 1, e.g. 1,3,5'),
  ZALO_SEND_BUDGET: z
    .string()
    .trim()
    .default('15,90,600')
    .refine(
      (v) => /^\d{1,5}\s*,\s*\d{1,5}\s*,\s*\d{1,6}$/.test(v),
      'must be three whole numbers: messages per minute, per hour and per day, e.g. 15,90,600',
    )
    .transform((v) => v.split(',').map((n) => Number(n.trim())) as [number, number, number])
    .refine(
      ([m, h, d]) => m >= 1 && h >= m && d >= h,
      'must be at least 1 and grow: per minute ≤ per hour ≤ per day',
    ),
  REMINDER_ESCALATE_AT: z
    .string()
    .trim()
    .default('5')
    .refine((v) => /^\d{1,3}$/.test(v), 'must be a whole number of working days late (0 = never)')
    .transform(Number),
});

export type Locale = (typeof LOCALES)[number];

export interface Config {
  mongodbUri: string;
  redisUrl: string;
  tz: string;
  defaultLocale: Locale;
  telegram: { token?: string; apiRoot: string };
  /** The Zalo account's send budget (src/channels/zalo/send-budget.ts). */
  zalo: { credentialsFile?: string; budget?: { perMinute: number; perHour: number; perDay: number } };
  admins: string[];
  /** Start of the service clock when set (demos and end-to-end tests); the clock runs forward from it. */
  botNow?: Date;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Reminders are queued for the console's groups too (npm run dev, which shows them). */
  consoleDelivery: boolean;
  /** The overdue cadence every organisation starts from (an organisation's own settings win). */
  reminders: { overdueWorkingDays: number[]; escalateAtWorkingDays: number };
}

/** The names of every variable the service reads: `.env.example` must list exactly these. */
export const CONFIG_KEYS = Object.keys(schema.shape);

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${vietnamese(variable, detail)} / Configuration error: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const detail =
      issue?.code === 'invalid_type' && env[variable] === undefined ? 'is required' : issue?.message;
    throw new ConfigError(variable, friendly(variable, detail ?? 'is invalid'));
  }
  const e = result.data;
  return {
    mongodbUri: e.MONGODB_URI,
    redisUrl: e.REDIS_URL,
    tz: e.TZ_NAME,
    defaultLocale: e.DEFAULT_LOCALE,
    telegram: { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT },
    zalo: {
      credentialsFile: e.ZALO_CREDENTIALS_FILE,
      budget: {
        perMinute: e.ZALO_SEND_BUDGET[0],
        perHour: e.ZALO_SEND_BUDGET[1],
        perDay: e.ZALO_SEND_BUDGET[2],
      },
    },
    admins: e.BOT_ADMINS,
    botNow: e.BOT_NOW ? new Date(e.BOT_NOW) : undefined,
    logLevel: e.LOG_LEVEL,
    consoleDelivery: e.CONSOLE_DELIVERY === '1',
    reminders: { overdueWorkingDays: e.REMINDER_OVERDUE_DAYS, escalateAtWorkingDays: e.REMINDER_ESCALATE_AT },
  };
}

/** The operator reads Vietnamese first: what is wrong and what to do, then the English detail. */
function vietnamese(variable: string, detail: string): string {
  if (detail.startsWith('is required'))
    return variable === 'MONGODB_URI' || variable === 'REDIS_URL'
      ? `Lỗi cấu hình: thiếu ${variable}. Chạy \`npm run dev\` ở thư mục này (các lệnh sẽ tự tìm máy chủ của nó) hoặc đặt ${variable} trong .env`
      : `Lỗi cấu hình: thiếu ${variable}`;
  return `Lỗi cấu hình: ${variable} không hợp lệ`;
}

function friendly(variable: string, detail: string): string {
  if (variable === 'MONGODB_URI' && detail === 'is required')
    return 'is required (e.g. mongodb://127.0.0.1:27017/lmhtx)';
  if (variable === 'REDIS_URL' && detail === 'is required')
    return 'is required (e.g. redis://127.0.0.1:6379)';
  return detail;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
