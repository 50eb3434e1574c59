import { useMemo } from 'react';
import { Provider } from 'urql';
import { createClient } from '../lib/urql.js';
import { useSession } from '../lib/session.js';
import { Layout } from './Layout.js';
import { Routes } from './Routes.js';
import { CACHE_UPDATES, LIVE_UPDATES } from './features.js';

export function App() {
  const session = useSession();
  // A new client per signed-in user: the normalized cache never leaks one user's data to the next.
  const client = useMemo(() => createClient(CACHE_UPDATES, LIVE_UPDATES), [session?.token]);
  return (
    <Provider value={client}>
      <Layout>
        <Routes />
      </Layout>
    </Provider>
  );
}
