import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Optimistic concurrency in one statement: applies `patch` and bumps the version only if the
 * row is still at `version`, so that of two concurrent writers exactly one wins. Returns
 * whether it did.
 */
export async function updateAtVersion<T extends ObjectLiteral & { version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  version: number,
  patch: QueryDeepPartialEntity<T>,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...patch, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id, version })
    .execute();
  return result.affected === 1;
}
