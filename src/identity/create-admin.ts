import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { Role } from '../auth/role';
import { configOrExit, loadDotEnvFile } from '../config/app-config';
import { OrganisationKind } from '../common/organisation-kind';
import { OrganisationsService } from './organisations.service';
import { passwordProblems } from './password/password-policy';
import { UsersService } from './users.service';

const USAGE =
  'Usage: ADMIN_PASSWORD=… npm run create-admin -- <email> "<display name>" ["<operator name>"]';

// `npm run create-admin`: the first administrators of a fresh deployment. Over the API nobody
// sets another person's password, and an admin's request to add an admin needs a second
// admin's approval (ADR 0008); this command, run with shell access to the server (outside the
// API's threat model), is how the first two come to be. The password comes from ADMIN_PASSWORD,
// never from the command line, which shells keep in their history.
async function createAdmin(): Promise<void> {
  loadDotEnvFile();
  const [email, displayName, operatorName = 'Betrieb'] = process.argv.slice(2);
  const password = process.env.ADMIN_PASSWORD ?? '';
  if (!email || !displayName) {
    console.error(USAGE);
    process.exit(2);
  }
  const [problem] = passwordProblems(password, { email });
  if (problem) {
    console.error(`ADMIN_PASSWORD: ${problem}`);
    process.exit(2);
  }
  const config = configOrExit();
  if (!config.database.url && !config.database.pgliteDataDir) {
    console.error('Set DATABASE_URL (or PGLITE_DATA_DIR): an in-memory database would vanish.');
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(AppModule.register(config), {
    bufferLogs: true,
  });
  try {
    const { organisation } = await app
      .get(OrganisationsService)
      .ensure(OrganisationKind.Operator, operatorName);
    const created = await app.get(UsersService).ensure({
      organisationId: organisation.id,
      email,
      displayName,
      roles: [Role.Admin],
      password,
    });
    process.stdout.write(
      created
        ? `Created admin ${email.toLowerCase()} in ${organisation.name}.\n`
        : `A user ${email.toLowerCase()} exists already; nothing changed.\n`,
    );
  } finally {
    await app.close();
  }
}

void createAdmin();
