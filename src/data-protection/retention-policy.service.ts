import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditAction } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { PreconditionFailed } from '../common/concurrency/preconditions';
import { OrganisationKind } from '../common/organisation-kind';
import { ResourceNotFound } from '../common/problem/domain-error';
import { fieldsSent } from '../common/validation/normalise';
import type { UpdateRetentionPolicyDto } from './dto/retention-policy.dto';
import { DEFAULT_RETENTION, type RetentionPeriods } from './retention';
import { RetentionPolicy } from './retention-policy.entity';

/** A jobcenter's schedule as the routes answer it; version 0: the defaults, never changed. */
export interface RetentionSchedule extends RetentionPeriods {
  jobcenterId: string;
  isDefault: boolean;
  updatedAt: Date | null;
  version: number;
}

function scheduleOf(jobcenterId: string, row: RetentionPolicy | null): RetentionSchedule {
  if (!row) {
    return { jobcenterId, ...DEFAULT_RETENTION, isDefault: true, updatedAt: null, version: 0 };
  }
  return {
    jobcenterId,
    caseContentMonths: row.caseContentMonths,
    unreferredClientMonths: row.unreferredClientMonths,
    auditTrailMonths: row.auditTrailMonths,
    isDefault: false,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/**
 * The retention schedule of the caller's jobcenter (ADR 0020): read by its auditors, changed
 * only by them, each change audited with the fields and the new values (periods, no personal
 * data). The erasure sweep reads the stored rows directly.
 */
@Injectable()
export class RetentionPolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<RetentionSchedule> {
    const jobcenterId = jobcenterOf(actor);
    const row = await this.dataSource.manager.findOneBy(RetentionPolicy, { jobcenterId });
    return scheduleOf(jobcenterId, row);
  }

  update(actor: Actor, version: number, dto: UpdateRetentionPolicyDto): Promise<RetentionSchedule> {
    const jobcenterId = jobcenterOf(actor);
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(RetentionPolicy, {
        where: { jobcenterId },
        lock: { mode: 'pessimistic_write' },
      });
      if ((current?.version ?? 0) !== version) throw new PreconditionFailed();
      const next: RetentionPeriods = {
        caseContentMonths:
          dto.caseContentMonths ??
          current?.caseContentMonths ??
          DEFAULT_RETENTION.caseContentMonths,
        unreferredClientMonths:
          dto.unreferredClientMonths ??
          current?.unreferredClientMonths ??
          DEFAULT_RETENTION.unreferredClientMonths,
        auditTrailMonths:
          dto.auditTrailMonths ?? current?.auditTrailMonths ?? DEFAULT_RETENTION.auditTrailMonths,
      };
      const updatedBy = actor.kind === 'user' ? actor.userId : null;
      if (current) {
        await manager.update(RetentionPolicy, { jobcenterId }, { ...next, updatedBy });
      } else {
        await manager.insert(RetentionPolicy, { jobcenterId, ...next, updatedBy });
      }
      const saved = await manager.findOneByOrFail(RetentionPolicy, { jobcenterId });
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.RetentionPolicyUpdate,
        outcome: 'success',
        resourceType: 'retention_policy',
        resourceId: jobcenterId,
        details: { fields: fieldsSent(dto), ...next, version: saved.version },
      });
      return scheduleOf(jobcenterId, saved);
    });
  }
}

/** Retention is a jobcenter's: another organisation's auditor has no schedule (404). */
function jobcenterOf(actor: Actor): string {
  if (actor.organisationKind !== OrganisationKind.Jobcenter) {
    throw new ResourceNotFound('retention policy');
  }
  return actor.organisationId;
}
