import {WASM_BASE64} from "../wasm/moments-wasm.generated.js";
import {accumulateMoments, requireFiniteMoments, requireRows, type Accumulate, type MomentLayout, type Moments} from "./moments.js";

/** The one hot loop of every fit, by name (results files record which one made them). */
export interface MomentKernel {
  readonly name: "typescript" | "wasm-simd";
  readonly accumulate: Accumulate;
}

/** The plain-TypeScript kernel: the reference in tests and the fallback everywhere. */
export const typescriptKernel: MomentKernel = {name: "typescript", accumulate: accumulateMoments};

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
  let current: MomentLayout | null = null;
  let ptr = {shift: 0, invScale: 0, parent: 0, variable: 0, z: 0, y: 0, col: 0, sum: 0, ysum: 0};
  let qStore = 0;

  const prepare = (layout: MomentLayout) => {
    const {nVars: K, basis, basis2} = layout;
    const q = basis2.size;
    qStore = 0;
    while (qStore < q && basis2.degreeOf[qStore] < 2 * layout.degree) qStore++;
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
      ysum: take(8 * basis.size),
    };
    const pages = Math.ceil(at / 65536);
    const have = wasm.memory.buffer.byteLength / 65536;
    if (pages > have) wasm.memory.grow(pages - have);
    const mem = wasm.memory.buffer;
    new Float64Array(mem, ptr.shift, K).set(layout.shiftX);
    new Float64Array(mem, ptr.invScale, K).set(layout.invScaleX);
    new Int32Array(mem, ptr.parent, q).set(basis2.parent);
    new Int32Array(mem, ptr.variable, q).set(basis2.variable);
    new Float64Array(mem, ptr.col, B).fill(1);
    current = layout;
  };

  return {
    name: "wasm-simd",
    accumulate(layout: MomentLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, target: Moments) {
      requireRows(layout, x, y, start, end);
      if (current !== layout) prepare(layout);
      const {nVars: K, shiftX, shiftY} = layout;
      const invY = 1 / layout.scaleY;
      const q = layout.basis2.size;
      const p = layout.basis.size;
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
      requireFiniteMoments(layout, x, y, start, end, target);
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
