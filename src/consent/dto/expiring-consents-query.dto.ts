import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class ExpiringConsentsQueryDto extends PageQueryDto {
  /**
   * How far ahead to look, in days (1–365).
   * @example 30
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  withinDays: number = 30;
}
