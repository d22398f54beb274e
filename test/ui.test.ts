// The web UI in a real browser: the server (createApp on @hono/node-server) over a SQLite
// store of the fixtures, driven by headless Chromium through playwright-core. The hand-made
// filings of test/fixtures/ui give one issuer (ACME) purchases, a sale, a grant, tax
// withholding and a gift by three insiders, a late filing, a break in a holdings chain and
// an indirect holding. Screenshots go to test-output/screenshots/ (gitignored) for a person
// to look at. Chromium comes from the system (CI installs Debian's package): without it
// these tests fail saying how to install it; they never download a browser.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ingest } from '../src/ingest/ingest.ts';
import { createApp } from '../src/serve/create-app.ts';
import { openStore, type Store } from '../src/store/store.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.FORM4_CHROMIUM ?? '/usr/bin/chromium';
const shots = join(root, 'test-output', 'screenshots');
const tmp = mkdtempSync(join(tmpdir(), 'form4-ui-'));
const SEED = join(root, 'test/fixtures/seeds/000_35aa284de61378c9.txt');
const TEXT_SEED = join(root, 'test/fixtures/seeds/001_5029d74124dfc0ce.txt');
const HTML_PAGE = join(root, 'test/fixtures/html/0000006281-23-000167__6281_4_2023-07-19_0000006281-23-000167.txt.html');

const filesOf = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => /\.(xml|txt|sgml)$/.test(f))
    .map((f) => join(root, dir, f));

let store: Store;
let server: ServerType;
let base: string;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
const outside: string[] = [];

/** The UI as `npm run build` makes it, so that the test never runs a stale build. */
function buildUi(): void {
  for (const [cmd, args] of [
    [join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.ui.json']],
    [process.execPath, ['scripts/build-ui.ts']],
  ] as const) {
    const run = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, `${cmd} ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  }
}

async function shot(name: string): Promise<void> {
  // From the top: a full-page shot of a scrolled page draws the sticky header mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function go(hash: string): Promise<void> {
  await page.goto(`${base}/#${hash}`);
  await page.locator('h1').first().waitFor();
}

async function filingId(sourceFile: string): Promise<number> {
  const response = await fetch(`${base}/api/filings?limit=1000`);
  const body = (await response.json()) as { rows: { id: number; sourceFile: string | null }[] };
  const row = body.rows.find((r) => r.sourceFile === sourceFile);
  assert.ok(row, `${sourceFile} is in the store`);
  return row.id;
}

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the UI tests drive it with playwright-core. ` +
        'Install it with "apt-get install -y chromium" (.ci/run does), or set FORM4_CHROMIUM to its path.',
    );
  }
  buildUi();
  mkdirSync(shots, { recursive: true });
  store = await openStore(join(tmp, 'ui.db'));
  const inputs = [...['test/fixtures/cli', 'test/fixtures/sgml', 'test/fixtures/xml', 'test/fixtures/ui'].flatMap(filesOf), TEXT_SEED, HTML_PAGE];
  const ingested = await ingest(store, inputs, { workers: 0 });
  assert.equal(ingested.inputs, inputs.length);
  const app = createApp(store, { uiDir: join(root, 'dist/ui') });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1360, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Nothing may be loaded from anywhere but the server: no CDN, no fonts, no analytics.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the web UI', () => {
  test('the home page shows what the store holds and the latest filings', async () => {
    await go('/');
    await page.locator('.stat').first().waitFor();
    assert.match(await page.locator('h1').textContent() ?? '', /Insider filings/);
    assert.equal(await page.locator('.stat dt').first().textContent(), 'Filings');
    await page.locator('a[href^="#/filing/"]').first().waitFor();
    await shot('home');
  });

  test('a ticker typed in the search box is offered and opens its issuer, all by keyboard', async () => {
    await go('/');
    const box = page.locator('#global-search');
    await box.focus();
    await page.keyboard.type('acme');
    const option = page.locator('#header-search [role=option]').first();
    await option.waitFor();
    assert.match((await option.textContent()) ?? '', /ACME · ACME ROCKETS INC/);
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    await shot('search-suggestions');
    await page.keyboard.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/issuer\/ACME$/);
    await page.locator('h1', { hasText: 'ACME ROCKETS INC' }).waitFor();
  });

  test("an insider's name typed in the search box is offered and opens their page", async () => {
    await go('/');
    await page.locator('#global-search').fill('coyote');
    const option = page.locator('#header-search [role=option]', { hasText: 'Coyote Wile E' });
    await option.waitFor();
    assert.match((await option.textContent()) ?? '', /Insider · CIK 0000999102/);
    await option.click();
    await page.waitForURL(/#\/insider\/0000999102$/);
    await page.locator('h1', { hasText: 'Coyote Wile E' }).waitFor();
    // Direct and indirect holdings of one security are two lines of one chart.
    const series = page.locator('[data-testid=holdings-charts] svg .series');
    await series.first().waitFor();
    assert.deepEqual(await series.evaluateAll((els) => els.map((e) => e.getAttribute('data-direct'))), ['true', 'false']);
    await shot('insider-direct-indirect');
  });

  test('an insider read from a rendering (no CIK) is offered by name and opens their filings', async () => {
    await go('/');
    await page.locator('#global-search').fill('jones paul');
    const option = page.locator('#header-search [role=option]', { hasText: 'JONES PAUL R' });
    await option.waitFor();
    assert.match((await option.textContent()) ?? '', /Insider · no CIK \(read from renderings\) · 1 filings/);
    await option.click();
    await page.waitForURL(/#\/filings\?owner=JONES\+PAUL\+R$/);
    assert.equal(await page.locator('input[name=owner]').inputValue(), 'JONES PAUL R');
    const rows = page.locator('.card tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    assert.match((await rows.first().textContent()) ?? '', /JONES PAUL R/);
  });

  test('the search results page lists issuers and insiders', async () => {
    await go('/search?q=martian');
    const rows = page.locator('[data-testid=search-results] tbody tr');
    await rows.first().waitFor();
    assert.match((await rows.first().textContent()) ?? '', /insider.*Marvin Martian/);
  });

  test("the issuer page draws one mark per transaction, coloured by code, with a legend, and tables them", async () => {
    await go('/issuer/ACME');
    const marks = page.locator('svg[data-testid=timeline] .mark');
    await marks.first().waitFor();
    const summed = Number(await page.locator('[data-testid=activity-summary]').getAttribute('data-transactions'));
    assert.equal(summed, 8, 'the API counts 8 Table I transactions of ACME');
    assert.equal(await marks.count(), summed, 'one mark per transaction');
    const codes = await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')).sort().join(''));
    assert.equal(codes, 'AFGPPPPS');
    // Open-market buys and sells in the upper band, the rest below it.
    const bands = await marks.evaluateAll((els) => els.map((e) => ({ code: e.getAttribute('data-code'), y: Number(e.getAttribute('cy')) })));
    const split = Math.max(...bands.filter((m) => m.code === 'P' || m.code === 'S').map((m) => m.y));
    assert.ok(bands.filter((m) => m.code !== 'P' && m.code !== 'S').every((m) => m.y > split), 'grants, withholding and gifts are drawn below P and S');
    // A bigger dollar value is a bigger mark; a transaction without a price is a small hollow one.
    const sized = await marks.evaluateAll((els) => els.map((e) => ({ value: Number(e.getAttribute('data-value') || 0), r: Number(e.getAttribute('r')) })));
    sized.sort((a, b) => a.value - b.value);
    assert.ok(sized.every((m, i) => i === 0 || m.r >= (sized[i - 1] as { r: number }).r), 'radius grows with dollar value');
    assert.ok((sized[sized.length - 1] as { r: number }).r > (sized[0] as { r: number }).r);
    const legend = await page.locator('.legend-item').allTextContents();
    assert.deepEqual(
      legend.map((l) => l.replace(/ · \d+$/, '')),
      ['Open-market purchase (P)', 'Open-market sale (S)', 'Grant or award (A)', 'Tax withholding or payment (F)', 'Gift (G)'],
    );

    const rows = page.locator('[data-testid=transactions] tbody tr');
    assert.equal(await rows.count(), 8);
    assert.match((await rows.first().textContent()) ?? '', /^2024-05-20.*Coyote Wile E.*S/, 'newest first');
    await page.locator('[data-testid=transactions] button.sort', { hasText: 'Shares' }).click();
    assert.equal(await page.locator('[data-testid=transactions] th', { hasText: 'Shares' }).getAttribute('aria-sort'), 'descending');
    const sharesCell = () => rows.first().locator('td').nth(4).textContent();
    assert.equal(await sharesCell(), '5,000', 'the grant of 5,000 shares is the largest');
    await page.locator('[data-testid=transactions] button.sort', { hasText: 'Shares' }).click();
    assert.equal(await sharesCell(), '300', 'ascending: the gift of 300 first');

    await page.locator('[data-testid=clusters] tbody tr').first().waitFor();
    assert.match((await page.locator('[data-testid=clusters] tbody tr').first().textContent()) ?? '', /2024-03-04.*2024-03-18.*3.*4/);
    assert.match((await page.locator('[data-testid=late] tbody tr').first().textContent()) ?? '', /Marvin Martian.*1 of 2/);
    await page.locator('.card[aria-busy=true]').first().waitFor({ state: 'detached' }).catch(() => {});
    await shot('issuer');
  });

  test('a click on a mark opens its filing', async () => {
    await go('/issuer/ACME');
    await page.locator('svg[data-testid=timeline] .mark[data-code=S]').click();
    await page.waitForURL(/#\/filing\/\d+$/);
    await page.locator('h1', { hasText: 'ACME ROCKETS INC' }).waitFor();
  });

  test("an insider page marks where the holdings chain breaks", async () => {
    await go('/insider/0000999101');
    await page.locator('[data-testid=holdings-charts] .break-mark').first().waitFor();
    assert.equal(await page.locator('[data-testid=holdings-charts] .break-mark').count(), 1);
    assert.match((await page.locator('[data-testid=breaks] tbody tr').first().textContent()) ?? '', /2024-03-11.*12,000/);
    await shot('insider-break');
  });

  test('a filing page shows the printed form with its values and its issues', async () => {
    const id = await filingId(join(root, 'test/fixtures/ui/acme-c-1.xml'));
    await go(`/filing/${id}`);
    const form = page.locator('[data-testid=sec-form]');
    await form.locator('td[data-paths~="nonDerivativeTransactions.0.shares"]').waitFor();
    assert.equal(await form.locator('td[data-paths~="nonDerivativeTransactions.0.shares"]').textContent(), '800');
    assert.equal(await form.locator('td[data-paths~="nonDerivativeTransactions.0.pricePerShare"]').textContent(), '$19.8', 'the price as the record holds it, printed as the SEC prints it');
    assert.match((await form.locator('.form-name').textContent()) ?? '', /FORM 4/);
    assert.match((await page.locator('[data-testid=issues]').textContent()) ?? '', /CHECK_FILED_LATE/);
    // The XML is read again for its spans: hovering a value lights up its element's text.
    await form.locator('td[data-paths~="nonDerivativeTransactions.0.pricePerShare"]').hover();
    assert.match((await page.locator('.source-text .hl').allTextContents()).join(''), /<value>19\.80<\/value>/);
    await shot('filing-xml');
  });

  test('a filing read from a text rendering shows each value where it was read from', async () => {
    const id = await filingId(TEXT_SEED);
    await go(`/filing/${id}`);
    const cell = page.locator('[data-testid=sec-form] td[data-paths~="nonDerivativeTransactions.0.transactionDate"]');
    await cell.waitFor();
    await cell.hover();
    const lit = page.locator('.source-text .hl');
    await lit.first().waitFor();
    assert.match((await lit.first().textContent()) ?? '', /\d{1,2}\/\d{1,2}\/\d{4}/);
    await shot('filing-text-rendering');
  });

  test('a filing read from the SEC HTML page is shown with its source', async () => {
    const id = await filingId(HTML_PAGE);
    await go(`/filing/${id}`);
    await page.locator('[data-testid=sec-form] .record-row').first().waitFor();
    await page.locator('[data-testid=sec-form] [data-paths~="issuer.name"]').hover();
    assert.ok((await page.locator('.source-text .hl').count()) > 0);
  });

  test('an uploaded seed is read: its issuer, the four rows of Table I, and a span lit when a value is hovered', async () => {
    await go('/upload');
    await page.setInputFiles('#upload-file', SEED);
    await page.locator('[data-testid=read-summary]').waitFor();
    assert.match((await page.locator('[data-testid=read-summary]').textContent()) ?? '', /SONUS NETWORKS INC \[SONS\]/);
    const form = page.locator('[data-testid=sec-form]');
    assert.match((await form.locator('[data-paths~="issuer.name"]').textContent()) ?? '', /SONUS NETWORKS INC/);
    const rows = form.locator('tr.record-row');
    const tableOne = await rows.evaluateAll((els) =>
      els
        .map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()))
        .filter((cells) => cells[0] === 'Common Stock')
        .map((cells) => `${cells[1]} ${cells[3]} ${cells[5]} ${cells[6]} ${cells[7]} ${cells[8]}`),
    );
    assert.deepEqual(tableOne, [
      '10/22/2003 M 13,750 A $0.25 13,750',
      '10/22/2003 S 5,000 D $7.85 8,750',
      '10/22/2003 S 5,000 D $7.9 3,750',
      '10/22/2003 S 3,750 D $7.91 0',
    ]);
    const shares = form.locator('td[data-paths~="nonDerivativeTransactions.1.shares"]');
    await shares.hover();
    assert.match((await shares.getAttribute('class')) ?? '', /\bhl\b/);
    assert.deepEqual(await page.locator('.source-text .hl').allTextContents(), ['5,000']);
    assert.match((await page.locator('[data-testid=prov-status]').textContent()) ?? '', /nonDerivativeTransactions\.1\.shares — line 22, column 29/);
    await shares.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'upload-hover.png') });
    // The other way round: pointing at the source lights up the value in the form.
    await page.locator('.source-text [data-paths~="issuer.tradingSymbol"]').first().hover();
    assert.match((await form.locator('[data-paths~="issuer.tradingSymbol"]').getAttribute('class')) ?? '', /\bhl\b/);
    await shot('upload');
  });

  test('pasted text is read too, and what is not a filing says so', async () => {
    await go('/upload');
    await page.locator('#upload-text').fill('Quarterly report of a company; nothing about Form 4 here.');
    await page.getByRole('button', { name: 'Read' }).click();
    await page.locator('[data-testid=issues]').waitFor();
    assert.match((await page.locator('[data-testid=issues]').textContent()) ?? '', /INPUT_UNRECOGNIZED|TEXT_NOT_A_FORM/);
  });

  test('on a phone the pages fit the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const [name, hash] of [['phone-issuer', '/issuer/ACME'], ['phone-upload', '/upload']] as const) {
        await go(hash);
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
        assert.ok(Number(overflow) <= 1, `${hash}: the page is ${String(overflow)}px wider than the screen`);
        await shot(name);
      }
    } finally {
      await page.setViewportSize({ width: 1360, height: 900 });
    }
  });

  test('nothing was loaded from outside the server and no page had an error', () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(problems, []);
  });
});
