/**
 * Which failures mean "the store or Redis is out of reach for now" rather than "this request is wrong":
 * those are worth waiting out, since every change is recorded under its message's dedupe key and
 * running the command again applies it at most once.
 */
import mongoose from 'mongoose';

const { MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoTopologyClosedError } =
  mongoose.mongo;

/** Socket-level codes ioredis and the driver report while a server restarts. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

export function isOutage(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (
    err instanceof MongoNetworkError ||
    err instanceof MongoServerSelectionError ||
    err instanceof MongoNotConnectedError ||
    err instanceof MongoTopologyClosedError
  )
    return true;
  // A server answering that it is shutting down or not yet primary says "try again shortly" by label.
  if (err instanceof mongoose.mongo.MongoError && err.hasErrorLabel('RetryableWriteError')) return true;
  // mongoose holds operations while disconnected, then gives up with this message.
  if (err.name === 'MongooseError' && /buffering timed out/.test(err.message)) return true;
  // ioredis: a command on a connection that dropped, or one that ran out of reconnection attempts.
  if (err.name === 'MaxRetriesPerRequestError' || /^Connection is closed/.test(err.message)) return true;
  const code = (err as Error & { code?: unknown }).code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}
