// AssemblyScript (compiled by scripts/build-wasm.ts, not by tsc): the moment-accumulation kernel.
//
// One call processes a block of B rows (B a multiple of 4) laid out column by column in linear
// memory: K input columns at zPtr and the outcome at yPtr, raw values that are standardized here
// in place: z = (x - shift) * invScale, y' = (y - yShift) * yInvScale. Monomial m's column is parent(m)'s column times input column variable(m); columns of
// monomials that are parents of others (index < qStore) are kept in colPtr, the rest are only
// summed. sums[m] += sum of monomial m over the block; ysums[m] += sum of monomial m * y for m < p.
// Column 0 at colPtr must hold ones. f64x2 lanes carry two rows; two accumulators per sum.

export function accumulateBlock(
  K: i32, q: i32, p: i32, qStore: i32, B: i32,
  shiftPtr: usize, invScalePtr: usize, yShift: f64, yInvScale: f64,
  parentPtr: usize, variablePtr: usize,
  zPtr: usize, yPtr: usize, colPtr: usize, sumPtr: usize, ysumPtr: usize,
): void {
  const rowBytes: usize = <usize>B << 3;
  for (let v = 0; v < K; v++) {
    const s = f64x2.splat(load<f64>(shiftPtr + (<usize>v << 3)));
    const r = f64x2.splat(load<f64>(invScalePtr + (<usize>v << 3)));
    const base = zPtr + <usize>v * rowBytes;
    for (let i: usize = 0; i < rowBytes; i += 16) v128.store(base + i, f64x2.mul(f64x2.sub(v128.load(base + i), s), r));
  }
  const ys = f64x2.splat(yShift);
  const yr = f64x2.splat(yInvScale);
  let ytot0 = f64x2.splat(0);
  for (let i: usize = 0; i < rowBytes; i += 16) {
    const yv = f64x2.mul(f64x2.sub(v128.load(yPtr + i), ys), yr);
    v128.store(yPtr + i, yv);
    ytot0 = f64x2.add(ytot0, yv);
  }
  store<f64>(ysumPtr, load<f64>(ysumPtr) + f64x2.extract_lane(ytot0, 0) + f64x2.extract_lane(ytot0, 1));

  for (let m = 1; m < q; m++) {
    const par = load<i32>(parentPtr + (<usize>m << 2));
    const v = load<i32>(variablePtr + (<usize>m << 2));
    const src = colPtr + <usize>par * rowBytes;
    const zc = zPtr + <usize>v * rowBytes;
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    if (m < p) {
      const dst = colPtr + <usize>m * rowBytes;
      let b0 = f64x2.splat(0);
      let b1 = f64x2.splat(0);
      for (let i: usize = 0; i < rowBytes; i += 32) {
        const x0 = f64x2.mul(v128.load(src + i), v128.load(zc + i));
        const x1 = f64x2.mul(v128.load(src + i + 16), v128.load(zc + i + 16));
        v128.store(dst + i, x0);
        v128.store(dst + i + 16, x1);
        a0 = f64x2.add(a0, x0);
        a1 = f64x2.add(a1, x1);
        b0 = f64x2.add(b0, f64x2.mul(x0, v128.load(yPtr + i)));
        b1 = f64x2.add(b1, f64x2.mul(x1, v128.load(yPtr + i + 16)));
      }
      const b = f64x2.add(b0, b1);
      const yp = ysumPtr + (<usize>m << 3);
      store<f64>(yp, load<f64>(yp) + f64x2.extract_lane(b, 0) + f64x2.extract_lane(b, 1));
    } else if (m < qStore) {
      const dst = colPtr + <usize>m * rowBytes;
      for (let i: usize = 0; i < rowBytes; i += 32) {
        const x0 = f64x2.mul(v128.load(src + i), v128.load(zc + i));
        const x1 = f64x2.mul(v128.load(src + i + 16), v128.load(zc + i + 16));
        v128.store(dst + i, x0);
        v128.store(dst + i + 16, x1);
        a0 = f64x2.add(a0, x0);
        a1 = f64x2.add(a1, x1);
      }
    } else {
      for (let i: usize = 0; i < rowBytes; i += 32) {
        a0 = f64x2.add(a0, f64x2.mul(v128.load(src + i), v128.load(zc + i)));
        a1 = f64x2.add(a1, f64x2.mul(v128.load(src + i + 16), v128.load(zc + i + 16)));
      }
    }
    const a = f64x2.add(a0, a1);
    const sp = sumPtr + (<usize>m << 3);
    store<f64>(sp, load<f64>(sp) + f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1));
  }
}
