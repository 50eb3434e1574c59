import { defineFeature, lazyPage } from '../../lib/feature.js';

export const auth = defineFeature({
  name: 'auth',
  routes: [{ path: '/sign-in', title: 'auth.title', page: lazyPage(() => import('./components/SignInPage.js'), 'SignInPage') }],
});
