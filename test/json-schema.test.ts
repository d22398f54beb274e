import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from '../src/index.ts';
import { jsonSchemaText, jsonSchemas } from '../src/record/json-schema.ts';

const schemaFile = (name: string) => new URL(`../schema/${name}`, import.meta.url);
const fixture = new URL('./fixtures/cli/amd-su-2023-06-08.txt', import.meta.url);

test('the shipped JSON Schema files are the ones generated from the zod schema (npm run schema)', () => {
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    assert.equal(readFileSync(schemaFile(name), 'utf8'), jsonSchemaText(schema), `schema/${name} is stale: run npm run schema`);
  }
});

test('a parse result and its record validate against the shipped JSON Schemas', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const result = parse(readFileSync(fixture));
  const validRecord = ajv.compile(JSON.parse(readFileSync(schemaFile('ownership-record.schema.json'), 'utf8')));
  assert.ok(validRecord(result.record), JSON.stringify(validRecord.errors));
  const validResult = ajv.compile(JSON.parse(readFileSync(schemaFile('parse-result.schema.json'), 'utf8')));
  assert.ok(validResult(JSON.parse(JSON.stringify(result))), JSON.stringify(validResult.errors));
});

test('the JSON Schema rejects a record that breaks the contract', () => {
  const ajv = new Ajv2020({ strict: false });
  const validRecord = ajv.compile(JSON.parse(readFileSync(schemaFile('ownership-record.schema.json'), 'utf8')));
  const record = structuredClone(parse(readFileSync(fixture)).record!);
  (record as { periodOfReport: unknown }).periodOfReport = '06/06/2023';
  assert.equal(validRecord(record), false);
  const record2 = structuredClone(parse(readFileSync(fixture)).record!);
  (record2.nonDerivativeTransactions[0] as { shares: unknown }).shares = '61266';
  assert.equal(validRecord(record2), false);
});
