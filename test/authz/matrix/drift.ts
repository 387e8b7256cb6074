import { loadMatrix } from './matrix-file';
import { RECIPES } from './recipes';

/**
 * How the matrix and its recipes disagree with the app's routes, one line per route: a route
 * without a matrix row, a row for a route that no longer exists, a route without a request
 * recipe, a recipe for a route that no longer exists.
 */
export function matrixDrift(inventory: readonly string[]): string[] {
  const rows = Object.keys(loadMatrix());
  const recipes = Object.keys(RECIPES);
  const routes = new Set(inventory);
  return [
    ...inventory.filter((r) => !rows.includes(r)).map((r) => `${r}: no row in authz-matrix.json`),
    ...rows.filter((r) => !routes.has(r)).map((r) => `${r}: matrix row for a route that is gone`),
    ...inventory.filter((r) => !recipes.includes(r)).map((r) => `${r}: no request recipe`),
    ...recipes.filter((r) => !routes.has(r)).map((r) => `${r}: recipe for a route that is gone`),
  ];
}
