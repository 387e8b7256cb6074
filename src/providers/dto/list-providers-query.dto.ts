import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MUNICIPALITY, MUNICIPALITY_MAX_LENGTH } from '../../common/validation/municipality';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsPostcode } from '../../common/validation/postcode';
import { ServiceKind } from '../service-kind';
import { LANGUAGE_CODE } from './update-provider.dto';

export class ListProvidersQueryDto extends PageQueryDto {
  /** Only providers offering this service. */
  @IsOptional()
  @IsEnum(ServiceKind)
  service?: ServiceKind;

  /** Only providers whose service area includes this postcode (PLZ). @example "12043" */
  @IsOptional()
  @MaxLength(5)
  @IsPostcode()
  postcode?: string;

  /**
   * Only providers whose service area includes this municipality (Gemeinde), without regard to
   * case: the search for a client without a fixed address. @example "Bensheim"
   */
  @IsOptional()
  @IsString()
  @MaxLength(MUNICIPALITY_MAX_LENGTH)
  @Matches(MUNICIPALITY, { message: 'municipality must be a place name' })
  municipality?: string;

  /** Only providers whose workers speak this language (ISO 639-1). @example "ar" */
  @IsOptional()
  @MaxLength(2)
  @Matches(LANGUAGE_CODE, { message: 'language must be an ISO 639-1 code such as de or ar' })
  language?: string;
}
