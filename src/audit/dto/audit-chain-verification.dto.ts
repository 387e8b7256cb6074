import { ApiProperty } from '@nestjs/swagger';
import type { BrokenLinkReason } from '../audit-chain';
import { ApiText } from '../../common/validation/bounds';

const REASONS: BrokenLinkReason[] = [
  'hash-mismatch',
  'link-mismatch',
  'missing-event',
  'position-gap',
  'unsealed-event',
];

/** The first place where the audit trail does not hold. */
export class BrokenAuditLinkDto {
  /**
   * The chain position that fails; null for an event outside the chain.
   * @example 4711
   */
  @ApiProperty({ type: Number, nullable: true })
  position: number | null;

  /** The event concerned (its trail position, as in `AuditEvent.id`); null when a chain position has no seal at all. */
  @ApiProperty({ type: String, pattern: '^[0-9]{1,19}$', maxLength: 19, nullable: true })
  eventId: string | null;

  /**
   * `hash-mismatch`: the event's content was changed after sealing. `link-mismatch`: a seal
   * does not continue the one before it, or the chain head does not match the last seal
   * (then `eventId` is null). `missing-event`: the event a seal (or the sealing
   * queue) names is gone. `position-gap`: seals are missing. `unsealed-event`: an event was
   * taken off the sealing queue without being sealed.
   */
  @ApiProperty({ enum: REASONS, enumName: 'BrokenAuditLinkReason' })
  reason: BrokenLinkReason;
}

/** The result of recomputing the audit trail's hash chain. */
export class AuditChainVerificationDto {
  /** True when every event is sealed (or queued for sealing) and every link holds. */
  ok: boolean;

  /** How many links were checked and found intact. */
  checked: number;

  /** The position of the chain's last link; only when `ok`. */
  @ApiProperty({ type: Number, required: false })
  headPosition?: number;

  /**
   * SHA-256 of the chain's last link (hex); only when `ok`. Keep it outside the database (e.g.
   * in the operations log): a later chain whose link at `headPosition` has another hash was
   * rewritten as a whole.
   */
  /** SHA-256, hex. */
  @ApiText(64, { required: false, example: 'a3f1…' })
  headHash?: string;

  /** The first link that does not hold; only when not `ok`. */
  @ApiProperty({ type: BrokenAuditLinkDto, required: false })
  firstBroken?: BrokenAuditLinkDto;
}
