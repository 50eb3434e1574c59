import { registerEnumType } from 'type-graphql';
import { ServiceKind } from '@aleumet/core';

// Registered once here: every subgraph that uses the kind of measure shares the same enum.
registerEnumType(ServiceKind, {
  name: 'ServiceKind',
  description: 'S1 personal assistant, S2 sign language, S3 sanatorium, S4 prosthetic-orthopedic, S5 technical aids, S6 wheelchairs, SSS special social services',
});
export { ServiceKind };
