;; WebAssembly kernels of sdelens: the ziggurat's normal draws (src/random/zigguratKernel.ts) and
;; whole steps on the diagonal quadratic f(x) = ½ Σ λ_i x_i² (src/wasm/quadraticKernels.ts). Every
;; kernel does the operations of the JS code it stands in for, in the same order, so both give the
;; same bits and consume the xoshiro128** stream identically (the tests compare them bit for bit).
;; `;;#include F` lines are replaced by the file F of this folder at build time (npm run build:wasm).
;;
;; Memory (imported; the loader sizes it and writes the tables; the addresses are arena.ts's):
;;   0       ACCEPT23  i32[512]    ziggurat rectangle thresholds   (src/random/ziggurat.ts)
;;   2048    XS23      f64[512]    ziggurat signed widths · 2^−23  (idem)
;;   6144    STATE     i32[4]      xoshiro128** words s0..s3, between calls and around $slow
;;   8192    ZX        f64[257]    layer edges X_0..X_256          (idem)
;;   10752   ZF        f64[257]    f(X_i) = exp(−X_i²/2)           (idem)
;;   24576   COEF      f64[12288]  the fastErf table (src/sde/fastErf.ts: 8 per interval)
;;   122880  OUT       f64[≤ 4096] normals drawn by $fill: fill's and addScaled's block, or a
;;                                 step's block (≤ 1024 entries)
;; then, for fill and addScaled:
;;   155648  SC        f64[4096]   addScaled's scales
;; or, for the steps (their arenas never call fill with more than 1024 entries):
;;   131072  LAMB      f64[1024]   λ of a block's entries (entry t: coordinate t mod dim)
;;   139264  SCB       f64[1024]   s (optimizer steps), c = 1/(√2 s) (SignSGD SDE) or √η·ρ₁·σ
;;                                 (AdamW SDE), likewise
;;   147456  S2B       f64[1024]   σ² (AdamW SDE), likewise
;;   155648  X         f64[…]      x, then m, v (Adam moments, AdamW SDE state) at addresses passed in
;; Fixed addresses let the loops use immediate offsets: fewer live registers.
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
  (func $fill (export "fill") (param $end i32)
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

  ;; The steps on the diagonal quadratic run block by block: `$fill` draws the block's normals
  ;; into OUT (in element order, so the stream is consumed as the JS loop consumes it), then a
  ;; loop updates two entries per iteration (f64x2: the same IEEE operations in each lane as the
  ;; scalar code, so the same bits). A block holds `len` entries, an even multiple of dim, so
  ;; entry t of a block has coordinate t mod dim and reads λ and s from LAMB[t], SCB[t]. An odd
  ;; last entry is loaded into both lanes and only lane 0 is stored.
  ;; Each step returns Σ y·0 over the entries it wrote: 0 iff all are finite.

  ;; SignSGD step (signSgd.ts `advance` after diagonalQuadratic.gradient and gaussianNoise.addTo):
  ;;   g = λ_i x_j + s_i z_j;  x_j ← x_j + a·sign(g), a = −η, with sign(±0)·a = ±0·a and sign(NaN) = NaN.
  (func (export "signSgd") (param $n i32) (param $len i32) (param $a f64) (result f64)
    (local $j0 i32) (local $count i32) (local $end i32) (local $p i32) (local $q i32)
    (local $av v128) (local $check v128) (local $xv v128) (local $zv v128) (local $lv v128) (local $sv v128)
    (local $g v128) (local $yv v128)
    (local.set $av (f64x2.splat (local.get $a)))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $j0) (local.get $n)))
        ;;#include blockStart.watinc
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $xv (v128.load offset=155648 (local.get $q)))
            (local.set $zv (v128.load offset=122880 (local.get $p)))
            (local.set $lv (v128.load offset=131072 (local.get $p)))
            (local.set $sv (v128.load offset=139264 (local.get $p)))
            ;;#include signSgdPair.watinc
            (v128.store offset=155648 (local.get $q) (local.get $yv))
            (local.set $check (f64x2.add (local.get $check) (f64x2.mul (local.get $yv) (v128.const f64x2 0 0))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $pairs)))
        (if (i32.and (local.get $count) (i32.const 1))
          (then
            (local.set $xv (v128.load64_splat offset=155648 (local.get $q)))
            (local.set $zv (v128.load64_splat offset=122880 (local.get $p)))
            (local.set $lv (v128.load64_splat offset=131072 (local.get $p)))
            (local.set $sv (v128.load64_splat offset=139264 (local.get $p)))
            ;;#include signSgdPair.watinc
            (v128.store64_lane offset=155648 0 (local.get $q) (local.get $yv))
            (local.set $check (f64x2.add (local.get $check) (f64x2.mul (local.get $yv) (v128.const f64x2 0 0))))))
        (br $block)))
    (f64.add (f64x2.extract_lane 0 (local.get $check)) (f64x2.extract_lane 1 (local.get $check))))

  ;; Adam(W) step k (adam.ts `advance`), g as in SignSGD, the moments m, v at byte addresses
  ;; mom1, mom2 (entry j at + 8j); inv1 = 1/(1 − β₁ᵏ), invSqrt2 = 1/√(1 − β₂ᵏ), c₁ = 1 − β₁, c₂ = 1 − β₂.
  (func (export "adam")
    (param $mom1 i32) (param $mom2 i32) (param $n i32) (param $len i32)
    (param $beta1 f64) (param $c1 f64) (param $beta2 f64) (param $c2 f64) (param $inv1 f64) (param $invSqrt2 f64)
    (param $eps f64) (param $theta f64) (param $decoupled i32) (param $a f64) (result f64)
    (local $j0 i32) (local $count i32) (local $end i32) (local $p i32) (local $q i32)
    (local $beta1v v128) (local $c1v v128) (local $beta2v v128) (local $c2v v128) (local $inv1v v128)
    (local $invSqrt2v v128) (local $epsv v128) (local $thetav v128) (local $av v128) (local $check v128)
    (local $xv v128) (local $zv v128) (local $lv v128) (local $sv v128) (local $g v128) (local $mk v128) (local $vk v128)
    (local $d v128) (local $yv v128)
    (local.set $beta1v (f64x2.splat (local.get $beta1)))
    (local.set $c1v (f64x2.splat (local.get $c1)))
    (local.set $beta2v (f64x2.splat (local.get $beta2)))
    (local.set $c2v (f64x2.splat (local.get $c2)))
    (local.set $inv1v (f64x2.splat (local.get $inv1)))
    (local.set $invSqrt2v (f64x2.splat (local.get $invSqrt2)))
    (local.set $epsv (f64x2.splat (local.get $eps)))
    (local.set $thetav (f64x2.splat (local.get $theta)))
    (local.set $av (f64x2.splat (local.get $a)))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $j0) (local.get $n)))
        ;;#include blockStart.watinc
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $xv (v128.load offset=155648 (local.get $q)))
            (local.set $zv (v128.load offset=122880 (local.get $p)))
            (local.set $lv (v128.load offset=131072 (local.get $p)))
            (local.set $sv (v128.load offset=139264 (local.get $p)))
            (local.set $mk (v128.load (i32.add (local.get $mom1) (local.get $q))))
            (local.set $vk (v128.load (i32.add (local.get $mom2) (local.get $q))))
            ;;#include adamPair.watinc
            (v128.store (i32.add (local.get $mom1) (local.get $q)) (local.get $mk))
            (v128.store (i32.add (local.get $mom2) (local.get $q)) (local.get $vk))
            (v128.store offset=155648 (local.get $q) (local.get $yv))
            (local.set $check (f64x2.add (local.get $check) (f64x2.mul (local.get $yv) (v128.const f64x2 0 0))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $pairs)))
        (if (i32.and (local.get $count) (i32.const 1))
          (then
            (local.set $xv (v128.load64_splat offset=155648 (local.get $q)))
            (local.set $zv (v128.load64_splat offset=122880 (local.get $p)))
            (local.set $lv (v128.load64_splat offset=131072 (local.get $p)))
            (local.set $sv (v128.load64_splat offset=139264 (local.get $p)))
            (local.set $mk (v128.load64_splat (i32.add (local.get $mom1) (local.get $q))))
            (local.set $vk (v128.load64_splat (i32.add (local.get $mom2) (local.get $q))))
            ;;#include adamPair.watinc
            (v128.store64_lane 0 (i32.add (local.get $mom1) (local.get $q)) (local.get $mk))
            (v128.store64_lane 0 (i32.add (local.get $mom2) (local.get $q)) (local.get $vk))
            (v128.store64_lane offset=155648 0 (local.get $q) (local.get $yv))
            (local.set $check (f64x2.add (local.get $check) (f64x2.mul (local.get $yv) (v128.const f64x2 0 0))))))
        (br $block)))
    (f64.add (f64x2.extract_lane 0 (local.get $check)) (f64x2.extract_lane 1 (local.get $check))))

  ;; Euler–Maruyama step of the Gaussian SignSGD SDE (CLAIMS A2; signSgdGaussian.ts `eulerStep`
  ;; with BrownianPath increments dW_j = z_j, one fine step per step), κ = √η·√dt; SCB holds
  ;; c = 1/(√2 s) for each entry (see eulerPair.watinc).
  (func (export "signSgdGaussianEuler") (param $n i32) (param $len i32) (param $kappa f64) (param $dt f64) (result f64)
    (local $j0 i32) (local $count i32) (local $end i32) (local $p i32) (local $q i32) (local $row0 i32) (local $row1 i32)
    (local $kappav v128) (local $dtv v128) (local $check v128)
    (local $xv v128) (local $zv v128) (local $lv v128) (local $sv v128) (local $u v128) (local $sc v128) (local $kf v128) (local $ki v128)
    (local $w v128) (local $w2 v128) (local $ca v128) (local $cb v128) (local $poly v128) (local $e v128) (local $yv v128)
    (local.set $kappav (f64x2.splat (local.get $kappa)))
    (local.set $dtv (f64x2.splat (local.get $dt)))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $j0) (local.get $n)))
        ;;#include blockStart.watinc
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $xv (v128.load offset=155648 (local.get $q)))
            (local.set $zv (v128.load offset=122880 (local.get $p)))
            (local.set $lv (v128.load offset=131072 (local.get $p)))
            (local.set $sv (v128.load offset=139264 (local.get $p)))
            ;;#include eulerPair.watinc
            (v128.store offset=155648 (local.get $q) (local.get $yv))
            (local.set $check (f64x2.add (local.get $check) (f64x2.mul (local.get $yv) (v128.const f64x2 0 0))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $pairs)))
        (if (i32.and (local.get $count) (i32.const 1))
          (then
            (local.set $xv (v128.load64_splat offset=155648 (local.get $q)))
            (local.set $zv (v128.load64_splat offset=122880 (local.get $p)))
            (local.set $lv (v128.load64_splat offset=131072 (local.get $p)))
            (local.set $sv (v128.load64_splat offset=139264 (local.get $p)))
            ;;#include eulerPair.watinc
            (v128.store64_lane offset=155648 0 (local.get $q) (local.get $yv))
            (local.set $check (f64x2.add (local.get $check) (f64x2.mul (local.get $yv) (v128.const f64x2 0 0))))))
        (br $block)))
    (f64.add (f64x2.extract_lane 0 (local.get $check)) (f64x2.extract_lane 1 (local.get $check))))

  ;; Euler–Maruyama step of the AdamW SDE (CLAIMS B2; adamW.ts drift, eulerMaruyama.ts update with
  ;; BrownianPath increments dW = √δ·z for the M block, one fine step per step). The state is
  ;; x, m, v with m, v at byte addresses mom1, mom2; see adamWSdePair.watinc.
  (func (export "adamWSdeEuler")
    (param $mom1 i32) (param $mom2 i32) (param $n i32) (param $len i32)
    (param $negPrefactor f64) (param $eps f64) (param $theta f64) (param $rho1 f64) (param $rho2 f64)
    (param $gWeight f64) (param $dt f64) (param $sqrtDt f64) (result f64)
    (local $j0 i32) (local $count i32) (local $end i32) (local $p i32) (local $q i32)
    (local $negPrefactorv v128) (local $epsv v128) (local $thetav v128) (local $rho1v v128) (local $rho2v v128)
    (local $gWeightv v128) (local $dtv v128) (local $sqrtDtv v128) (local $check v128)
    (local $xv v128) (local $zv v128) (local $lv v128) (local $bv v128) (local $s2v v128) (local $mv v128) (local $vv v128)
    (local $g v128) (local $yx v128) (local $ym v128) (local $yv v128)
    (local.set $negPrefactorv (f64x2.splat (local.get $negPrefactor)))
    (local.set $epsv (f64x2.splat (local.get $eps)))
    (local.set $thetav (f64x2.splat (local.get $theta)))
    (local.set $rho1v (f64x2.splat (local.get $rho1)))
    (local.set $rho2v (f64x2.splat (local.get $rho2)))
    (local.set $gWeightv (f64x2.splat (local.get $gWeight)))
    (local.set $dtv (f64x2.splat (local.get $dt)))
    (local.set $sqrtDtv (f64x2.splat (local.get $sqrtDt)))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $j0) (local.get $n)))
        ;;#include blockStart.watinc
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $xv (v128.load offset=155648 (local.get $q)))
            (local.set $mv (v128.load (i32.add (local.get $mom1) (local.get $q))))
            (local.set $vv (v128.load (i32.add (local.get $mom2) (local.get $q))))
            (local.set $zv (v128.load offset=122880 (local.get $p)))
            (local.set $lv (v128.load offset=131072 (local.get $p)))
            (local.set $bv (v128.load offset=139264 (local.get $p)))
            (local.set $s2v (v128.load offset=147456 (local.get $p)))
            ;;#include adamWSdePair.watinc
            (v128.store offset=155648 (local.get $q) (local.get $yx))
            (v128.store (i32.add (local.get $mom1) (local.get $q)) (local.get $ym))
            (v128.store (i32.add (local.get $mom2) (local.get $q)) (local.get $yv))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $pairs)))
        (if (i32.and (local.get $count) (i32.const 1))
          (then
            (local.set $xv (v128.load64_splat offset=155648 (local.get $q)))
            (local.set $mv (v128.load64_splat (i32.add (local.get $mom1) (local.get $q))))
            (local.set $vv (v128.load64_splat (i32.add (local.get $mom2) (local.get $q))))
            (local.set $zv (v128.load64_splat offset=122880 (local.get $p)))
            (local.set $lv (v128.load64_splat offset=131072 (local.get $p)))
            (local.set $bv (v128.load64_splat offset=139264 (local.get $p)))
            (local.set $s2v (v128.load64_splat offset=147456 (local.get $p)))
            ;;#include adamWSdePair.watinc
            (v128.store64_lane offset=155648 0 (local.get $q) (local.get $yx))
            (v128.store64_lane 0 (i32.add (local.get $mom1) (local.get $q)) (local.get $ym))
            (v128.store64_lane 0 (i32.add (local.get $mom2) (local.get $q)) (local.get $yv))))
        (br $block)))
    (f64.add (f64x2.extract_lane 0 (local.get $check)) (f64x2.extract_lane 1 (local.get $check))))
)
