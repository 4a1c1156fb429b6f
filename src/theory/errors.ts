/**
 * A definition error in a theorem file: where (file, line, field path such as
 * `checks[0].tolerance.rel`) and what was expected. Formats as
 * `theorems/signsgd/a5-loss.yaml:14: checks[0].tolerance.rel: unknown symbol 'lamda' (declared: eta, lam, s, d)`.
 */
export class DefinitionError extends Error {
  override name = 'DefinitionError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly path: string,
    readonly detail: string,
  ) {
    super(formatLocation(file, line, path) + detail);
  }
}

function formatLocation(file: string, line: number | undefined, path: string): string {
  return `${file}${line === undefined ? '' : `:${line}`}: ${path === '' ? '' : `${path}: `}`;
}

/** Thrown by `loadClaim` and friends when a file has definition errors; carries all of them. */
export class DefinitionErrors extends Error {
  override name = 'DefinitionErrors';
  constructor(readonly errors: readonly DefinitionError[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

/** Collects the errors of one file, each placed at the line of its field path (or of the nearest enclosing field). */
export class ErrorSink {
  readonly errors: DefinitionError[] = [];
  constructor(
    readonly file: string,
    private readonly lines: ReadonlyMap<string, number>,
  ) {}

  add(path: string, detail: string): void {
    this.errors.push(new DefinitionError(this.file, this.lineOf(path), path, detail));
  }

  /** The line of `path`, else of its nearest recorded ancestor, else 1. */
  lineOf(path: string): number {
    let p = path;
    for (;;) {
      const line = this.lines.get(p);
      if (line !== undefined) return line;
      if (p === '') return 1;
      p = parentPath(p);
    }
  }
}

/** `a.b[2]` → `a.b`, `a.b` → `a`, `a["x*m"]` → `a`, `a` → ``. */
export function parentPath(path: string): string {
  const m = /^(.*?)(?:\.[^.[\]]+|\[[^\]]*\]|\["(?:[^"\\]|\\.)*"\])$/.exec(path);
  return m ? m[1] : '';
}

/** Appends a key or index to a field path: `checks` + 1 → `checks[1]`, `domain` + `eta` → `domain.eta`, `moments` + `x*m` → `moments["x*m"]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_][\w-]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}
