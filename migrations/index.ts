// Every migration, in order. `npm run migration:generate` appends new ones here.
import type { MigrationInterface } from 'typeorm';
import { CreateOrganisations1795228667367 } from './1795228667367-CreateOrganisations';

type MigrationClass = new () => MigrationInterface;

export const migrations: MigrationClass[] = [CreateOrganisations1795228667367];
