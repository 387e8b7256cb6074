import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from '../app.module';
import { API_PREFIX, createAdapter } from '../app.setup';
import { loadConfig } from '../config/app-config';
import { renderAuthorizationTable } from './authorization-table';
import { routeInventory } from './route-inventory';

// `npm run authz:table`: writes docs/authorization.md from the app's route metadata. Preview
// mode builds the module graph without instantiating providers: no database is needed.
async function writeAuthorizationTable(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config),
    createAdapter(config),
    { preview: true, logger: false, abortOnError: false },
  );
  const target = resolve(process.argv[2] ?? 'docs/authorization.md');
  writeFileSync(target, renderAuthorizationTable(routeInventory(app, API_PREFIX)));
  process.stdout.write(`Wrote ${target}\n`);
}

void writeAuthorizationTable();
