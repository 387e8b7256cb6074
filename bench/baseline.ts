import Fastify from 'fastify';
import { Pool } from 'pg';

/**
 * The baseline of `npm run bench`: a bare fastify + pg server answering one referral by primary
 * key from the same database, with the same pool size as Lotse and no auth, validation or ORM.
 * Lotse's figures are read as a ratio to this one. Started by bench/run.ts as a child process.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const port = Number(process.env.BASELINE_PORT ?? 3199);
  if (!url) throw new Error('DATABASE_URL is required');
  const pool = new Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/referrals/:id', async (request, reply) => {
    const { rows } = await pool.query('SELECT * FROM referrals WHERE id = $1', [request.params.id]);
    if (rows.length === 0) return reply.code(404).send({ status: 404 });
    return rows[0] as unknown;
  });
  await app.listen({ port, host: '127.0.0.1' });
  process.stdout.write(`baseline listening on ${port}\n`);
  const stop = () => void app.close().then(() => pool.end());
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
