/** The Zalo adapter's public surface (zca-js, unofficial: see docs/zalo-zca-js.md). */
export {
  createZaloChannel,
  type ZaloChannel,
  type ZaloChannelOptions,
  type ZaloChannelSender,
  type ZaloSessionWatch,
} from './channel';
export { DEFAULT_CONNECTION_POLICY, type ConnectionPolicy } from './connection-policy';
export { createZaloSender, type ZaloSender, type ZaloSenderOptions, type ZaloSendOptions } from './sender';
export { readCredentials, writeCredentials, ZaloCredentialsError, type ZaloCredentials } from './credentials';
export { ZaloChatRefusedError, ZaloSessionExpiredError, toSendError } from './errors';
export { toIncomingMessage } from './inbound';
export type { ZaloApiLike, ZaloListenerLike, ZaloListenerEvents, ZaloSendApi } from './api';
