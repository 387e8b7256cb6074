import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `request_gate(passed)`: the check by which a route's one statement also authenticates and
 * counts its request (ADR 0024, "The guard's statement folded into the route's"). Called in the
 * RETURNING of the request's counted hit, a data-modifying CTE that always runs; unless the
 * live session's principal is the one the guard assumed and the request is within its limit, it
 * raises SQLSTATE LTG01, so the whole statement (its reads, its writes, its audit events and
 * the hit itself) is undone and nothing of it leaves the database.
 */
export class RequestGate1797500000000 implements MigrationInterface {
  name = 'RequestGate1797500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION request_gate(passed boolean) RETURNS boolean
         LANGUAGE plpgsql VOLATILE AS $$
         BEGIN
           IF passed IS NOT TRUE THEN
             RAISE EXCEPTION 'the request''s credential or limit no longer holds'
               USING ERRCODE = 'LTG01';
           END IF;
           RETURN TRUE;
         END $$`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION request_gate(boolean)`);
  }
}
