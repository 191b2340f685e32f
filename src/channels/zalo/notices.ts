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

/** Said once when the account keeps being logged in elsewhere (Zalo PC, Zalo Web, another bot, zalo:login). */
export const TAKEN_OVER_NOTICE = [
  '⚠️ Tài khoản Zalo đang đăng nhập ở nơi khác (Zalo PC, Zalo Web hoặc một bản bot khác), nên kết nối Zalo của bot bị ngắt nhiều lần.',
  'Bot sẽ tự đăng nhập lại sau mỗi lần chờ (lâu dần) và dùng ngay phiên mới nếu có người chạy `npm run zalo:login`. Tin nhắc Zalo được giữ lại, không mất. Hãy đăng xuất phiên kia nếu không cần.',
  '',
  '⚠️ The bot’s Zalo account is logged in elsewhere (Zalo PC, Zalo Web or another bot instance), so its connection keeps being closed.',
  'The bot logs in again after each (growing) wait, and at once with a new session saved by `npm run zalo:login`. Zalo reminders are kept, not lost. Log the other session out if it is not needed.',
].join('\n');

/** The account is paused after Zalo refused messages to several chats (send-budget.ts). */
export function pausedNotice(minutes: number): string {
  return [
    `⚠️ Zalo đang từ chối tin nhắn của bot ở nhiều nhóm (giới hạn chống spam). Bot tạm dừng gửi tin nhắc Zalo khoảng ${minutes} phút để tránh bị khoá tài khoản; tin nhắc được giữ lại và gửi sau.`,
    `⚠️ Zalo refuses the bot's messages in several groups (its anti-spam limit). The bot pauses Zalo reminders for about ${minutes} minutes so the account is not locked; the reminders are kept and sent afterwards.`,
  ].join('\n');
}

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
