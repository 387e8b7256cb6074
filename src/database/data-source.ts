import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { configOrExit, loadDotEnvFile } from '../config/app-config';
import { dataSourceOptions } from './typeorm-options';

// The data source of the TypeORM CLI (`npm run migration:*`). It needs a running server, so
// DATABASE_URL must be set; the app itself never uses this file.
loadDotEnvFile();
const config = configOrExit();
if (!config.database.url) {
  throw new Error('Set DATABASE_URL to run the TypeORM CLI (see README, "Migrations").');
}

export default new DataSource(
  dataSourceOptions({ ...config.database, url: config.database.url, migrationsRun: false }),
);
