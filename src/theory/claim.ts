/**
 * The in-memory form of a theorem file (theorems/<family>/<name>.yaml) after validation.
 * The YAML keys are exactly these field names. docs/theorem-format.md is the user-facing guide;
 * schema/theorem.schema.json is the JSON Schema published for editors.
 *
 * Expressions are mathjs syntax strings. Vector symbols are vectors of length d; operators on
 * vectors must be elementwise (`.*`, `./`, `.^`); scalars broadcast. A "coordinate quantity"
 * (drift, diffusion², a per-coordinate moment) evaluates to a vector of length d, an aggregate one
 * (a loss) to a scalar. Functions: the mathjs ones plus erf, erfc, tcdf(x, nu), ell(nu) (t density
 * at 0), lgamma, normcdf, sum, max, min, sqrt, exp, log, atan, abs, sign.
 *
 * Symbols an expression may use: those of `domain`, those of `let`, the constants pi, e and Infinity,
 * the state symbols the check binds (STATE_SYMBOLS; which check binds which: `boundSymbols` in
 * src/theory/checkSpecs.ts), and names of `expressions` entries, each standing for its formula
 * (`resolveExpression` in src/theory/resolve.ts inlines them). Anything else is a definition error.
 */

export type Provenance = 'stated' | 'reconstructed' | 'derived' | 'paper-approx';

export interface Source {
  /** Label in shared/paper/CLAIMS.md, e.g. "A5". */
  claim: string;
  /** Paper reference, e.g. "Lemma 3.7". */
  ref: string;
  provenance: Provenance;
  note?: string;
}

/**
 * What property-based search may draw for one parameter. Exactly one distribution key:
 *   { value: 0.9 }                         fixed
 *   { uniform: [lo, hi] } | { logUniform: [lo, hi] }   continuous (logUniform needs 0 < lo)
 *   { int: [lo, hi] }                      integer, inclusive
 *   { oneOf: [1, 2, 3, 10] }               a choice (numbers; Infinity allowed as "Infinity")
 * plus, optionally, `vector: <int symbol or number>` to make it a vector of that length whose
 * entries are drawn independently from the distribution.
 */
export interface DomainEntry {
  value?: number;
  uniform?: [number, number];
  logUniform?: [number, number];
  int?: [number, number];
  oneOf?: number[];
  vector?: string | number;
}

/** Modelling slack around an expected value (never sampling noise): |est − expected| ≤ abs + rel·|expected|. Either may be an expression. */
export interface Tolerance {
  rel?: string;
  abs?: string;
}

/** Reserved symbols bound by a check, not drawn from the domain unless the claim declares them. */
export const STATE_SYMBOLS = ['x', 'g', 'm', 'v', 't', 'k'] as const;

/**
 * Conventional parameter names the simulator reads from a drawn point (see docs/theorem-format.md):
 * eta, lam (diag H), H (full matrix), s (noise scale), nu, x0, theta, eps, rho | beta (RMSprop),
 * rho1, rho2 | beta1, beta2 (Adam), v0, B (batch size), d.
 */
export const SIMULATION_PARAMETERS = [
  'd', 'eta', 'lam', 'H', 's', 'nu', 'x0', 'theta', 'eps', 'rho', 'beta', 'rho1', 'rho2', 'beta1', 'beta2', 'v0', 'B',
] as const;

export type OptimizerName = 'sgd' | 'signsgd' | 'rmsprop' | 'rmspropw' | 'adam' | 'adamw';
export type SdeName =
  | 'sgd' | 'signsgd' | 'signsgd-gaussian' | 'signsgd-studentT' | 'signsgd-phase3' | 'signsgd-phase3-studentT'
  | 'rmspropw' | 'adamw' | 'malladi-rmsprop' | 'malladi-adam';
export type ProblemName = 'quadratic' | 'quadratic-full' | 'saddle';
export type NoiseName = 'gaussian' | 'studentT';
export type Quantity = 'loss' | 'mean' | 'second-moment' | 'variance';

/** Fields shared by the simulation checks. Expressions in `expected`/`bound` may name an entry of `expressions`. */
export interface SimulationSetup {
  optimizer?: OptimizerName;
  sde?: SdeName;
  problem: ProblemName;
  noise: NoiseName;
}

/** Symbolic checks (issue 3). */
export type SymbolicCheck =
  /** lhs ≡ rhs on the domain (bias-correction identity, closed forms, moment matching). */
  | { kind: 'identity'; lhs: string; rhs: string; tolerance?: Tolerance }
  /**
   * The claimed stationary second moments solve the moment equations of the SDE
   * dY = b(Y) dt + σ(Y) dW with affine b and polynomial σσᵀ of degree ≤ 2 (per coordinate):
   * for every monomial Y_iY_j, E[b_i Y_j + b_j Y_i + (σσᵀ)_ij] = 0, and E[b] = 0.
   * `state` names the per-coordinate state variables, `drift` their drifts, `diffusion2` the
   * diagonal of σσᵀ (one entry per state variable), `moments` the claimed E[..] (keys like "x^2", "x*m", "x").
   */
  | { kind: 'lyapunov'; state: string[]; drift: string[]; diffusion2: string[]; moments: Record<string, string> }
  /** The Taylor expansion of `of` in `variable` at `at`, to `order`, equals `equals`. */
  | { kind: 'expansion'; of: string; variable: string; at: number; order: number; equals: string }
  /** `of` → `equals` as `variable` → `to` (number or Infinity). */
  | { kind: 'limit'; of: string; variable: string; to: number; equals: string }
  /**
   * Substituting `substitute` (symbol → expression, with new free symbols declared in the domain)
   * into `expression` leaves it unchanged (`expect: invariant`) or changes it (`expect: changes`).
   */
  | { kind: 'substitution'; expression: string; substitute: Record<string, string>; expect: 'invariant' | 'changes' };

/** Statistical checks against simulation (issue 4). */
export type SimulationCheck =
  /** E[Δx]/η and Var[Δx]/η of one optimizer step at drawn points x (and state m, v) against the SDE's drift and diffusion². */
  | (SimulationSetup & { kind: 'one-step'; drift: string; diffusion2: string; tolerance?: Tolerance })
  /** E[quantity(x_k)] along the trajectory at SDE times `times` against `expected` (an expression in t). */
  | (SimulationSetup & { kind: 'trajectory'; quantity: Quantity; times: number[]; expected: string; tolerance?: Tolerance })
  /** Stationary E[quantity] (time average after burn-in, batch means over paths). */
  | (SimulationSetup & { kind: 'stationary'; quantity: Quantity; expected: string; tolerance?: Tolerance })
  /** Log-log slope of a stationary quantity (or rate) against the parameter `vary` over `values` (multipliers of its drawn value). */
  | (SimulationSetup & { kind: 'slope'; quantity: Quantity | 'rate'; vary: string; values: number[]; expected: number; tolerance?: Tolerance })
  /** E[quantity(t)] ≤ bound(t) at every recorded t in `times`. */
  | (SimulationSetup & { kind: 'bound'; quantity: Quantity; times: number[]; bound: string; tolerance?: Tolerance })
  /** The loss stays bounded (`expect: bounded`) or its sample mean grows with horizon and paths (`expect: divergent`). */
  | (SimulationSetup & { kind: 'heavy-tail'; expect: 'bounded' | 'divergent'; bound?: string })
  /** The quantity is the same under `substitute` (a scaling rule with free symbol kappa). */
  | (SimulationSetup & { kind: 'invariance'; quantity: Quantity; substitute: Record<string, string>; expect: 'invariant' | 'changes'; tolerance?: Tolerance })
  /**
   * Weak error |E g(x_k) − E g(X_kη)| at time `horizon` over learning rates `etas`: log-log slope
   * at least `order` − tolerance (default slack 0.3 on the slope).
   */
  | (SimulationSetup & { kind: 'weak-order'; quantity: Quantity; horizon: number; etas: number[]; order: number; tolerance?: Tolerance });

export type Check = SymbolicCheck | SimulationCheck;
export const SYMBOLIC_KINDS = ['identity', 'lyapunov', 'expansion', 'limit', 'substitution'] as const;
export const SIMULATION_KINDS = ['one-step', 'trajectory', 'stationary', 'slope', 'bound', 'heavy-tail', 'invariance', 'weak-order'] as const;

export interface Claim {
  id: string;
  /** Directory under theorems/ (signsgd, sgd, rmsprop, adam, heavy-tails, scaling, nn). */
  family: string;
  title: string;
  /** LaTeX. */
  statement: string;
  source: Source;
  /** Meaning of every symbol used, e.g. { eta: "learning rate η" }. */
  symbols: Record<string, string>;
  domain: Record<string, DomainEntry>;
  /**
   * Derived quantities, evaluated in order (later ones may use earlier ones). A let that uses a
   * state symbol a check binds is evaluated by that check; `evaluateLets` (src/theory/domain.ts)
   * adds those that use only domain symbols.
   */
  let: Record<string, string>;
  /** Boolean expressions a drawn point must satisfy (the regime), e.g. "max(eta*lam./s) <= 0.05". */
  assume: string[];
  /** The claim's named formulas; checks refer to them by name (they may use one another, without cycles). Mutation testing perturbs these. */
  expressions: Record<string, string>;
  checks: Check[];
  /**
   * paper-approx claims: the scalar expression of the domain that measures how far a point is
   * from the approximation's regime (e.g. "theta/rho1" = ηθ/(1 − β₁) for B4); the checker
   * reports the value at which the simulation checks start to fail.
   */
  regime?: string;
  /** Where the claim came from on disk: file path and, per field path ("checks[0].expected"), its line. */
  origin: { file: string; lines: Record<string, number> };
}

/*
 * Runtime lists of the enumerations above, for the loader, the JSON Schema test and the CLI.
 * The `Covers` assertions below fail to compile if a list misses a member of its type.
 */
export const PROVENANCES = ['stated', 'reconstructed', 'derived', 'paper-approx'] as const satisfies readonly Provenance[];
export const OPTIMIZER_NAMES = ['sgd', 'signsgd', 'rmsprop', 'rmspropw', 'adam', 'adamw'] as const satisfies readonly OptimizerName[];
export const SDE_NAMES = [
  'sgd', 'signsgd', 'signsgd-gaussian', 'signsgd-studentT', 'signsgd-phase3', 'signsgd-phase3-studentT',
  'rmspropw', 'adamw', 'malladi-rmsprop', 'malladi-adam',
] as const satisfies readonly SdeName[];
export const PROBLEM_NAMES = ['quadratic', 'quadratic-full', 'saddle'] as const satisfies readonly ProblemName[];
export const NOISE_NAMES = ['gaussian', 'studentT'] as const satisfies readonly NoiseName[];
export const QUANTITIES = ['loss', 'mean', 'second-moment', 'variance'] as const satisfies readonly Quantity[];
/** The distribution keys of a DomainEntry (exactly one per entry). */
export const DISTRIBUTION_KEYS = ['value', 'uniform', 'logUniform', 'int', 'oneOf'] as const satisfies readonly (keyof DomainEntry)[];
/** Top-level keys of a theorem file (`family` may be omitted: it defaults to the directory name; `origin` is not written). */
export const CLAIM_KEYS = [
  'id', 'family', 'title', 'statement', 'source', 'symbols', 'domain', 'let', 'assume', 'expressions', 'checks', 'regime',
] as const satisfies readonly (keyof Claim)[];

/**
 * Claim ids: dot-separated lowercase segments, at least two, e.g. `signsgd.a5.stationary-loss`;
 * the first segment may contain '-' (after its first character) so that it can be a family name
 * such as `heavy-tails`.
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/;

type Covers<T, L extends readonly unknown[]> = [T] extends [L[number]] ? true : false;
const covers: [
  Covers<Provenance, typeof PROVENANCES>,
  Covers<OptimizerName, typeof OPTIMIZER_NAMES>,
  Covers<SdeName, typeof SDE_NAMES>,
  Covers<ProblemName, typeof PROBLEM_NAMES>,
  Covers<NoiseName, typeof NOISE_NAMES>,
  Covers<Quantity, typeof QUANTITIES>,
  Covers<Check['kind'], [...typeof SYMBOLIC_KINDS, ...typeof SIMULATION_KINDS]>,
  Covers<Exclude<keyof Claim, 'origin'>, typeof CLAIM_KEYS>,
] = [true, true, true, true, true, true, true, true];
void covers;
