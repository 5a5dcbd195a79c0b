#!/usr/bin/env python3
"""Independent expectations for the COMPAS metric test (CompasMetricsTest).

Standard library only, written from the definitions (Fairlearn between_groups, AIF360 disparate
impact, Mann-Whitney AUC with ties one half), not from the Java code. Run once:
    python3 compas_expected.py compas-two-years.csv > compas_expected.txt
Predicted positive = score_text Medium or High; label = two_year_recid; groups by race;
score (for ROC AUC) = decile_score.
"""
import csv
import sys
from collections import defaultdict


def confusion(rows):
    tp = sum(1 for y, p, _ in rows if y == 1 and p == 1)
    fp = sum(1 for y, p, _ in rows if y == 0 and p == 1)
    tn = sum(1 for y, p, _ in rows if y == 0 and p == 0)
    fn = sum(1 for y, p, _ in rows if y == 1 and p == 0)
    return tp, fp, tn, fn


def auc(rows):
    pos = [s for y, _, s in rows if y == 1]
    neg = [s for y, _, s in rows if y == 0]
    # count pairs by distinct score: O(d^2) with d = 10 deciles
    from collections import Counter
    cp, cn = Counter(pos), Counter(neg)
    wins = 0.0
    for sp, a in cp.items():
        for sn, b in cn.items():
            if sp > sn:
                wins += a * b
            elif sp == sn:
                wins += 0.5 * a * b
    return wins / (len(pos) * len(neg))


def metrics(rows):
    tp, fp, tn, fn = confusion(rows)
    n = tp + fp + tn + fn
    m = {"rows": n, "tp": tp, "fp": fp, "tn": tn, "fn": fn,
         "accuracy": (tp + tn) / n, "selection_rate": (tp + fp) / n,
         "precision": tp / (tp + fp), "recall": tp / (tp + fn), "f1": 2 * tp / (2 * tp + fp + fn),
         "tpr": tp / (tp + fn), "fpr": fp / (fp + tn), "fnr": fn / (tp + fn), "ppv": tp / (tp + fp),
         "roc_auc": auc(rows)}
    return m


def fairness(by_group, min_size):
    groups = sorted(g for g, rows in by_group.items() if len(rows) >= min_size)
    ms = {g: metrics(by_group[g]) for g in groups}
    sel = [ms[g]["selection_rate"] for g in groups]
    tpr = [ms[g]["tpr"] for g in groups]
    fpr = [ms[g]["fpr"] for g in groups]
    priv = max(groups, key=lambda g: (ms[g]["selection_rate"], [-ord(c) for c in g]))
    # ties go to the first name; no ties in this data, checked below
    assert sum(1 for g in groups if ms[g]["selection_rate"] == ms[priv]["selection_rate"]) == 1
    un = [r for g in groups if g != priv for r in by_group[g]]
    un_sel = sum(1 for _, p, _ in un if p == 1) / len(un)
    return {
        "compared": ",".join(groups),
        "privileged": priv,
        "demographic_parity_difference": max(sel) - min(sel),
        "demographic_parity_ratio": min(sel) / max(sel),
        "equal_opportunity_difference": max(tpr) - min(tpr),
        "equalized_odds_difference": max(max(tpr) - min(tpr), max(fpr) - min(fpr)),
        "disparate_impact": un_sel / ms[priv]["selection_rate"],
    }


def main(path):
    rows, by_race = [], defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            r = (int(rec["two_year_recid"]), 1 if rec["score_text"] in ("Medium", "High") else 0,
                 int(rec["decile_score"]))
            rows.append(r)
            by_race[rec["race"]].append(r)
    for k, v in metrics(rows).items():
        print(f"overall.{k}={v!r}")
    for g in sorted(by_race):
        for k in ("rows", "selection_rate", "tpr", "fpr", "fnr", "ppv"):
            print(f"race.{g}.{k}={metrics(by_race[g])[k]!r}")
    for min_size in (1, 30):
        for k, v in fairness(by_race, min_size).items():
            print(f"fairness.min{min_size}.{k}={v!r}" if not isinstance(v, str) else f"fairness.min{min_size}.{k}={v}")


if __name__ == "__main__":
    main(sys.argv[1])
