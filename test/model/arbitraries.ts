import fc from 'fast-check';
import { type Cmd, type Who, type Assignee } from './command-base';
import { Refer, Act, Assign, LogContact, DisableUser } from './workflow-commands';
import { GrantConsent, Revoke } from './consent-commands';
import { SubmitReport, ReplayReport } from './report-commands';
import { JobcenterRead, ProviderRead } from './read-commands';
import { OnwardRead, PartnerStep, ReferOnward } from './onward-commands';
import {
  CATEGORIES,
  USER_KEYS,
  type Action,
  type Category,
  type ProviderKey,
  type ReportM,
} from './oracle';

/** The arbitraries of the commands, weighted towards those that move the lifecycle on. */

const ref = fc.nat({ max: 11 });
const categories = (minLength: number) => fc.subarray([...CATEGORIES], { minLength, maxLength: 5 });
const weighted = <T>(...pairs: [T, number][]) =>
  fc.oneof(...pairs.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));
const providerSide = weighted<Who>(
  ['lead', 3],
  ['assigned', 4],
  ['unassigned', 1],
  ['foreignLead', 1],
  ['foreignWorker', 1],
);
const assignee = weighted<Assignee>([0, 3], [1, 3], ['foreign', 1]);

export const referArbitrary: fc.Arbitrary<Cmd> = fc
  .tuple(
    weighted<'cwA' | 'cwB'>(['cwA', 6], ['cwB', 1]),
    fc.constantFrom<0 | 1>(0, 1),
    fc.constantFrom<ProviderKey>('P1', 'P2'),
    weighted([true, 5], [false, 1]),
  )
  .map(([u, c, p, s]) => new Refer(u, c, p, s));

const aimed = weighted([true, 4], [false, 1]);

/** A lead accepts one of the requested referrals (to start runs with cases being worked). */
export const acceptArbitrary: fc.Arbitrary<Cmd> = fc
  .tuple(ref, assignee)
  .map(([r, w]): Cmd => new Act(r, true, 'accept', 'lead', 0, w));

/**
 * The onward path of ADR 0022 aimed at one worked case: start, the client's consent to the
 * partner, the onward referral, the partner's acceptance. Random commands alone reach the
 * partner's steps rarely (they need all four in order); the model still predicts each answer.
 */
export const onwardPathArbitrary: fc.Arbitrary<Cmd[]> = ref.map((r): Cmd[] => [
  new Act(r, true, 'start', 'assigned', 0, 0),
  new GrantConsent(r, true, 'assigned', ['participation'], [], true),
  new ReferOnward(r, true, 'assigned'),
  new PartnerStep(r, 0, 'accept'),
]);

/** One arbitrary of all commands, weighted towards those that move the lifecycle on. */
export const commandArbitraries: fc.Arbitrary<Cmd>[] = [
  fc.oneof(
    { weight: 2, arbitrary: referArbitrary },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          ref,
          aimed,
          weighted<Who>(['lead', 6], ['foreignLead', 1], ['assigned', 1]),
          assignee,
        )
        .map(([r, a, who, w]): Cmd => new Act(r, a, 'accept', who, 0, w)),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          ref,
          aimed,
          weighted<Action>(
            ['start', 3],
            ['pause', 2],
            ['resume', 2],
            ['end', 2],
            ['complete', 1],
            ['reject', 1],
          ),
          providerSide,
          fc.nat(),
        )
        .map(([r, a, action, who, v]): Cmd => new Act(r, a, action, who, v, 0)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          ref,
          aimed,
          weighted<Who>(['caseworkerA', 4], ['caseworkerB', 1], ['lead', 1]),
          fc.nat(),
        )
        .map(([r, a, who, v]): Cmd => new Act(r, a, 'cancel', who, v, 0)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          ref,
          aimed,
          weighted<Who>(['lead', 4], ['assigned', 1], ['foreignLead', 1]),
          assignee,
        )
        .map(([r, a, who, w]): Cmd => new Assign(r, a, who, w)),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          ref,
          aimed,
          providerSide,
          categories(1),
          weighted([[], 3], [['health'] as Category[], 1]),
        )
        .map(([r, a, who, toA, toB]): Cmd => new GrantConsent(r, a, who, toA, toB)),
    },
    {
      // The client's consent to the onward referral (ADR 0022), sometimes released to A too.
      weight: 6,
      arbitrary: fc
        .tuple(
          ref,
          aimed,
          providerSide,
          weighted<Category[]>([['participation'], 2], [['mental_health'], 1], [[], 1]),
        )
        .map(([r, a, who, toA]): Cmd => new GrantConsent(r, a, who, toA, [], true)),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          ref,
          aimed,
          weighted<Who>(
            ['assigned', 3],
            ['lead', 2],
            ['unassigned', 1],
            ['foreignLead', 1],
            ['caseworkerA', 1],
          ),
        )
        .map(([r, a, who]): Cmd => new ReferOnward(r, a, who)),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          ref,
          fc.nat(),
          weighted<'accept' | 'decline' | 'took_up' | 'did_not_take_up'>(
            ['accept', 4],
            ['decline', 1],
            ['took_up', 2],
            ['did_not_take_up', 1],
          ),
        )
        .map(([r, i, step]): Cmd => new PartnerStep(r, i, step)),
    },
    {
      weight: 2,
      arbitrary: ref.map((r): Cmd => new OnwardRead(r)),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          ref,
          weighted<Who>(
            ['lead', 2],
            ['assigned', 2],
            ['unassigned', 1],
            ['foreignLead', 1],
            ['caseworkerA', 2],
            ['caseworkerB', 1],
          ),
          weighted([true, 4], [false, 1]),
          fc.nat(),
          fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { freq: 2 }),
        )
        .map(([r, who, latest, rec, some]): Cmd => new Revoke(r, who, latest, rec, some)),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          ref,
          aimed,
          providerSide,
          weighted<ReportM['kind']>(['interim', 3], ['initial', 1], ['final', 2]),
          categories(1),
          weighted([true, 4], [false, 1]),
          fc.boolean(),
        )
        .map(
          ([r, a, who, kind, cats, submit, key]): Cmd =>
            new SubmitReport(r, a, who, kind, cats, submit, key),
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(ref, aimed, providerSide, fc.boolean(), fc.integer({ min: 1, max: 600 }))
        .map(([r, a, who, reached, ago]): Cmd => new LogContact(r, a, who, reached, ago)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(), providerSide, weighted([true, 3], [false, 1]))
        .map(([k, who, sameBody]): Cmd => new ReplayReport(k, who, sameBody)),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(ref, weighted<'caseworkerA' | 'caseworkerB'>(['caseworkerA', 5], ['caseworkerB', 1]))
        .map(([r, who]): Cmd => new JobcenterRead(r, who)),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          ref,
          weighted<Who>(
            ['lead', 2],
            ['assigned', 3],
            ['unassigned', 1],
            ['foreignLead', 1],
            ['foreignWorker', 1],
          ),
        )
        .map(([r, who]): Cmd => new ProviderRead(r, who)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...USER_KEYS).map((user): Cmd => new DisableUser(user)),
    },
  ),
];
