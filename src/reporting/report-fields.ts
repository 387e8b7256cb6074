import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min, validateSync } from 'class-validator';
import type { FieldError } from '../common/problem/domain-error';
import { toFieldErrors } from '../common/validation/field-errors';
import { DataCategory } from '../confidentiality/data-category';

class HousingFields {
  /** The loss of the flat is threatened (Räumungsklage, Kündigung). */
  @IsOptional() @IsBoolean() threatenedLoss?: boolean;
  @IsOptional() @IsBoolean() evictionNoticeReceived?: boolean;
  @IsOptional() @IsBoolean() secured?: boolean;
}

class DebtsFields {
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) totalAmountEur?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1000) creditors?: number;
  @IsOptional() @IsBoolean() regulationStarted?: boolean;
}

class ParticipationFields {
  @IsOptional() @IsInt() @Min(0) @Max(1000) contactsMade?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1000) appointmentsKept?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1000) appointmentsMissed?: number;
}

class CareFields {
  @IsOptional() @IsBoolean() careArranged?: boolean;
}

class GoalsFields {
  @IsOptional() @IsInt() @Min(0) @Max(100) goalsReached?: number;
  @IsOptional() @IsInt() @Min(0) @Max(100) goalsOpen?: number;
}

/** The structured fields each category allows; categories not listed take none. */
const FIELDS: Partial<Record<DataCategory, new () => object>> = {
  [DataCategory.Housing]: HousingFields,
  [DataCategory.Debts]: DebtsFields,
  [DataCategory.Participation]: ParticipationFields,
  [DataCategory.Health]: CareFields,
  [DataCategory.MentalHealth]: CareFields,
  [DataCategory.Goals]: GoalsFields,
};

/** Why a section's fields do not fit its category, as field errors under `path`. */
export function sectionFieldErrors(
  category: DataCategory,
  fields: unknown,
  path: string,
): FieldError[] {
  if (fields === undefined || fields === null) return [];
  const type = FIELDS[category];
  if (!type) return [{ field: path, messages: [`a ${category} section takes no fields`] }];
  if (typeof fields !== 'object' || Array.isArray(fields)) {
    return [{ field: path, messages: ['fields must be an object'] }];
  }
  const errors = validateSync(plainToInstance(type, fields), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return toFieldErrors(errors, path);
}
