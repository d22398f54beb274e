// Says what an input is from its content alone, never from its file name.
import type { Format } from '../record/schema.ts';

export type Detected = Format | 'unknown';

const SUBMISSION_START = /^(?:-----BEGIN PRIVACY-ENHANCED MESSAGE-----|<SEC-DOCUMENT>|<SEC-HEADER>|<IMS-DOCUMENT>|<IMS-HEADER>|<SUBMISSION>|<ACCEPTANCE-DATETIME>)/;
const HTML_START = /^<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|center|font|br|hr|h[1-6]|span|b|style|script|link)[\s>/]/i;
const FORM_TEXT =
  /STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP|INITIAL STATEMENT OF BENEFICIAL OWNERSHIP|ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP|Name and Address of Reporting Person|Table I\b.{0,40}Non-?\s?Deriv/i;

/** Detects the format from the first few kilobytes of decoded text. */
export function detectFormat(text: string): Detected {
  let i = 0;
  const n = Math.min(text.length, 65536);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || c === 32 || c === 9 || c === 10 || c === 13) i++;
    else break;
  }
  const head = text.slice(i, i + 4096);
  if (head.startsWith('form4 sec-dataset bundle')) return 'dataset';
  if (SUBMISSION_START.test(head)) return 'sgml';
  if (/^ACCESSION NUMBER:/m.test(head) && /^CONFORMED SUBMISSION TYPE:/m.test(head)) return 'sgml';
  if (head.startsWith('<')) {
    if (HTML_START.test(head)) return 'html';
    if (head.startsWith('<?xml') || /^<[A-Za-z_][\w.:-]*[\s>/]/.test(head)) {
      // XHTML and HTML saved with an XML declaration are still pages.
      return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(head) ? 'html' : 'xml';
    }
    if (head.startsWith('<!--') || /^<!doctype/i.test(head)) return /<html[\s>]/i.test(head) ? 'html' : 'xml';
  }
  if (FORM_TEXT.test(text.slice(i, i + 65536))) return 'text';
  return 'unknown';
}
