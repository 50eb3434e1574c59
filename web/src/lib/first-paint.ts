import { useEffect } from 'react';

let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => (markShown = resolve));

/**
 * Rendered by the shell with whatever a route shows (inside the page's Suspense boundary, so only once
 * the page itself is on the screen, not its loading fallback).
 */
export function PageShown(): null {
  useEffect(() => markShown(), []);
  return null;
}

/**
 * Resolves after the frame that painted the first page. What a page does not need to show itself (the
 * header's live channel and its client) waits for it, so on a slow phone it does not compete with the
 * page's own scripts.
 */
export function afterFirstPaint(): Promise<void> {
  return shown.then(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
