import { OrganisationKind } from '../organisation.entity';

export class OrganisationDto {
  id: string;
  kind: OrganisationKind;
  /** @example "Jobcenter Musterstadt" */
  name: string;
  /** A deactivated organisation's users cannot sign in and its API keys do not work. */
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}
