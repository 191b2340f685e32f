/**
 * npm run -s setup-code: a one-time setup code for a new organisation, made by whoever runs the deployment
 * (as /macaidat does in chat for a BOT_ADMINS member). The code is printed once; only its hash is stored.
 */
import { loadConfigOrExit } from '../src/app/load-env';
import { createCode } from '../src/store/access-codes';
import { connectStore, disconnectStore } from '../src/store/connect';
import { agreeServiceClock } from '../src/store/service-clock';

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  await connectStore(config.mongodbUri);
  try {
    const now = (await agreeServiceClock(config.botNow)).now();
    const { code, expiresAt } = await createCode('setup', { createdBy: 'cli' }, now);
    console.log(code);
    console.error(
      `Mã cài đặt dùng một lần, hết hạn ${expiresAt.toISOString().slice(0, 10)}. Người nhận nhắn riêng cho bot: /batdau ${code}\n` +
        `One-time setup code, expires ${expiresAt.toISOString().slice(0, 10)}. The recipient messages the bot privately: /setup ${code}`,
    );
    return 0;
  } finally {
    await disconnectStore();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Lỗi / error: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
