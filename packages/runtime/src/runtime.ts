import { LogSmsAdapter, type SmsAdapter } from '@aleumet/notify';
import { systemClock, type Clock } from './clock.js';
import { PeerDirectory } from './peers.js';
import { Scheduler } from './scheduler.js';

/**
 * What a subgraph needs from its surroundings besides the database: the time (a clock tests can
 * drive), the other subgraphs' URLs (for service-to-service calls), the scheduler that runs
 * time-based rules and outbox senders, and the SMS gateway.
 */
export interface SubgraphRuntime {
  clock: Clock;
  peers: PeerDirectory;
  scheduler: Scheduler;
  sms: SmsAdapter;
}

export function createRuntime(clock: Clock = systemClock, sms: SmsAdapter = new LogSmsAdapter()): SubgraphRuntime {
  return { clock, peers: new PeerDirectory(), scheduler: new Scheduler(clock), sms };
}
