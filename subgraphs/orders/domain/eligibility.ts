import { eligibilityProblem, notEligible } from '@aleumet/core';
import { callSubgraph, serviceIdentity, type SubgraphRuntime } from '@aleumet/runtime';

const PERSON = `query($id: ID!) { person(id: $id) { disabilityGroup needs { hearing mobility } } }`;

/**
 * The recipient still meets the service's condition when ordering (seeds 004 ¶5: S1 for a group-1
 * disability with mobility difficulty; 004 ¶19: S2 for a hearing disability): publication checked it,
 * but the person's disability may have been reassessed since.
 */
export async function checkEligibleToOrder(runtime: SubgraphRuntime, kind: string, recipientId: string): Promise<void> {
  if (kind !== 'S1' && kind !== 'S2') return;
  const { person } = await callSubgraph<{ person: { disabilityGroup: number | null; needs: { hearing: boolean; mobility: boolean } } }>(
    runtime.peers.url('people'), serviceIdentity('orders', ['people:read']), PERSON, { id: recipientId });
  const problem = eligibilityProblem(kind, person);
  if (problem) throw notEligible(problem.message, { reason: problem.reason, field: 'measureId' });
}
