/**
 * `npm run zalo:login` — logs the bot's Zalo account in by QR code and saves the session (cookie, imei,
 * user agent) for the bot to reuse. Run it on the server that will run the bot: Zalo ties the session to
 * the machine's user agent and, it seems, its network (zca-js issues #63, #315).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { parseCredentials, writeCredentials } from '../src/channels/zalo/credentials';
import { describeError } from '../src/channels/zalo/errors';
import { LoginQRCallbackEventType, Zalo, type LoginQRCallbackEvent } from '../src/channels/zalo/zca';

const DEFAULT_OUT = './zalo-credentials.json';
const DEFAULT_QR = './zalo-qr.png';
/** Each QR lives 100 s; after this many the operator is clearly not at the phone. */
const MAX_QR_RETRIES = 5;

const HELP = `Usage: npm run zalo:login -- [--out FILE] [--qr FILE] [--user-agent UA]

Đăng nhập tài khoản Zalo của bot bằng mã QR và lưu phiên đăng nhập cho bot.
Logs the bot's Zalo account in with a QR code and saves the session for the bot.

  --out FILE        credentials file to write (default: $ZALO_CREDENTIALS_FILE, else ${DEFAULT_OUT})
  --qr FILE         where to write the QR image (default: ${DEFAULT_QR})
  --user-agent UA   browser user agent to present (default: zca-js's Firefox one)
  -h, --help        show this help
`;

function say(vi: string, en: string): void {
  process.stdout.write(`${vi}\n${en}\n\n`);
}

function fail(vi: string, en: string): never {
  process.stderr.write(`${vi}\n${en}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: 'string' },
        qr: { type: 'string' },
        'user-agent': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    process.stderr.write(`${describeError(err)}\n\n${HELP}`);
    process.exit(64); // EX_USAGE
  }
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  const out = resolve(args.out ?? (process.env.ZALO_CREDENTIALS_FILE?.trim() || DEFAULT_OUT));
  const qrPath = resolve(args.qr ?? DEFAULT_QR);

  let gotInfo: { imei: string; userAgent: string } | undefined;
  let retries = 0;
  const onEvent = async (event: LoginQRCallbackEvent): Promise<void> => {
    switch (event.type) {
      case LoginQRCallbackEventType.QRCodeGenerated:
        await mkdir(dirname(qrPath), { recursive: true });
        await writeFile(qrPath, Buffer.from(event.data.image, 'base64'), { mode: 0o600 });
        say(
          `Mã QR đã được ghi vào: ${qrPath}\nMở ảnh này, rồi trên điện thoại đăng nhập tài khoản Zalo của bot, chọn biểu tượng quét mã QR và quét. Mã hết hạn sau khoảng 100 giây.`,
          `QR code written to: ${qrPath}\nOpen it, then on the phone logged in to the bot's Zalo account, tap the QR scanner and scan it. It expires after about 100 seconds.`,
        );
        break;
      case LoginQRCallbackEventType.QRCodeExpired:
        if (++retries > MAX_QR_RETRIES) {
          say('Mã QR hết hạn quá nhiều lần, dừng lại.', 'The QR code expired too many times; giving up.');
          event.actions.abort();
        } else {
          say('Mã QR đã hết hạn, đang tạo mã mới…', 'The QR code expired; making a new one…');
          event.actions.retry();
        }
        break;
      case LoginQRCallbackEventType.QRCodeScanned:
        say(
          `Đã quét bởi "${event.data.display_name}". Hãy xác nhận đăng nhập trên điện thoại.`,
          `Scanned by "${event.data.display_name}". Confirm the login on the phone.`,
        );
        break;
      case LoginQRCallbackEventType.QRCodeDeclined:
        say('Đăng nhập đã bị từ chối trên điện thoại.', 'The login was declined on the phone.');
        break;
      case LoginQRCallbackEventType.GotLoginInfo:
        gotInfo = { imei: event.data.imei, userAgent: event.data.userAgent };
        break;
    }
  };

  say('Đang kết nối tới Zalo…', 'Connecting to Zalo…');
  // checkUpdate would query registry.npmjs.org; logging would print zca-js's own lines between ours.
  const zalo = new Zalo({ selfListen: false, checkUpdate: false, logging: false });
  let api;
  try {
    const options = args['user-agent'] ? { userAgent: args['user-agent'] } : {};
    api = await zalo.loginQR(options, (event) => {
      onEvent(event).catch((err: unknown) => process.stderr.write(`${describeError(err)}\n`));
    });
  } catch (err) {
    fail(
      `Đăng nhập Zalo thất bại: ${describeError(err)}\nKiểm tra kết nối mạng tới chat.zalo.me rồi chạy lại.`,
      `Zalo login failed: ${describeError(err)}\nCheck this machine can reach chat.zalo.me, then run it again.`,
    );
  }

  // The jar after login holds every cookie Zalo set during it, so it is saved rather than GotLoginInfo's.
  const context = api.getContext();
  const cookies = context.cookie.toJSON()?.cookies ?? [];
  const credentials = parseCredentials(out, {
    cookie: cookies,
    imei: context.imei || gotInfo?.imei,
    userAgent: context.userAgent || gotInfo?.userAgent,
  });
  await writeCredentials(out, credentials);
  await rm(qrPath, { force: true });
  say(
    `Đăng nhập thành công (uid ${api.getOwnId()}). Phiên đã được lưu vào ${out} (quyền 0600).\nĐặt ZALO_CREDENTIALS_FILE=${out} rồi khởi động lại bot. Đừng mở Zalo Web bằng tài khoản này trong khi bot chạy.`,
    `Logged in (uid ${api.getOwnId()}). The session was saved to ${out} (mode 0600).\nSet ZALO_CREDENTIALS_FILE=${out} and restart the bot. Do not open Zalo Web with this account while the bot runs.`,
  );
  // zca-js keeps sockets and timers open after a QR login; the session is saved, so leave now.
  process.exit(0);
}

main().catch((err: unknown) => {
  fail(`Lỗi: ${describeError(err)}`, `Error: ${describeError(err)}`);
});
