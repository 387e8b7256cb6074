import { ApiProperty } from '@nestjs/swagger';

/**
 * What a contract pays for (ADR 0023). Each unit is a fact the commissioning already shows the
 * jobcenter whatever the client released, so that a billing statement reveals nothing that
 * consent withholds (docs/security.md, "Billing statements"):
 * - `active_case_month`: the referral was accepted, in progress or on hold on at least one day
 *   of the calendar month (Europe/Berlin). The jobcenter always sees its referral's states.
 * - `initial_assessment`: the provider submitted the referral's first initial report in the
 *   month. The jobcenter sees every submitted report's kind and date without a release (only
 *   the sections follow consent, ADR 0006).
 * There is deliberately no unit per contact or home visit: contacts are `participation`
 * content, and a count of them would tell the jobcenter whether the client takes part. A flat
 * rate per case-month covers the visits.
 */
export enum BillingUnit {
  ActiveCaseMonth = 'active_case_month',
  InitialAssessment = 'initial_assessment',
}

/** A billing unit in the OpenAPI document: the named enum. */
export const ApiBillingUnit = (): PropertyDecorator =>
  ApiProperty({ enum: BillingUnit, enumName: 'BillingUnit' });
