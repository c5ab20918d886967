#!/usr/bin/env bash
# R's forecast package on a benchmark dataset, for the speed/accuracy comparison in BENCHMARKS.md.
# Installs Debian's r-base-core and r-cran-forecast when missing (root). Not part of the build.
#   run-r-bench.sh TRAIN.csv[.gz] TEST.csv H W|M
set -euo pipefail
if ! Rscript -e 'library(forecast)' >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-base-core r-cran-forecast
fi
exec Rscript "$(dirname "${BASH_SOURCE[0]}")/ets_theta.R" "$@"
