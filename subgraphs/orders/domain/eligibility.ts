import { eligibilityProblem, notEligible, type EligibilityFacts } from '@aleumet/core';
import { localDate } from '@aleumet/calendar';
import { callSubgraph, serviceIdentity, type SubgraphRuntime } from '@aleumet/runtime';

const PERSON = `query($id: ID!) { person(id: $id) { disabilityGroup needs { hearing mobility } category birthDate sex } }`;

/**
 * The recipient still meets the service's condition when ordering (seeds 004 ¶5: S1 for a group-1
 * disability with mobility difficulty; 004 ¶19: S2 for a hearing disability): publication checked it,
 * but the person's disability may have been reassessed since; special social services (003 ¶2.10, ¶7) for
 * a person with a disability, or one unable to care for themselves because of old age and of that age today.
 */
export async function checkEligibleToOrder(runtime: SubgraphRuntime, kind: string, recipientId: string): Promise<void> {
  if (kind !== 'S1' && kind !== 'S2' && kind !== 'SSS') return;
  const { person } = await callSubgraph<{ person: EligibilityFacts }>(runtime.peers.url('people'), serviceIdentity('orders', ['people:read']), PERSON, { id: recipientId });
  const problem = eligibilityProblem(kind, person, localDate(runtime.clock.now()));
  if (problem) throw notEligible(problem.message, { reason: problem.reason, field: 'measureId' });
}
