import { channelsFromEnv, type EmailAdapter, type SmsAdapter } from '@aleumet/notify';
import { systemClock, type Clock } from './clock.js';
import { PeerDirectory } from './peers.js';
import { Scheduler } from './scheduler.js';

/**
 * What a subgraph needs from its surroundings besides the database: the time (a clock tests can
 * drive), the other subgraphs' URLs (for service-to-service calls), the scheduler that runs
 * time-based rules and outbox senders, and the notification channels (SMS provider, SMTP).
 */
export interface SubgraphRuntime {
  clock: Clock;
  peers: PeerDirectory;
  scheduler: Scheduler;
  sms: SmsAdapter;
  email: EmailAdapter;
}

/** Channels not given come from the environment (`channelsFromEnv`: with NODE_ENV=production a missing setting throws). */
export function createRuntime(clock: Clock = systemClock, sms?: SmsAdapter, email?: EmailAdapter): SubgraphRuntime {
  if (!sms || !email) {
    const fromEnv = channelsFromEnv();
    sms ??= fromEnv.sms;
    email ??= fromEnv.email;
  }
  return { clock, peers: new PeerDirectory(), scheduler: new Scheduler(clock), sms, email };
}
