import { astanaWorkingTime } from '@aleumet/calendar';
import { badInput, invalidTransition } from '@aleumet/core';
import { FailureTicket, TicketStatus, TicketStep } from '../entities/ticket.js';

/** Allowance of each clock in working minutes, and the step that stops it (see entities/ticket.ts). */
export const SERVICE_LEVELS: Partial<Record<TicketStep, number>> = {
  [TicketStep.REGISTER]: 3 * 60,
  [TicketStep.ANALYSE]: 570, // 1 working day of 9:00–18:30
  [TicketStep.ESCALATE]: 3 * 60,
  [TicketStep.NOTIFY_DECISION]: 30,
  [TicketStep.START_FIX]: 570,
  [TicketStep.NOTIFY_FIX]: 3 * 60,
};
/** From this share of the allowance on, a pending clock is "near" its deadline. */
export const NEAR_SHARE = 0.75;

export interface ClockPlan { step: TicketStep; allowanceMinutes: number; startedAt: Date; dueAt: Date; nearAt: Date }

export function planClock(step: TicketStep, startedAt: Date): ClockPlan {
  const allowanceMinutes = SERVICE_LEVELS[step]!;
  const wt = astanaWorkingTime();
  return {
    step, allowanceMinutes, startedAt,
    dueAt: wt.addWorkingMinutes(startedAt, allowanceMinutes),
    nearAt: wt.addWorkingMinutes(startedAt, allowanceMinutes * NEAR_SHARE),
  };
}

export interface StepInput { escalate?: boolean | null; fixRequired?: boolean | null; decision?: string | null; plannedFixAt?: Date | null }

/**
 * The ticket's step rules: which status a step needs, what it changes, which clocks it stops and
 * starts. `done` is the set of steps already recorded. Throws INVALID_TRANSITION otherwise.
 */
export function applyStep(t: FailureTicket, done: Set<TicketStep>, step: TicketStep, input: StepInput, now: Date): { stop: TicketStep[]; start: TicketStep[] } {
  const refuse = () => invalidTransition('FailureTicket', t.status, step);
  if (t.status === TicketStatus.CLOSED || done.has(step)) throw refuse();
  switch (step) {
    case TicketStep.REGISTER:
      if (t.status !== TicketStatus.REPORTED) throw refuse();
      t.status = TicketStatus.REGISTERED;
      return { stop: [step], start: [TicketStep.ANALYSE] };
    case TicketStep.ANALYSE:
      if (t.status !== TicketStatus.REGISTERED) throw refuse();
      if (input.escalate == null) throw invalidTransition('FailureTicket', t.status, 'ANALYSE without saying whether to escalate');
      t.status = TicketStatus.ANALYSED;
      t.escalate = input.escalate;
      return { stop: [step], start: input.escalate ? [TicketStep.ESCALATE] : [] };
    case TicketStep.ESCALATE:
      if (t.status !== TicketStatus.ANALYSED || !t.escalate) throw refuse();
      t.status = TicketStatus.ESCALATED;
      return { stop: [step], start: [] };
    case TicketStep.DECIDE:
      if (!(t.status === TicketStatus.ESCALATED || (t.status === TicketStatus.ANALYSED && !t.escalate))) throw refuse();
      if (input.fixRequired == null || !input.decision?.trim()) throw invalidTransition('FailureTicket', t.status, 'DECIDE without a decision and fixRequired');
      t.status = TicketStatus.DECIDED;
      t.fixRequired = input.fixRequired;
      t.decision = input.decision.trim();
      // 003 ¶15.5: a confirmed failure is told with the planned time and date of its fix.
      if (input.fixRequired) {
        const at = input.plannedFixAt?.getTime() ?? NaN;
        if (!(at > now.getTime() && at < now.getTime() + 366 * 86_400_000)) throw badInput('A failure to fix needs its planned fix time, within a year from now', 'input.plannedFixAt');
        t.plannedFixAt = input.plannedFixAt;
      } else if (input.plannedFixAt) throw badInput('A planned fix time goes with a decision that needs a fix', 'input.plannedFixAt');
      return { stop: [], start: input.fixRequired ? [TicketStep.NOTIFY_DECISION, TicketStep.START_FIX] : [TicketStep.NOTIFY_DECISION] };
    case TicketStep.NOTIFY_DECISION:
      if (!done.has(TicketStep.DECIDE)) throw refuse();
      closeIfDone(t, new Set([...done, step]), now);
      return { stop: [step], start: [] };
    case TicketStep.START_FIX:
      if (t.status !== TicketStatus.DECIDED || !t.fixRequired) throw refuse();
      t.status = TicketStatus.FIX_IN_PROGRESS;
      return { stop: [step], start: [] };
    case TicketStep.FINISH_FIX:
      if (t.status !== TicketStatus.FIX_IN_PROGRESS) throw refuse();
      t.status = TicketStatus.FIXED;
      return { stop: [], start: [TicketStep.NOTIFY_FIX] };
    case TicketStep.NOTIFY_FIX:
      if (t.status !== TicketStatus.FIXED) throw refuse();
      closeIfDone(t, new Set([...done, step]), now);
      return { stop: [step], start: [] };
  }
}

/** Closed when the reporter was told the decision and, if a fix was needed, told about the fix. */
function closeIfDone(t: FailureTicket, done: Set<TicketStep>, now: Date) {
  const finished = done.has(TicketStep.NOTIFY_DECISION) && (!t.fixRequired || done.has(TicketStep.NOTIFY_FIX));
  if (finished) {
    t.status = TicketStatus.CLOSED;
    t.closedAt = now;
  }
}
