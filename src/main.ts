import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, createAdapter, NEST_APP_OPTIONS } from './app.setup';
import { configOrExit, loadDotEnvFile } from './config/app-config';
import { DemoDataService } from './demo-data/demo-data.service';

async function bootstrap(): Promise<void> {
  loadDotEnvFile();
  const config = configOrExit();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config),
    createAdapter(config),
    NEST_APP_OPTIONS,
  );
  await configureApp(app, config);
  app.enableShutdownHooks();
  await app.init();
  // Seed before listening, so that a ready app already has its demo logins.
  const demo = app.get(DemoDataService);
  const seeded = await demo.seedIfFreshEmbedded();
  await app.listen(config.http.port, config.http.host);

  const anyAddress = ['0.0.0.0', '::'].includes(config.http.host);
  const baseUrl = `http://${anyAddress ? 'localhost' : config.http.host}:${config.http.port}`;
  if (seeded) process.stdout.write(demo.describe(baseUrl).join('\n') + '\n');
  process.stdout.write(`Lotse is listening on ${baseUrl}; Swagger UI at ${baseUrl}/api/docs\n`);
}

void bootstrap();
