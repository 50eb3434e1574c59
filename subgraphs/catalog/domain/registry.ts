/**
 * The state registries a verification asks (through the integration bus in production):
 * - BUSINESS_REGISTERED: the BIN is in the register of legal entities / entrepreneurs;
 * - NO_PSYCHIATRIC_REGISTRATION: a personal assistant is not on the psychiatric register;
 * - NO_CRIMINAL_RECORD: no unexpunged criminal record (personal assistant).
 * A negative answer blocks verification with its reason.
 */
export const RegistryCheck = {
  BUSINESS_REGISTERED: 'BUSINESS_REGISTERED',
  NO_PSYCHIATRIC_REGISTRATION: 'NO_PSYCHIATRIC_REGISTRATION',
  NO_CRIMINAL_RECORD: 'NO_CRIMINAL_RECORD',
} as const;
export type RegistryCheck = (typeof RegistryCheck)[keyof typeof RegistryCheck];

export interface RegistryAnswer {
  passed: boolean;
  /** Why it did not pass (shown to the administrator and the applicant). */
  reason?: string;
}

/** The integrator-facing adapter: one question, one answer; errors mean "could not ask" (verification is not decided). */
export interface RegistryAdapter {
  ask(check: RegistryCheck, identifier: string): Promise<RegistryAnswer>;
}

const DEFAULT_REASONS: Record<RegistryCheck, string> = {
  BUSINESS_REGISTERED: 'The business is not in the state register of legal entities and entrepreneurs',
  NO_PSYCHIATRIC_REGISTRATION: 'The person is on the psychiatric register',
  NO_CRIMINAL_RECORD: 'The person has an unexpunged criminal record',
};

/**
 * Development stand-in for the registries: answers "passed" unless told otherwise for an
 * identifier (BIN or IIN) and check — by code (`tell`) or, outside production, by the
 * `setDevelopmentRegistryAnswer` mutation.
 */
export class DevelopmentRegistry implements RegistryAdapter {
  private readonly answers = new Map<string, RegistryAnswer>();
  tell(check: RegistryCheck, identifier: string, answer: RegistryAnswer): void {
    this.answers.set(`${check}:${identifier}`, answer);
  }
  forget(): void {
    this.answers.clear();
  }
  async ask(check: RegistryCheck, identifier: string): Promise<RegistryAnswer> {
    const told = this.answers.get(`${check}:${identifier}`);
    if (!told) return { passed: true };
    return told.passed ? told : { passed: false, reason: told.reason || DEFAULT_REASONS[check] };
  }
}

/** In production no stub answers: a real adapter must be installed with `setRegistryAdapter`. */
class NotConfigured implements RegistryAdapter {
  async ask(): Promise<RegistryAnswer> {
    throw new Error('No state-registry adapter is configured (setRegistryAdapter)');
  }
}

export const developmentRegistry = new DevelopmentRegistry();
let adapter: RegistryAdapter = process.env.NODE_ENV === 'production' ? new NotConfigured() : developmentRegistry;

export const registryAdapter = (): RegistryAdapter => adapter;
export function setRegistryAdapter(next: RegistryAdapter): void {
  adapter = next;
}
