// Transaction codes of the Form 4 instructions (General Instruction 8), their names,
// and the groups the charts draw them in: open-market buys and sells apart from
// grants, exercises, tax withholding and gifts.

export const CODE_NAMES: Record<string, string> = {
  P: 'Open market or private purchase',
  S: 'Open market or private sale',
  V: 'Transaction voluntarily reported earlier than required',
  A: 'Grant, award or other acquisition',
  D: 'Disposition to the issuer',
  F: 'Payment of exercise price or tax by delivering securities',
  I: 'Discretionary transaction',
  M: 'Exercise or conversion of exempt derivative security',
  C: 'Conversion of derivative security',
  E: 'Expiration of short derivative position',
  H: 'Expiration or cancellation of long derivative position with value received',
  O: 'Exercise of out-of-the-money derivative security',
  X: 'Exercise of in-the-money or at-the-money derivative security',
  G: 'Bona fide gift',
  L: 'Small acquisition',
  W: 'Acquisition or disposition by will or the laws of descent',
  Z: 'Deposit into or withdrawal from voting trust',
  J: 'Other acquisition or disposition',
  K: 'Equity swap or similar instrument',
  U: 'Disposition in a change of control tender',
};

export interface CodeGroup {
  key: string;
  label: string;
  codes: string[];
  colour: string;
  /** Drawn in the open-market band of the timeline. */
  openMarket: boolean;
}

// Colours picked to stay apart for the common kinds of colour blindness (Okabe–Ito).
export const GROUPS: CodeGroup[] = [
  { key: 'buy', label: 'Open-market purchase (P)', codes: ['P'], colour: '#009e73', openMarket: true },
  { key: 'sell', label: 'Open-market sale (S)', codes: ['S'], colour: '#d55e00', openMarket: true },
  { key: 'grant', label: 'Grant or award (A)', codes: ['A'], colour: '#0072b2', openMarket: false },
  { key: 'exercise', label: 'Exercise or conversion (M, X, C, O)', codes: ['M', 'X', 'C', 'O'], colour: '#cc79a7', openMarket: false },
  { key: 'withholding', label: 'Tax withholding or payment (F)', codes: ['F'], colour: '#e69f00', openMarket: false },
  { key: 'gift', label: 'Gift (G)', codes: ['G'], colour: '#56b4e9', openMarket: false },
  { key: 'other', label: 'Other (D, J, K, W, ...)', codes: [], colour: '#7f7f7f', openMarket: false },
];

const OTHER = GROUPS[GROUPS.length - 1] as CodeGroup;

export function groupOf(code: string | null): CodeGroup {
  const c = (code ?? '').toUpperCase();
  return GROUPS.find((g) => g.codes.includes(c)) ?? OTHER;
}

export function codeTitle(code: string | null): string {
  if (code === null) return 'No code';
  return `${code}: ${CODE_NAMES[code.toUpperCase()] ?? 'unknown code'}`;
}

/** The API's activity categories (src/query/activity.ts) and the group drawn for each. */
const CATEGORY_GROUP: Record<string, string> = {
  'open-market-purchase': 'buy',
  'open-market-sale': 'sell',
  grant: 'grant',
  'exercise-conversion': 'exercise',
  'tax-withholding': 'withholding',
  gift: 'gift',
  other: 'other',
};

export function categoryGroup(category: string): CodeGroup {
  return GROUPS.find((g) => g.key === CATEGORY_GROUP[category]) ?? OTHER;
}
