/** Receives updates over a webhook instead of polling: a bare node http server around grammY's callback. */
import { createServer, type Server } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from '../../shared/logger';
import { describeError } from './errors';

export interface WebhookSettings {
  /** Public HTTPS URL Telegram posts to; only its path is matched here (TLS ends at the proxy). */
  url: string;
  /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token; requests without it get 401. */
  secret: string;
  port: number;
  host?: string;
}

export interface RunningWebhook {
  close(): Promise<void>;
}

/**
 * Registers the webhook with Telegram and listens for it. grammY answers Telegram only after the update
 * is handled; a handler that runs past 10 s is acknowledged anyway (`onTimeout: 'return'`) and keeps
 * running, because an unanswered webhook makes Telegram deliver the same update again.
 */
export async function startWebhook(
  bot: Bot,
  settings: WebhookSettings,
  logger: Logger,
): Promise<RunningWebhook> {
  const path = new URL(settings.url).pathname;
  const callback = webhookCallback(bot, 'http', { secretToken: settings.secret, onTimeout: 'return' });
  const server: Server = createServer((req, res) => {
    const requestPath = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || (path !== '/' && requestPath !== path)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    callback(req, res).catch((err: unknown) => {
      logger.error({ err: describeError(err) }, 'telegram: webhook request failed');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  try {
    await bot.api.setWebhook(settings.url, { secret_token: settings.secret });
  } catch (err) {
    server.close();
    throw err;
  }
  return {
    close: () =>
      new Promise<void>((resolve) => {
        // Waits for requests in progress; idle keep-alive sockets would otherwise hold it open.
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
