import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsUuidField } from '../../common/validation/bounds';

export class ListUsersQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUuidField()
  organisationId?: string;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  active?: boolean;
}
