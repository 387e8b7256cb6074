import { ApiProperty } from '@nestjs/swagger';
import { ServiceKind } from '../service-kind';

/** A provider (Träger) as the directory shows it. */
export class ProviderDto {
  id: string;
  /** @example "Aufwind Sozialdienste gGmbH" */
  name: string;
  /** false: deactivated; it is not listed in the directory and takes no referrals. */
  active: boolean;
  @ApiProperty({ enum: ServiceKind, enumName: 'ServiceKind', isArray: true })
  services: ServiceKind[];
  /** The service area: postcodes (PLZ) its workers visit. @example ["12043", "12045"] */
  postcodes: string[];
  /** ISO 639-1 codes of the languages its workers speak. @example ["de", "ar", "tr"] */
  languages: string[];
  /** @example "kontakt@aufwind.example" */
  contactEmail: string | null;
  /** @example "+49 30 1234567" */
  contactPhone: string | null;
  /** @example "https://aufwind.example" */
  website: string | null;
  description: string | null;
  /** When the profile last changed; null until it is first filled in. */
  updatedAt: Date | null;
}
