/** The open dataset in dist/data/ matches the JSON Schemas published beside it (/data/schema/*.schema.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/paths.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });

describe.each(['statements', 'documents', 'speakers', 'relations'])('/data/%s.json', (name) => {
  const schema = JSON.parse(readFileSync(join(DIST, `data/schema/${name}.schema.json`), 'utf8'));
  const validate = ajv.compile(schema);
  const data = JSON.parse(readFileSync(join(DIST, `data/${name}.json`), 'utf8'));

  it('matches its published schema', () => {
    const valid = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect((data[name] as unknown[]).length).toBeGreaterThan(0);
  });

  it('the schema can fail: an item without its required fields is refused', () => {
    expect(validate({ [name]: [{}] })).toBe(false);
  });
});
