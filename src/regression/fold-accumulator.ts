import type {MomentKernel} from "./moment-kernel.js";
import {emptyMoments, foldSizes, type MomentLayout, type Moments} from "./moments.js";
import {requireInteger} from "../validate.js";

/**
 * Moments of the contiguous CV folds of the first `nRows` rows of a dataset that arrives in
 * chunks. Rows beyond nRows (a test split, or rows another view uses) are ignored.
 */
export class FoldAccumulator {
  readonly folds: Moments[];
  private readonly ends: number[];
  private offset = 0;

  constructor(
    private readonly layout: MomentLayout,
    readonly nRows: number,
    nFolds: number,
    private readonly kernel: MomentKernel,
  ) {
    this.folds = foldSizes(nRows, nFolds).map(() => emptyMoments(layout));
    let end = 0;
    this.ends = foldSizes(nRows, nFolds).map((s) => (end += s));
  }

  /** Adds the next `count` rows (rows 0..count-1 of the chunk's columns). */
  add(x: ArrayLike<number>[], y: ArrayLike<number>, count: number): void {
    requireInteger("rows in the chunk", count, 0);
    for (let f = 0; f < this.folds.length; f++) {
      const lo = Math.max(this.offset, f === 0 ? 0 : this.ends[f - 1]);
      const hi = Math.min(this.offset + count, this.ends[f]);
      if (hi > lo) this.kernel.accumulate(this.layout, x, y, lo - this.offset, hi - this.offset, this.folds[f]);
    }
    this.offset += count;
  }
}
