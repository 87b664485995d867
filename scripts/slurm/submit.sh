#!/bin/bash
# Runs an experiment command as a Slurm job array of N shards and a merge job that waits for
# all of them (afterok). From the repository's root, after `npm ci`:
#   scripts/slurm/submit.sh -n 20 -c 8 -o results/convergence-k5-paper.arrow -- convergence --k 5 --runs 100
# -n shards (array tasks), -c CPUs per task (= worker threads of each shard), -o merged output,
# -d shard directory (default: OUT without .arrow, + .shards/), -p partition, -t time limit per
# shard (sbatch --time; size it from the plan printed first), -x extra sbatch flags.
# Prints the cost model's plan (--dry-run), then the two job ids.
set -euo pipefail
n=4 c=1 out="" dir="" partition="" time="" extra=()
while getopts "n:c:o:d:p:t:x:" opt; do
  case $opt in
    n) n=$OPTARG ;; c) c=$OPTARG ;; o) out=$OPTARG ;; d) dir=$OPTARG ;; p) partition=$OPTARG ;; t) time=$OPTARG ;; x) extra+=($OPTARG) ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ "${1:-}" = "--" ] && shift
if [ -z "$out" ] || [ $# -lt 1 ]; then echo "usage: submit.sh -n SHARDS -c CPUS -o OUT.arrow [-d DIR] [-p PARTITION] [-t TIME] -- COMMAND [FLAGS...]" >&2; exit 2; fi
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${dir:-${out%.arrow}.shards}
mkdir -p "$dir"
# compile once here: array tasks must not all recompile a stale build at the same moment
node "$root/bin/jel.mjs" "$@" --shard "1/$n" --workers "$c" --dry-run
here=$(dirname "$0")
opts=(--chdir "$root" --export "ALL,JEL_ROOT=$root")
[ -n "$partition" ] && opts+=(--partition "$partition")
[ -n "$time" ] && opts+=(--time "$time")
array=$(sbatch --parsable "${opts[@]}" "${extra[@]}" --array "1-$n" --cpus-per-task "$c" --output "$dir/shard-%a.log" "$here/array.sbatch" "$dir" "$@")
array=${array%%;*}
merge=$(sbatch --parsable "${opts[@]}" "${extra[@]}" --dependency "afterok:$array" --output "$dir/merge.log" "$here/merge.sbatch" "$out" "$dir" "$n")
merge=${merge%%;*}
echo "submitted: array job $array ($n shards x $c CPUs), merge job $merge -> $out"
