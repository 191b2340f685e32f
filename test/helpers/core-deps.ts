import pino from 'pino';
import type { BotDeps } from '../../src/bot/context';
import { fixedClock } from '../../src/shared/clock';
import { createWorkingCalendar } from '../../src/domain/calendar';
import { t } from '../../src/shared/i18n';
import { SCENARIO_NOW } from './scenario';

/** Bot core dependencies for in-process tests: a fixed clock at the scenario's "now", a silent logger. */
export function coreDeps(platform: string, overrides: Partial<BotDeps> = {}): BotDeps {
  return {
    clock: fixedClock(new Date(SCENARIO_NOW)),
    tz: 'Asia/Ho_Chi_Minh',
    calendar: createWorkingCalendar(),
    defaultLocale: 'vi',
    admins: [`${platform}:admin`],
    t,
    logger: pino({ level: 'silent' }),
    ...overrides,
  };
}
