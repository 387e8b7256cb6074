import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ResourceNotFound } from '../../src/common/problem/domain-error';
import { PageQueryDto } from '../../src/common/pagination/page-query.dto';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { OrganisationsService } from '../../src/identity/organisations.service';
import { Public } from '../../src/auth/public.decorator';

class ProbeItemDto {
  @IsString()
  @MaxLength(20)
  label: string;
}

class ProbeBodyDto {
  @IsEmail()
  email: string;

  @IsInt()
  @Min(0)
  count: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => ProbeItemDto)
  items?: ProbeItemDto[];

  @IsOptional()
  @IsString()
  @MaxLength(2_000_000)
  blob?: string;
}

class ListOrganisationsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
}

/**
 * Test-only routes that exercise the HTTP conventions (validation, body limit, unexpected
 * errors, pagination) which no product route triggers on purpose. Never part of the app.
 */
/** Test-only routes; open, because they exercise HTTP conventions, not access. */
@Public()
@Controller('probe')
export class ProbeController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post('echo')
  @HttpCode(200)
  echo(@Body() body: ProbeBodyDto): ProbeBodyDto {
    return body;
  }

  @Get('boom')
  boom(): never {
    const error = new Error('secret internals: SELECT * FROM users WHERE password = $1');
    error.stack = `Error: boom\n    at /work/main/src/secret.ts:1:1`;
    throw error;
  }

  /** Every id is unknown here: stands for an object missing or foreign to the caller. */
  @Get('things/:id')
  findThing(@Param('id') _id: string): never {
    throw new ResourceNotFound('thing');
  }

  @Get('organisations')
  async listOrganisations(@Query() query: ListOrganisationsQueryDto) {
    const page = await this.organisations.list({ kind: query.kind }, query);
    return {
      items: page.items.map((o) => ({ id: o.id, name: o.name })),
      nextCursor: page.nextCursor,
    };
  }
}
