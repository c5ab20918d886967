#!/usr/bin/env bash
# Installs R and the forecast package from Debian if missing, then times forecast::ets and
# forecast::thetaf on M4 Weekly (h=13) from ../shared/data (or DATA_DIR).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data_dir="${DATA_DIR:-$here/../../../../shared/data}"
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(forecast)' >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y r-base-core r-cran-forecast
fi
Rscript -e 'cat("R", R.version$major, ".", R.version$minor, " forecast ", as.character(packageVersion("forecast")), "\n", sep="")'
Rscript "$here/ets_theta.R" "$data_dir/m4_weekly_train.csv.gz" "$data_dir/m4_weekly_test.csv" 13 52 1 "${MAX_SERIES:-100000}"
