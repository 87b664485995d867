#!/bin/sh
# The K <= 5 panels of Kekić et al.'s figures at the paper's scale on one workstation (README,
# "On a cluster": the table's commands), written to results/ where the loaders find them by
# config. About 1.1 CPU-hours; all cores are used. Then the violation lab's curves at 100 SCMs per
# point (data/violations.arrow.ts looks for these exact configs). Commit results/ afterwards.
set -eu
cd "$(dirname "$0")/.."
M7=intervention-generalization,joint-topline,pooled,observational,ig-projected,ig-shared-alpha,structure-aware
M6=intervention-generalization,joint-topline,observational,ig-projected,ig-shared-alpha,structure-aware
run() { name=$1; shift; echo "== $name: $*"; node bin/jel.mjs "$@" --quiet --out "results/$name.arrow"; }
run main-k5-paper main
run ratio-k2-paper ratio --k 2 --n-total 3e3,3e4,3e5 --runs 100 --methods $M7
run convergence-k2-paper convergence --k 2 --runs 100 --methods $M6
run ratio-k5-paper ratio --k 5 --n-total 6e3,6e4,6e5 --runs 100 --methods $M7
run convergence-k5-paper convergence --k 5 --runs 100 --methods $M6
for kind in interaction action-confounder confounder-confounder shared-confounder narrow anm-noise anm-dag anm-reversed; do
  run "violation-$kind-k3" violation --kind "$kind" --lambda 0,0.25,0.5,1 --k 3 --n 4000 --runs 100 --seed 0
done
