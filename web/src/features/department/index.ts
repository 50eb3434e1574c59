import { defineFeature, lazyPage } from '../../lib/feature.js';

export const department = defineFeature({
  name: 'department',
  routes: [
    {
      path: '/department',
      title: 'department.title',
      roles: ['EMPLOYMENT_DEPARTMENT', 'ADMIN'],
      nav: 'department.nav',
      homeOf: ['EMPLOYMENT_DEPARTMENT'],
      page: lazyPage(() => import('./components/DepartmentPage.js'), 'DepartmentPage'),
    },
    {
      path: '/department/complaints',
      title: 'departmentComplaints.title',
      roles: ['EMPLOYMENT_DEPARTMENT', 'ADMIN'],
      nav: 'departmentComplaints.nav',
      page: lazyPage(() => import('./components/DepartmentComplaintsPage.js'), 'DepartmentComplaintsPage'),
    },
    {
      path: '/department/prosthetics',
      title: 'departmentProsthetics.title',
      roles: ['EMPLOYMENT_DEPARTMENT', 'ADMIN'],
      nav: 'departmentProsthetics.nav',
      page: lazyPage(() => import('./components/ProstheticsExtractsPage.js'), 'ProstheticsExtractsPage'),
    },
    {
      path: '/department/special-services',
      title: 'specialServices.title',
      roles: ['EMPLOYMENT_DEPARTMENT', 'ADMIN'],
      nav: 'specialServices.nav',
      page: lazyPage(() => import('./components/SpecialServicesPage.js'), 'SpecialServicesPage'),
    },
    {
      path: '/department/refused',
      title: 'refusedCommands.title',
      roles: ['EMPLOYMENT_DEPARTMENT', 'ADMIN'],
      nav: 'refusedCommands.nav',
      page: lazyPage(() => import('./components/RefusedCommandsPage.js'), 'RefusedCommandsPage'),
    },
    {
      path: '/department/gsp',
      title: 'departmentGsp.title',
      roles: ['EMPLOYMENT_DEPARTMENT', 'ADMIN'],
      nav: 'departmentGsp.nav',
      page: lazyPage(() => import('./components/GspRecipientsPage.js'), 'GspRecipientsPage'),
    },
  ],
});
