import {randomStream, type StreamLabel} from "../random/streams.js";
import {standardNormal} from "../random/ziggurat.js";
import {choleskyLower} from "./anm-model.js";

/**
 * Saengkyongam & Silva's noise correlation at confounding level c: W W' + diag(u) with
 * W ~ N(0, 1)^{d x factors} and u ~ U(0, 1), normalized to a correlation matrix, then its
 * off-diagonal entries scaled so that the largest in absolute value is exactly c.
 * Scaling up (c above the draw's own maximum) can break positive definiteness; such a draw is
 * rejected and the next one (attempt 1, 2, ...) tried.
 */
export function randomCorrelation(d: number, c: number, seed: number, path: StreamLabel[] = [], factors = 4): number[][] {
  if (!(c >= 0 && c < 1)) throw new Error(`confounding level c must be in [0, 1), got ${c}`);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const rng = randomStream(seed, ...path, "correlation", attempt);
    const W = Array.from({length: d}, () => Array.from({length: factors}, () => standardNormal(rng)));
    const u = Array.from({length: d}, () => rng.nextDouble());
    const S = W.map((wi, i) => W.map((wj, j) => wi.reduce((s, v, f) => s + v * wj[f], 0) + (i === j ? u[i] : 0)));
    const R = S.map((row, i) => row.map((v, j) => v / Math.sqrt(S[i][i] * S[j][j])));
    let max = 0;
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) max = Math.max(max, Math.abs(R[i][j]));
    const scale = max > 0 ? c / max : 0;
    const C = R.map((row, i) => row.map((v, j) => (i === j ? 1 : v * scale)));
    try {
      const L = choleskyLower(C);
      if (L.every((r, i) => r[i] > 1e-3)) return C;
    } catch {
      // not positive definite at this level: next draw
    }
  }
  throw new Error(`confounding level c = ${c}: no positive-definite ${d} x ${d} noise correlation with largest off-diagonal ${c} in 1000 draws (seed ${seed}); choose a smaller c`);
}
