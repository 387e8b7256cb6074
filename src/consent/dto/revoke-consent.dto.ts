import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum } from 'class-validator';
import { DataCategory } from '../../confidentiality/data-category';
import { Omittable } from '../../common/validation/normalise';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUuidField } from '../../common/validation/bounds';
import { MAX_GRANTS } from './record-consent.dto';

/** No reason is asked: the client owes none. */
export class RevokeConsentDto {
  /**
   * The grants to revoke (among those you see); omit to revoke the whole consent: every grant
   * still in force, also those to other organisations.
   */
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRANTS)
  @ApiPropertyOptional({ maxItems: MAX_GRANTS })
  @ArrayUnique()
  @IsUuidField({ each: true })
  grantIds?: string[];
}

/** What the client takes back; no reason is asked. */
export class RevokeClientConsentsDto {
  /** The categories to revoke, for every recipient; omit to revoke everything the client released. */
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.values(DataCategory).length)
  @ArrayUnique()
  @IsEnum(DataCategory, { each: true })
  @ApiPropertyOptional({
    enum: DataCategory,
    enumName: 'DataCategory',
    isArray: true,
    maxItems: Object.values(DataCategory).length,
  })
  categories?: DataCategory[];
}
