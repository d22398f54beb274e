// One entry → the rows the store writes: parse, check, hash, compress. Runs in a worker thread.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { makeIssue } from '../record/issues.ts';
import type { Issue, ParseResult } from '../record/schema.ts';
import { emptySource, parse } from '../read/parse.ts';
import { filingRows, type FilingRows } from '../store/filing-rows.ts';
import { validateFiling } from '../validate/validate-filing.ts';
import type { Entry } from './sources.ts';

export interface ReadOptions {
  maxBytes: number;
  /** Check each read record against the SEC's rules (default true); the findings are stored beside the reader's issues. */
  validate?: boolean;
}

export function readEntry(entry: Entry, options: ReadOptions): FilingRows {
  const bytes = 'bytes' in entry ? entry.bytes : new Uint8Array(0);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let result: ParseResult;
  if ('tooLarge' in entry) {
    result = failed(entry.name, makeIssue('INPUT_TOO_LARGE', { limit: options.maxBytes, size: entry.tooLarge }));
  } else if ('unreadable' in entry) {
    result = failed(entry.name, makeIssue('INPUT_UNREADABLE', { reason: entry.unreadable }));
  } else {
    try {
      result = parse(bytes, { fileName: entry.name, maxBytes: options.maxBytes });
    } catch (error) {
      // parse() does not throw on bad input; this is a bug of ours. Keep the bytes and say so.
      result = failed(entry.name, makeIssue('READER_FAILED', { reason: (error as Error).stack ?? String(error) }));
    }
  }
  const extra = result.record && options.validate !== false ? validateFiling(result.record, result.source) : [];
  // Level 1: a third of level 6's time for ~15% more bytes; the raw documents are kept, not served.
  const raw = { sha256, size: bytes.length, compression: 'gzip' as const, data: gzipSync(bytes, { level: 1 }) };
  return filingRows(result, raw, extra);
}

function failed(file: string, issue: Issue): ParseResult {
  return { ok: false, record: null, source: emptySource('text', file), issues: [issue] };
}
