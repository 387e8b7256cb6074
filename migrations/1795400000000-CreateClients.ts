import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClients1795400000000 implements MigrationInterface {
  name = 'CreateClients1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."client_contact_way" AS ENUM(
                'phone',
                'email',
                'letter',
                'home_visit',
                'no_preference'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "clients" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "jobcenter_id" uuid NOT NULL,
                "customer_number" character varying(32) NOT NULL,
                "given_name" character varying(100) NOT NULL,
                "family_name" character varying(100) NOT NULL,
                "date_of_birth" date NOT NULL,
                "street" character varying(200) NOT NULL,
                "postcode" character varying(5) NOT NULL,
                "city" character varying(100) NOT NULL,
                "phone" character varying(40),
                "email" character varying(254),
                "preferred_contact" "public"."client_contact_way" NOT NULL DEFAULT 'no_preference',
                "preferred_contact_times" character varying(200),
                "note_to_provider" character varying(1000),
                "created_by" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "clients_jobcenter_id_customer_number_key" ON "clients" ("jobcenter_id", "customer_number")
        `);
    await queryRunner.query(`
            CREATE INDEX "clients_jobcenter_id_updated_at_idx" ON "clients" ("jobcenter_id", "updated_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "clients_jobcenter_id_postcode_updated_at_idx" ON "clients" ("jobcenter_id", "postcode", "updated_at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD CONSTRAINT "clients_jobcenter_id_fkey" FOREIGN KEY ("jobcenter_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD CONSTRAINT "clients_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "clients" DROP CONSTRAINT "clients_created_by_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients" DROP CONSTRAINT "clients_jobcenter_id_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."clients_jobcenter_id_postcode_updated_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."clients_jobcenter_id_updated_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."clients_jobcenter_id_customer_number_key"
        `);
    await queryRunner.query(`
            DROP TABLE "clients"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."client_contact_way"
        `);
  }
}
