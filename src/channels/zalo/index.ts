/** The Zalo adapter's public surface (zca-js, unofficial: see docs/zalo-zca-js.md). */
export {
  createZaloChannel,
  type ZaloChannel,
  type ZaloChannelOptions,
  type ZaloReconnectOptions,
} from './channel';
export { createZaloSender, type ZaloSender, type ZaloSenderOptions, type ZaloSendOptions } from './sender';
export { readCredentials, writeCredentials, ZaloCredentialsError, type ZaloCredentials } from './credentials';
export { ZaloSessionExpiredError, toSendError } from './errors';
export { toIncomingMessage } from './inbound';
export type { ZaloApiLike, ZaloListenerLike, ZaloListenerEvents, ZaloSendApi } from './api';
