/**
 * `npm run zalo:login` — logs the bot's Zalo account in by QR code and saves the session (cookie, imei,
 * user agent) for the bot to reuse. Run it on the server that will run the bot: Zalo ties the session to
 * the machine's user agent and, it seems, its network (zca-js issues #63, #315).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { describeError } from '../src/channels/zalo/errors';
import { runQrLogin } from '../src/channels/zalo/qr-login';
import { Zalo } from '../src/channels/zalo/zca';

const DEFAULT_OUT = './zalo-credentials.json';
const DEFAULT_QR = './zalo-qr.png';

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

  say('Đang kết nối tới Zalo…', 'Connecting to Zalo…');
  // checkUpdate would query registry.npmjs.org; logging would print zca-js's own lines between ours.
  const zalo = new Zalo({ selfListen: false, checkUpdate: false, logging: false });
  const code = await runQrLogin(
    { out, qrPath, ...(args['user-agent'] ? { userAgent: args['user-agent'] } : {}) },
    {
      loginQR: (options, callback) => zalo.loginQR(options, callback),
      say,
      complain: (vi, en) => process.stderr.write(`${vi}\n${en}\n`),
    },
  );
  // zca-js keeps sockets and timers open after a QR login (and after an abort); leave now either way.
  process.exit(code);
}

main().catch((err: unknown) => {
  fail(`Lỗi: ${describeError(err)}`, `Error: ${describeError(err)}`);
});
