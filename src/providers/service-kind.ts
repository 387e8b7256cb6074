import { ApiProperty } from '@nestjs/swagger';

/**
 * What a provider (Träger) offers, modelled on the services of an Open Referral HSDS directory.
 * Referrals request some of them; contracts cover some of them.
 */
export enum ServiceKind {
  OutreachHomeVisits = 'outreach_home_visits',
  DebtRegulation = 'debt_regulation',
  HousingSecurity = 'housing_security',
  HealthAccess = 'health_access',
  PsychosocialSupport = 'psychosocial_support',
  CorrespondenceHelp = 'correspondence_help',
  Accompaniment = 'accompaniment',
  FamilySupport = 'family_support',
  Other = 'other',
}

/** A list of services in the OpenAPI document: the named enum, each service at most once. */
export const ApiServiceKinds = (options: { required?: boolean } = {}): PropertyDecorator =>
  ApiProperty({
    enum: ServiceKind,
    enumName: 'ServiceKind',
    isArray: true,
    maxItems: Object.values(ServiceKind).length,
    ...options,
  });
