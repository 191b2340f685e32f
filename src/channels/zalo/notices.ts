/** What the adapter itself says to people: the apology to a user, and the notices to the bot's admins. */

/** Said when the core fails, so a user's message is never silently dropped (same words as on Telegram). */
export { APOLOGY_VI } from '../ask-core';

/** Admins may read either language, and this notice usually arrives on Telegram, so it carries both. */
export const SESSION_EXPIRED_NOTICE = [
  '⚠️ Phiên đăng nhập Zalo của bot đã hết hạn: bot không nhận và không gửi được tin nhắn Zalo.',
  'Hãy chạy `npm run zalo:login` trên máy chủ, quét mã QR bằng tài khoản Zalo của bot, rồi khởi động lại bot.',
  '',
  '⚠️ The bot’s Zalo session has expired: it can neither receive nor send Zalo messages.',
  'Run `npm run zalo:login` on the server, scan the QR code with the bot’s Zalo account, then restart the bot.',
].join('\n');

export const TAKEN_OVER_NOTICE = [
  '⚠️ Kết nối Zalo của bot đã bị đóng vì tài khoản Zalo của bot vừa được mở ở nơi khác (Zalo Web hoặc một bản bot khác).',
  'Bot sẽ không tự kết nối lại để tránh tranh chấp. Hãy đóng phiên kia rồi khởi động lại bot.',
  '',
  '⚠️ The bot’s Zalo connection was closed because its account was opened elsewhere (Zalo Web or another bot instance).',
  'It will not reconnect by itself, to avoid a tug of war. Close the other session, then restart the bot.',
].join('\n');
