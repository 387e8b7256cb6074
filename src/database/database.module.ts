import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { EmbeddedDatabase } from './embedded-database.service';
import { dataSourceOptions } from './typeorm-options';

@Module({ providers: [EmbeddedDatabase], exports: [EmbeddedDatabase] })
class EmbeddedDatabaseModule {}

/**
 * The PostgreSQL connection: the configured server, or an embedded one started in-process
 * when DATABASE_URL is unset (development and tests only; production requires the URL).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [EmbeddedDatabaseModule],
      inject: [ConfigService, EmbeddedDatabase],
      useFactory: async (config: ConfigService<AppConfig, true>, embedded: EmbeddedDatabase) => {
        const db = config.get('database', { infer: true });
        const url =
          db.url ??
          (await embedded.start({ dataDir: db.pgliteDataDir, maxConnections: db.poolMax + 2 }));
        return { ...dataSourceOptions({ ...db, url }), retryAttempts: 5, retryDelay: 2000 };
      },
    }),
    EmbeddedDatabaseModule,
  ],
  exports: [EmbeddedDatabaseModule],
})
export class DatabaseModule {}
