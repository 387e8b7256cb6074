import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import {
  LimitStore,
  LimitsUnavailable,
  toRecord,
  type ThrottlerStorageRecord,
} from './limit-store';

declare module 'ioredis' {
  interface RedisCommander {
    /** INCREMENT below, defined on the connection with `defineCommand`. */
    lotseIncrement(
      key: string,
      ttl: number,
      limit: number,
      blockDuration: number,
    ): Promise<[number, number, number]>;
  }
}

// The same counting as PostgresLimitStore's upsert, as one script (atomic in Redis), on the
// server's clock. KEYS[1] key; ARGV ttl ms, limit, block ms. A hash: hits, window end, block end.
const INCREMENT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl, limit, block = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local v = redis.call('HMGET', KEYS[1], 'hits', 'ends', 'blocked')
local hits, ends, blocked = tonumber(v[1]), tonumber(v[2]), tonumber(v[3]) or 0
if blocked <= now then
  if hits == nil or ends <= now or blocked > 0 then
    hits, ends = 1, now + ttl
  else
    hits = hits + 1
  end
  blocked = 0
  if block > 0 and hits > limit then blocked = now + block end
  redis.call('HSET', KEYS[1], 'hits', hits, 'ends', ends, 'blocked', blocked)
  redis.call('PEXPIREAT', KEYS[1], math.max(ends, blocked))
end
return {hits, ends - now, math.max(blocked - now, 0)}
`;

/** Limits counted in Redis (`REDIS_URL`): one script call per counted request. */
export class RedisLimitStore extends LimitStore implements OnApplicationShutdown {
  readonly store = 'redis';
  private readonly logger = new Logger('Limits');
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly keyPrefix: string,
  ) {
    super();
    // Fail fast while Redis is away: a request waits for no reconnect, it gets a 503.
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      connectTimeout: 2000,
      commandTimeout: 2000,
    });
    this.redis.defineCommand('lotseIncrement', { numberOfKeys: 1, lua: INCREMENT });
    this.redis.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    let reply: [number, number, number];
    try {
      reply = await this.redis.lotseIncrement(this.storedKey(key), ttl, limit, blockDuration);
    } catch (error) {
      this.logger.warn(`Counting a limit in Redis failed: ${(error as Error).message}`);
      throw new LimitsUnavailable();
    }
    const [hits, windowLeftMs, blockedLeftMs] = reply;
    return toRecord({ hits, windowLeftMs, blockedLeftMs }, limit, blockDuration);
  }

  storedKey(key: string): string {
    return `${this.keyPrefix}:limit:${key}`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
