/**
 * What the compiler refuses about audit actions (docs/architecture/0015): each
 * `@ts-expect-error` marks a line that must not compile, every other line must.
 * `compile-time.spec.ts` type-checks this file. Never run, only compiled.
 */
import type { EntityManager } from 'typeorm';
import {
  AuditAction,
  AUDIT_ACTION_DESCRIPTIONS,
  type DisclosureAction,
} from '../../src/audit/audit-actions';
import type { AuditService } from '../../src/audit/audit.service';
import { DisclosedData } from '../../src/audit/disclosure-record';
import type { Actor } from '../../src/auth/actor';

export async function writes(audit: AuditService, manager: EntityManager, actor: Actor) {
  await audit.recordBy(manager, actor, { action: AuditAction.ReferralCreate, outcome: 'success' });
  // @ts-expect-error -- a string is no audit action, even one the catalogue holds
  await audit.recordBy(manager, actor, { action: 'referral.create', outcome: 'success' });
  // @ts-expect-error -- nor one it does not hold
  await audit.recordBy(manager, actor, { action: 'referral.archive', outcome: 'success' });
}

// @ts-expect-error -- a disclosure record that does not read a disclosure action of the catalogue
export const incompleteRecord: Record<DisclosureAction, DisclosedData> = {
  [AuditAction.ContentDisclose]: DisclosedData.CaseContent,
};

// @ts-expect-error -- an action without a description
export const undescribed: Record<AuditAction, string> = {
  [AuditAction.AuthLogin]: AUDIT_ACTION_DESCRIPTIONS[AuditAction.AuthLogin],
};
