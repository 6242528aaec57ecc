# lme4's fit of the growth model of modellen.groei.GroeiModel, on a CSV file.
#
# Usage:
#   Rscript benchmarks/groei_lme4.R DATA.csv UITKOMST TIJD GROEP [CONDITIE|-] [HELLING 0/1] [REML 0/1]
#           [GESCHAALD 0/1]
#
# Fits  UITKOMST ~ TIJD [* CONDITIE] + (1 [+ TIJD] | GROEP)  with lme4::lmer and its default
# optimiser and tolerances, and prints one "key<TAB>value" line per number (17 significant
# digits), so Python can read them: the fixed effects (named as GroeiModel names them), the
# random-effect SDs and correlation, the residual SD, the REML criterion or -2 logLik,
# logLik, theta, isSingular, the number of observations and clients, and the time lmer took
# (seconds, fitting only: reading the CSV is not timed). The condition's reference level is
# "vergelijking" when present (as in GroeiModel), else the first in alphabetical order.
#
# GESCHAALD = 1 gives lme4's optimum when lmer's optimiser stalls on the raw time scale (time
# in days since birth, calendar years): lmer is fitted with time centred and scaled, its theta
# is mapped back to the user's time scale (b = R^-1 b', R = [[1, mean], [0, sd]]), and lme4's
# own deviance function on the user's data (lFormula / mkLmerDevfun / mkMerMod) gives the
# criterion and every estimate at that theta. "ruw_criterium" is what plain lmer on the raw
# time reached, for comparison.
#
# Used by benchmarks/groei.py (timing) and to obtain the lme4 reference values recorded in
# tests/modellen/test_groei_lme4.py (run that file as a script to recompute them).

suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 4) stop("gebruik: groei_lme4.R DATA.csv UITKOMST TIJD GROEP [CONDITIE|-] [HELLING] [REML]")
pad <- args[1]; uitkomst <- args[2]; tijd <- args[3]; groep <- args[4]
conditie <- if (length(args) >= 5 && args[5] != "-") args[5] else NA
helling <- if (length(args) >= 6) args[6] == "1" else TRUE
reml <- if (length(args) >= 7) args[7] == "1" else TRUE
geschaald <- length(args) >= 8 && args[8] == "1"

d <- read.csv(pad, stringsAsFactors = FALSE)
d[[groep]] <- factor(d[[groep]])
vast <- tijd
if (!is.na(conditie)) {
  niveaus <- sort(unique(as.character(d[[conditie]])))
  ref <- if ("vergelijking" %in% niveaus) "vergelijking" else niveaus[1]
  d[[conditie]] <- relevel(factor(d[[conditie]]), ref = ref)
  vast <- paste0(tijd, " * ", conditie)
}
random <- if (helling) paste0("(1 + ", tijd, " | ", groep, ")") else paste0("(1 | ", groep, ")")
formule <- as.formula(paste0(uitkomst, " ~ ", vast, " + ", random))

tijdsduur <- system.time(fm <- lmer(formule, data = d, REML = reml))[["elapsed"]]
if (geschaald) {
  ruw <- if (reml) REMLcrit(fm) else deviance(fm)
  centrum <- mean(d[[tijd]]); schaal <- sd(d[[tijd]])
  ds <- d; ds[[tijd]] <- (d[[tijd]] - centrum) / schaal
  fs <- lmer(formule, data = ds, REML = reml)
  th <- getME(fs, "theta")
  if (length(th) == 3) {
    lam <- matrix(c(th[1], th[2], 0, th[3]), 2, 2)
    r_inv <- matrix(c(1, 0, -centrum / schaal, 1 / schaal), 2, 2)
    m <- r_inv %*% lam %*% t(lam) %*% t(r_inv)
    l11 <- sqrt(m[1, 1]); l21 <- m[2, 1] / l11; l22 <- sqrt(max(m[2, 2] - l21^2, 0))
    th <- c(l11, l21, l22)
  }
  lf <- lFormula(formule, data = d, REML = reml)
  devfun <- do.call(mkLmerDevfun, lf)
  opt <- list(par = th, fval = devfun(th), conv = 0, message = "geschaald")
  fm <- mkMerMod(environment(devfun), opt, lf$reTrms, fr = lf$fr)
}

uit <- function(key, value) cat(key, "\t", formatC(value, digits = 17, format = "g"), "\n", sep = "")
fe <- fixef(fm)
for (naam in names(fe)) {
  term <- naam
  if (term == "(Intercept)") term <- "Intercept"
  if (!is.na(conditie)) {
    for (niveau in levels(d[[conditie]])[-1]) {
      dummy <- paste0(conditie, niveau)
      nieuw <- paste0(conditie, "[T.", niveau, "]")
      if (term == dummy) term <- nieuw
      if (term == paste0(tijd, ":", dummy)) term <- paste0(nieuw, ":", tijd)
    }
  }
  uit(paste0("beta:", term), fe[[naam]])
  uit(paste0("se:", term), sqrt(diag(as.matrix(vcov(fm))))[[naam]])
}
vc <- as.data.frame(VarCorr(fm))
for (i in seq_len(nrow(vc))) {
  if (vc$grp[i] == "Residual") {
    uit("residu_sd", vc$sdcor[i])
  } else if (is.na(vc$var2[i])) {
    term <- if (vc$var1[i] == "(Intercept)") "Intercept" else vc$var1[i]
    uit(paste0("sd:", term), vc$sdcor[i])
  } else {
    uit("corr", vc$sdcor[i])
  }
}
if (reml) uit("reml_criterium", REMLcrit(fm)) else uit("deviance", deviance(fm))
if (geschaald) uit("ruw_criterium", ruw)
uit("loglik", as.numeric(logLik(fm)))
th <- getME(fm, "theta")
for (i in seq_along(th)) uit(paste0("theta:", i), th[[i]])
cat("singulier\t", if (isSingular(fm)) "TRUE" else "FALSE", "\n", sep = "")
cat("n_obs\t", nobs(fm), "\n", sep = "")
cat("n_groepen\t", ngrps(fm)[[1]], "\n", sep = "")
uit("seconden", tijdsduur)
cat("R\t", R.version.string, "\n", sep = "")
cat("lme4\t", as.character(packageVersion("lme4")), "\n", sep = "")
