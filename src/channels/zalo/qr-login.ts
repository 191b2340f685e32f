/**
 * The QR login `npm run zalo:login` runs (scripts/zalo-login.ts parses the arguments and exits with the
 * code this returns). zca-js's loginQR with a callback never settles on its own when the phone declines
 * (it reports QRCodeDeclined and returns), and leaves an expired QR to the callback; so both end here
 * with `actions.abort()`, which rejects with ZaloApiLoginQRAborted, and a clear message and exit code 1.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseCredentials, writeCredentials } from './credentials';
import { describeError } from './errors';
import { LoginQRCallbackEventType, type LoginQRCallback, type LoginQRCallbackEvent } from './zca';

/** Each QR lives 100 s; after this many the operator is clearly not at the phone. */
export const MAX_QR_RETRIES = 5;

/** What is used of zca-js's API after a QR login. */
export interface QrLoggedIn {
  getOwnId(): string;
  getContext(): { imei: string; userAgent: string; cookie: { toJSON(): { cookies: unknown[] } | undefined } };
}

export interface QrLoginDeps {
  /** zca-js's `new Zalo(…).loginQR`, bound. */
  loginQR(options: { userAgent?: string }, callback: LoginQRCallback): Promise<QrLoggedIn>;
  say(vi: string, en: string): void;
  complain(vi: string, en: string): void;
  maxQrRetries?: number;
}

export interface QrLoginOptions {
  out: string;
  qrPath: string;
  userAgent?: string;
}

/** 0 when the session was saved; 1 (after saying why) when the QR was declined, expired or login failed. */
export async function runQrLogin(options: QrLoginOptions, deps: QrLoginDeps): Promise<number> {
  const { out, qrPath } = options;
  const maxRetries = deps.maxQrRetries ?? MAX_QR_RETRIES;
  let outcome: 'declined' | 'expired' | undefined;
  let gotInfo: { imei: string; userAgent: string } | undefined;
  let retries = 0;
  // zca-js does not wait for its callback: a QR image still being written must finish before we clean up.
  const handling = new Set<Promise<void>>();
  const settled = (): Promise<unknown> => Promise.allSettled([...handling]);

  const onEvent = async (event: LoginQRCallbackEvent): Promise<void> => {
    switch (event.type) {
      case LoginQRCallbackEventType.QRCodeGenerated:
        await mkdir(dirname(qrPath), { recursive: true });
        await writeFile(qrPath, Buffer.from(event.data.image, 'base64'), { mode: 0o600 });
        deps.say(
          `Mã QR đã được ghi vào: ${qrPath}\nMở ảnh này, rồi trên điện thoại đăng nhập tài khoản Zalo của bot, chọn biểu tượng quét mã QR và quét. Mã hết hạn sau khoảng 100 giây.`,
          `QR code written to: ${qrPath}\nOpen it, then on the phone logged in to the bot's Zalo account, tap the QR scanner and scan it. It expires after about 100 seconds.`,
        );
        break;
      case LoginQRCallbackEventType.QRCodeExpired:
        if (++retries > maxRetries) {
          outcome = 'expired';
          event.actions.abort();
        } else {
          deps.say('Mã QR đã hết hạn, đang tạo mã mới…', 'The QR code expired; making a new one…');
          event.actions.retry();
        }
        break;
      case LoginQRCallbackEventType.QRCodeScanned:
        deps.say(
          `Đã quét bởi "${event.data.display_name}". Hãy xác nhận đăng nhập trên điện thoại.`,
          `Scanned by "${event.data.display_name}". Confirm the login on the phone.`,
        );
        break;
      case LoginQRCallbackEventType.QRCodeDeclined:
        // zca-js would wait for ever here: end the login ourselves.
        outcome = 'declined';
        event.actions.abort();
        break;
      case LoginQRCallbackEventType.GotLoginInfo:
        gotInfo = { imei: event.data.imei, userAgent: event.data.userAgent };
        break;
    }
  };

  let api: QrLoggedIn;
  try {
    api = await deps.loginQR(options.userAgent ? { userAgent: options.userAgent } : {}, (event) => {
      const done = onEvent(event)
        .catch((err: unknown) => deps.complain(`Lỗi: ${describeError(err)}`, `Error: ${describeError(err)}`))
        .finally(() => handling.delete(done));
      handling.add(done);
    });
  } catch (err) {
    await settled();
    await rm(qrPath, { force: true });
    if (outcome === 'declined') {
      deps.complain(
        'Đăng nhập đã bị từ chối trên điện thoại; chưa lưu gì. Chạy lại `npm run zalo:login` và chọn “Đăng nhập” trên điện thoại.',
        'The login was declined on the phone; nothing was saved. Run `npm run zalo:login` again and accept it on the phone.',
      );
    } else if (outcome === 'expired') {
      deps.complain(
        `Mã QR đã hết hạn ${maxRetries + 1} lần mà không ai quét; chưa lưu gì. Chạy lại \`npm run zalo:login\` khi đã cầm điện thoại của tài khoản bot.`,
        `The QR code expired ${maxRetries + 1} times without a scan; nothing was saved. Run \`npm run zalo:login\` again with the bot account's phone at hand.`,
      );
    } else {
      deps.complain(
        `Đăng nhập Zalo thất bại: ${describeError(err)}\nKiểm tra kết nối mạng tới chat.zalo.me rồi chạy lại.`,
        `Zalo login failed: ${describeError(err)}\nCheck this machine can reach chat.zalo.me, then run it again.`,
      );
    }
    return 1;
  }

  // The jar after login holds every cookie Zalo set during it, so it is saved rather than GotLoginInfo's.
  const context = api.getContext();
  const credentials = parseCredentials(out, {
    cookie: context.cookie.toJSON()?.cookies ?? [],
    imei: context.imei || gotInfo?.imei,
    userAgent: context.userAgent || gotInfo?.userAgent,
  });
  await writeCredentials(out, credentials);
  await settled();
  await rm(qrPath, { force: true });
  deps.say(
    `Đăng nhập thành công (uid ${api.getOwnId()}). Phiên đã được lưu vào ${out} (quyền 0600).\nBot đang chạy sẽ tự dùng phiên mới; nếu chưa chạy, đặt ZALO_CREDENTIALS_FILE=${out} rồi khởi động bot. Đừng mở Zalo Web bằng tài khoản này trong khi bot chạy.`,
    `Logged in (uid ${api.getOwnId()}). The session was saved to ${out} (mode 0600).\nA running bot picks the new session up by itself; otherwise set ZALO_CREDENTIALS_FILE=${out} and start the bot. Do not open Zalo Web with this account while the bot runs.`,
  );
  return 0;
}
