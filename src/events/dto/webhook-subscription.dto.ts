import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import { ApiText, ApiTimestamp, ApiUuid } from '../../common/validation/bounds';
import { Trim } from '../../common/validation/normalise';
import { DeliveryStatus, EventType } from '../event-types';

export const WEBHOOK_URL_MAX_LENGTH = 2000;
/** `whsec_` and the base64 of 32 random bytes. */
export const WEBHOOK_SECRET_LENGTH = 50;

export class WebhookSubscriptionDto {
  @ApiUuid()
  id: string;
  @ApiUuid()
  organisationId: string;
  /** @example "https://fachverfahren.aufwind.example/lotse-events" */
  @ApiText(WEBHOOK_URL_MAX_LENGTH)
  url: string;
  @ApiProperty({
    enum: EventType,
    enumName: 'EventType',
    isArray: true,
    maxItems: Object.values(EventType).length,
  })
  eventTypes: EventType[];
  /** Paused: deliveries wait until it is resumed; nothing is dropped. */
  paused: boolean;
  /** When deliveries began to fail for good (see the delivery log); null while they succeed. */
  @ApiTimestamp({ nullable: true })
  failingSince: Date | null;
  /** How many signing secrets are in force (2 during a rotation's overlap). */
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 10 })
  secretsInForce: number;
  @ApiTimestamp()
  createdAt: Date;
}

/** Returned at creation and rotation only: `secret` is never shown again. */
export class WebhookSubscriptionWithSecretDto extends WebhookSubscriptionDto {
  /** Verify `webhook-signature` with it (Standard Webhooks). Store it now. */
  @ApiText(WEBHOOK_SECRET_LENGTH)
  secret: string;
}

export class CreateWebhookSubscriptionDto {
  /**
   * Where to POST events: `https` only, and not to an internal address unless the operator
   * allowlisted it. @example "https://fachverfahren.aufwind.example/lotse-events"
   */
  @Trim()
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  @IsUrl({ require_protocol: true, require_tld: false, protocols: ['https', 'http'] })
  url: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.values(EventType).length)
  @ArrayUnique()
  @IsEnum(EventType, { each: true })
  @ApiProperty({
    enum: EventType,
    enumName: 'EventType',
    isArray: true,
    minItems: 1,
    maxItems: Object.values(EventType).length,
  })
  eventTypes: EventType[];
}

export class WebhookDeliveryDto {
  @ApiUuid()
  id: string;
  @ApiUuid()
  subscriptionId: string;
  /** The event's id (`webhook-id`). */
  @ApiUuid()
  eventId: string;
  @ApiProperty({ enum: EventType, enumName: 'EventType' })
  eventType: EventType;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'WebhookDeliveryStatus' })
  status: DeliveryStatus;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 1000 })
  attempts: number;
  @ApiTimestamp({ nullable: true })
  nextAttemptAt: Date | null;
  @ApiTimestamp({ nullable: true })
  lastAttemptAt: Date | null;
  @ApiProperty({ type: 'integer', format: 'int32', nullable: true, minimum: 100, maximum: 599 })
  lastStatusCode: number | null;
  /** Why the last attempt failed, e.g. `HTTP 503`, `redirect not followed`. */
  @ApiText(300, { nullable: true })
  lastError: string | null;
  @ApiTimestamp({ nullable: true })
  deliveredAt: Date | null;
  @ApiTimestamp()
  createdAt: Date;
}
