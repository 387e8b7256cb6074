// Every migration, in order. `npm run migration:generate` appends new ones here.
import type { MigrationInterface } from 'typeorm';
import { CreateOrganisations1795228667367 } from './1795228667367-CreateOrganisations';
import { CreateIdentity1795230767312 } from './1795230767312-CreateIdentity';
import { CreateAuditTrail1795300100000 } from './1795300100000-CreateAuditTrail';
import { CreateClients1795400000000 } from './1795400000000-CreateClients';
import { CreateProviders1795400100000 } from './1795400100000-CreateProviders';
import { CreateReferrals1795400200000 } from './1795400200000-CreateReferrals';
import { CreateConsent1795500000000 } from './1795500000000-CreateConsent';
import { StatisticsIndexes1795600000000 } from './1795600000000-StatisticsIndexes';
import { DisclosureRecordIndex1795600100000 } from './1795600100000-DisclosureRecordIndex';
import { CreateReports1795600200000 } from './1795600200000-CreateReports';
import { PurposeBoundConsent1795700000000 } from './1795700000000-PurposeBoundConsent';
import { ReferralJobcenterVersion1795700100000 } from './1795700100000-ReferralJobcenterVersion';
import { IdempotentReplayBytes1795700200000 } from './1795700200000-IdempotentReplayBytes';
import { DualControl1796558277117 } from './1796558277117-DualControl';
import { StatisticsAggregates1796600000000 } from './1796600000000-StatisticsAggregates';
import { NoFixedAddress1796900000000 } from './1796900000000-NoFixedAddress';
import { ClientRestriction1796900100000 } from './1796900100000-ClientRestriction';
import { ErasureMode1796900200000 } from './1796900200000-ErasureMode';
import { RetentionPolicies1796900300000 } from './1796900300000-RetentionPolicies';
import { JobcenterFederalState1796950000000 } from './1796950000000-JobcenterFederalState';
import { EventPositionMark1796960000000 } from './1796960000000-EventPositionMark';
import { WorklistIndexes1797000000000 } from './1797000000000-WorklistIndexes';

import { SingleSignOn1796700000000 } from './1796700000000-SingleSignOn';
import { RefreshGrace1796700100000 } from './1796700100000-RefreshGrace';
import { SharedLimits1796700200000 } from './1796700200000-SharedLimits';
import { KnownDevices1796700300000 } from './1796700300000-KnownDevices';
import { Mfa1796700400000 } from './1796700400000-Mfa';
import { CreateEvents1796800000000 } from './1796800000000-CreateEvents';
import { BillingStatements1797300000000 } from './1797300000000-BillingStatements';
import { RestrictedClientsIndex1797400000000 } from './1797400000000-RestrictedClientsIndex';
import { Appointments1797100000000 } from './1797100000000-Appointments';
import { PartnerOrganisations1797200000000 } from './1797200000000-PartnerOrganisations';

type MigrationClass = new () => MigrationInterface;

export const migrations: MigrationClass[] = [
  CreateOrganisations1795228667367,
  CreateIdentity1795230767312,
  CreateAuditTrail1795300100000,
  CreateClients1795400000000,
  CreateProviders1795400100000,
  CreateReferrals1795400200000,
  CreateConsent1795500000000,
  StatisticsIndexes1795600000000,
  DisclosureRecordIndex1795600100000,
  CreateReports1795600200000,
  PurposeBoundConsent1795700000000,
  ReferralJobcenterVersion1795700100000,
  IdempotentReplayBytes1795700200000,
  DualControl1796558277117,
  StatisticsAggregates1796600000000,
  SingleSignOn1796700000000,
  RefreshGrace1796700100000,
  SharedLimits1796700200000,
  KnownDevices1796700300000,
  Mfa1796700400000,
  CreateEvents1796800000000,
  NoFixedAddress1796900000000,
  ClientRestriction1796900100000,
  ErasureMode1796900200000,
  RetentionPolicies1796900300000,
  JobcenterFederalState1796950000000,
  EventPositionMark1796960000000,
  WorklistIndexes1797000000000,
  Appointments1797100000000,
  PartnerOrganisations1797200000000,
  BillingStatements1797300000000,
  RestrictedClientsIndex1797400000000,
];
