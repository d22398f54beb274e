// The form4 web UI: a hash router over the pages. Each navigation gets a fresh view and
// an AbortSignal, so a slow answer for a page the user has left is never drawn.
import { h, mount } from './dom.ts';
import { errorBox, type PageContext, type PageRender } from './page.ts';
import { searchBox } from './search-box.ts';
import { homePage } from './pages/home.ts';
import { searchPage } from './pages/search.ts';
import { issuerPage } from './pages/issuer.ts';
import { insiderPage } from './pages/insider.ts';
import { filingPage } from './pages/filing.ts';
import { uploadPage } from './pages/upload.ts';
import { filingsPage } from './pages/filings.ts';

const routes: [RegExp, PageRender][] = [
  [/^\/?$/, homePage],
  [/^\/search$/, searchPage],
  [/^\/filings$/, filingsPage],
  [/^\/issuer\/([^/]+)$/, issuerPage],
  [/^\/insider\/([^/]+)$/, insiderPage],
  [/^\/filing\/(\d+)$/, filingPage],
  [/^\/upload$/, uploadPage],
];

let current: AbortController | null = null;
let first = true;

async function route(): Promise<void> {
  const main = document.getElementById('main');
  if (!main) return;
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const hash = location.hash.replace(/^#/, '');
  const [path = '', search = ''] = hash.split('?');
  const view = h('div', { class: 'view' });
  mount(main, view);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-nav a')) {
    const target = link.getAttribute('href')?.replace(/^#/, '') ?? '';
    if (target === (path || '/')) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const found = routes.find(([re]) => re.test(path));
  const ctx: PageContext = {
    view,
    params: found ? [...(found[0].exec(path) ?? [])].slice(1).map(decodeURIComponent) : [],
    query: new URLSearchParams(search),
    signal: controller.signal,
    setTitle: (title) => {
      document.title = title ? `${title} · form4` : 'form4 · insider filings';
    },
  };
  window.scrollTo(0, 0);
  // The header's search box starts empty on every page but the results it led to.
  const headerSearch = document.getElementById('global-search');
  if (headerSearch instanceof HTMLInputElement && path !== '/search') headerSearch.value = '';
  try {
    if (!found) {
      ctx.setTitle('Not found');
      mount(view, h('h1', { tabindex: '-1' }, 'Page not found'), h('p', null, 'No page here. ', h('a', { href: '#/' }, 'Search filings')));
    } else {
      await found[1](ctx);
    }
  } catch (error) {
    if (controller.signal.aborted || (error as Error).name === 'AbortError') return;
    mount(view, h('h1', { tabindex: '-1' }, 'Something went wrong'), errorBox(error));
  }
  // Screen readers hear the new page; the first load keeps the browser's own focus.
  if (!first && !controller.signal.aborted) view.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  first = false;
}

function shell(): void {
  const slot = document.getElementById('header-search');
  if (slot) mount(slot, searchBox({ id: 'global-search', label: 'Search tickers, companies and insiders' }));
  // The skip link must not change the hash: the router owns it.
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  });
  window.addEventListener('hashchange', () => void route());
  void route();
}

shell();
