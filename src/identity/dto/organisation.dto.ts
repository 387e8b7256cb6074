import { OrganisationKind } from '../organisation.entity';
import { ApiText, ApiTimestamp, ApiUuid, NAME_MAX_LENGTH } from '../../common/validation/bounds';

export class OrganisationDto {
  @ApiUuid()
  id: string;
  kind: OrganisationKind;
  /** @example "Jobcenter Musterstadt" */
  @ApiText(NAME_MAX_LENGTH)
  name: string;
  /** A deactivated organisation's users cannot sign in and its API keys do not work. */
  active: boolean;
  @ApiTimestamp()
  createdAt: Date;
  @ApiTimestamp()
  updatedAt: Date;
}
