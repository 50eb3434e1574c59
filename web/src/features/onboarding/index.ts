import { defineFeature, lazyPage, PERSON, refetchLists } from '../../lib/feature.js';

/** The registration card as the administrator's desk shows it. */
export { RegistrationFragment } from './api/registration.js';

export const onboarding = defineFeature({
  name: 'onboarding',
  routes: [
    {
      path: '/supplier-registration',
      title: 'onboarding.title',
      roles: [...PERSON, 'SUPPLIER'],
      page: lazyPage(() => import('./components/RegistrationPage.js'), 'RegistrationPage'),
    },
  ],
  updates: {
    startSupplierRegistration: refetchLists('mySupplierRegistrations'),
    submitSupplierRegistration: refetchLists('mySupplierRegistrations', 'supplierRegistrations'),
  },
});
