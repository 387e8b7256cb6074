import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The highest feed position ever given (ADR 0019, ADR 0020). Positions were `max(position) + n`
 * over the rows of `events`; an erasure deletes a client's events, and when the newest is among
 * them, the next event would get a position an organisation's cursor has already passed. The
 * dispatcher now counts on from this mark, which only grows.
 */
export class EventPositionMark1796960000000 implements MigrationInterface {
  name = 'EventPositionMark1796960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "events_position_mark" MINVALUE 0 START 0`);
    await queryRunner.query(
      `SELECT setval('events_position_mark', (SELECT coalesce(max(position), 0) FROM events))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "events_position_mark"`);
  }
}
