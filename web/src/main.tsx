import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, initialLanguage } from './lib/i18n.js';
import { App } from './app/App.js';
import { MESSAGES } from './app/features.js';
import './app/styles.css';

// Only the reader's language is downloaded (index.html has already asked for its chunk); the first
// render waits for it, so no key is ever shown. Not a top-level await: with one the bundler splits the
// main script into many small chunks, each a round trip on a slow network.
const lang = initialLanguage();
void MESSAGES[lang]().then((messages) => {
  initI18n({ [lang]: messages }, lang, (l) => MESSAGES[l]());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
