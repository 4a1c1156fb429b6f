;; Standard normal draws by the ziggurat of src/random/ziggurat.ts, with xoshiro128** stepped in
;; registers: the hot loops of fillNormal and addScaledNormals (src/random/normal.ts,
;; src/random/addScaledNormals.ts). The arithmetic is that of the scalar reference `normal(rng)`
;; operation for operation, so both give the same bits.
;;
;; One draw: a = xoshiro128** output, k = a & 511 (layer and sign), h = a >>> 9 (23-bit uniform);
;; accepted when h < ACCEPT23[k], with value (h + ½)·XS23[k]. A draw that fails the rectangle test
;; (~1%) stops the loop: the function returns its index and leaves a at STATE + 16, and the caller
;; finishes it with the wedge/tail code (ziggurat.ts `slowPath`) and calls again.
;;
;; Memory (one 64 KiB page... two, fixed; it never grows, so views on it stay valid):
;;   0      ACCEPT23  i32[512]   written by the loader from ziggurat.ts
;;   2048   XS23      f64[512]   idem
;;   6144   STATE     i32[4] xoshiro words s0..s3, then i32 a (the last output)
;;   8192   OUT       f64[4096]  the block being filled
;;   40960  SCALE     f64[4096]  per-entry scale of addScaled
(module
  (memory (export "memory") 2)

  ;; out[j] = Z_j for j = start, start+1, … < end; returns the index of the first draw that needs the
  ;; slow path, or end.
  (func (export "fill") (param $j i32) (param $end i32) (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $a i32) (local $t i32) (local $k i32) (local $h i32)
    (local.set $s0 (i32.load (i32.const 6144)))
    (local.set $s1 (i32.load (i32.const 6148)))
    (local.set $s2 (i32.load (i32.const 6152)))
    (local.set $s3 (i32.load (i32.const 6156)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        ;; xoshiro128**: a = rotl(5·s1, 7)·9, then the state transition
        (local.set $m (i32.mul (local.get $s1) (i32.const 5)))
        (local.set $a (i32.mul (i32.rotl (local.get $m) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        ;; ziggurat rectangle test
        (local.set $k (i32.and (local.get $a) (i32.const 511)))
        (local.set $h (i32.shr_u (local.get $a) (i32.const 9)))
        (br_if $done (i32.ge_s (local.get $h) (i32.load (i32.shl (local.get $k) (i32.const 2)))))
        (f64.store offset=8192 (i32.shl (local.get $j) (i32.const 3))
          (f64.mul (f64.add (f64.convert_i32_s (local.get $h)) (f64.const 0.5))
                   (f64.load offset=2048 (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next)))
    (i32.store (i32.const 6144) (local.get $s0))
    (i32.store (i32.const 6148) (local.get $s1))
    (i32.store (i32.const 6152) (local.get $s2))
    (i32.store (i32.const 6156) (local.get $s3))
    (i32.store (i32.const 6160) (local.get $a))
    (local.get $j))

  ;; out[j] += scale[j]·Z_j for j = start, … < end; returns as fill does.
  (func (export "addScaled") (param $j i32) (param $end i32) (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $a i32) (local $t i32) (local $k i32) (local $h i32) (local $p i32)
    (local.set $s0 (i32.load (i32.const 6144)))
    (local.set $s1 (i32.load (i32.const 6148)))
    (local.set $s2 (i32.load (i32.const 6152)))
    (local.set $s3 (i32.load (i32.const 6156)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $m (i32.mul (local.get $s1) (i32.const 5)))
        (local.set $a (i32.mul (i32.rotl (local.get $m) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        (local.set $k (i32.and (local.get $a) (i32.const 511)))
        (local.set $h (i32.shr_u (local.get $a) (i32.const 9)))
        (br_if $done (i32.ge_s (local.get $h) (i32.load (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $p (i32.shl (local.get $j) (i32.const 3)))
        ;; out[j] + scale[j]·((h + ½)·XS23[k]), in the order of the scalar code
        (f64.store offset=8192 (local.get $p)
          (f64.add (f64.load offset=8192 (local.get $p))
            (f64.mul (f64.load offset=40960 (local.get $p))
              (f64.mul (f64.add (f64.convert_i32_s (local.get $h)) (f64.const 0.5))
                       (f64.load offset=2048 (i32.shl (local.get $k) (i32.const 3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next)))
    (i32.store (i32.const 6144) (local.get $s0))
    (i32.store (i32.const 6148) (local.get $s1))
    (i32.store (i32.const 6152) (local.get $s2))
    (i32.store (i32.const 6156) (local.get $s3))
    (i32.store (i32.const 6160) (local.get $a))
    (local.get $j))
)
