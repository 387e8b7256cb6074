import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthService } from '../../../src/authentication/auth.service';
import type { MfaChallengeDto } from '../../../src/authentication/dto/mfa.dto';
import { ApiKeyScope, Role } from '../../../src/auth/role';
import { MfaService } from '../../../src/mfa/mfa.service';
import { currentTotp } from '../../../src/mfa/totp';
import { DataCategory } from '../../../src/confidentiality/data-category';
import { OrganisationKind } from '../../../src/common/organisation-kind';
import { ServiceKind } from '../../../src/providers/service-kind';
import {
  ActivityKind,
  CancelReason,
  CompletionOutcome,
  EndReason,
  ReferralReason,
  RejectReason,
} from '../../../src/referrals/referral-codes';
import { ReferralState } from '../../../src/common/referral-states';
import { uniqueCustomerNumber } from '../../factories/clients';
import { consentBody } from '../../factories/consent';
import {
  createOrganisation,
  createUser,
  TEST_PASSWORD,
  type TestUser,
} from '../../factories/identity';
import { createPartner } from '../../factories/partners';
import { TestIdp } from '../../support/oidc/test-idp';
import { TEST_OIDC_REDIRECT_URI } from '../../support/test-app';
import { reportBody } from '../../factories/reports';
import { appointmentBody } from '../../factories/appointments';
import {
  AccompanimentMeeting,
  AppointmentOutcome,
} from '../../../src/appointments/appointment-codes';
import type { HttpActor } from '../../support/http';
import type { MatrixActor } from './actors';
import { MATRIX_EMAIL_DOMAIN, MATRIX_NAME } from './db-state';
import type { MatrixWorld, Side, SideFactory } from './world';

/** What one cell needs to build its request. */
export interface CellContext {
  app: INestApplication;
  world: MatrixWorld;
  actor: MatrixActor;
  /** The actor's side, and the side of the cell's object (the other one when foreign). */
  own: Side;
  side: Side;
  which: 'own' | 'foreign';
  /** The cell expects success: a write must act on a fresh object, not the shared one. */
  allowed: boolean;
  /** Creates objects on the object's side; marks the cell as having written set-up data. */
  make: SideFactory;
  /** Wraps set-up writes that do not go through `make`. */
  fresh<T>(create: () => Promise<T>): Promise<T>;
}

/** The request of one cell; the path's `{id}` is replaced by `id`. */
export interface RequestPlan {
  id?: string;
  query?: Record<string, string>;
  /** JSON, or a string sent as it is (with its `Content-Type` in `headers`). */
  body?: object | string;
  headers?: Record<string, string>;
  /** Sent as someone else than the actor (a fresh user of the same kind). */
  auth?: HttpActor;
}

export type Recipe = (c: CellContext) => RequestPlan | Promise<RequestPlan>;

const NEW_PASSWORD = 'Ein ganz anderes Passwort für 2027';

/** A filter only in the foreign cell: a list filtered by an id of the other side. */
function foreignFilter(c: CellContext, name: string, value: string): Record<string, string> {
  return c.which === 'foreign' ? { [name]: value } : {};
}

async function versionOf(c: CellContext, table: string, id: string, key = 'id'): Promise<string> {
  const [row] = await c.app
    .get(DataSource)
    .query<{ version: number }[]>(`SELECT version FROM ${table} WHERE ${key} = $1`, [id]);
  if (!row) throw new Error(`no ${table} row ${id}`);
  return `"${row.version}"`;
}

/** The organisation an organisation-scoped object belongs to: the actor's own, or its
 * counterpart of the same kind on the other side; actors of neither side use the jobcenter. */
function organisationFor(c: CellContext): string {
  const mine = c.actor.organisationId;
  if (mine === c.own.providerId) return c.side.providerId;
  if (mine === c.own.jobcenterId) return c.side.jobcenterId;
  return c.side.jobcenterId;
}

/** The side's paused webhook subscription (and delivery) of the organisation the cell aims at. */
function webhookOf(c: CellContext): { subscriptionId: string; deliveryId: string } {
  return c.side.webhook.get(organisationFor(c))!;
}

/** A subscription a write may change: a fresh one when the cell expects success. */
async function freshWebhook(c: CellContext): Promise<string> {
  return c.allowed ? c.make.webhookSubscription(organisationFor(c)) : webhookOf(c).subscriptionId;
}

/** The role a new member of `organisationFor(c)` gets: it must fit the organisation's kind. */
function memberRoleFor(c: CellContext): Role {
  return organisationFor(c) === c.side.providerId ? Role.ProviderWorker : Role.Caseworker;
}

/** A shared user of `organisationFor(c)`, for cells that only read it or are refused. */
function memberOf(c: CellContext): { userId: string } {
  return organisationFor(c) === c.side.providerId ? c.side.otherWorker : c.side.staff;
}

/** A user of `organisationFor(c)` to change: fresh when the cell expects success. */
async function changeableMemberOf(c: CellContext): Promise<string> {
  if (!c.allowed) return memberOf(c).userId;
  return (await c.make.user([memberRoleFor(c)], organisationFor(c))).userId;
}

/** A pending approval request for `organisationFor(c)`: fresh when the cell decides it. */
async function pendingRequestOf(c: CellContext): Promise<string> {
  const organisationId = organisationFor(c);
  if (!c.allowed) return c.side.pendingRequest.get(organisationId)!;
  return c.make.approvalRequest(organisationId);
}

/** A fresh user of the actor's kind for cells that end sessions or change passwords. */
async function freshActorAuth(c: CellContext): Promise<TestUser | undefined> {
  if (!c.allowed || !c.actor.user) return undefined;
  const user = await c.fresh(() =>
    createUser(c.app, {
      roles: [...(c.actor.roles ?? [])],
      organisationId: c.actor.user!.organisationId,
    }),
  );
  return user;
}

/**
 * A change of an appointment that has begun: a fresh one (as `seed` says) when the cell expects
 * success, else the side's shared one; with its `If-Match`.
 */
async function appointmentChange(
  c: CellContext,
  seed: { wished?: boolean; confirmed?: boolean },
  body: object,
): Promise<RequestPlan> {
  const id = c.allowed ? await c.make.appointment(seed) : c.side.appointmentId;
  return { id, body, headers: { 'If-Match': await versionOf(c, 'appointments', id) } };
}

/** A referral of the object's side in `state`: fresh when the cell consumes it. */
function referralIn(c: CellContext, state: ReferralState, shared: { id: string }) {
  return c.allowed ? c.make.referral(state) : Promise.resolve(shared);
}

async function referralAction(
  c: CellContext,
  state: ReferralState,
  shared: { id: string },
  body: object = {},
): Promise<RequestPlan> {
  const referral = await referralIn(c, state, shared);
  return {
    id: referral.id,
    body,
    headers: { 'If-Match': await versionOf(c, 'referrals', referral.id) },
  };
}

async function draftReportOf(c: CellContext): Promise<string> {
  if (!c.allowed) return c.side.draftReportId;
  const referral = await c.make.referral(ReferralState.InProgress);
  return (await c.make.draftReport(referral.id)).id;
}

const P = '/api/v1';

const MATRIX_TOTP_SECRET = 'MATRIXMATRIXMATRIXMATRIXMATRIX23';

/** The MFA challenge of a fresh auditor (enrolled with MATRIX_TOTP_SECRET when `enrolled`). */
async function mfaChallenge(
  c: CellContext,
  enrolled: boolean,
): Promise<{ mfaToken: string; auditor: TestUser }> {
  const auditor = await c.make.user([Role.Auditor]);
  if (enrolled) await c.app.get(MfaService).enrolKnownSecret(auditor.email, MATRIX_TOTP_SECRET);
  const answer = await c.app
    .get(AuthService)
    .signIn(
      { userId: auditor.userId, organisationId: auditor.organisationId },
      `matrix-${randomUUID()}`,
      { presented: undefined },
    );
  return { mfaToken: (answer as MfaChallengeDto).mfaToken, auditor };
}

/** One real OpenID provider for the matrix's single sign-on cells, started on first use. */
let matrixIdp: Promise<TestIdp> | undefined;
function idpIssuer(): Promise<string> {
  matrixIdp ??= TestIdp.start(
    [
      {
        client_id: 'lotse',
        client_secret: 'x'.repeat(40),
        redirect_uris: [TEST_OIDC_REDIRECT_URI],
      },
    ],
    { unref: true },
  );
  return matrixIdp.then((idp) => idp.issuer);
}

/** The organisation's identity provider (the matrix's test provider), made if missing. */
async function providerOf(c: CellContext, organisationId: string): Promise<string> {
  const issuer = await idpIssuer();
  return c.fresh(async () => {
    const ds = c.app.get(DataSource);
    await ds.query(
      `INSERT INTO identity_providers (organisation_id, issuer, client_id, roles_claim, role_mapping)
       VALUES ($1, $2, 'lotse', 'groups', '[]') ON CONFLICT (organisation_id) DO NOTHING`,
      [organisationId, issuer],
    );
    const [row] = await ds.query<{ id: string }[]>(
      `SELECT id FROM identity_providers WHERE organisation_id = $1`,
      [organisationId],
    );
    return row.id;
  });
}

/** For the admin's allowed provider writes: a fresh jobcenter (one provider per organisation). */
async function providerTarget(c: CellContext, withProvider: boolean): Promise<string> {
  if (!c.allowed) return organisationFor(c);
  const organisation = await c.fresh(() => createOrganisation(c.app, OrganisationKind.Jobcenter));
  if (withProvider) await providerOf(c, organisation.id);
  return organisation.id;
}

/** A link of `organisationFor(c)`: of a fresh member and subject. */
async function linkOf(c: CellContext): Promise<string> {
  const organisationId = organisationFor(c);
  const providerId = await providerOf(c, organisationId);
  const user = await c.make.user([memberRoleFor(c)], organisationId);
  return c.fresh(async () => {
    const [row] = await c.app.get(DataSource).query<{ id: string }[]>(
      `INSERT INTO identity_links (provider_id, subject, user_id, created_by)
       VALUES ($1, $2, $3, $3) RETURNING id`,
      [providerId, `subject-${randomUUID()}`, user.userId],
    );
    return row.id;
  });
}

const IDP_SETTINGS = {
  issuer: 'https://login.authz-matrix.test/realms/lotse',
  clientId: 'lotse',
  rolesClaim: 'groups',
  roleMapping: [{ value: 'lotse', role: Role.Auditor }],
};

/** How to call each route for any actor and object; keyed like `routeInventory()`. */
export const RECIPES: Record<string, Recipe> = {
  // identity and auth
  [`GET ${P}/api-keys/{id}`]: (c) => ({ id: c.side.spareKeyId }),
  [`POST ${P}/api-keys/{id}/revoke`]: async (c) => ({
    id: c.allowed ? (await c.make.apiKey()).id : c.side.spareKeyId,
    body: {},
  }),
  [`GET ${P}/api-keys/current`]: () => ({}),
  [`GET ${P}/events`]: () => ({}),
  [`GET ${P}/webhook-subscriptions`]: () => ({}),
  [`POST ${P}/webhook-subscriptions`]: () => ({
    body: { url: 'https://192.0.2.10/matrix', eventTypes: ['consent.expiring_soon'] },
  }),
  [`GET ${P}/webhook-subscriptions/{id}`]: (c) => ({ id: webhookOf(c).subscriptionId }),
  [`POST ${P}/webhook-subscriptions/{id}/rotate-secret`]: async (c) => ({
    id: await freshWebhook(c),
  }),
  [`POST ${P}/webhook-subscriptions/{id}/pause`]: async (c) => ({ id: await freshWebhook(c) }),
  [`POST ${P}/webhook-subscriptions/{id}/resume`]: async (c) => ({ id: await freshWebhook(c) }),
  [`DELETE ${P}/webhook-subscriptions/{id}`]: async (c) => ({ id: await freshWebhook(c) }),
  [`GET ${P}/webhook-subscriptions/{id}/deliveries`]: (c) => ({
    id: webhookOf(c).subscriptionId,
  }),
  [`POST ${P}/webhook-deliveries/{id}/redeliver`]: async (c) => ({
    id: c.allowed
      ? await c.make.webhookDelivery(await freshWebhook(c), organisationFor(c))
      : webhookOf(c).deliveryId,
  }),
  [`GET ${P}/audit-events`]: (c) => ({ query: { organisationId: organisationFor(c) } }),
  [`GET ${P}/audit-events/verify`]: () => ({}),
  [`POST ${P}/auth/activate`]: async (c) => ({
    body: { code: await c.make.activationCode(), newPassword: NEW_PASSWORD },
  }),
  [`POST ${P}/auth/login`]: async (c) => {
    const user = await c.make.user();
    return { body: { email: user.email, password: TEST_PASSWORD } };
  },
  [`POST ${P}/auth/refresh`]: async (c) => ({
    body: { refreshToken: (await c.make.user()).refreshToken },
  }),
  [`POST ${P}/auth/logout`]: async (c) => ({ auth: await freshActorAuth(c), body: {} }),
  [`POST ${P}/auth/mfa/enrolment`]: async (c) => ({
    body: { mfaToken: (await mfaChallenge(c, false)).mfaToken },
  }),
  [`POST ${P}/auth/mfa/enrolment/confirm`]: async (c) => {
    const { mfaToken, auditor } = await mfaChallenge(c, false);
    const { secret } = await c.app.get(MfaService).startEnrolment(auditor.userId, auditor.email);
    return { body: { mfaToken, code: currentTotp(secret) } };
  },
  [`POST ${P}/auth/mfa/verify`]: async (c) => ({
    body: {
      mfaToken: (await mfaChallenge(c, true)).mfaToken,
      code: currentTotp(MATRIX_TOTP_SECRET),
    },
  }),
  [`GET ${P}/auth/oidc/{id}/login`]: async (c) => {
    await providerOf(c, organisationFor(c));
    return { id: organisationFor(c) };
  },
  [`GET ${P}/auth/oidc/callback`]: () => ({ query: { code: 'code', state: 'x'.repeat(43) } }),
  // A form post, as OpenID Back-Channel Logout sends it (ADR 0018).
  [`POST ${P}/auth/oidc/backchannel-logout`]: () => ({
    body: 'logout_token=not.a.token',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  }),
  [`GET ${P}/organisations/{id}/identity-provider`]: async (c) => {
    await providerOf(c, organisationFor(c));
    return { id: organisationFor(c) };
  },
  [`POST ${P}/organisations/{id}/identity-provider`]: async (c) => ({
    id: await providerTarget(c, false),
    body: IDP_SETTINGS,
  }),
  [`PATCH ${P}/organisations/{id}/identity-provider`]: async (c) => {
    const id = await providerTarget(c, true);
    const headers = c.allowed
      ? { 'If-Match': await versionOf(c, 'identity_providers', id, 'organisation_id') }
      : { 'If-Match': '"1"' };
    return { id, headers, body: { passwordLogin: true } };
  },
  [`GET ${P}/organisations/{id}/identity-links`]: async (c) => {
    await providerOf(c, organisationFor(c));
    return { id: organisationFor(c) };
  },
  [`POST ${P}/organisations/{id}/identity-links`]: async (c) => {
    await providerOf(c, organisationFor(c));
    return {
      id: organisationFor(c),
      body: { userId: await changeableMemberOf(c), subject: `subject-${randomUUID()}` },
    };
  },
  [`DELETE ${P}/identity-links/{id}`]: async (c) => ({ id: await linkOf(c) }),
  [`GET ${P}/me`]: () => ({}),
  [`POST ${P}/me/password`]: async (c) => ({
    auth: await freshActorAuth(c),
    body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
  }),
  [`GET ${P}/organisations`]: () => ({}),
  [`POST ${P}/organisations`]: () => ({
    body: { kind: OrganisationKind.Provider, name: `${MATRIX_NAME}-${randomUUID()}` },
  }),
  [`GET ${P}/organisations/{id}`]: (c) => ({ id: c.side.jobcenterId }),
  [`PATCH ${P}/organisations/{id}`]: async (c) => ({
    id: c.side.jobcenterId,
    headers: { 'If-Match': await versionOf(c, 'organisations', c.side.jobcenterId) },
    body: { name: `Jobcenter ${randomUUID()}` },
  }),
  [`PUT ${P}/organisations/{id}/mfa-requirement`]: (c) => ({
    id: organisationFor(c),
    body: { required: false },
  }),
  [`PUT ${P}/organisations/{id}/federal-state`]: (c) => ({
    id: c.side.jobcenterId,
    body: { federalState: null },
  }),
  [`GET ${P}/organisations/{id}/api-keys`]: (c) => ({ id: c.side.providerId }),
  [`GET ${P}/organisations/{id}/operator-actions`]: (c) => ({ id: organisationFor(c) }),
  [`GET ${P}/approval-requests`]: (c) => ({
    query: foreignFilter(c, 'organisationId', organisationFor(c)),
  }),
  [`GET ${P}/approval-requests/{id}`]: (c) => ({
    id: c.side.pendingRequest.get(organisationFor(c))!,
  }),
  [`POST ${P}/approval-requests/{id}/approve`]: async (c) => ({
    id: await pendingRequestOf(c),
    body: {},
  }),
  [`POST ${P}/approval-requests/{id}/reject`]: async (c) => ({
    id: await pendingRequestOf(c),
    body: {},
  }),
  [`POST ${P}/approval-requests/{id}/withdraw`]: async (c) => ({
    // The admin withdraws a fresh request of its own; refused cells aim at the second admin's.
    id:
      c.allowed && c.actor.user
        ? await c.make.approvalRequest(organisationFor(c), c.actor.user)
        : c.side.pendingRequest.get(organisationFor(c))!,
    body: {},
  }),
  [`POST ${P}/organisations/{id}/api-keys`]: (c) => ({
    id: c.side.providerId,
    body: { name: `Matrix key ${randomUUID()}`, scopes: [ApiKeyScope.ReportsWrite] },
  }),
  [`GET ${P}/users`]: (c) => ({ query: { organisationId: organisationFor(c) } }),
  [`POST ${P}/users`]: (c) => ({
    body: {
      organisationId: organisationFor(c),
      email: `${randomUUID()}@${MATRIX_EMAIL_DOMAIN}`,
      displayName: 'Matrix user',
      roles: [memberRoleFor(c)],
    },
  }),
  [`GET ${P}/users/{id}`]: (c) => ({ id: memberOf(c).userId }),
  [`PATCH ${P}/users/{id}`]: async (c) => {
    const id = await changeableMemberOf(c);
    return {
      id,
      headers: { 'If-Match': await versionOf(c, 'users', id) },
      body: { displayName: 'Renamed by the matrix' },
    };
  },
  [`POST ${P}/users/{id}/password`]: async (c) => ({
    id: await changeableMemberOf(c),
    body: {},
  }),

  // clients
  [`GET ${P}/clients`]: (c) => ({
    query: foreignFilter(c, 'postcode', c.side.postcode),
  }),
  [`POST ${P}/clients`]: (c) => ({
    body: {
      customerNumber: c.which === 'foreign' ? c.side.client.customerNumber : uniqueCustomerNumber(),
      givenName: 'Max',
      familyName: 'Matrix',
      dateOfBirth: '1979-05-04',
      street: 'Hauptstraße 1',
      postcode: c.own.postcode,
      city: 'Musterstadt',
    },
  }),
  [`GET ${P}/clients/{id}`]: (c) => ({ id: c.side.client.id }),
  [`PATCH ${P}/clients/{id}`]: async (c) => {
    const id = c.allowed ? (await c.make.client()).id : c.side.client.id;
    return {
      id,
      headers: { 'If-Match': await versionOf(c, 'clients', id) },
      body: { city: 'Neustadt' },
    };
  },

  [`POST ${P}/clients/{id}/restriction`]: async (c) => ({
    id: c.allowed ? (await c.make.client()).id : c.side.client.id,
    body: { ground: 'accuracy_contested' },
  }),
  [`DELETE ${P}/clients/{id}/restriction`]: async (c) => {
    if (!c.allowed) return { id: c.side.client.id };
    const { id } = await c.make.client();
    await c.fresh(() =>
      c.app
        .get(DataSource)
        .query(
          `UPDATE clients SET restricted_at = now(), restriction_ground = 'legal_claims' WHERE id = $1`,
          [id],
        ),
    );
    return { id };
  },

  [`POST ${P}/clients/{id}/erasure`]: async (c) => ({
    id: c.allowed ? (await c.make.client()).id : c.side.client.id,
    body: { reason: 'no_longer_necessary' },
  }),
  [`GET ${P}/clients/{id}/data-copy`]: (c) => ({ id: c.side.client.id }),
  [`GET ${P}/clients/{id}/data-copy/text`]: (c) => ({ id: c.side.client.id }),
  [`GET ${P}/clients/{id}/provider-data-copy`]: (c) => ({ id: c.side.client.id }),
  [`GET ${P}/clients/{id}/provider-data-copy/text`]: (c) => ({ id: c.side.client.id }),
  [`GET ${P}/retention-policy`]: () => ({}),
  [`PATCH ${P}/retention-policy`]: async (c) => {
    const [row] = await c.app
      .get(DataSource)
      .query<{ version: number }[]>(
        'SELECT version FROM retention_policies WHERE jobcenter_id = $1',
        [c.actor.organisationId],
      );
    return {
      headers: { 'If-Match': `"${row?.version ?? 0}"` },
      body: { caseContentMonths: 24 + Math.floor(Math.random() * 24) },
    };
  },

  // consent
  [`GET ${P}/clients/{id}/consents`]: (c) => ({ id: c.side.client.id }),
  [`POST ${P}/clients/{id}/consents`]: async (c) => {
    const referral = c.allowed ? await c.make.referral(ReferralState.InProgress) : c.side.referral;
    const releasing = c.actor.organisationId ?? c.own.providerId;
    const template = c.own.template.get(releasing) ?? c.own.template.get(c.own.providerId)!;
    const recipient = releasing === c.own.jobcenterId ? c.own.providerId : c.own.jobcenterId;
    return {
      id: referral.clientId,
      body: consentBody({
        referralId: referral.id,
        templateId: template.id,
        grants: [{ category: DataCategory.Participation, recipientOrganisationId: recipient }],
      }),
    };
  },
  [`GET ${P}/clients/{id}/consents/effective`]: (c) => ({ id: c.side.client.id }),
  [`GET ${P}/clients/{id}/disclosures`]: (c) => ({ id: c.side.client.id }),
  [`POST ${P}/clients/{id}/consents/revoke`]: async (c) => {
    if (!c.allowed) return { id: c.side.client.id, body: {} };
    const referral = await c.make.referral(ReferralState.InProgress);
    await c.make.consent(referral.clientId, referral.id);
    return { id: referral.clientId, body: {} };
  },
  [`GET ${P}/consent-templates`]: (c) => ({
    query: { key: c.side.template.get(organisationFor(c))!.key },
  }),
  [`POST ${P}/consent-templates`]: () => ({
    body: {
      key: `matrix-${randomUUID().slice(0, 8)}`,
      title: 'Schweigepflichtentbindung (Matrix)',
      body: 'Ich entbinde den Träger von der Schweigepflicht.',
      categories: [DataCategory.Participation],
    },
  }),
  [`GET ${P}/consent-templates/{id}`]: (c) => ({
    id: c.side.template.get(organisationFor(c))!.id,
  }),
  [`POST ${P}/consent-templates/{id}/approve`]: async (c) => {
    const organisationId = organisationFor(c);
    const template = c.allowed
      ? await c.make.template(organisationId, false)
      : c.side.unapprovedTemplate.get(organisationId)!;
    return { id: template.id, body: {} };
  },
  [`GET ${P}/consents/{id}/receipt`]: (c) => ({ id: c.side.consentId }),
  [`POST ${P}/consents/{id}/revoke`]: async (c) => {
    if (!c.allowed) return { id: c.side.consentId, body: {} };
    // Revocation stays possible after the referral closed, beyond the provider's 30 days.
    const referral = await c.make.referral(ReferralState.Completed);
    const id = await c.make.consent(referral.clientId, referral.id);
    await c.fresh(() =>
      c.app
        .get(DataSource)
        .query(`UPDATE referrals SET closed_at = now() - interval '40 days' WHERE id = $1`, [
          referral.id,
        ]),
    );
    return { id, body: {} };
  },
  [`GET ${P}/consents/expiring`]: () => ({}),
  [`GET ${P}/worklist`]: () => ({}),

  // providers and contracts
  [`GET ${P}/contracts/{id}`]: (c) => ({ id: c.side.contract.id }),
  [`PATCH ${P}/contracts/{id}`]: async (c) => ({
    id: c.side.contract.id,
    headers: { 'If-Match': await versionOf(c, 'contracts', c.side.contract.id) },
    body: { firstContactWorkingDays: 10 },
  }),
  [`POST ${P}/contracts/{id}/statements`]: async (c) => ({
    id: c.allowed ? (await c.make.billedContract()).id : c.side.contract.id,
    body: { month: '2026-01' },
  }),
  [`GET ${P}/contracts/{id}/statements`]: (c) => ({
    id: c.side.contract.id,
    query: { month: '2026-01' },
  }),
  [`GET ${P}/statements/{id}`]: (c) => ({ id: c.side.statementId }),
  [`GET ${P}/health/live`]: () => ({}),
  [`GET ${P}/health/ready`]: () => ({}),
  [`GET ${P}/labels`]: () => ({}),
  [`GET ${P}/providers`]: (c) => ({
    query: foreignFilter(c, 'postcode', c.side.postcode),
  }),
  [`GET ${P}/providers/{id}`]: (c) => ({ id: c.side.providerId }),
  [`PATCH ${P}/providers/{id}`]: async (c) => ({
    id: c.side.providerId,
    headers: {
      'If-Match': await versionOf(c, 'provider_profiles', c.side.providerId, 'organisation_id'),
    },
    body: { description: 'Aufsuchende Hilfe (Matrix)' },
  }),
  [`GET ${P}/providers/{id}/contracts`]: (c) => ({ id: c.side.providerId }),
  [`POST ${P}/providers/{id}/contracts`]: (c) => ({
    id: c.side.providerId,
    body: {
      number: `MX-${randomUUID().slice(0, 8)}`,
      validFrom: '2026-01-01',
      services: [ServiceKind.DebtRegulation],
      capacity: 5,
    },
  }),
  [`GET ${P}/providers/availability`]: () => ({}),

  // referrals
  [`GET ${P}/referrals`]: (c) => ({
    query: foreignFilter(c, 'clientId', c.side.client.id),
  }),
  [`POST ${P}/referrals`]: (c) => ({
    body: {
      clientId: c.side.client.id,
      providerId: c.own.providerId,
      reasonCategory: ReferralReason.LostContact,
      requestedServices: [ServiceKind.OutreachHomeVisits],
    },
  }),
  [`GET ${P}/referrals/{id}`]: (c) => ({ id: c.side.referral.id }),
  [`PATCH ${P}/referrals/{id}`]: (c) =>
    referralAction(c, ReferralState.Draft, c.side.draft, { goals: 'Wohnung sichern' }),
  [`POST ${P}/referrals/{id}/accept`]: (c) =>
    referralAction(c, ReferralState.Requested, c.side.requested, {
      assignedWorkerId: c.own.worker.userId,
    }),
  [`GET ${P}/referrals/{id}/activities`]: (c) => ({ id: c.side.referral.id }),
  [`POST ${P}/referrals/{id}/activities`]: async (c) => ({
    id: (await referralIn(c, ReferralState.InProgress, c.side.referral)).id,
    body: { kind: ActivityKind.HomeVisit, occurredAt: new Date().toISOString(), reached: true },
  }),
  [`GET ${P}/referrals/{id}/appointments`]: (c) => ({ id: c.side.referral.id }),
  [`POST ${P}/referrals/{id}/appointments`]: async (c) => ({
    id: (await referralIn(c, ReferralState.InProgress, c.side.referral)).id,
    body: appointmentBody(),
  }),
  [`GET ${P}/appointments/{id}`]: (c) => ({ id: c.side.appointmentId }),
  [`POST ${P}/appointments/{id}/accompaniment-wish`]: (c) =>
    appointmentChange(c, {}, { wished: true }),
  [`POST ${P}/appointments/{id}/accompaniment-confirmation`]: (c) =>
    appointmentChange(c, { wished: true }, {}),
  [`POST ${P}/appointments/{id}/outcome`]: (c) =>
    appointmentChange(c, {}, { outcome: AppointmentOutcome.TookPlace }),
  [`POST ${P}/appointments/{id}/attendance`]: async (c) => ({
    id: c.allowed
      ? await c.make.appointment({ wished: true, confirmed: true })
      : c.side.appointmentId,
    body: { meeting: AccompanimentMeeting.MetClient },
  }),
  [`POST ${P}/referrals/{id}/assign`]: (c) =>
    referralAction(c, ReferralState.Accepted, c.side.accepted, {
      assignedWorkerId: c.own.otherWorker.userId,
    }),
  [`POST ${P}/referrals/{id}/cancel`]: (c) =>
    referralAction(c, ReferralState.Requested, c.side.requested, {
      reason: CancelReason.ClientMovedAway,
    }),
  [`GET ${P}/referrals/{id}/client`]: (c) => ({ id: c.side.referral.id }),
  [`POST ${P}/referrals/{id}/complete`]: (c) =>
    referralAction(c, ReferralState.InProgress, c.side.referral, {
      outcome: CompletionOutcome.GoalsReached,
    }),
  [`POST ${P}/referrals/{id}/end`]: (c) =>
    referralAction(c, ReferralState.InProgress, c.side.referral, {
      reason: EndReason.ClientUnreachable,
    }),
  [`GET ${P}/referrals/{id}/history`]: (c) => ({ id: c.side.referral.id }),
  [`POST ${P}/referrals/{id}/pause`]: (c) =>
    referralAction(c, ReferralState.InProgress, c.side.referral),
  [`POST ${P}/referrals/{id}/reject`]: (c) =>
    referralAction(c, ReferralState.Requested, c.side.requested, {
      reason: RejectReason.NoCapacity,
    }),
  [`GET ${P}/referrals/{id}/reports`]: (c) => ({ id: c.side.referral.id }),
  [`POST ${P}/referrals/{id}/reports`]: async (c) => ({
    id: (await referralIn(c, ReferralState.InProgress, c.side.referral)).id,
    headers: { 'Idempotency-Key': randomUUID() },
    body: reportBody(),
  }),
  [`POST ${P}/referrals/{id}/resume`]: (c) =>
    referralAction(c, ReferralState.OnHold, c.side.onHold),
  [`POST ${P}/referrals/{id}/send`]: (c) => referralAction(c, ReferralState.Draft, c.side.draft),
  [`POST ${P}/referrals/{id}/start`]: (c) =>
    referralAction(c, ReferralState.Accepted, c.side.accepted),

  // reports and statistics
  [`GET ${P}/reports/{id}`]: (c) => ({ id: c.side.submittedReportId }),
  [`PATCH ${P}/reports/{id}`]: async (c) => {
    const id = await draftReportOf(c);
    return {
      id,
      headers: { 'If-Match': await versionOf(c, 'reports', id) },
      body: { sections: [{ category: DataCategory.Participation, text: 'Drei Hausbesuche.' }] },
    };
  },
  [`GET ${P}/reports/{id}/preview`]: (c) => ({
    id: c.side.draftReportId,
    query: { recipient: c.own.jobcenterId },
  }),
  [`POST ${P}/reports/{id}/submit`]: async (c) => {
    const id = await draftReportOf(c);
    return { id, body: {}, headers: { 'If-Match': await versionOf(c, 'reports', id) } };
  },
  [`GET ${P}/statistics/referrals`]: () => ({}),

  // partner organisations and onward referrals (ADR 0022)
  [`GET ${P}/partner-agreements`]: () => ({}),
  [`POST ${P}/partner-agreements`]: async (c) => ({
    body: {
      // One agreement per jobcenter and partner: a fresh partner when the cell makes one.
      partnerId: c.allowed
        ? await c.fresh(async () => {
            const { partnerId } = await createPartner(c.app);
            c.world.orgIds[c.side.index].add(partnerId);
            return partnerId;
          })
        : c.side.partnerId,
      category: DataCategory.MentalHealth,
      reservedPlaces: 3,
      validFrom: '2026-01-01',
    },
  }),
  [`POST ${P}/referrals/{id}/onward-referrals`]: async (c) => ({
    id: c.allowed ? (await c.make.consentedReferral()).id : c.side.onwardBase.id,
    body: { partnerId: c.side.partnerId },
  }),
  [`GET ${P}/referrals/{id}/onward-referrals`]: (c) => ({ id: c.side.onwardBase.id }),
  [`GET ${P}/referrals/{id}/released-onward-referrals`]: (c) => ({ id: c.side.onwardBase.id }),
  [`GET ${P}/onward-referrals`]: () => ({}),
  [`GET ${P}/onward-referrals/{id}`]: (c) => ({ id: c.side.onwardRequested }),
  [`POST ${P}/onward-referrals/{id}/accept`]: async (c) => ({
    id: c.allowed ? (await c.make.onward(false)).onwardId : c.side.onwardRequested,
  }),
  [`POST ${P}/onward-referrals/{id}/decline`]: async (c) => ({
    id: c.allowed ? (await c.make.onward(false)).onwardId : c.side.onwardRequested,
  }),
  [`POST ${P}/onward-referrals/{id}/uptake`]: async (c) => ({
    id: c.allowed ? (await c.make.onward(true)).onwardId : c.side.onwardAccepted,
    body: { outcome: 'took_up' },
  }),
};
