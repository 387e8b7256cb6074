import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from '../app.module';
import { API_PREFIX, createAdapter } from '../app.setup';
import { loadConfig } from '../config/app-config';
import { compactJson } from './compact-json';
import { buildOpenApiDocument } from './openapi';

// `npm run openapi`: writes openapi.json from the built app. Preview mode builds the module
// graph without instantiating providers, so no database is started or needed.
async function writeOpenApi(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config),
    createAdapter(config),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix(API_PREFIX);
  const target = resolve(process.argv[2] ?? 'openapi.json');
  writeFileSync(target, compactJson(buildOpenApiDocument(app)));
  process.stdout.write(`Wrote ${target}\n`);
}

void writeOpenApi();
