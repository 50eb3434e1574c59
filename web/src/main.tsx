import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './lib/i18n.js';
import { App } from './app/App.js';
import { MESSAGES } from './app/features.js';
import './app/styles.css';

initI18n(MESSAGES);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
