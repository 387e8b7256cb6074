import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { DurabilityCheck } from './durability-check';
import { EmbeddedDatabase } from './embedded-database.service';
import { runMigrationsExclusively } from './run-migrations';
import { dataSourceOptions } from './typeorm-options';
import { isEmbeddedServer } from './named-statement';

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
        // Named prepared statements on a real server only (ADR 0024); the tests' PGlite comes
        // as a URL too, so the server is asked what it is.
        const namedStatements = db.url !== undefined && !(await isEmbeddedServer(url));
        return {
          ...dataSourceOptions({ ...db, url, namedStatements }),
          retryAttempts: 5,
          retryDelay: 2000,
        };
      },
      // Migrations run here, under a lock, rather than by TypeORM's own `migrationsRun`.
      dataSourceFactory: async (options) => {
        const { migrationsRun, ...rest } = options as DataSourceOptions;
        const dataSource = await new DataSource({ ...rest, migrationsRun: false }).initialize();
        if (migrationsRun) await runMigrationsExclusively(dataSource);
        return dataSource;
      },
    }),
    EmbeddedDatabaseModule,
  ],
  providers: [DurabilityCheck],
  exports: [EmbeddedDatabaseModule],
})
export class DatabaseModule {}
