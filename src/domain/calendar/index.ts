export * from './dates';
export * from './local-time';
export * from './lunar';
export * from './overrides';
export * from './holidays';
export * from './working-days';
export * from './periods';
export * from './dayjs';
