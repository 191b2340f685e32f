/**
 * The Telegram Bot API emulator the tests run against. It lives in tools/ because the benchmark drives it
 * too, and bench/ may not import test code (test/unit/architecture/layers.test.ts).
 */
export * from '../../tools/telegram-emulator';
