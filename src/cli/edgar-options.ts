// The options `form4 fetch` and `form4 sync` share: who we are to the SEC, where the cache
// is, and (for tests and mirrors) where EDGAR is. Turns them into an EdgarClient.
import { UsageError } from './usage-error.ts';
import { DEFAULT_CACHE_DIR } from '../edgar/response-cache.ts';
import { EdgarClient, EdgarError, USER_AGENT_ENV, checkUserAgent } from '../edgar/edgar-client.ts';
import { isIsoDate } from '../edgar/daily-sync.ts';
import { OWNERSHIP_FORMS } from '../edgar/filing-ref.ts';

export const WWW_URL_ENV = 'FORM4_EDGAR_WWW_URL';
export const DATA_URL_ENV = 'FORM4_EDGAR_DATA_URL';

export const clientArgs = {
  'user-agent': { type: 'string' },
  cache: { type: 'string', default: DEFAULT_CACHE_DIR },
  forms: { type: 'string' },
} as const;

export const clientHelp = `  --user-agent UA     "Your Name you@example.com": who you are to the SEC (required;
                      or set ${USER_AGENT_ENV}). EDGAR refuses clients that do not
                      declare a name and a contact e-mail.
  --cache DIR         keep every response here (default ${DEFAULT_CACHE_DIR}): bodies named
                      by their sha256 in DIR/objects, an index of URLs in DIR/urls
  --forms LIST        forms to fetch, comma-separated (default ${OWNERSHIP_FORMS.join(',')})`;

export const environmentHelp = `Environment:
  ${USER_AGENT_ENV}     the User-Agent, when --user-agent is not given
  ${WWW_URL_ENV}  use another origin for https://www.sec.gov (a mirror, a test server)
  ${DATA_URL_ENV} the same for https://data.sec.gov

Requests are spaced to at most 10 per second for the whole process (the SEC's limit
per client; run one form4 at a time, or the processes together may go faster). Failed
requests (HTTP 429 and 5xx, the SEC's "Request Rate Threshold Exceeded" page, network
errors, timeouts, bodies cut short) are retried with exponential backoff; throttling
pauses every request for 60 s, or as long as Retry-After says.`;

/** `log` gets one line per retry (the commands clear their progress bar before writing it). */
export function makeClient(
  values: { 'user-agent'?: string | undefined; cache?: string | undefined },
  log: (line: string) => void = (line) => process.stderr.write(line),
): EdgarClient {
  let userAgent: string;
  try {
    userAgent = checkUserAgent(values['user-agent'] ?? process.env[USER_AGENT_ENV]);
  } catch (error) {
    throw new UsageError((error as EdgarError).message);
  }
  const www = process.env[WWW_URL_ENV];
  const data = process.env[DATA_URL_ENV];
  return new EdgarClient({
    userAgent,
    cacheDir: values.cache ?? DEFAULT_CACHE_DIR,
    ...(www ? { wwwBase: www } : {}),
    ...(data ? { dataBase: data } : {}),
    onRetry: (r) => log(`form4: ${r.reason} for ${r.url}; retry ${r.retry} of ${r.of} in ${(r.delayMs / 1000).toFixed(1)} s\n`),
  });
}

export function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${name} takes a date as YYYY-MM-DD, not "${value}"`);
  return value;
}

export function formsOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const forms = value.split(',').map((f) => f.trim().toUpperCase()).filter((f) => f !== '');
  const unknown = forms.filter((f) => !OWNERSHIP_FORMS.includes(f));
  if (forms.length === 0 || unknown.length > 0) {
    throw new UsageError(`--forms takes some of ${OWNERSHIP_FORMS.join(', ')} (form4 reads only these), not "${value}"`);
  }
  return forms;
}

/** A one-line reason for a failure that ends a command, with what to do about it. */
export function explain(error: EdgarError): string {
  switch (error.code) {
    case 'USER_AGENT_REFUSED':
      return error.message;
    case 'THROTTLED':
      return `${error.message}. EDGAR is limiting this machine; wait ten minutes and run the command again (it resumes).`;
    case 'NETWORK':
    case 'TIMEOUT':
    case 'UNAVAILABLE':
    case 'TRUNCATED':
      return `${error.message}. Check the connection to www.sec.gov and run the command again (it resumes where it stopped).`;
    default:
      return error.message;
  }
}
