import { walkthrough } from './walkthrough';

// LOTSE_URL (default http://localhost:3000), LOTSE_EMAIL and LOTSE_PASSWORD (default: the demo
// case manager of `npm start`).
walkthrough({
  baseUrl: process.env.LOTSE_URL ?? 'http://localhost:3000',
  email: process.env.LOTSE_EMAIL ?? 'fallmanagerin@jobcenter-musterstadt.demo',
  password: process.env.LOTSE_PASSWORD ?? 'Lotse-Demo-Passwort-2026',
  log: (line) => process.stdout.write(`${line}\n`),
}).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
