;; One step of discrete SignSGD or Adam(W) on the diagonal quadratic f(x) = ½ Σ λ_i x_i² with
;; Gaussian gradient noise Z_i = s_i·N(0, 1), fused into one pass over the batch (paths × dim,
;; path-major), for src/wasm/quadraticKernels.ts. Per entry j (coordinate i = j mod dim):
;;   g = λ_i·x_j + s_i·z_j        (problem.gradient, then gaussianNoise.addTo)
;; then the optimizer's `advance` (src/optimizers/signSgd.ts, adam.ts), with the operations in the
;; same order as those JS loops, so both give the same bits. z_j is the ziggurat draw of
;; src/random/normal.ts from xoshiro128**, whose state lives at STATE.
;;
;; A draw that fails the ziggurat's rectangle test (~1%) ends the call: it returns j and leaves the
;; output a at STATE + 16; the caller finishes the draw (ziggurat.ts `slowPath`) and calls again
;; with that value as `pending`, which entry j then uses (NaN = none: draw afresh, which is also
;; the wedge's "reject and restart").
;;
;; Memory (imported; the caller sizes it):
;;   0      ACCEPT23  i32[512]   2048  XS23  f64[512]   (from ziggurat.ts)
;;   6144   STATE     i32[4] xoshiro words, i32 a (the last output)
;;   6168   CHECK     f64: Σ y·0 over every updated entry (added to, never cleared here): 0 iff all
;;                    are finite. (An i32 flag from f64.ne costs a third of the loop's speed on V8.)
;;   8192    LAM       f64[≤ 512]  λ
;;   12288   SCALE     f64[≤ 512]  s (optimizer steps) or c = 1/(√2 s) (SDE step)
;;   16384   COEF      f64[12288]  the fastErf table (src/sde/fastErf.ts: 8 per interval; SDE step)
;;   114688  X         f64[paths·dim]  x, then (Adam) the moments m, v at byte offsets passed in
;; Fixed addresses let every access use an immediate offset: fewer live registers in the loop
;; (measured 85 → 100+ M/s for the SignSGD step).
(module
  (import "env" "memory" (memory 1))

  ;; SignSGD: x_j ← x_j + a·sign(g), a = −η; sign(±0) = ±0·a and sign(NaN) = NaN as in signSgd.ts.
  (func (export "signSgd")
    (param $dim i32) (param $j i32) (param $end i32) (param $pending f64) (param $a f64) (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $r i32) (local $t i32) (local $k i32) (local $h i32)
    (local $i i32) (local $z f64) (local $g f64) (local $xj f64) (local $y f64) (local $check f64) (local $p i32) (local $q i32)
    (local.set $s0 (i32.load (i32.const 6144)))
    (local.set $s1 (i32.load (i32.const 6148)))
    (local.set $s2 (i32.load (i32.const 6152)))
    (local.set $s3 (i32.load (i32.const 6156)))
    (local.set $i (i32.rem_u (local.get $j) (local.get $dim)))
    (local.set $z (local.get $pending))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (block $drawn
          (br_if $drawn (f64.eq (local.get $z) (local.get $z)))
          ;; xoshiro128**: r = rotl(5·s1, 7)·9, then the state transition
          (local.set $m (i32.mul (local.get $s1) (i32.const 5)))
          (local.set $r (i32.mul (i32.rotl (local.get $m) (i32.const 7)) (i32.const 9)))
          (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
          (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
          (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
          (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
          (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
          (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
          (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
          ;; ziggurat: layer and sign k = r & 511, uniform h = r >>> 9; z = (h + ½)·XS23[k]
          (local.set $k (i32.and (local.get $r) (i32.const 511)))
          (local.set $h (i32.shr_u (local.get $r) (i32.const 9)))
          (br_if $done (i32.ge_s (local.get $h) (i32.load (i32.shl (local.get $k) (i32.const 2)))))
          (local.set $z (f64.mul (f64.add (f64.convert_i32_s (local.get $h)) (f64.const 0.5))
                                 (f64.load offset=2048 (i32.shl (local.get $k) (i32.const 3))))))
        (local.set $p (i32.shl (local.get $j) (i32.const 3)))
        (local.set $q (i32.shl (local.get $i) (i32.const 3)))
        (local.set $xj (f64.load offset=114688 (local.get $p)))
        (local.set $g (f64.add (f64.mul (f64.load offset=8192 (local.get $q)) (local.get $xj))
                               (f64.mul (f64.load offset=12288 (local.get $q)) (local.get $z))))
        (local.set $y (f64.add (local.get $xj)
          (select
            (f64.mul (f64.convert_i32_s (i32.sub (f64.gt (local.get $g) (f64.const 0)) (f64.lt (local.get $g) (f64.const 0))))
                     (local.get $a))
            (f64.mul (local.get $g) (local.get $a))
            (f64.gt (f64.abs (local.get $g)) (f64.const 0)))))
        (f64.store offset=114688 (local.get $p) (local.get $y))
        (local.set $check (f64.add (local.get $check) (f64.mul (local.get $y) (f64.const 0))))
        (local.set $z (f64.const nan))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.eq (local.get $i) (local.get $dim)) (then (local.set $i (i32.const 0))))
        (br $next)))
    (i32.store (i32.const 6144) (local.get $s0))
    (i32.store (i32.const 6148) (local.get $s1))
    (i32.store (i32.const 6152) (local.get $s2))
    (i32.store (i32.const 6156) (local.get $s3))
    (i32.store (i32.const 6160) (local.get $r))
    (f64.store (i32.const 6168) (f64.add (f64.load (i32.const 6168)) (local.get $check)))
    (local.get $j))

  ;; Adam(W), step k (adam.ts `advance`): m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g·g;
  ;; d = (m·inv1)/(√v·invSqrt2 + ε) with inv1 = 1/(1 − β₁ᵏ), invSqrt2 = 1/√(1 − β₂ᵏ);
  ;; x ← x + a·(d + θx) when decoupled (AdamW), x + a·d otherwise, a = −η.
  (func (export "adam")
    (param $mom1 i32) (param $mom2 i32) (param $dim i32) (param $j i32) (param $end i32) (param $pending f64)
    (param $beta1 f64) (param $c1 f64) (param $beta2 f64) (param $c2 f64) (param $inv1 f64) (param $invSqrt2 f64)
    (param $eps f64) (param $theta f64) (param $decoupled i32) (param $a f64) (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $r i32) (local $t i32) (local $k i32) (local $h i32)
    (local $i i32) (local $z f64) (local $g f64) (local $xj f64) (local $y f64) (local $check f64) (local $o i32) (local $q i32)
    (local $mk f64) (local $vk f64) (local $d f64)
    (local.set $s0 (i32.load (i32.const 6144)))
    (local.set $s1 (i32.load (i32.const 6148)))
    (local.set $s2 (i32.load (i32.const 6152)))
    (local.set $s3 (i32.load (i32.const 6156)))
    (local.set $i (i32.rem_u (local.get $j) (local.get $dim)))
    (local.set $z (local.get $pending))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (block $drawn
          (br_if $drawn (f64.eq (local.get $z) (local.get $z)))
          (local.set $m (i32.mul (local.get $s1) (i32.const 5)))
          (local.set $r (i32.mul (i32.rotl (local.get $m) (i32.const 7)) (i32.const 9)))
          (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
          (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
          (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
          (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
          (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
          (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
          (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
          (local.set $k (i32.and (local.get $r) (i32.const 511)))
          (local.set $h (i32.shr_u (local.get $r) (i32.const 9)))
          (br_if $done (i32.ge_s (local.get $h) (i32.load (i32.shl (local.get $k) (i32.const 2)))))
          (local.set $z (f64.mul (f64.add (f64.convert_i32_s (local.get $h)) (f64.const 0.5))
                                 (f64.load offset=2048 (i32.shl (local.get $k) (i32.const 3))))))
        (local.set $o (i32.shl (local.get $j) (i32.const 3)))
        (local.set $q (i32.shl (local.get $i) (i32.const 3)))
        (local.set $xj (f64.load offset=114688 (local.get $o)))
        (local.set $g (f64.add (f64.mul (f64.load offset=8192 (local.get $q)) (local.get $xj))
                               (f64.mul (f64.load offset=12288 (local.get $q)) (local.get $z))))
        (local.set $mk (f64.add (f64.mul (local.get $beta1) (f64.load (i32.add (local.get $mom1) (local.get $o))))
                                (f64.mul (local.get $c1) (local.get $g))))
        (local.set $vk (f64.add (f64.mul (local.get $beta2) (f64.load (i32.add (local.get $mom2) (local.get $o))))
                                (f64.mul (f64.mul (local.get $c2) (local.get $g)) (local.get $g))))
        (f64.store (i32.add (local.get $mom1) (local.get $o)) (local.get $mk))
        (f64.store (i32.add (local.get $mom2) (local.get $o)) (local.get $vk))
        (local.set $d (f64.div (f64.mul (local.get $mk) (local.get $inv1))
                               (f64.add (f64.mul (f64.sqrt (local.get $vk)) (local.get $invSqrt2)) (local.get $eps))))
        (local.set $y (f64.add (local.get $xj)
          (f64.mul
            (select (f64.add (local.get $d) (f64.mul (local.get $theta) (local.get $xj))) (local.get $d) (local.get $decoupled))
            (local.get $a))))
        (f64.store offset=114688 (local.get $o) (local.get $y))
        (local.set $check (f64.add (local.get $check) (f64.mul (local.get $y) (f64.const 0))))
        (local.set $z (f64.const nan))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.eq (local.get $i) (local.get $dim)) (then (local.set $i (i32.const 0))))
        (br $next)))
    (i32.store (i32.const 6144) (local.get $s0))
    (i32.store (i32.const 6148) (local.get $s1))
    (i32.store (i32.const 6152) (local.get $s2))
    (i32.store (i32.const 6156) (local.get $s3))
    (i32.store (i32.const 6160) (local.get $r))
    (f64.store (i32.const 6168) (f64.add (f64.load (i32.const 6168)) (local.get $check)))
    (local.get $j))
;; Euler–Maruyama step of the SignSGD SDE under Gaussian noise (CLAIMS A2; signSgdGaussian.ts
  ;; `eulerStep` with BrownianPath increments dW_j = z_j, one fine step per step):
  ;;   e = erf(c_i·λ_i·x_j),   x_j ← x_j + κ·√|1 − e²|·z_j − e·dt,   κ = √η·√dt.
  ;; erf is fastErf: |u| ≥ 6 gives ±1; else with s = 256|u|, k = floor(s), w = s − k, w2 = w², row o = 8k:
  ;;   u·(((C₀ + C₁w) + w2(C₂ + C₃w)) + w2²(C₄ + C₅w)).
  (func (export "signSgdGaussianEuler")
    (param $dim i32) (param $j i32) (param $end i32) (param $pending f64) (param $kappa f64) (param $dt f64) (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $r i32) (local $t i32) (local $k i32) (local $h i32)
    (local $i i32) (local $z f64) (local $xj f64) (local $y f64) (local $check f64) (local $p i32) (local $q i32)
    (local $u f64) (local $au f64) (local $sc f64) (local $w f64) (local $w2 f64) (local $row i32) (local $e f64)
    (local.set $s0 (i32.load (i32.const 6144)))
    (local.set $s1 (i32.load (i32.const 6148)))
    (local.set $s2 (i32.load (i32.const 6152)))
    (local.set $s3 (i32.load (i32.const 6156)))
    (local.set $i (i32.rem_u (local.get $j) (local.get $dim)))
    (local.set $z (local.get $pending))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (block $drawn
          (br_if $drawn (f64.eq (local.get $z) (local.get $z)))
          (local.set $m (i32.mul (local.get $s1) (i32.const 5)))
          (local.set $r (i32.mul (i32.rotl (local.get $m) (i32.const 7)) (i32.const 9)))
          (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
          (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
          (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
          (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
          (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
          (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
          (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
          (local.set $k (i32.and (local.get $r) (i32.const 511)))
          (local.set $h (i32.shr_u (local.get $r) (i32.const 9)))
          (br_if $done (i32.ge_s (local.get $h) (i32.load (i32.shl (local.get $k) (i32.const 2)))))
          (local.set $z (f64.mul (f64.add (f64.convert_i32_s (local.get $h)) (f64.const 0.5))
                                 (f64.load offset=2048 (i32.shl (local.get $k) (i32.const 3))))))
        (local.set $p (i32.shl (local.get $j) (i32.const 3)))
        (local.set $q (i32.shl (local.get $i) (i32.const 3)))
        (local.set $xj (f64.load offset=114688 (local.get $p)))
        (local.set $u (f64.mul (f64.mul (f64.load offset=8192 (local.get $q)) (local.get $xj))
                               (f64.load offset=12288 (local.get $q))))
        (local.set $au (f64.abs (local.get $u)))
        (if (f64.ge (local.get $au) (f64.const 6))
          (then (local.set $e (select (f64.const -1) (f64.const 1) (f64.lt (local.get $u) (f64.const 0)))))
          (else
            (local.set $sc (f64.mul (local.get $au) (f64.const 256)))
            (local.set $row (i32.shl (i32.trunc_sat_f64_s (local.get $sc)) (i32.const 6)))
            (local.set $w (f64.sub (local.get $sc) (f64.convert_i32_s (i32.trunc_sat_f64_s (local.get $sc)))))
            (local.set $w2 (f64.mul (local.get $w) (local.get $w)))
            (local.set $e (f64.mul (local.get $u)
              (f64.add
                (f64.add
                  (f64.add (f64.load offset=16384 (local.get $row)) (f64.mul (f64.load offset=16392 (local.get $row)) (local.get $w)))
                  (f64.mul (local.get $w2) (f64.add (f64.load offset=16400 (local.get $row)) (f64.mul (f64.load offset=16408 (local.get $row)) (local.get $w)))))
                (f64.mul (f64.mul (local.get $w2) (local.get $w2))
                         (f64.add (f64.load offset=16416 (local.get $row)) (f64.mul (f64.load offset=16424 (local.get $row)) (local.get $w)))))))))
        (local.set $y (f64.sub
          (f64.add (local.get $xj)
            (f64.mul (f64.mul (local.get $kappa) (f64.sqrt (f64.abs (f64.sub (f64.const 1) (f64.mul (local.get $e) (local.get $e))))))
                     (local.get $z)))
          (f64.mul (local.get $e) (local.get $dt))))
        (f64.store offset=114688 (local.get $p) (local.get $y))
        (local.set $check (f64.add (local.get $check) (f64.mul (local.get $y) (f64.const 0))))
        (local.set $z (f64.const nan))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.eq (local.get $i) (local.get $dim)) (then (local.set $i (i32.const 0))))
        (br $next)))
    (i32.store (i32.const 6144) (local.get $s0))
    (i32.store (i32.const 6148) (local.get $s1))
    (i32.store (i32.const 6152) (local.get $s2))
    (i32.store (i32.const 6156) (local.get $s3))
    (i32.store (i32.const 6160) (local.get $r))
    (f64.store (i32.const 6168) (f64.add (f64.load (i32.const 6168)) (local.get $check)))
    (local.get $j))
)
