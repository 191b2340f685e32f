/** What the adapter itself says to people: the apology to a user, and the notices to the bot's admins. */

/** Said when the core fails, so a user's message is never silently dropped (same words as on Telegram). */
export { APOLOGY_VI } from '../ask-core';

/** Admins may read either language, and this notice usually arrives on Telegram, so it carries both. */
export const SESSION_EXPIRED_NOTICE = [
  '⚠️ Phiên đăng nhập Zalo của bot đã hết hạn: bot không nhận và không gửi được tin nhắn Zalo.',
  'Hãy chạy `npm run zalo:login` trên máy chủ và quét mã QR bằng tài khoản Zalo của bot; bot tự dùng phiên mới, không cần khởi động lại. Tin nhắc Zalo được giữ lại và gửi khi có phiên mới.',
  '',
  '⚠️ The bot’s Zalo session has expired: it can neither receive nor send Zalo messages.',
  'Run `npm run zalo:login` on the server and scan the QR code with the bot’s Zalo account; the bot picks the new session up by itself. Zalo reminders are kept and sent once it is back.',
].join('\n');

export const TAKEN_OVER_NOTICE = [
  '⚠️ Kết nối Zalo của bot đã bị đóng vì tài khoản Zalo của bot vừa được mở ở nơi khác (Zalo Web hoặc một bản bot khác).',
  'Bot sẽ không tự kết nối lại để tránh tranh chấp. Hãy đóng phiên kia rồi khởi động lại bot.',
  '',
  '⚠️ The bot’s Zalo connection was closed because its account was opened elsewhere (Zalo Web or another bot instance).',
  'It will not reconnect by itself, to avoid a tug of war. Close the other session, then restart the bot.',
].join('\n');

export const SESSION_BACK_NOTICE = [
  '✅ Bot đã đăng nhập lại Zalo; các tin nhắc đang chờ sẽ được gửi.',
  '✅ The bot is logged in to Zalo again; waiting reminders are going out.',
].join('\n');

/** How many Zalo reminders are held back while there is no session (jobs/zalo-delivery.ts). */
export function waitingNotice(count: number): string {
  return [
    `⏳ ${count} tin nhắc Zalo đang chờ phiên đăng nhập Zalo. Chúng sẽ được gửi khi bot đăng nhập lại; tin nào quá ngày thì không gửi muộn (việc vẫn hiện trong /quahan và bản tổng hợp tuần).`,
    `⏳ ${count} Zalo reminders are waiting for a Zalo session. They go out once the bot is logged in again; any whose day has passed are not sent late (the tasks still show in /overdue and the weekly digest).`,
  ].join('\n');
}

/** A Zalo chat refuses the bot's messages (codes 123/122/221); told once per episode. */
export function chatRefusedNotice(chat: string, code: number, retryMinutes: number): string {
  return [
    `⚠️ Zalo không cho bot gửi tin vào "${chat}" (mã ${code}). Bot sẽ thử lại sau khoảng ${retryMinutes} phút; các nhóm khác vẫn nhận tin bình thường. Nếu nhóm đã chặn hoặc xoá bot, hãy kiểm tra lại.`,
    `⚠️ Zalo refuses the bot's messages to "${chat}" (code ${code}). The bot will try again in about ${retryMinutes} minutes; other groups are not affected. If the group blocked or removed the bot, please check.`,
  ].join('\n');
}
