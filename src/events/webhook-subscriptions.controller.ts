import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, UserActor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor, CurrentUser } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { PageOf, type Page } from '../common/pagination/page';
import { Creates } from '../common/openapi/creates.decorator';
import { ApiTag } from '../common/openapi/tags';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import {
  CreateWebhookSubscriptionDto,
  WebhookDeliveryDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionWithSecretDto,
} from './dto/webhook-subscription.dto';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

const NOT_FOUND = { 404: 'No such webhook subscription, or not your organisation’s.' };

/** An organisation's webhook subscriptions, managed by its lead (ADR 0019). */
@ApiTags(ApiTag.Events)
@Controller()
export class WebhookSubscriptionsController {
  constructor(private readonly subscriptions: WebhookSubscriptionsService) {}

  /**
   * List webhook subscriptions
   *
   * Your organisation's webhook subscriptions (at most 100), newest first, without their
   * secrets; one page.
   */
  @Get('webhook-subscriptions')
  @Can(Permission.WebhookManage)
  @ApiOkResponse({ type: PageOf(WebhookSubscriptionDto) })
  async listWebhookSubscriptions(
    @CurrentActor() actor: Actor,
  ): Promise<Page<WebhookSubscriptionDto>> {
    return { items: await this.subscriptions.list(actor), nextCursor: null };
  }

  /**
   * Subscribe a URL to events
   *
   * Lotse POSTs each event of the given types for your organisation to the URL, signed per
   * Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the secret
   * in this answer, which is shown only now. Only `https`; a URL whose host is or resolves to a
   * loopback, link-local, private or metadata address is refused unless the operator
   * allowlisted it (`WEBHOOK_ALLOWED_HOSTS`). Redirects are not followed. A failed delivery is
   * retried with growing waits for about a day.
   */
  @Post('webhook-subscriptions')
  @Creates('/api/v1/webhook-subscriptions/{id}')
  @Can(Permission.WebhookManage)
  @ApiCreatedResponse({ type: WebhookSubscriptionWithSecretDto })
  createWebhookSubscription(
    @CurrentUser() actor: UserActor,
    @Body() dto: CreateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    return this.subscriptions.create(actor, dto);
  }

  /**
   * Read a webhook subscription
   *
   * One subscription, without its secret.
   */
  @Get('webhook-subscriptions/:id')
  @Can(Permission.WebhookManage)
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  @ApiProblemResponses(NOT_FOUND)
  getWebhookSubscription(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<WebhookSubscriptionDto> {
    return this.subscriptions.get(actor, id);
  }

  /**
   * Rotate the signing secret
   *
   * A new secret, shown only in this answer. For one day deliveries carry a signature with the
   * new and with the old secret, so that the receiver can switch without missing one.
   */
  @Post('webhook-subscriptions/:id/rotate-secret')
  @HttpCode(200)
  @Can(Permission.WebhookManage)
  @ApiOkResponse({ type: WebhookSubscriptionWithSecretDto })
  @ApiProblemResponses(NOT_FOUND)
  rotateWebhookSecret(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    return this.subscriptions.rotateSecret(actor, id);
  }

  /**
   * Pause a webhook subscription
   *
   * Deliveries wait until it is resumed; events meanwhile are kept and sent then.
   */
  @Post('webhook-subscriptions/:id/pause')
  @HttpCode(200)
  @Can(Permission.WebhookManage)
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  @ApiProblemResponses(NOT_FOUND)
  pauseWebhookSubscription(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
  ): Promise<WebhookSubscriptionDto> {
    return this.subscriptions.setPaused(actor, id, true);
  }

  /**
   * Resume a webhook subscription
   *
   * Sends what waited while it was paused, then every new event.
   */
  @Post('webhook-subscriptions/:id/resume')
  @HttpCode(200)
  @Can(Permission.WebhookManage)
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  @ApiProblemResponses(NOT_FOUND)
  resumeWebhookSubscription(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
  ): Promise<WebhookSubscriptionDto> {
    return this.subscriptions.setPaused(actor, id, false);
  }

  /**
   * Delete a webhook subscription
   *
   * Stops deliveries at once; its delivery log goes with it.
   */
  @Delete('webhook-subscriptions/:id')
  @HttpCode(204)
  @Can(Permission.WebhookManage)
  @ApiProblemResponses(NOT_FOUND)
  async deleteWebhookSubscription(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
  ): Promise<void> {
    await this.subscriptions.remove(actor, id);
  }

  /**
   * Read the delivery log
   *
   * The subscription's last 100 deliveries, newest first, as one page: the event, its status (`pending`,
   * `delivered`, `failed` after the last retry), the attempts and the last answer or error.
   */
  @Get('webhook-subscriptions/:id/deliveries')
  @Can(Permission.WebhookManage)
  @ApiOkResponse({ type: PageOf(WebhookDeliveryDto) })
  @ApiProblemResponses(NOT_FOUND)
  async listWebhookDeliveries(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<Page<WebhookDeliveryDto>> {
    return { items: await this.subscriptions.deliveries(actor, id), nextCursor: null };
  }

  /**
   * Deliver again
   *
   * Puts the delivery back to be sent at once, also after it failed for good.
   */
  @Post('webhook-deliveries/:id/redeliver')
  @HttpCode(200)
  @Can(Permission.WebhookManage)
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiProblemResponses({ 404: 'No such delivery, or not of your organisation’s subscriptions.' })
  redeliverWebhook(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
  ): Promise<WebhookDeliveryDto> {
    return this.subscriptions.redeliver(actor, id);
  }
}
