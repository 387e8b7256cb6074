import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { AppModule } from '../../src/app.module';
import { API_PREFIX, createAdapter } from '../../src/app.setup';
import { Role, ROLE_ORGANISATION_KINDS } from '../../src/auth/role';
import { ROLE_PERMISSIONS } from '../../src/auth/role-permissions';
import { routeInventory, type RouteAccess } from '../../src/auth/route-inventory';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { loadConfig } from '../../src/config/app-config';
import { DataCategory } from '../../src/confidentiality/data-category';
import {
  ACTION_PROBLEMS,
  ASSIGN_ROUTE,
  nextState,
  reasonCategoryOf,
  REFERRAL_ACTIONS,
  type ActionRoute,
} from '../../src/referrals/referral-actions';
import { EndReason, PauseReason, RejectReason } from '../../src/referrals/referral-codes';
import { ReferralAction } from '../../src/referrals/referral-state';
import { ReferralState, TERMINAL_STATES } from '../../src/common/referral-states';

/*
 * The action table (src/referrals/referral-actions.ts) is the one declaration of a referral
 * action. These tests check that what follows from it agrees with it: the routes the app serves,
 * the committed OpenAPI document, the state machine and the role table; and that the compiler
 * refuses a row whose reasons are not classified (referral-action-types.ts).
 */

const ROOT = join(__dirname, '..', '..');
const ACTIONS = Object.values(ReferralAction);
const ROUTES: [string, ActionRoute][] = [
  ...ACTIONS.map((action): [string, ActionRoute] => [action, REFERRAL_ACTIONS[action]]),
  ['assign', ASSIGN_ROUTE],
];

interface Operation {
  operationId: string;
  summary: string;
  description: string;
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { description?: string; $ref?: string }>;
}
const doc = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { description: string }> };
};

function responseText(ref: { description?: string; $ref?: string }): string | undefined {
  return ref.$ref
    ? doc.components.responses[ref.$ref.split('/').pop() ?? ''].description
    : ref.description;
}

describe('the referral action table', () => {
  describe('the compiler', () => {
    it('refuses a row whose reasons are not classified (every @ts-expect-error meets its error)', () => {
      const config = ts.getParsedCommandLineOfConfigFile(
        join(ROOT, 'tsconfig.json'),
        { noEmit: true, incremental: false },
        { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
      );
      if (!config) throw new Error('tsconfig.json could not be read');
      const program = ts.createProgram({
        rootNames: [join(__dirname, 'referral-action-types.ts')],
        options: config.options,
      });
      const diagnostics = ts.getPreEmitDiagnostics(program);
      const text = ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => ROOT,
        getNewLine: () => '\n',
      });
      expect(text).toBe('');
    }, 180_000);
  });

  describe('the routes', () => {
    let routes: RouteAccess[];

    beforeAll(async () => {
      // Preview mode builds the module graph without instantiating providers: no database.
      const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
      const app = await NestFactory.create<NestFastifyApplication>(
        AppModule.register(config),
        createAdapter(config),
        { preview: true, logger: false, abortOnError: false },
      );
      routes = routeInventory(app, API_PREFIX);
      await app.close();
    });

    it('the app serves one route per row, and no other on the actions controller', () => {
      const served = routes.filter((r) => r.handler.startsWith('ReferralActionsController.'));
      expect(served).toEqual(
        expect.arrayContaining(
          ROUTES.map(([path, route]) => ({
            route: `POST /${API_PREFIX}/referrals/{id}/${path}`,
            handler: `ReferralActionsController.${path}Referral`,
            access: route.permission,
          })),
        ),
      );
      expect(served).toHaveLength(ROUTES.length);
    });

    it.each(ROUTES)('openapi.json documents %s as its row declares', (path, route) => {
      const op = doc.paths[`/${API_PREFIX}/referrals/{id}/${path}`]?.post;
      expect(op).toBeDefined();
      expect(op.operationId).toBe(`${path}Referral`);
      expect(op.summary).toBe(route.summary);
      const [text, holders] = op.description.split('\n\n**Permission:** ');
      expect(text).toBe(route.description.join('\n'));
      expect(holders.startsWith(`\`${route.permission}\` (`)).toBe(true);
      const body = op.requestBody?.content['application/json'].schema.$ref;
      expect(body?.split('/').pop()).toBe(route.body?.name.replace(/Dto$/, ''));
      const problems: Record<number, string> = { ...ACTION_PROBLEMS, ...route.problems };
      // 412 and 428 take the document's shared texts (src/openapi/common-responses.ts).
      delete problems[412];
      delete problems[428];
      for (const [status, text] of Object.entries(problems)) {
        expect([status, responseText(op.responses[status])]).toEqual([status, text]);
      }
    });
  });

  describe('the state machine', () => {
    const cells = ACTIONS.flatMap((action) =>
      Object.values(ReferralState).map((from) => [action, from] as const),
    );

    it.each(cells)('%s from %s goes where its row says', (action, from) => {
      const { from: sources, to } = REFERRAL_ACTIONS[action];
      expect(nextState(action, from)).toBe(sources.includes(from) ? to : undefined);
    });

    it('every state but draft is reached, and every state but the terminal ones is left', () => {
      const rows = Object.values(REFERRAL_ACTIONS);
      const reached = new Set(rows.map((row) => row.to));
      const left = new Set(rows.flatMap((row) => row.from));
      for (const state of Object.values(ReferralState)) {
        expect([state, reached.has(state)]).toEqual([state, state !== ReferralState.Draft]);
        expect([state, left.has(state)]).toEqual([state, !TERMINAL_STATES.includes(state)]);
      }
    });

    it('only an action that closes the referral sets its outcome', () => {
      for (const action of ACTIONS) {
        const { setsOutcome, to } = REFERRAL_ACTIONS[action];
        if (setsOutcome !== null)
          expect([action, TERMINAL_STATES.includes(to)]).toEqual([action, true]);
      }
    });
  });

  describe('authorization', () => {
    const KIND = { jobcenter: OrganisationKind.Jobcenter, provider: OrganisationKind.Provider };

    it.each(ACTIONS)(
      '%s: its permission is its own, held only by roles of the acting side',
      (action) => {
        const { permission, side } = REFERRAL_ACTIONS[action];
        const others = ACTIONS.filter((a) => a !== action).map(
          (a) => REFERRAL_ACTIONS[a].permission,
        );
        expect(others).not.toContain(permission);
        const holders = Object.values(Role).filter((role) =>
          ROLE_PERMISSIONS[role].includes(permission),
        );
        expect(holders.length).toBeGreaterThan(0);
        for (const role of holders)
          expect([role, ROLE_ORGANISATION_KINDS[role]]).toEqual([role, [KIND[side]]]);
      },
    );
  });

  describe('reasons', () => {
    it('the reason of an end is participation, whatever the code (the sanction firewall)', () => {
      for (const code of Object.values(EndReason)) {
        expect(reasonCategoryOf(ReferralAction.End, code)).toBe(DataCategory.Participation);
      }
    });

    it('why the work paused is participation, and a hospital stay health', () => {
      expect(reasonCategoryOf(ReferralAction.Pause, PauseReason.HospitalStay)).toBe(
        DataCategory.Health,
      );
      expect(reasonCategoryOf(ReferralAction.Pause, PauseReason.ClientRequest)).toBe(
        DataCategory.Participation,
      );
      expect(reasonCategoryOf(ReferralAction.Pause, undefined)).toBeNull();
    });

    it('commissioning reasons are open; an unknown code is sealed', () => {
      expect(reasonCategoryOf(ReferralAction.Reject, RejectReason.NoCapacity)).toBeNull();
      expect(reasonCategoryOf(null, undefined)).toBeNull();
      expect(reasonCategoryOf(ReferralAction.Reject, 'toString')).toBe(DataCategory.Participation);
      expect(reasonCategoryOf(ReferralAction.Send, 'anything')).toBeNull();
    });

    it('what the referral shows the jobcenter as its outcome is commissioning data only', () => {
      for (const action of ACTIONS) {
        const { setsOutcome, reasons } = REFERRAL_ACTIONS[action];
        if (setsOutcome === null) continue;
        expect([action, new Set(Object.values(reasons[setsOutcome]))]).toEqual([
          action,
          new Set([null]),
        ]);
      }
    });

    it('each action names its business event once', () => {
      const events = ACTIONS.map((action) => REFERRAL_ACTIONS[action].event);
      expect(new Set(events).size).toBe(ACTIONS.length);
      for (const event of events) expect(event).toMatch(/^referral\.[a-z_]+$/);
    });
  });
});
