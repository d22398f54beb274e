// An insider's holdings of one security over time: one step line per form of ownership
// (direct, and each kind of indirect holding), the amount owned after each transaction or
// holdings report. A point where the chain breaks (the amount does not follow from the one
// before) is drawn as a red cross and the line into it is dashed.
import { h, s } from './dom.ts';
import { dateValue, fmtCompact, fmtShares } from './format.ts';
import { linearScale, timeScale } from './scale.ts';

export interface HoldingPoint {
  date: string | null;
  owned: number | null;
  code: string | null;
  kind: 'transaction' | 'holding';
  filingId: number;
  break: boolean;
  breakMessage: string | null;
}

export interface HoldingSeries {
  label: string;
  direct: boolean;
  points: HoldingPoint[];
}

const W = 960;
const H = 260;
const M = { left: 70, right: 16, top: 14, bottom: 32 };
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

export function holdingsChart(title: string, series: HoldingSeries[], onSelect?: (p: HoldingPoint) => void): HTMLElement {
  const drawn = series.map((se) => ({ ...se, points: se.points.filter((p) => dateValue(p.date) !== null && p.owned !== null) }));
  const all = drawn.flatMap((se) => se.points);
  const times = all.map((p) => dateValue(p.date) as number);
  const amounts = all.map((p) => p.owned as number);
  const x = timeScale(Math.min(...times), Math.max(...times), M.left, W - M.right);
  const y = linearScale(Math.min(0, ...amounts), Math.max(...amounts), H - M.bottom, M.top, fmtCompact);

  const grid = [
    ...x.ticks.map((t) => s('g', { class: 'tick' }, s('line', { x1: x(t.value), x2: x(t.value), y1: M.top, y2: H - M.bottom }), s('text', { x: x(t.value), y: H - M.bottom + 18, 'text-anchor': 'middle' }, t.label))),
    ...y.ticks.map((t) => s('g', { class: 'tick' }, s('line', { x1: M.left, x2: W - M.right, y1: y(t.value), y2: y(t.value) }), s('text', { x: M.left - 6, y: y(t.value) + 4, 'text-anchor': 'end' }, t.label))),
  ];
  const lines = drawn.map((se, k) => {
    const colour = COLOURS[k % COLOURS.length] as string;
    const segments: SVGElement[] = [];
    se.points.forEach((p, i) => {
      const prev = se.points[i - 1];
      if (!prev) return;
      const x0 = x(dateValue(prev.date) as number);
      const x1 = x(dateValue(p.date) as number);
      const y0 = y(prev.owned as number);
      const y1 = y(p.owned as number);
      // Holdings stay as they are until the next report: a step after each point.
      segments.push(
        s('path', {
          class: p.break ? 'series-line broken' : 'series-line',
          d: `M${x0.toFixed(1)},${y0.toFixed(1)} H${x1.toFixed(1)} V${y1.toFixed(1)}`,
          stroke: p.break ? '#c00' : colour,
          'stroke-dasharray': p.break ? '5 4' : undefined,
        }),
      );
    });
    const points = se.points.map((p) => {
      const cx = x(dateValue(p.date) as number);
      const cy = y(p.owned as number);
      const text = `${p.date} · ${fmtShares(p.owned)} owned${p.code ? ` after ${p.code}` : p.kind === 'holding' ? ' (holdings report)' : ''}${p.break ? ` · chain break: ${p.breakMessage ?? ''}` : ''}`;
      if (p.break) {
        return s(
          'g',
          { class: 'break-mark', 'data-filing': p.filingId, onclick: () => onSelect?.(p) },
          s('path', { d: `M${cx - 6},${cy - 6} L${cx + 6},${cy + 6} M${cx - 6},${cy + 6} L${cx + 6},${cy - 6}`, stroke: '#c00', 'stroke-width': 3 }),
          s('title', null, text),
        );
      }
      return s('circle', { class: 'point', cx: cx.toFixed(1), cy: cy.toFixed(1), r: 3.5, fill: se.direct ? colour : 'white', stroke: colour, 'data-filing': p.filingId, onclick: () => onSelect?.(p) }, s('title', null, text));
    });
    return s('g', { class: 'series', 'data-direct': String(se.direct) }, segments, points);
  });
  const svg = s(
    'svg',
    { class: 'chart holdings', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${title}: amount owned over time, ${series.length} series` },
    s('g', { class: 'grid' }, grid),
    lines,
  );
  const breaks = all.filter((p) => p.break).length;
  const legend = h(
    'ul',
    { class: 'legend' },
    drawn.map((se, k) =>
      h('li', null, h('span', { class: `swatch${se.direct ? '' : ' hollow'}`, style: `border-color:${COLOURS[k % COLOURS.length]};${se.direct ? `background:${COLOURS[k % COLOURS.length]}` : ''}` }), `${se.label} · ${se.points.length} points`),
    ),
    breaks ? h('li', { class: 'legend-note' }, h('span', { class: 'break-swatch', 'aria-hidden': 'true' }, '✕'), `${breaks} break${breaks === 1 ? '' : 's'} in the chain`) : null,
  );
  return h('figure', { class: 'chart-figure' }, h('h3', null, title), svg, h('figcaption', null, legend));
}
