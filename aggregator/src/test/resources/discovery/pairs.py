#!/usr/bin/env python3
"""Writes pairs.psv from stories.psv: the labels follow the hand-assigned story ids.

Every cross-publisher pair of one story is `same`; every cross-publisher pair of two stories of one
topic family is a `hard-negative` (same topic or same headline template, different story); a fixed
sample of the remaining cross-publisher pairs is a plain `negative`. Same-publisher pairs are left
out: the engine never links them by rule. Run from this directory: python3 pairs.py
"""
import itertools
import random

FAMILIES = [
    "fed-hold ecb-cut boe-hold rba-cut inflation-us inflation-au",
    "stocks-oil stocks-oil-gulf stocks-banks stocks-tech asx-record ftse-fall",
    "quake-japan quake-chile",
    "storm-uk storm-us floods-nsw bushfire-vic coral-reef climate-report",
    "election-de election-pt",
    "layoffs-orbit layoffs-nimbus antitrust-orbit phone-launch",
    "ashes-test epl-arsenal epl-city nba-lakers afl-opener tennis-final",
    "strike-rail strike-nurses",
    "budget-uk housing-au housing-uk",
    "ceasefire summit-g7",
    "vaccine-trial space-launch space-probe",
    "trial-verdict court-appeal markup-story",
    "recall-cars recall-food data-breach",
    "merger-air merger-bank",
    "film-awards music-tour",
]
# The same story in two languages: out of scope for text similarity, so not labelled either way.
UNLABELLED = {frozenset({"quake-japan", "quake-jp-local"})}

rows = [l.rstrip("\n").split("|") for l in open("stories.psv", encoding="utf-8") if l.strip() and not l.startswith("#")]
articles = [(r[0] + "/" + r[1], r[0], r[1]) for r in rows]
family = {story: i for i, f in enumerate(FAMILIES) for story in f.split()}
positives, hard, other = [], [], []
for a, b in itertools.combinations(articles, 2):
    if a[2] == b[2] or frozenset({a[1], b[1]}) in UNLABELLED:
        continue
    if a[1] == b[1]:
        positives.append((a, b))
    elif a[1] in family and family.get(a[1]) == family.get(b[1]):
        hard.append((a, b))
    else:
        other.append((a, b))
random.seed(6)
other = random.sample(other, 80)
with open("pairs.psv", "w", encoding="utf-8") as out:
    out.write("# Labelled pairs of stories.psv (article id = story/publisher), written by pairs.py.\n")
    out.write("# articleA|articleB|label|kind\n")
    for kind, label, pairs in (("positive", "same", positives), ("hard-negative", "different", hard),
                               ("negative", "different", other)):
        for a, b in pairs:
            out.write(f"{a[0]}|{b[0]}|{label}|{kind}\n")
print(len(positives), "positive,", len(hard), "hard negative,", len(other), "negative pairs")
