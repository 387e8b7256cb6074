import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTOR_NAMES, type ActorName } from './actors';

export const MATRIX_FILE = join(__dirname, '../authz-matrix.json');

export interface MatrixRoute {
  own: string;
  foreign: string;
  expect: Record<ActorName, [number, number]>;
}

export interface MatrixCell {
  route: string;
  actor: ActorName;
  which: 'own' | 'foreign';
  expected: number;
}

const STATUS = /^[1-5]\d\d$/;

/** Reads `authz-matrix.json` and checks its shape, so that a typo fails with the route named. */
export function loadMatrix(): Record<string, MatrixRoute> {
  const file = JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as {
    routes: Record<string, MatrixRoute>;
  };
  for (const [route, row] of Object.entries(file.routes)) {
    const actors = Object.keys(row.expect).sort();
    if (actors.join() !== [...ACTOR_NAMES].sort().join()) {
      throw new Error(`${route}: the matrix must give every actor exactly once`);
    }
    for (const [actor, pair] of Object.entries(row.expect)) {
      if (pair.length !== 2 || !pair.every((s) => STATUS.test(String(s)))) {
        throw new Error(`${route} as ${actor}: expected [own, foreign] statuses`);
      }
    }
  }
  return file.routes;
}

export function cellsOf(routes: Record<string, MatrixRoute>): MatrixCell[] {
  return Object.entries(routes).flatMap(([route, row]) =>
    ACTOR_NAMES.flatMap((actor) =>
      (['own', 'foreign'] as const).map((which, i) => ({
        route,
        actor,
        which,
        expected: row.expect[actor][i],
      })),
    ),
  );
}

/** The credential-derivation cells of `authz-matrix.json` (ADR 0008). */
export interface DerivationSection {
  derivations: Record<string, string>;
  contentRoutes: string[];
  /** The statuses a content route may give a credential the admin holds: all refusals. */
  expect: number[];
}

export function loadDerivations(): DerivationSection {
  const file = JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as {
    routes: Record<string, MatrixRoute>;
    credentialDerivation: DerivationSection;
  };
  const section = file.credentialDerivation;
  const unknown = section.contentRoutes.filter((route) => !(route in file.routes));
  if (unknown.length > 0)
    throw new Error(`content routes without a matrix row: ${unknown.join(', ')}`);
  if (!section.expect.every((status) => status >= 400)) {
    throw new Error('credential derivation: a content route must refuse what the admin holds');
  }
  return section;
}
