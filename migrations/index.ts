// Every migration, in order. `npm run migration:generate` appends new ones here.
import type { MigrationInterface } from 'typeorm';
import { CreateOrganisations1795228667367 } from './1795228667367-CreateOrganisations';
import { CreateIdentity1795230767312 } from './1795230767312-CreateIdentity';
import { CreateAuditTrail1795300100000 } from './1795300100000-CreateAuditTrail';

type MigrationClass = new () => MigrationInterface;

export const migrations: MigrationClass[] = [
  CreateOrganisations1795228667367,
  CreateIdentity1795230767312,
  CreateAuditTrail1795300100000,
];
