/** Where a command writes: `out` for results (stdout), `err` for diagnostics (stderr). Each call writes one line. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

/** Exit codes of `sdelens`. */
export const EXIT = { ok: 0, claimFailed: 1, usage: 2, internal: 3 } as const;
