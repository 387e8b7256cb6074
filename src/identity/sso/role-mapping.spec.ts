import { Role } from '../../auth/role';
import { OrganisationKind } from '../../common/organisation-kind';
import { claimValues, rolesNotFitting, rolesOfSignIn } from './role-mapping';

const MAPPING = [
  { value: '/lotse/fallmanagement', role: Role.Caseworker },
  { value: '/lotse/leitung', role: Role.JobcenterLead },
  { value: '/lotse/datenschutz', role: Role.Auditor },
];

describe('role mapping of a single sign-on (ADR 0018)', () => {
  it('reads a claim by name, descending by dots, strings only', () => {
    const claims = { groups: ['a', 7, 'b'], realm_access: { roles: ['r'] }, one: 'x' };
    expect(claimValues(claims, 'groups')).toEqual(['a', 'b']);
    expect(claimValues(claims, 'realm_access.roles')).toEqual(['r']);
    expect(claimValues(claims, 'one')).toEqual(['x']);
    expect(claimValues(claims, 'missing.deeper')).toEqual([]);
    expect(claimValues(claims, 'groups.length')).toEqual([]);
  });

  it('gives every mapped role the claim holds, each once, sorted', () => {
    const claims = { groups: ['/lotse/leitung', '/lotse/fallmanagement', '/kantine'] };
    expect(rolesOfSignIn(claims, 'groups', MAPPING, OrganisationKind.Jobcenter)).toEqual({
      ok: true,
      roles: [Role.Caseworker, Role.JobcenterLead],
    });
  });

  it('no mapped value: no member', () => {
    expect(
      rolesOfSignIn({ groups: ['/kantine'] }, 'groups', MAPPING, OrganisationKind.Jobcenter),
    ).toEqual({ ok: false, reason: 'no_role' });
  });

  it('a role the kind cannot hold refuses the whole sign-in instead of trimming it', () => {
    const claims = { groups: ['/lotse/fallmanagement', '/lotse/datenschutz'] };
    expect(rolesOfSignIn(claims, 'groups', MAPPING, OrganisationKind.Provider)).toEqual({
      ok: false,
      reason: 'role_not_allowed',
      roles: [Role.Caseworker],
    });
    expect(rolesNotFitting(MAPPING, OrganisationKind.Operator)).toEqual([
      Role.Caseworker,
      Role.JobcenterLead,
    ]);
  });
});
