import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { childPath, DefinitionError } from './errors.ts';

/** A parsed YAML file: its plain value and the line (1-based) of every field path in it. */
export interface YamlSource {
  value: unknown;
  /** `checks[1].expected` → the line of its key (of the item, for sequence entries). */
  lines: Map<string, number>;
  errors: DefinitionError[];
}

const HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: "is there a ': ' inside an unquoted value? Quote the value",
  DUPLICATE_KEY: 'a key appears twice in the same mapping',
  TAB_AS_INDENT: 'indent with spaces',
};

/**
 * Parses YAML text with the `yaml` package (YAML 1.2 core schema, duplicate keys rejected) and
 * records where each field sits, so that later errors can name a line.
 */
export function readYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lines = new Map<string, number>([['', 1]]);
  const seen = new Set<number>();
  const errors: DefinitionError[] = [];
  for (const e of doc.errors) {
    const line = e.linePos?.[0].line ?? lineCounter.linePos(e.pos[0]).line;
    if (seen.has(line)) continue;
    seen.add(line);
    const hint = HINTS[e.code] === undefined ? '' : ` (${HINTS[e.code]})`;
    errors.push(new DefinitionError(file, line, '', `YAML syntax: ${e.message.split('\n')[0]}${hint}`));
  }
  if (errors.length > 0) return { value: undefined, lines, errors };
  const lineAt = (node: unknown): number | undefined => {
    const range = (node as YamlNode | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const walk = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const p = childPath(path, key);
        const line = lineAt(pair.key);
        if (line !== undefined) lines.set(p, line);
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = childPath(path, i);
        const line = lineAt(item);
        if (line !== undefined) lines.set(p, line);
        walk(item, p);
      });
    }
  };
  walk(doc.contents, '');
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    errors.push(new DefinitionError(file, 1, '', `YAML: ${e instanceof Error ? e.message : String(e)}`));
  }
  return { value, lines, errors };
}
