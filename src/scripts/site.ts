/**
 * On every page, and small: the search shortcut (`/` or Ctrl-K / ⌘K focuses the
 * search box), and, when a search result brought the reader here (`?hl=`), the
 * highlighting of the words in the passage. (Imported statically: a dynamic
 * import would add Vite's 1.7 kB preload helper to every page.)
 */
import { highlightPassage } from './highlight-passage.ts';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

document.addEventListener('keydown', (event) => {
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
  if (!slash && !commandK) return;
  // The search page's own box first; elsewhere the one in the header.
  const box = document.querySelector<HTMLInputElement>('#search-query') ?? document.querySelector<HTMLInputElement>('#site-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

const highlight = new URLSearchParams(location.search).get('hl');
if (highlight && location.hash.length > 1) {
  highlightPassage(highlight, decodeURIComponent(location.hash.slice(1)));
}

// The colour scheme: the system's until the reader chooses; the choice is remembered (applied before paint in <head>).
const toggle = document.querySelector<HTMLButtonElement>('#theme-toggle');
if (toggle) {
  const root = document.documentElement;
  const isDark = () => (root.dataset['theme'] ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';
  const show = () => toggle.setAttribute('aria-pressed', String(isDark()));
  show();
  toggle.addEventListener('click', () => {
    const theme = isDark() ? 'light' : 'dark';
    root.dataset['theme'] = theme;
    try {
      localStorage.setItem('theme', theme);
    } catch {
      // Storage refused (private mode): the choice lasts for this page.
    }
    show();
  });
}
