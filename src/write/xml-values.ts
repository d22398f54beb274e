// How one record value is spelled in ownership XML: numbers as the decimal the reader
// read (never exponent notation, never float noise), escaped text, EDGAR's flags.

/**
 * Any decimal of at most 16 significant digits (all that EDGAR's decimals hold: totalDigits 16)
 * reads as a double whose shortest spelling has at most 16 digits. A shortest spelling of 17
 * digits therefore came from no document: it is arithmetic residue.
 */
const DOCUMENT_DIGITS = 16;
/** Residue is written as the 15-digit decimal it stands for (15 digits always survive a double). */
const CLEAN_DIGITS = 15;

export interface FormattedNumber {
  /** The plain decimal to write. */
  text: string;
  /** Set when the number held more digits than any decimal document gives: the shortest exact spelling. */
  noise: string | null;
}

/**
 * The shortest decimal that reads back as `n`, written out in full: `1e21` is
 * `1000000000000000000000`, `1e-7` is `0.0000001`; `999999999999.9999` stays as it is. A number
 * whose shortest spelling needs 17 significant digits did not come from a document: it is
 * arithmetic residue such as 0.1 + 0.2, and is written as the 15-digit decimal it stands for
 * (`0.3`), with the exact spelling kept in `noise`.
 */
export function formatNumber(n: number): FormattedNumber {
  if (Object.is(n, -0)) return { text: '-0', noise: null };
  const shortest = plainDecimal(String(n));
  if (significantDigits(shortest) <= DOCUMENT_DIGITS) return { text: shortest, noise: null };
  const clean = plainDecimal(String(Number(n.toPrecision(CLEAN_DIGITS))));
  return { text: clean, noise: shortest };
}

/** `1.5e-7` → `0.00000015`; a plain decimal is returned as it is. */
export function plainDecimal(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const sign = m[1] as string;
  const digits = (m[2] as string) + (m[3] ?? '');
  const point = (m[2] as string).length + Number(m[4]);
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return sign + out;
}

export function significantDigits(decimal: string): number {
  const digits = decimal.replace(/[-+.]/g, '').replace(/^0+/, '');
  return digits.replace(/0+$/, '').length || 1;
}

/** Digits after the decimal point of a plain decimal (`120.60` has 2, `13750` none). */
export function fractionDigits(decimal: string): number {
  const point = decimal.indexOf('.');
  return point === -1 ? 0 : decimal.length - point - 1;
}

/** Digits in all of a plain decimal, as XSD's totalDigits counts them (leading and trailing zeros aside). */
export function totalDigits(decimal: string): number {
  const [whole = '', fraction = ''] = decimal.replace(/^-/, '').split('.');
  const w = whole.replace(/^0+/, '');
  const f = fraction.replace(/0+$/, '');
  return Math.max(1, w.length + f.length);
}

/** EDGAR's flags: `1` and `0`, as EDGAR's own forms write them (xs:boolean accepts both spellings). */
export function formatFlag(b: boolean): string {
  return b ? '1' : '0';
}

/** Characters XML 1.0 cannot carry at all, not even as a character reference. */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Character data: `&`, `<` and `>` escaped (`>` too, so `]]>` can never appear), and
 * carriage returns as `&#13;` because an XML parser would otherwise turn `\r\n` into `\n`.
 */
export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** An attribute value in double quotes: also `"`, and whitespace that attribute normalisation would flatten. */
export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"\r\n\t]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
  );
}
