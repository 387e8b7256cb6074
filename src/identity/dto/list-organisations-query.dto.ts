import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { OrganisationKind } from '../../common/organisation-kind';

export class ListOrganisationsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
}
