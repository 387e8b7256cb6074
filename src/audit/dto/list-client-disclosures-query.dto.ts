import { PickType } from '@nestjs/swagger';
import { ListAuditEventsQueryDto } from './list-audit-events-query.dto';

/** Page and time window of a client's disclosure record. */
export class ListClientDisclosuresQueryDto extends PickType(ListAuditEventsQueryDto, [
  'limit',
  'cursor',
  'from',
  'to',
] as const) {}
