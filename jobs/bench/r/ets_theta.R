# Times forecast::ets() and forecast::thetaf() on the same series the Flowcast CLI forecasts,
# and scores them the same way (M4 definitions), so BENCHMARKS.md can put the two side by side.
# Usage: Rscript ets_theta.R TRAIN.csv[.gz] TEST.csv H FREQ(W|M)
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
train <- read.csv(args[1], stringsAsFactors = FALSE)
test <- read.csv(args[2], stringsAsFactors = FALSE)
h <- as.integer(args[3])
freq <- if (args[4] == "M") 12 else 1   # M4 used frequency 1 for weekly data
mase_m <- freq
smape <- function(a, f) mean(ifelse(abs(a) + abs(f) == 0, 0, 200 * abs(a - f) / (abs(a) + abs(f))))
mase <- function(ins, a, f, m) { s <- mean(abs(diff(ins, lag = m))); if (s == 0) NA else mean(abs(a - f)) / s }
ids <- unique(train$series_id)
run <- function(fit_forecast) {
  sm <- c(); ms <- c()
  t0 <- proc.time()[["elapsed"]]
  for (id in ids) {
    y <- train$y[train$series_id == id]
    a <- head(test$y[test$series_id == id], h)
    f <- fit_forecast(ts(y, frequency = freq))
    sm <- c(sm, smape(a, f)); ms <- c(ms, mase(y, a, f, mase_m))
  }
  secs <- proc.time()[["elapsed"]] - t0
  c(series_per_s = length(ids) / secs, smape = mean(sm), mase = mean(ms, na.rm = TRUE), seconds = secs)
}
ets_res <- run(function(y) as.numeric(forecast(ets(y), h = h)$mean))
theta_res <- run(function(y) as.numeric(thetaf(y, h = h)$mean))
cat(sprintf("R forecast %s: %d series, h=%d\n", packageVersion("forecast"), length(ids), h))
cat(sprintf("%-8s %10s %8s %8s %8s\n", "method", "series/s", "sMAPE", "MASE", "seconds"))
cat(sprintf("%-8s %10.1f %8.3f %8.3f %8.1f\n", "ets", ets_res[1], ets_res[2], ets_res[3], ets_res[4]))
cat(sprintf("%-8s %10.1f %8.3f %8.3f %8.1f\n", "thetaf", theta_res[1], theta_res[2], theta_res[3], theta_res[4]))
