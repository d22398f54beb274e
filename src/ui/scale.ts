// Scales and axis ticks for the hand-drawn SVG charts: dates (UTC days) and amounts.
import { isoDate } from './format.ts';

export interface Scale {
  (value: number): number;
  ticks: { value: number; label: string }[];
}

const DAY = 86_400_000;

/** A time scale over [min, max] (ms) onto [from, to] px, with ticks at round dates. */
export function timeScale(min: number, max: number, from: number, to: number): Scale {
  if (max <= min) {
    min -= 15 * DAY;
    max += 15 * DAY;
  }
  const pad = (max - min) * 0.03;
  const lo = min - pad;
  const hi = max + pad;
  const scale = ((v: number) => from + ((v - lo) / (hi - lo)) * (to - from)) as Scale;
  scale.ticks = dateTicks(lo, hi, Math.max(2, Math.floor((to - from) / 110)));
  return scale;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dateTicks(lo: number, hi: number, most: number): { value: number; label: string }[] {
  const days = (hi - lo) / DAY;
  type Step = { months?: number; days?: number };
  const steps: Step[] = [{ days: 1 }, { days: 7 }, { months: 1 }, { months: 3 }, { months: 6 }, { months: 12 }, { months: 24 }, { months: 60 }, { months: 120 }];
  const step: Step = steps.find((s) => (s.days ? days / s.days : days / 30.4 / (s.months as number)) <= most) ?? { months: 120 };
  const out: { value: number; label: string }[] = [];
  const start = new Date(lo);
  if (step.days) {
    let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1);
    for (; t <= hi; t += step.days * DAY) out.push({ value: t, label: isoDate(t).slice(5) });
    return out;
  }
  const months = step.months as number;
  const y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  // First tick: the first month at or after `lo` that is a multiple of the step.
  m = Math.ceil((m + (start.getUTCDate() > 1 ? 1 : 0)) / months) * months;
  for (let i = 0; i < 200; i++) {
    const t = Date.UTC(y + Math.floor(m / 12), m % 12, 1);
    if (t > hi) break;
    const year = y + Math.floor(m / 12);
    out.push({ value: t, label: months >= 12 || m % 12 === 0 ? String(year) : `${MONTHS[m % 12]} ${year}` });
    m += months;
  }
  return out;
}

/** A linear scale over [0, max] onto [from, to] px (to < from for an upward y axis), with round ticks. */
export function linearScale(min: number, max: number, from: number, to: number, format: (n: number) => string): Scale {
  if (max === min) max = min + 1;
  const step = niceStep((max - min) / 5);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const scale = ((v: number) => from + ((v - lo) / (hi - lo)) * (to - from)) as Scale;
  scale.ticks = [];
  for (let v = lo; v <= hi + step / 2; v += step) scale.ticks.push({ value: v, label: format(v) });
  return scale;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}
