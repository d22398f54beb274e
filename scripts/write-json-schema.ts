// Writes the JSON Schema files in schema/ from src/record/schema.ts (npm run schema).
import { writeFileSync } from 'node:fs';
import { jsonSchemaText, jsonSchemas } from '../src/record/json-schema.ts';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  const path = new URL(`../schema/${name}`, import.meta.url);
  writeFileSync(path, jsonSchemaText(schema));
  console.log(`wrote schema/${name}`);
}
