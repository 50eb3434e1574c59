/**
 * The phone rules a page is held to, run in the page (`page.evaluate(layoutProblems, limits)`): it never
 * scrolls sideways, every visible control is at least `target` px to tap (a checkbox or radio through
 * its label), and text is at least `text` px. Shared by the layout test of every route and the tests
 * of single flows that look at pages with data.
 */
export interface Problem {
  what: string;
  where: string;
}

/** Runs in the page: what breaks the phone rules at the current width. */
export function layoutProblems(limits: { target: number; text: number }): Problem[] {
  const problems: Problem[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
      .slice(0, 3)
      .map(describe);
    problems.push({ what: `page ${root.scrollWidth} px wide in a ${window.innerWidth} px window`, where: wide.join(' | ') });
  }
  function describe(el: Element): string {
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls} "${text}"`;
  }
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && r.bottom > 0 && r.right > 0;
  };
  /** Links inside a sentence are exempt (WCAG 2.5.5); the text around them is what the reader taps near. */
  const inSentence = (el: Element) => {
    if (getComputedStyle(el).display !== 'inline') return false;
    const parentText = (el.parentElement?.textContent ?? '').trim();
    return parentText.length > (el.textContent ?? '').trim().length + 1;
  };
  const controls = document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary');
  for (const el of controls) {
    if (!visible(el) && !(el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))) continue;
    if (el.closest('.skip-link') || (el.tagName === 'A' && inSentence(el))) continue;
    // A checkbox or radio is tapped through its label.
    const target = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? el) : el;
    if (!visible(target)) continue;
    const r = target.getBoundingClientRect();
    if (r.width < limits.target - 0.5 || r.height < limits.target - 0.5) {
      problems.push({ what: `tap target ${Math.round(r.width)}×${Math.round(r.height)}`, where: describe(target) });
    }
  }
  for (const el of document.querySelectorAll('body *')) {
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
    if (!ownText || !visible(el) || el.closest('svg, .visually-hidden, .skip-link, option')) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < limits.text - 0.01) problems.push({ what: `text ${size} px`, where: describe(el) });
  }
  return problems;
}

