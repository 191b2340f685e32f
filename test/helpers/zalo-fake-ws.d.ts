/**
 * The slice of `ws` (8.x, installed as a zca-js dependency, without @types/ws) that the fake Zalo
 * websocket server uses; the signatures follow ws's own documentation (doc/ws.md).
 */
declare module 'ws' {
  import { EventEmitter } from 'node:events';
  import type { IncomingMessage } from 'node:http';
  import type { AddressInfo } from 'node:net';

  export class WebSocket extends EventEmitter {
    send(data: Buffer): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
    on(event: 'message', listener: (data: Buffer) => void): this;
    on(event: 'close' | 'error', listener: () => void): this;
  }

  export interface ServerOptions {
    host?: string;
    port?: number;
    verifyClient?: (
      info: { origin: string; secure: boolean; req: IncomingMessage },
      callback: (result: boolean) => void,
    ) => void;
  }

  export class WebSocketServer extends EventEmitter {
    constructor(options: ServerOptions);
    address(): AddressInfo | string;
    close(callback?: () => void): void;
    on(event: 'connection', listener: (socket: WebSocket) => void): this;
    once(event: 'listening', listener: () => void): this;
  }
}
