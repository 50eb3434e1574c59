import { defineFeature, lazyPage } from '../../lib/feature.js';
import { strings } from './strings.js';

export const auth = defineFeature({
  name: 'auth',
  routes: [{ path: '/sign-in', title: 'auth.title', page: lazyPage(() => import('./components/SignInPage.js'), 'SignInPage') }],
  strings,
});
