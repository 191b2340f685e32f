/**
 * The narrow slice of zca-js's `API` the adapter uses, typed from zca-js's own declarations so a test
 * fake that satisfies it cannot drift from the real library.
 */
import type { API } from './zca';

type ZaloListener = API['listener'];

// zca-js does not export its `ListenerEvents` map, and inferring it through EventEmitter<…> loses the
// argument types; instantiating the real `on` method's generic recovers them exactly.
declare const _listener: ZaloListener;

/** The listener's event names: message, closed, connected, error, … */
export type ZaloEventName = Parameters<typeof _listener.on<never>>[0];
/** The arguments zca-js passes to a listener of `event`, e.g. [code: CloseReason, reason: string]. */
export type ZaloEventArgs<K extends ZaloEventName> = Parameters<Parameters<typeof _listener.on<K>>[1]>;
/** A handler for `event`, exactly as `api.listener.on(event, handler)` takes it. */
export type ZaloEventListener<K extends ZaloEventName> = Parameters<typeof _listener.on<K>>[1];
/** The event map, for building a typed EventEmitter (the test fake does). */
export type ZaloListenerEvents = { [K in ZaloEventName]: ZaloEventArgs<K> };

/**
 * What the adapter needs of `api.listener`. zca-js's `Listener` class has private fields, so a fake could
 * never be assignable to it; this interface is structurally satisfied by both (checked below).
 */
export interface ZaloListenerLike {
  on<K extends ZaloEventName>(event: K, listener: ZaloEventListener<K>): unknown;
  off<K extends ZaloEventName>(event: K, listener: ZaloEventListener<K>): unknown;
  start: ZaloListener['start'];
  stop: ZaloListener['stop'];
  requestOldMessages: ZaloListener['requestOldMessages'];
}

/** The calls the sender makes. */
export type ZaloSendApi = Pick<API, 'sendMessage' | 'getAllGroups' | 'getUserInfo'>;

export type ZaloApiLike = ZaloSendApi &
  Pick<API, 'getOwnId' | 'getGroupInfo' | 'getCookie' | 'keepAlive'> & {
    listener: ZaloListenerLike;
    /** The session zca-js built: the user agent it sends with every request (file downloads use it too). */
    getContext?: () => { userAgent: string };
  };

/** Compile-time proof that a real logged-in API can be used wherever the adapter asks for ZaloApiLike. */
export function asZaloApiLike(api: API): ZaloApiLike {
  return api;
}
