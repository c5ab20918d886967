#!/usr/bin/env Rscript
# Times forecast::ets and forecast::thetaf on the same long-format CSV the Flowcast CLI reads,
# and scores them on the matching test file, so Flowcast's ETS/Theta speed and accuracy can be
# compared per series (DESIGN.md section 6: ETS >= 5x faster than R's ets at equal accuracy).
#
# Usage: Rscript ets_theta.R TRAIN.csv[.gz] TEST.csv H SERIES_FREQ MASE_FREQ [MAX_SERIES]
#   SERIES_FREQ: frequency given to ts() (52 weekly, 12 monthly); ets() ignores seasonality
#                above 24, thetaf() runs its 90% seasonality test at this lag.
#   MASE_FREQ:   lag of the in-sample naive scale (M4 guide: 1 for weekly, 12 for monthly).
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 5) stop("usage: ets_theta.R TRAIN TEST H SERIES_FREQ MASE_FREQ [MAX_SERIES]")
train_path <- args[1]; test_path <- args[2]
h <- as.integer(args[3]); series_freq <- as.integer(args[4]); mase_freq <- as.integer(args[5])
max_series <- if (length(args) >= 6) as.integer(args[6]) else .Machine$integer.max

read_long <- function(path) {
  con <- if (grepl("\\.gz$", path)) gzfile(path) else file(path)
  d <- read.csv(con, stringsAsFactors = FALSE)
  if (!"y" %in% names(d)) d$y <- d[[3]]
  split(d$y, factor(d$series_id, levels = unique(d$series_id)))
}
train <- read_long(train_path)
test <- read_long(test_path)
ids <- head(names(train), max_series)

smape <- function(y, f) mean(200 * abs(y - f) / (abs(y) + abs(f)), na.rm = TRUE)
mase <- function(x, y, f, m) {
  scale <- mean(abs(diff(x, lag = m)))
  if (!is.finite(scale) || scale == 0) return(NA_real_)
  mean(abs(y - f)) / scale
}

run_method <- function(name, fit_forecast) {
  sm <- numeric(length(ids)); ms <- numeric(length(ids))
  elapsed <- system.time({
    for (i in seq_along(ids)) {
      x <- train[[ids[i]]]
      fc <- suppressWarnings(fit_forecast(ts(x, frequency = series_freq)))
      y <- test[[ids[i]]]
      sm[i] <- smape(y, fc); ms[i] <- mase(x, y, fc, mase_freq)
    }
  })[["elapsed"]]
  cat(sprintf("%-8s series=%d seconds=%.2f series_per_s=%.1f sMAPE=%.3f MASE=%.3f\n",
              name, length(ids), elapsed, length(ids) / elapsed,
              mean(sm, na.rm = TRUE), mean(ms, na.rm = TRUE)))
}

run_method("ets", function(x) as.numeric(forecast(ets(x), h = h)$mean))
run_method("thetaf", function(x) as.numeric(thetaf(x, h = h)$mean))
