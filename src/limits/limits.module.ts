import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { LimitStore } from './limit-store';
import { PostgresLimitStore } from './postgres-limit-store';
import { RedisLimitStore } from './redis-limit-store';

/** The shared store of limits: Redis when `REDIS_URL` is set, else the database (ADR 0017). */
@Module({
  providers: [
    {
      provide: LimitStore,
      inject: [ConfigService, getDataSourceToken()],
      useFactory: (config: ConfigService<AppConfig, true>, dataSource: DataSource): LimitStore => {
        const { redisUrl, keyPrefix } = config.get('limits', { infer: true });
        const store = redisUrl
          ? new RedisLimitStore(redisUrl, keyPrefix)
          : new PostgresLimitStore(dataSource, keyPrefix);
        new Logger('Limits').log(`Limits are counted in ${store.store}, shared by all instances`);
        return store;
      },
    },
  ],
  exports: [LimitStore],
})
export class LimitsModule {}
