/**
 * A tiny JSON Schema (draft 2020-12) validator covering the keywords schema/theorem.schema.json
 * uses: type, enum, const, pattern, minLength, minimum, exclusiveMinimum, properties, required,
 * additionalProperties, minProperties, items, prefixItems, minItems, maxItems, allOf, anyOf,
 * oneOf, if/then, and local $ref. Any other keyword is an error, so the test cannot silently
 * ignore part of the schema. Returns the violations as "path: message".
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema', '$id', '$defs', 'title', 'description', 'type', 'enum', 'const', 'pattern', 'minLength', 'minimum',
  'exclusiveMinimum', 'properties', 'required', 'additionalProperties', 'minProperties', 'items', 'prefixItems',
  'minItems', 'maxItems', 'allOf', 'anyOf', 'oneOf', 'if', 'then', '$ref',
]);

export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, root, value, '', errors);
  return errors;
}

function typeOf(v: unknown): string[] {
  if (v === null) return ['null'];
  if (Array.isArray(v)) return ['array'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
  return [typeof v];
}

function check(root: Schema, s: Schema, v: unknown, path: string, errors: string[]): void {
  for (const key of Object.keys(s)) if (!KNOWN.has(key)) throw new Error(`miniSchema: unsupported keyword ${key}`);
  const fail = (msg: string): void => void errors.push(`${path || '/'}: ${msg}`);
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/$defs/', '');
    check(root, (root.$defs as Record<string, Schema>)[name], v, path, errors);
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!typeOf(v).some((t) => types.includes(t))) return fail(`expected ${types.join(' or ')}`);
  }
  if (s.enum !== undefined && !(s.enum as unknown[]).includes(v)) fail(`not one of ${JSON.stringify(s.enum)}`);
  if (s.const !== undefined && v !== s.const) fail(`expected ${JSON.stringify(s.const)}`);
  if (typeof v === 'string') {
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) fail(`does not match ${s.pattern}`);
    if (typeof s.minLength === 'number' && v.length < s.minLength) fail('too short');
  }
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) fail(`below ${s.minimum}`);
    if (typeof s.exclusiveMinimum === 'number' && !(v > s.exclusiveMinimum)) fail(`not above ${s.exclusiveMinimum}`);
  }
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) fail(`fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) fail(`more than ${s.maxItems} items`);
    const prefix = (s.prefixItems as Schema[] | undefined) ?? [];
    v.forEach((item, i) => {
      const itemSchema = i < prefix.length ? prefix[i] : (s.items as Schema | undefined);
      if (itemSchema !== undefined) check(root, itemSchema, item, `${path}/${i}`, errors);
    });
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const obj = v as Record<string, unknown>;
    const props = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in obj)) fail(`missing ${r}`);
    if (typeof s.minProperties === 'number' && Object.keys(obj).length < s.minProperties) fail('too few properties');
    for (const [k, x] of Object.entries(obj)) {
      if (props[k] !== undefined) check(root, props[k], x, `${path}/${k}`, errors);
      else if (s.additionalProperties === false) fail(`unknown property ${k}`);
      else if (typeof s.additionalProperties === 'object') check(root, s.additionalProperties as Schema, x, `${path}/${k}`, errors);
    }
  }
  const passes = (sub: Schema) => {
    const errs: string[] = [];
    check(root, sub, v, path, errs);
    return errs.length === 0;
  };
  for (const sub of (s.allOf as Schema[] | undefined) ?? []) check(root, sub, v, path, errors);
  if (s.anyOf !== undefined && !(s.anyOf as Schema[]).some(passes)) fail('matches none of anyOf');
  if (s.oneOf !== undefined && (s.oneOf as Schema[]).filter(passes).length !== 1) fail('does not match exactly one of oneOf');
  if (s.if !== undefined && passes(s.if as Schema) && s.then !== undefined) check(root, s.then as Schema, v, path, errors);
}
