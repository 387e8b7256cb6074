import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/**
 * Owns the embedded PostgreSQL when no DATABASE_URL is configured, and stops it on shutdown
 * after the connection pool is closed (a pool whose server vanishes first logs errors).
 */
@Injectable()
export class EmbeddedDatabase implements OnApplicationShutdown {
  private readonly logger = new Logger(EmbeddedDatabase.name);
  private server: EmbeddedPostgres | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  get isRunning(): boolean {
    return this.server !== undefined;
  }

  async start(opts: { dataDir?: string; maxConnections: number }): Promise<string> {
    const started = Date.now();
    this.server = await startEmbeddedPostgres(opts);
    this.logger.log(
      `Embedded PostgreSQL (PGlite, ${opts.dataDir ? `data in ${opts.dataDir}` : 'in memory'}) ready in ${Date.now() - started} ms`,
    );
    return this.server.url;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource.isInitialized) await dataSource.destroy();
    await server.stop();
    this.logger.log('Embedded PostgreSQL stopped');
  }
}
