import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { TEMPLATE_KEY } from './create-consent-template.dto';

export class ListConsentTemplatesQueryDto extends PageQueryDto {
  /** Only versions of this template family. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(TEMPLATE_KEY, { message: 'key must be a template key' })
  key?: string;

  /** Only approved (true) or unapproved (false) versions. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  approved?: boolean;
}
