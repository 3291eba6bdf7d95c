/**
 * Redis connections for BullMQ. BullMQ requires `maxRetriesPerRequest: null`
 * (a worker's blocking commands must wait out a Redis restart rather than
 * fail). A worker reconnects for ever; a one-shot command (add, status,
 * drain, clean) gives up after a few tries, so a wrong URL fails with a clear
 * message instead of hanging.
 */
import { Redis } from 'ioredis';

/** The queue's name when --queue is not given. */
export const DEFAULT_QUEUE = 'deboil';

/** A bad --redis value, reported as a usage error. */
export class RedisUrlError extends Error {}

/** Check a `redis://` / `rediss://` URL before anything connects. */
export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(`--redis ${url}: not a URL (expected redis://host:port, e.g. redis://127.0.0.1:6379)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new RedisUrlError(`--redis ${url}: expected a redis:// or rediss:// URL`);
  return url;
}

const CONNECT_TRIES = 5;

export function connectRedis(url: string, kind: 'worker' | 'command'): Redis {
  const client = new Redis(checkRedisUrl(url), {
    maxRetriesPerRequest: null,
    // A command gives up after a few seconds; a worker keeps trying (at most every 5 s).
    retryStrategy: (times) => (kind === 'command' && times > CONNECT_TRIES ? null : Math.min(times * 200, 5000)),
    lazyConnect: true,
  });
  return client;
}

/** Connect, or throw an error that names the URL and the reason. */
export async function openRedis(url: string, kind: 'worker' | 'command'): Promise<Redis> {
  const client = connectRedis(url, kind);
  let lastError: Error | undefined;
  const onError = (err: Error) => (lastError = err);
  client.on('error', onError);
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    throw new Error(`cannot connect to Redis at ${url}: ${(lastError ?? (err as Error)).message}`);
  }
  client.off('error', onError);
  return client;
}
