import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { configOrExit, loadDotEnvFile } from '../config/app-config';
import { NodeEnv } from '../config/environment.schema';
import { DemoDataService } from './demo-data.service';

// `npm run seed`: writes the demo world into the configured database (idempotent).
async function seed(): Promise<void> {
  loadDotEnvFile();
  const config = configOrExit();
  if (config.nodeEnv === NodeEnv.Production) {
    console.error('Refused: demo data is never seeded when NODE_ENV=production.');
    process.exit(1);
  }
  if (!config.database.url && !config.database.pgliteDataDir) {
    console.error(
      'Set DATABASE_URL (or PGLITE_DATA_DIR): an in-memory embedded database would vanish at exit. ' +
        '`npm start` seeds its in-memory database by itself.',
    );
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(AppModule.register(config), {
    bufferLogs: true,
  });
  try {
    const demo = app.get(DemoDataService);
    const report = await demo.seed();
    process.stdout.write(
      `${report.created.length} created, ${report.existing.length} already present\n` +
        demo.describe(`http://localhost:${config.http.port}`).join('\n') +
        '\n',
    );
  } finally {
    await app.close();
  }
}

void seed();
