/**
 * The one place that touches the zca-js module itself; everything else in the adapter imports from here.
 *
 * zca-js 2.2.0's root `index.d.ts` is `export * from "./dist"` without an extension, which TypeScript
 * cannot follow under `moduleResolution: Node16`, so `import … from 'zca-js'` would see no exports at
 * all (the library's issue #251). The declarations themselves are fine, so types come straight from
 * dist/index.d.ts, and values from `require('zca-js')`, which Node resolves to the package's CJS build.
 * If tsconfig ever maps `zca-js` to dist/index.d.ts (`paths`), this file can become plain imports.
 */
import type * as Zca from '../../../node_modules/zca-js/dist/index.js' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- see the header: the typed import cannot resolve
const zca = require('zca-js') as typeof Zca;

export const { Zalo, GroupMessage, UserMessage, ThreadType, CloseReason, TextStyle, ZaloApiError } = zca;
export const { GroupEventType } = zca;
export const { LoginQRCallbackEventType, ZaloApiLoginQRAborted, ZaloApiLoginQRDeclined, Gender } = zca;

export type Zalo = Zca.Zalo;
export type GroupMessage = Zca.GroupMessage;
export type UserMessage = Zca.UserMessage;
export type ThreadType = Zca.ThreadType;
export type CloseReason = Zca.CloseReason;
export type TextStyle = Zca.TextStyle;
export type ZaloApiError = Zca.ZaloApiError;
export type LoginQRCallbackEventType = Zca.LoginQRCallbackEventType;
export type ZaloApiLoginQRAborted = Zca.ZaloApiLoginQRAborted;
export type ZaloApiLoginQRDeclined = Zca.ZaloApiLoginQRDeclined;
export type Gender = Zca.Gender;
export type GroupEventType = Zca.GroupEventType;

export type {
  API,
  AttachmentSource,
  Credentials,
  GetAllGroupsResponse,
  GroupInfo,
  GroupInfoResponse,
  LoginQRCallback,
  LoginQRCallbackEvent,
  Message,
  MessageContent,
  SendMessageQuote,
  SendMessageResponse,
  Style,
  TAttachmentContent,
  TGroupMessage,
  TMention,
  TMessage,
  TQuote,
  User,
} from '../../../node_modules/zca-js/dist/index.js' with { 'resolution-mode': 'import' };
