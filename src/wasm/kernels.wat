;; WebAssembly kernels of sdelens: the ziggurat's normal draws (src/random/zigguratKernel.ts) and
;; whole steps on the diagonal quadratic f(x) = ½ Σ λ_i x_i² (src/wasm/quadraticKernels.ts). Every
;; kernel does the operations of the JS code it stands in for, in the same order, so both give the
;; same bits and consume the xoshiro128** stream identically (the tests compare them bit for bit).
;; `;;#include F` lines are replaced by the file F of this folder at build time (npm run build:wasm).
;;
;; Memory (imported; the loader sizes it and writes the tables):
;;   0       ACCEPT23  i32[512]    ziggurat rectangle thresholds   (src/random/ziggurat.ts)
;;   2048    XS23      f64[512]    ziggurat signed widths · 2^−23  (idem)
;;   6144    STATE     i32[4]      xoshiro128** words s0..s3, between calls and around $slow
;;   8192    ZX        f64[257]    layer edges X_0..X_256          (idem)
;;   10752   ZF        f64[257]    f(X_i) = exp(−X_i²/2)           (idem)
;;   16384   LAM       f64[≤ 512]  λ
;;   20480   SCALE     f64[≤ 512]  s (optimizer steps) or c = 1/(√2 s) (SDE step)
;;   24576   COEF      f64[12288]  the fastErf table (src/sde/fastErf.ts: 8 per interval)
;;   122880  X         f64[…]      x (then the Adam moments m, v at offsets passed in), or the
;;                                 block of normals (fill, addScaled) and at 155648 its scales
;; Fixed addresses let the loops use immediate offsets: fewer live registers (measured 85 → 106
;; M/s for the SignSGD step). Steps return Σ y·0 over the entries they wrote: 0 iff all finite
;; (an i32 flag from f64.ne cost a third of the loop's speed on V8).
(module
  (import "env" "memory" (memory 1))
  (import "math" "exp" (func $exp (param f64) (result f64)))
  (import "math" "log" (func $log (param f64) (result f64)))

  (func $storeState (param $s0 i32) (param $s1 i32) (param $s2 i32) (param $s3 i32)
    (i32.store (i32.const 6144) (local.get $s0))
    (i32.store (i32.const 6148) (local.get $s1))
    (i32.store (i32.const 6152) (local.get $s2))
    (i32.store (i32.const 6156) (local.get $s3)))

  ;; One xoshiro128** output from the state in memory (the slow path's draws).
  (func $next (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $m i32) (local $t i32)
    ;;#include loadState.watinc
    (local.set $m (i32.mul (local.get $s1) (i32.const 5)))
    (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
    (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
    (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
    (call $storeState
      (i32.xor (local.get $s0) (local.get $s3))
      (i32.xor (local.get $s1) (local.get $s2))
      (i32.xor (local.get $s2) (local.get $t))
      (i32.rotl (local.get $s3) (i32.const 11)))
    (i32.mul (i32.rotl (local.get $m) (i32.const 7)) (i32.const 9)))

  ;; xoshiro.ts nextDouble: ((a >>> 5)·2^26 + (b >>> 6))·2^−53 for two outputs a, b.
  (func $uniform53 (result f64)
    (f64.mul
      (f64.add (f64.mul (f64.convert_i32_u (i32.shr_u (call $next) (i32.const 5))) (f64.const 67108864))
               (f64.convert_i32_u (i32.shr_u (call $next) (i32.const 6))))
      (f64.const 1.1102230246251565e-16)))

  ;; ziggurat.ts slowPath for a draw (k, h) that failed the rectangle test; NaN means draw again.
  ;; Layer 0, the tail (Marsaglia): e₁ = −ln(1 − U)/r, e₂ = −ln(1 − U), until 2e₂ ≥ e₁²; ±(r + e₁).
  ;; Layer i ≥ 1, the wedge: x = u·X_i with u = (h + ½)·2^−23; accept ±x when
  ;; f(X_i) + U·(f(X_{i+1}) − f(X_i)) < exp(−½x²).
  (func $slow (param $k i32) (param $h i32) (result f64)
    (local $q i32) (local $sign f64) (local $r f64) (local $e1 f64) (local $e2 f64) (local $x f64) (local $y f64)
    (local.set $q (i32.shl (i32.and (local.get $k) (i32.const 255)) (i32.const 3)))
    (local.set $sign (select (f64.const 1) (f64.const -1) (i32.lt_u (local.get $k) (i32.const 256))))
    (if (i32.eqz (local.get $q))
      (then
        (local.set $r (f64.load offset=8200 (i32.const 0)))
        (loop $tail
          (local.set $e1 (f64.div (f64.neg (call $log (f64.sub (f64.const 1) (call $uniform53)))) (local.get $r)))
          (local.set $e2 (f64.neg (call $log (f64.sub (f64.const 1) (call $uniform53)))))
          (br_if $tail (i32.eqz (f64.ge (f64.mul (f64.const 2) (local.get $e2)) (f64.mul (local.get $e1) (local.get $e1))))))
        (return (f64.mul (local.get $sign) (f64.add (local.get $r) (local.get $e1))))))
    (local.set $x (f64.mul (f64.mul (f64.add (f64.convert_i32_s (local.get $h)) (f64.const 0.5)) (f64.const 1.1920928955078125e-7))
                           (f64.load offset=8192 (local.get $q))))
    (local.set $y (f64.add (f64.load offset=10752 (local.get $q))
                           (f64.mul (call $uniform53) (f64.sub (f64.load offset=10760 (local.get $q)) (f64.load offset=10752 (local.get $q))))))
    (select (f64.mul (local.get $sign) (local.get $x)) (f64.const nan)
            (f64.lt (local.get $y) (call $exp (f64.mul (f64.mul (f64.const -0.5) (local.get $x)) (local.get $x))))))

  ;; OUT[j] = Z_j for j < end (fillNormal).
  (func (export "fill") (param $end i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $r i32) (local $t i32) (local $k i32) (local $h i32) (local $z f64) (local $j i32)
    ;;#include loadState.watinc
    (local.set $z (f64.const nan))
    (block $done
      (loop $resume
      (block $slow
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        ;;#include drawNormal.watinc
        (f64.store offset=122880 (i32.shl (local.get $j) (i32.const 3)) (local.get $z))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (local.set $z (f64.const nan))
        (br $next)))
      ;;#include slowDraw.watinc
      (br $resume)))
    (call $storeState (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3)))

  ;; OUT[j] += SC[j]·Z_j for j < end (addScaledNormals).
  (func (export "addScaled") (param $end i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $r i32) (local $t i32) (local $k i32) (local $h i32) (local $z f64) (local $j i32) (local $p i32)
    ;;#include loadState.watinc
    (local.set $z (f64.const nan))
    (block $done
      (loop $resume
      (block $slow
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        ;;#include drawNormal.watinc
        (local.set $p (i32.shl (local.get $j) (i32.const 3)))
        (f64.store offset=122880 (local.get $p)
          (f64.add (f64.load offset=122880 (local.get $p)) (f64.mul (f64.load offset=155648 (local.get $p)) (local.get $z))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (local.set $z (f64.const nan))
        (br $next)))
      ;;#include slowDraw.watinc
      (br $resume)))
    (call $storeState (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3)))

  ;; SignSGD step (signSgd.ts `advance` after diagonalQuadratic.gradient and gaussianNoise.addTo):
  ;;   g = λ_i x_j + s_i z_j;  x_j ← x_j + a·sign(g), a = −η, with sign(±0)·a = ±0·a and sign(NaN) = NaN.
  (func (export "signSgd") (param $dim i32) (param $n i32) (param $a f64) (result f64)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $r i32) (local $t i32) (local $k i32) (local $h i32) (local $z f64)
    (local $j i32) (local $i i32) (local $p i32) (local $q i32) (local $g f64) (local $xj f64) (local $y f64) (local $check f64)
    ;;#include loadState.watinc
    (local.set $z (f64.const nan))
    (block $done
      (loop $resume
      (block $slow
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        ;;#include drawNormal.watinc
        (local.set $p (i32.shl (local.get $j) (i32.const 3)))
        (local.set $q (i32.shl (local.get $i) (i32.const 3)))
        (local.set $xj (f64.load offset=122880 (local.get $p)))
        (local.set $g (f64.add (f64.mul (f64.load offset=16384 (local.get $q)) (local.get $xj))
                               (f64.mul (f64.load offset=20480 (local.get $q)) (local.get $z))))
        (local.set $y (f64.add (local.get $xj)
          (select
            (f64.mul (f64.convert_i32_s (i32.sub (f64.gt (local.get $g) (f64.const 0)) (f64.lt (local.get $g) (f64.const 0))))
                     (local.get $a))
            (f64.mul (local.get $g) (local.get $a))
            (f64.gt (f64.abs (local.get $g)) (f64.const 0)))))
        (f64.store offset=122880 (local.get $p) (local.get $y))
        (local.set $check (f64.add (local.get $check) (f64.mul (local.get $y) (f64.const 0))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.eq (local.get $i) (local.get $dim)) (then (local.set $i (i32.const 0))))
        (local.set $z (f64.const nan))
        (br $next)))
      ;;#include slowDraw.watinc
      (br $resume)))
    (call $storeState (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3))
    (local.get $check))

  ;; Adam(W) step k (adam.ts `advance`), g as above:
  ;;   m ← β₁m + c₁g;  v ← β₂v + (c₂g)g;  d = (m·inv1)/(√v·invSqrt2 + ε),
  ;;   inv1 = 1/(1 − β₁ᵏ), invSqrt2 = 1/√(1 − β₂ᵏ);  x ← x + (d + θx)·a (AdamW) or x + d·a (Adam).
  (func (export "adam")
    (param $mom1 i32) (param $mom2 i32) (param $dim i32) (param $n i32)
    (param $beta1 f64) (param $c1 f64) (param $beta2 f64) (param $c2 f64) (param $inv1 f64) (param $invSqrt2 f64)
    (param $eps f64) (param $theta f64) (param $decoupled i32) (param $a f64) (result f64)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $r i32) (local $t i32) (local $k i32) (local $h i32) (local $z f64)
    (local $j i32) (local $i i32) (local $o i32) (local $q i32) (local $g f64) (local $xj f64) (local $y f64) (local $check f64)
    (local $mk f64) (local $vk f64) (local $d f64)
    ;;#include loadState.watinc
    (local.set $z (f64.const nan))
    (block $done
      (loop $resume
      (block $slow
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        ;;#include drawNormal.watinc
        (local.set $o (i32.shl (local.get $j) (i32.const 3)))
        (local.set $q (i32.shl (local.get $i) (i32.const 3)))
        (local.set $xj (f64.load offset=122880 (local.get $o)))
        (local.set $g (f64.add (f64.mul (f64.load offset=16384 (local.get $q)) (local.get $xj))
                               (f64.mul (f64.load offset=20480 (local.get $q)) (local.get $z))))
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
        (f64.store offset=122880 (local.get $o) (local.get $y))
        (local.set $check (f64.add (local.get $check) (f64.mul (local.get $y) (f64.const 0))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.eq (local.get $i) (local.get $dim)) (then (local.set $i (i32.const 0))))
        (local.set $z (f64.const nan))
        (br $next)))
      ;;#include slowDraw.watinc
      (br $resume)))
    (call $storeState (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3))
    (local.get $check))

  ;; Euler–Maruyama step of the Gaussian SignSGD SDE (CLAIMS A2; signSgdGaussian.ts `eulerStep`
  ;; with BrownianPath increments dW_j = z_j, one fine step per step):
  ;;   e = erf(c_i·λ_i·x_j),   x_j ← x_j + κ·√|1 − e²|·z_j − e·dt,   κ = √η·√dt.
  ;; erf is fastErf: |u| ≥ 6 gives ±1; else with s = 256|u|, k = floor(s), w = s − k, w2 = w², row 8k:
  ;;   u·(((C₀ + C₁w) + w2(C₂ + C₃w)) + w2²(C₄ + C₅w)).
  (func (export "signSgdGaussianEuler") (param $dim i32) (param $n i32) (param $kappa f64) (param $dt f64) (result f64)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $r i32) (local $t i32) (local $k i32) (local $h i32) (local $z f64)
    (local $j i32) (local $i i32) (local $p i32) (local $q i32) (local $xj f64) (local $y f64) (local $check f64)
    (local $u f64) (local $au f64) (local $sc f64) (local $w f64) (local $w2 f64) (local $row i32) (local $e f64)
    ;;#include loadState.watinc
    (local.set $z (f64.const nan))
    (block $done
      (loop $resume
      (block $slow
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        ;;#include drawNormal.watinc
        (local.set $p (i32.shl (local.get $j) (i32.const 3)))
        (local.set $q (i32.shl (local.get $i) (i32.const 3)))
        (local.set $xj (f64.load offset=122880 (local.get $p)))
        (local.set $u (f64.mul (f64.mul (f64.load offset=16384 (local.get $q)) (local.get $xj))
                               (f64.load offset=20480 (local.get $q))))
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
                  (f64.add (f64.load offset=24576 (local.get $row)) (f64.mul (f64.load offset=24584 (local.get $row)) (local.get $w)))
                  (f64.mul (local.get $w2) (f64.add (f64.load offset=24592 (local.get $row)) (f64.mul (f64.load offset=24600 (local.get $row)) (local.get $w)))))
                (f64.mul (f64.mul (local.get $w2) (local.get $w2))
                         (f64.add (f64.load offset=24608 (local.get $row)) (f64.mul (f64.load offset=24616 (local.get $row)) (local.get $w)))))))))
        (local.set $y (f64.sub
          (f64.add (local.get $xj)
            (f64.mul (f64.mul (local.get $kappa) (f64.sqrt (f64.abs (f64.sub (f64.const 1) (f64.mul (local.get $e) (local.get $e))))))
                     (local.get $z)))
          (f64.mul (local.get $e) (local.get $dt))))
        (f64.store offset=122880 (local.get $p) (local.get $y))
        (local.set $check (f64.add (local.get $check) (f64.mul (local.get $y) (f64.const 0))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.eq (local.get $i) (local.get $dim)) (then (local.set $i (i32.const 0))))
        (local.set $z (f64.const nan))
        (br $next)))
      ;;#include slowDraw.watinc
      (br $resume)))
    (call $storeState (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3))
    (local.get $check))
)
