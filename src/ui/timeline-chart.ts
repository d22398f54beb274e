// The issuer's timeline: every transaction a circle at its date, its area proportional to
// its dollar value (shares × price), its colour its kind. Open-market purchases and sales
// get the upper band, everything else (grants, exercises, withholding, gifts) the lower
// one; in each band acquisitions sit above the middle line and disposals below.
//
//   Open market   ·  ●       ●            acquired (A)
//                 ─────────────────────
//                      ○  ●               disposed (D)
//   Other         ...
import { GROUPS, groupOf, codeTitle } from './codes.ts';
import { h, s } from './dom.ts';
import { dateValue, fmtCompactMoney, fmtCount, fmtPrice, fmtShares } from './format.ts';
import { timeScale } from './scale.ts';

export interface Trade {
  date: string | null;
  code: string | null;
  acquiredDisposed: string | null;
  shares: number | null;
  price: number | null;
  owner: string | null;
  security: string | null;
  filingId: number;
}

export function tradeValue(t: Trade): number | null {
  return t.shares !== null && t.price !== null ? t.shares * t.price : null;
}

const W = 960;
const H = 380;
const M = { left: 118, right: 16, top: 16, bottom: 36 };
const MAX_R = 18;
const MIN_R = 3;

/** A small stable jitter so that marks on one day do not sit exactly on top of each other. */
function jitter(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return (x - Math.floor(x) - 0.5) * 2;
}

export function timelineChart(trades: Trade[], options: { onSelect?: (t: Trade) => void } = {}): HTMLElement {
  const dated = trades.filter((t) => dateValue(t.date) !== null);
  const times = dated.map((t) => dateValue(t.date) as number);
  // Inset by the largest radius, so that a mark on the first or last day is drawn whole.
  const x = timeScale(Math.min(...times), Math.max(...times), M.left + MAX_R, W - M.right - MAX_R);
  const maxValue = Math.max(0, ...dated.map((t) => tradeValue(t) ?? 0));
  const radius = (t: Trade) => {
    const v = tradeValue(t);
    return v === null || v <= 0 || maxValue <= 0 ? MIN_R : MIN_R + (MAX_R - MIN_R) * Math.sqrt(v / maxValue);
  };
  const bandHeight = (H - M.top - M.bottom) / 2;
  const bands = [
    { label: 'Open market', sub: 'P and S', top: M.top },
    { label: 'Other', sub: 'grants, exercises, tax, gifts', top: M.top + bandHeight },
  ];

  const grid = x.ticks.map((tick) =>
    s('g', { class: 'tick' }, s('line', { x1: x(tick.value), x2: x(tick.value), y1: M.top, y2: H - M.bottom }), s('text', { x: x(tick.value), y: H - M.bottom + 18, 'text-anchor': 'middle' }, tick.label)),
  );
  const bandMarks = bands.map((b, i) =>
    s(
      'g',
      { class: 'band' },
      s('rect', { x: M.left, y: b.top, width: W - M.left - M.right, height: bandHeight, class: i === 0 ? 'band-bg open' : 'band-bg' }),
      s('line', { class: 'midline', x1: M.left, x2: W - M.right, y1: b.top + bandHeight / 2, y2: b.top + bandHeight / 2 }),
      s('text', { class: 'band-label', x: 8, y: b.top + bandHeight / 2 - 4 }, b.label),
      s('text', { class: 'band-sub', x: 8, y: b.top + bandHeight / 2 + 10 }, b.sub),
      s('text', { class: 'dir-label', x: M.left - 6, y: b.top + 14, 'text-anchor': 'end' }, 'acquired ▲'),
      s('text', { class: 'dir-label', x: M.left - 6, y: b.top + bandHeight - 6, 'text-anchor': 'end' }, 'disposed ▼'),
    ),
  );

  // Largest first, so that small marks stay on top and can be pointed at.
  const order = dated.map((t, i) => ({ t, i })).sort((a, b) => radius(b.t) - radius(a.t));
  const marks = order.map(({ t, i }) => {
    const group = groupOf(t.code);
    const top = group.openMarket ? M.top : M.top + bandHeight;
    const disposed = (t.acquiredDisposed ?? '').toUpperCase() === 'D';
    const quarter = bandHeight / 4;
    const cy = top + (disposed ? 3 * quarter : quarter) + jitter(i) * quarter * 0.6;
    const value = tradeValue(t);
    const r = radius(t);
    const priced = value !== null && value > 0;
    const label = `${t.date} · ${codeTitle(t.code)} · ${t.owner ?? 'unknown owner'} · ${disposed ? 'disposed' : 'acquired'} ${fmtShares(t.shares)} ${t.security ?? ''} at ${fmtPrice(t.price)}${
      value !== null ? ` = ${fmtCompactMoney(value)}` : ' (no price)'
    }`;
    const circle = s(
      'circle',
      {
        class: `mark${priced ? '' : ' unpriced'}`,
        'data-code': t.code ?? '',
        'data-group': group.key,
        'data-filing': t.filingId,
        'data-value': value ?? '',
        cx: x(dateValue(t.date) as number).toFixed(1),
        cy: cy.toFixed(1),
        r: r.toFixed(1),
        fill: priced ? group.colour : 'white',
        stroke: group.colour,
        onclick: () => options.onSelect?.(t),
      },
      s('title', null, label),
    );
    return circle;
  });

  const svg = s(
    'svg',
    {
      class: 'chart timeline',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': `Timeline of ${fmtCount(dated.length)} insider transactions; the table below lists them.`,
      'data-testid': 'timeline',
    },
    s('g', { class: 'grid' }, grid),
    bandMarks,
    s('g', { class: 'marks' }, marks),
  );

  const counts = new Map<string, number>();
  for (const t of dated) counts.set(groupOf(t.code).key, (counts.get(groupOf(t.code).key) ?? 0) + 1);
  const hidden = new Set<string>();
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend: transaction kinds (press to show or hide)' },
    GROUPS.filter((g) => counts.has(g.key)).map((g) =>
      h(
        'li',
        null,
        h(
          'button',
          {
            type: 'button',
            class: 'legend-item',
            'aria-pressed': 'true',
            'data-group': g.key,
            onclick: (event: Event) => {
              const button = event.currentTarget as HTMLButtonElement;
              if (hidden.has(g.key)) hidden.delete(g.key);
              else hidden.add(g.key);
              button.setAttribute('aria-pressed', String(!hidden.has(g.key)));
              for (const m of svg.querySelectorAll<SVGElement>(`.mark[data-group="${g.key}"]`)) m.style.display = hidden.has(g.key) ? 'none' : '';
            },
          },
          h('span', { class: 'swatch', style: `background:${g.colour}` }),
          `${g.label} · ${fmtCount(counts.get(g.key) ?? 0)}`,
        ),
      ),
    ),
    h(
      'li',
      { class: 'legend-note' },
      h('span', { class: 'swatch hollow' }),
      `no price · circle area ∝ dollar value (largest ${maxValue > 0 ? fmtCompactMoney(maxValue) : 'n/a'})`,
    ),
  );
  const undated = trades.length - dated.length;
  return h(
    'figure',
    { class: 'chart-figure' },
    h('div', { class: 'chart-scroll' }, svg),
    h('figcaption', null, legend, undated > 0 ? h('p', { class: 'muted small' }, `${fmtCount(undated)} transactions without a date are not drawn.`) : null),
  );
}
