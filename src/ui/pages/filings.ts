// Every stored filing, newest first, filtered by form, transaction code, dates and reporting
// owner (a CIK or part of a name); the server pages them.
import { apiUrl, getJson, type FilingRow, type Page } from '../api.ts';
import { dataTable } from '../data-table.ts';
import { h, mount } from '../dom.ts';
import { fmtCount } from '../format.ts';
import { filingColumns, heading, loading, type PageContext } from '../page.ts';

const PAGE = 50;
const FIELDS = ['form', 'code', 'since', 'until', 'owner'] as const;

export async function filingsPage(ctx: PageContext): Promise<void> {
  ctx.setTitle('Filings');
  const filter: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = ctx.query.get(f)?.trim();
    if (v) filter[f] = v;
  }
  const offset = Math.max(0, Number(ctx.query.get('offset') ?? 0) || 0);
  const hrefWith = (changes: Record<string, string | number>) => {
    const params = new URLSearchParams({ ...filter, ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, String(v)])) });
    return `#/filings?${params.toString()}`;
  };
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        const params = new URLSearchParams();
        for (const f of FIELDS) {
          const v = String(data.get(f) ?? '').trim();
          if (v) params.set(f, v);
        }
        location.hash = `/filings?${params.toString()}`;
      },
    },
    h(
      'label',
      null,
      'Form ',
      h('select', { name: 'form' }, ['', '3', '4', '5', '3/A', '4/A', '5/A'].map((v) => h('option', { value: v, selected: filter['form'] === v }, v || 'any'))),
    ),
    h('label', null, 'Transaction codes ', h('input', { name: 'code', value: filter['code'] ?? '', placeholder: 'P,S', size: 8, pattern: '[A-Za-z](,[A-Za-z])*' })),
    h('label', null, 'Filed from ', h('input', { name: 'since', type: 'date', value: filter['since'] ?? '' })),
    h('label', null, 'to ', h('input', { name: 'until', type: 'date', value: filter['until'] ?? '' })),
    h('label', null, 'Insider ', h('input', { name: 'owner', value: filter['owner'] ?? '', placeholder: 'name or CIK', size: 18, maxlength: 200 })),
    h('button', { type: 'submit' }, 'Filter'),
  );
  mount(ctx.view, heading('Filings'), form, loading());
  const page = await getJson<Page<FilingRow>>(apiUrl('filings', { ...filter, limit: PAGE, offset }), ctx.signal);
  mount(
    ctx.view,
    heading('Filings', `${fmtCount(page.total)} filing${page.total === 1 ? '' : 's'}, newest first`),
    form,
    h(
      'section',
      { class: 'card' },
      dataTable({ caption: 'Filings', rows: page.rows, columns: filingColumns(), pageSize: PAGE, empty: 'No filing matches these filters.' }),
      page.total > PAGE
        ? h(
            'nav',
            { class: 'pager', 'aria-label': 'Filing pages' },
            offset > 0 ? h('a', { href: hrefWith({ offset: Math.max(0, offset - PAGE) }) }, '← Newer') : h('span'),
            h('span', null, `${fmtCount(offset + 1)}–${fmtCount(Math.min(page.total, offset + PAGE))} of ${fmtCount(page.total)}`),
            offset + PAGE < page.total ? h('a', { href: hrefWith({ offset: offset + PAGE }) }, 'Older →') : h('span'),
          )
        : null,
    ),
  );
}
