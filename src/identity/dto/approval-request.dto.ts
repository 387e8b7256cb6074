import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { Role } from '../../auth/role';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiText, ApiTimestamp, ApiUuid, IsUuidField } from '../../common/validation/bounds';
import { SUBJECT_MAX_LENGTH } from '../sso/dto/identity-link.dto';
import { ApprovalKind, ApprovalState } from '../approval-request.entity';
import { ActivationCodeDto } from './activation-code.dto';
import { ApiKeyDto, CreatedApiKeyDto } from './api-key.dto';
import { UserDto } from './user.dto';

/** `user.create`: the member to be. */
export class ProposedUserDto extends PickType(UserDto, [
  'email',
  'displayName',
  'roles',
] as const) {}

/** `user.update`: roles to add (to whatever the user holds when approved), or re-enabling. */
export class ProposedUserChangeDto {
  @ApiProperty({
    enum: Role,
    enumName: 'Role',
    isArray: true,
    maxItems: Object.values(Role).length,
  })
  addRoles: Role[];
  reactivate: boolean;
}

/** `api_key.create`: the key to be. It is made at approval and shown to the approver alone. */
export class ProposedApiKeyDto extends PickType(ApiKeyDto, [
  'name',
  'scopes',
  'expiresAt',
] as const) {}

/**
 * An operator admin's change inside an organisation that grants access, waiting for (or
 * decided by) the organisation's lead, or a second admin where it has none (ADR 0008).
 */
export class ApprovalRequestDto {
  @ApiUuid()
  id: string;
  /** The organisation the change concerns. */
  @ApiUuid()
  organisationId: string;
  /** The action that approval carries out. */
  @ApiProperty({ enum: ApprovalKind, enumName: 'ApprovalKind' })
  kind: ApprovalKind;
  @ApiProperty({ enum: ApprovalState, enumName: 'ApprovalState' })
  status: ApprovalState;
  /** `user.update`, `user.reset_password`, `identity_link.create`: the user concerned. */
  @ApiUuid({ nullable: true })
  targetUserId: string | null;
  @ApiProperty({ type: ProposedUserDto, nullable: true })
  newUser: ProposedUserDto | null;
  @ApiProperty({ type: ProposedUserChangeDto, nullable: true })
  userChange: ProposedUserChangeDto | null;
  @ApiProperty({ type: ProposedApiKeyDto, nullable: true })
  newApiKey: ProposedApiKeyDto | null;
  /** `identity_link.create`: the identity provider's subject to link to the target user. */
  @ApiText(SUBJECT_MAX_LENGTH, { nullable: true })
  identitySubject: string | null;
  /** The admin who asked. */
  @ApiUuid()
  requestedBy: string;
  @ApiTimestamp()
  requestedAt: Date;
  /** Unapproved by then, the request expires. */
  @ApiTimestamp()
  expiresAt: Date;
  /** Who approved, rejected or withdrew it. */
  @ApiUuid({ nullable: true })
  decidedBy: string | null;
  @ApiTimestamp({ nullable: true })
  decidedAt: Date | null;
  /** What the approval made or changed: the user's or the API key's id. */
  @ApiUuid({ nullable: true })
  resultId: string | null;
}

/**
 * The answer to the approver, and only to them: the request, and what grants access, which
 * Lotse shows this once and keeps only as a hash. Hand a code to its user yourself.
 */
export class ApprovalOutcomeDto {
  request: ApprovalRequestDto;
  /** `user.create`, `user.update`: the user as they are now. */
  @ApiProperty({ type: UserDto, nullable: true })
  user: UserDto | null;
  /** `user.create`, `user.reset_password`: the user's one-time activation code. */
  @ApiProperty({ type: ActivationCodeDto, nullable: true })
  activation: ActivationCodeDto | null;
  /** `api_key.create`: the new key, shown this once. */
  @ApiProperty({ type: CreatedApiKeyDto, nullable: true })
  apiKey: CreatedApiKeyDto | null;
}

export class ListApprovalRequestsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUuidField()
  organisationId?: string;

  @IsOptional()
  @IsEnum(ApprovalState)
  status?: ApprovalState;
}
