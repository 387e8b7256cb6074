import { parentPort } from 'node:worker_threads';
import {
  auditedStep,
  disclosureAudit,
  type AuditBudget,
  type StepOutcome,
} from './disclosure-audit';
import type { DisclosureProblem } from './suppression';

/**
 * The audit's worker thread (`disclosure-thread.ts` starts it): runs one disclosure-control step
 * per message, with a fresh audit of the given budget, and answers its outcome or the error the
 * step raised. Nothing here is shared with the main thread; the problem arrives as plain data.
 */

/** One step to run. */
export interface StepRequest {
  problem: DisclosureProblem;
  budget: AuditBudget;
}

/** The step's outcome, or the message of the error it raised. */
export type StepReply = StepOutcome | { error: string };

parentPort?.on('message', (request: StepRequest) => {
  let reply: StepReply;
  try {
    reply = auditedStep(request.problem, disclosureAudit(request.budget));
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
