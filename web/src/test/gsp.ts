/** A GSP entitlement as the API answers it, for component tests (a period of one school year). */
export const gspEntitlement = (id: string, kind: string, quantity: number, unit: string, status: string, statusReason: string | null = null) => ({
  __typename: 'GspEntitlement',
  id,
  kind,
  quantity,
  unit,
  startsOn: '2026-09-01',
  endsOn: '2027-05-25',
  status,
  statusReason,
});
