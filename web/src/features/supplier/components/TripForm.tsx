import { useMutation } from 'urql';
import { TripForm as Form } from '../../../components/TripForm.js';
import { RecordTripMutation } from '../api/prosthetics.js';

/** The supplier records a trip of its order's recipient (the form and its rules: components/TripForm). */
export function TripForm({ orderId }: { orderId: string }) {
  const [res, record] = useMutation(RecordTripMutation);
  return <Form record={(trip) => record({ orderId, ...trip })} result={res} />;
}
