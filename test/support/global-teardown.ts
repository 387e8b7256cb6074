import { printContractSummary } from './contract/contract-summary';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__EMBEDDED_PG__?.stop();
  printContractSummary(process.env.RESPONSE_CONTRACT_LOG);
}
