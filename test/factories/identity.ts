import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { UserActor } from '../../src/auth/actor';
import { AuthService } from '../../src/authentication/auth.service';
import { ApiKeyScope, Role, ROLE_ORGANISATION_KINDS } from '../../src/auth/role';
import { permissionsOfRoles } from '../../src/auth/role-permissions';
import { ApiKeysService } from '../../src/identity/api-keys.service';
import { Organisation } from '../../src/identity/organisation.entity';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { OrganisationsService } from '../../src/identity/organisations.service';
import { PasswordHasher } from '../../src/identity/password/password-hasher';
import { User } from '../../src/identity/user.entity';
import { uniqueName } from './unique';

/** The password every factory-made user has, unless the test gives one. */
export const TEST_PASSWORD = 'Lange Wörter sind sicherer 2026';

const hashes = new Map<string, Promise<string>>();

/** argon2 is slow on purpose; tests hash each distinct password once. */
function hashOf(app: INestApplication, password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = app.get(PasswordHasher).hash(password);
    hashes.set(password, hash);
  }
  return hash;
}

export async function createOrganisation(
  app: INestApplication,
  kind: OrganisationKind = OrganisationKind.Jobcenter,
): Promise<{ id: string; name: string; kind: OrganisationKind }> {
  const { organisation } = await app
    .get(OrganisationsService)
    .ensure(kind, uniqueName(`Test ${kind}`));
  return { id: organisation.id, name: organisation.name, kind };
}

export interface TestUser {
  userId: string;
  organisationId: string;
  email: string;
  password: string;
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  authHeader: { Authorization: string };
  /** The user as an actor, for calling services directly. */
  actor: UserActor;
}

/**
 * A fresh user with the given roles, signed in (a session started through AuthService, not
 * over HTTP, so that login throttling is not spent on set-up). Without `organisationId`, a
 * fresh organisation of a kind the roles fit is created.
 */
export async function createUser(
  app: INestApplication,
  options: {
    roles: Role[];
    organisationKind?: OrganisationKind;
    organisationId?: string;
    password?: string;
    active?: boolean;
  },
): Promise<TestUser> {
  const password = options.password ?? TEST_PASSWORD;
  const kind = options.organisationKind ?? ROLE_ORGANISATION_KINDS[options.roles[0]][0];
  const organisationId = options.organisationId ?? (await createOrganisation(app, kind)).id;
  const email = `${randomUUID()}@test.lotse.invalid`;
  const user = await app.get(DataSource).manager.save(User, {
    organisationId,
    email,
    displayName: uniqueName('Test user'),
    roles: options.roles,
    active: options.active ?? true,
    passwordHash: await hashOf(app, password),
    passwordChangedAt: new Date(),
  });
  const tokens = await app
    .get(AuthService)
    .startSession({ userId: user.id, organisationId }, `test-${randomUUID()}`);
  const { sid } = JSON.parse(
    Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString('utf8'),
  ) as { sid: string };
  return {
    userId: user.id,
    organisationId,
    email,
    password,
    sessionId: sid,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    authHeader: { Authorization: `Bearer ${tokens.accessToken}` },
    actor: {
      kind: 'user',
      userId: user.id,
      sessionId: sid,
      organisationId,
      organisationKind: kind,
      roles: options.roles,
      permissions: permissionsOfRoles(options.roles),
      requestId: `test-${randomUUID()}`,
    },
  };
}

export interface TestApiKey {
  id: string;
  key: string;
  organisationId: string;
  authHeader: { Authorization: string };
}

/**
 * A fresh API key of a provider, made by the service's `issue` as `admin` (a fresh admin
 * unless given). Test set-up: over the API an admin can only ask for a key, which the
 * provider's lead approves (ADR 0008); tests of that path go through HTTP.
 */
export async function createApiKey(
  app: INestApplication,
  options: { organisationId: string; scopes?: ApiKeyScope[]; admin?: TestUser },
): Promise<TestApiKey> {
  const admin = options.admin ?? (await createUser(app, { roles: [Role.Admin] }));
  const { apiKey, key } = await app.get(DataSource).transaction(async (manager) => {
    const organisation = await manager.findOneByOrFail(Organisation, {
      id: options.organisationId,
    });
    return app.get(ApiKeysService).issue(
      manager,
      admin.actor,
      organisation,
      {
        name: uniqueName('Test key'),
        scopes: options.scopes ?? [ApiKeyScope.ReportsWrite],
        expiresAt: null,
      },
      {},
    );
  });
  return {
    id: apiKey.id,
    key,
    organisationId: options.organisationId,
    authHeader: { Authorization: `ApiKey ${key}` },
  };
}
