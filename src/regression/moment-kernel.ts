import {WASM_BASE64} from "../wasm/moments-wasm.generated.js";
import {accumulateMoments, requireFiniteMoments, requireRows, type Accumulate, type MomentLayout, type Moments} from "./moments.js";
import {accumulateSetMoments, type AccumulateSet, type SetLayout} from "./monomial-set.js";
import {fail, requireFiniteColumn, requireFiniteColumns, requireInteger} from "../validate.js";

/** The one hot loop of every fit, by name (results files record which one made them). */
export interface MomentKernel {
  readonly name: "typescript" | "wasm-simd";
  readonly accumulate: Accumulate;
  /** the same loop over a sparse monomial set (monomial-set.ts) */
  readonly accumulateSet: AccumulateSet;
}

/** Checks a set-kernel call: nVars finite action columns and a finite outcome over rows [start, end); after it, finite sums. */
function requireSetRows(set: SetLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number): void {
  requireInteger("start row", start, 0);
  requireInteger("end row", end, start);
  requireFiniteColumns("actions", x, set.nVars, start, end, (c) => `action ${c}`);
  requireFiniteColumn("outcome", y, start, end);
}

function requireFiniteSetMoments(m: Moments): void {
  let finite = Number.isFinite(m.y) && Number.isFinite(m.yy);
  for (let i = 0; finite && i < m.mono.length; i++) finite = Number.isFinite(m.mono[i]);
  for (let i = 0; finite && i < m.monoY.length; i++) finite = Number.isFinite(m.monoY[i]);
  if (!finite) fail("set moments overflow: a row lies so far from the standardization's location that its high-degree monomials are not finite");
}

/** The plain-TypeScript kernel: the reference in tests and the fallback everywhere. */
export const typescriptKernel: MomentKernel = {
  name: "typescript",
  accumulate: accumulateMoments,
  accumulateSet(set, x, y, start, end, target) {
    requireSetRows(set, x, y, start, end);
    accumulateSetMoments(set, x, y, start, end, target);
    requireFiniteSetMoments(target);
  },
};

/** What the WebAssembly loop needs: sizes, the parent/variable tables and the standardization. */
interface KernelPlan {
  K: number;
  q: number;
  p: number;
  qStore: number;
  parent: Int32Array;
  variable: Int32Array;
  shiftX: Float64Array;
  invScaleX: Float64Array;
  shiftY: number;
  scaleY: number;
}

const layoutPlans = new WeakMap<MomentLayout, KernelPlan>();

function planOfLayout(layout: MomentLayout): KernelPlan {
  let plan = layoutPlans.get(layout);
  if (plan) return plan;
  const {basis, basis2} = layout;
  const q = basis2.size;
  let qStore = 0;
  while (qStore < q && basis2.degreeOf[qStore] < 2 * layout.degree) qStore++;
  plan = {K: layout.nVars, q, p: basis.size, qStore, parent: basis2.parent, variable: basis2.variable, shiftX: layout.shiftX, invScaleX: layout.invScaleX, shiftY: layout.shiftY, scaleY: layout.scaleY};
  layoutPlans.set(layout, plan);
  return plan;
}

const setPlans = new WeakMap<SetLayout, KernelPlan>();

function planOfSet(set: SetLayout): KernelPlan {
  let plan = setPlans.get(set);
  if (!plan) setPlans.set(set, (plan = {K: set.nVars, q: set.size, p: set.p, qStore: set.qStore, parent: set.parent, variable: set.variable, shiftX: set.shiftX, invScaleX: set.invScaleX, shiftY: set.shiftY, scaleY: set.scaleY}));
  return plan;
}

interface WasmExports {
  memory: WebAssembly.Memory;
  accumulateBlock(K: number, q: number, p: number, qStore: number, B: number, shiftPtr: number, invScalePtr: number, yShift: number, yInvScale: number, parentPtr: number, variablePtr: number, zPtr: number, yPtr: number, colPtr: number, sumPtr: number, ysumPtr: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const bytes = Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));
      compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null; // no WebAssembly SIMD here
    }
  }
  return compiled;
}

/**
 * The WebAssembly SIMD kernel (src/wasm/moments.as.ts), or null where WebAssembly SIMD is not
 * available. Each kernel owns its memory; rows are processed in blocks of `blockRows`.
 */
export function createWasmKernel(blockRows = 128): MomentKernel | null {
  if (blockRows % 4 !== 0 || blockRows < 4) throw new Error(`block size must be a positive multiple of 4, got ${blockRows}`);
  const module = wasmModule();
  if (!module) return null;
  const wasm = new WebAssembly.Instance(module, {}).exports as unknown as WasmExports;
  const B = blockRows;
  let current: KernelPlan | null = null;
  let ptr = {shift: 0, invScale: 0, parent: 0, variable: 0, z: 0, y: 0, col: 0, sum: 0, ysum: 0};

  const prepare = (plan: KernelPlan) => {
    const {K, q, p, qStore} = plan;
    const align = (n: number) => Math.ceil(n / 16) * 16;
    let at = 16;
    const take = (bytes: number) => {
      const p = at;
      at = align(at + bytes);
      return p;
    };
    ptr = {
      shift: take(8 * K),
      invScale: take(8 * K),
      parent: take(4 * q),
      variable: take(4 * q),
      z: take(8 * K * B),
      y: take(8 * B),
      col: take(8 * qStore * B),
      sum: take(8 * q),
      ysum: take(8 * p),
    };
    const pages = Math.ceil(at / 65536);
    const have = wasm.memory.buffer.byteLength / 65536;
    if (pages > have) wasm.memory.grow(pages - have);
    const mem = wasm.memory.buffer;
    new Float64Array(mem, ptr.shift, K).set(plan.shiftX);
    new Float64Array(mem, ptr.invScale, K).set(plan.invScaleX);
    new Int32Array(mem, ptr.parent, q).set(plan.parent);
    new Int32Array(mem, ptr.variable, q).set(plan.variable);
    new Float64Array(mem, ptr.col, B).fill(1);
    current = plan;
  };

  const run = (plan: KernelPlan, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, target: Moments) => {
    if (current !== plan) prepare(plan);
    const {K, shiftX, shiftY, q, p, qStore} = plan;
    const invY = 1 / plan.scaleY;
    const mem = wasm.memory.buffer;
    const z = new Float64Array(mem, ptr.z, K * B);
    const yv = new Float64Array(mem, ptr.y, B);
    const sum = new Float64Array(mem, ptr.sum, q);
    const ysum = new Float64Array(mem, ptr.ysum, p);
    sum.fill(0);
    ysum.fill(0);
    for (let i = start; i < end; i += B) {
      const rows = Math.min(B, end - i);
      for (let v = 0; v < K; v++) {
        const col = x[v];
        const dst = v * B;
        if (col instanceof Float64Array) z.set(col.subarray(i, i + rows), dst);
        else for (let r = 0; r < rows; r++) z[dst + r] = col[i + r];
        // padded rows sit exactly at the shift: every non-constant monomial of them is 0
        if (rows < B) z.fill(shiftX[v], dst + rows, dst + B);
      }
      if (y instanceof Float64Array) yv.set(y.subarray(i, i + rows));
      else for (let r = 0; r < rows; r++) yv[r] = y[i + r];
      if (rows < B) yv.fill(shiftY, rows);
      wasm.accumulateBlock(K, q, p, qStore, B, ptr.shift, ptr.invScale, shiftY, invY, ptr.parent, ptr.variable, ptr.z, ptr.y, ptr.col, ptr.sum, ptr.ysum);
    }
    // the constant monomial counts rows; y and y^2 totals come from the TypeScript side
    let sy = 0;
    let syy = 0;
    for (let i = start; i < end; i++) {
      const d = (y[i] - shiftY) * invY;
      sy += d;
      syy += d * d;
    }
    const n = end - start;
    target.n += n;
    target.mono[0] += n;
    for (let m = 1; m < q; m++) target.mono[m] += sum[m];
    target.monoY[0] += sy;
    for (let m = 1; m < p; m++) target.monoY[m] += ysum[m];
    target.y += sy;
    target.yy += syy;
  };

  return {
    name: "wasm-simd",
    accumulate(layout: MomentLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, target: Moments) {
      requireRows(layout, x, y, start, end);
      run(planOfLayout(layout), x, y, start, end, target);
      requireFiniteMoments(layout, x, y, start, end, target);
    },
    accumulateSet(set: SetLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, target: Moments) {
      requireSetRows(set, x, y, start, end);
      run(planOfSet(set), x, y, start, end, target);
      requireFiniteSetMoments(target);
    },
  };
}

let best: MomentKernel | undefined;

/** The fastest kernel available in this thread (created once): WebAssembly SIMD, else TypeScript. */
export function bestKernel(): MomentKernel {
  return (best ??= createWasmKernel() ?? typescriptKernel);
}

/** A kernel by name; "best" picks the fastest available. */
export function kernelByName(name: "typescript" | "wasm-simd" | "best"): MomentKernel {
  if (name === "typescript") return typescriptKernel;
  if (name === "best") return bestKernel();
  const k = bestKernel();
  if (k.name !== "wasm-simd") throw new Error("the WebAssembly SIMD kernel is not available here");
  return k;
}
