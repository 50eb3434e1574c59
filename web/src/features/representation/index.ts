import { defineFeature, lazyPage, refetchLists, PERSON } from '../../lib/feature.js';

/** Representatives: the person's and the representative's page, and the department's verification. */
export const representation = defineFeature({
  name: 'representation',
  routes: [
    {
      path: '/cabinet/representatives',
      title: 'representatives.title',
      roles: PERSON,
      nav: 'representatives.nav',
      page: lazyPage(() => import('./components/MyRepresentativesPage.js'), 'MyRepresentativesPage'),
    },
    {
      path: '/department/representatives',
      title: 'representatives.departmentTitle',
      roles: ['EMPLOYMENT_DEPARTMENT', 'ADMIN'],
      nav: 'representatives.departmentNav',
      page: lazyPage(() => import('./components/DepartmentRepresentativesPage.js'), 'DepartmentRepresentativesPage'),
    },
  ],
  updates: {
    requestRepresentation: refetchLists('myRepresentations'),
    revokeRepresentation: refetchLists('myRepresentations'),
    verifyRepresentation: refetchLists('representationRequests'),
    rejectRepresentation: refetchLists('representationRequests'),
  },
});
