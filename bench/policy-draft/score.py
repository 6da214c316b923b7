#!/usr/bin/env python3
"""Scores `candor policy draft --format json` against the hand labels.

    python3 bench/policy-draft/score.py [CANDOR] [--details]

CANDOR defaults to target/release/candor. Labels are read from
bench/policy-draft/labels/; a label's `policy:` is a path in the
repository, its `text:` a path below $CANDOR_POLICIES (default
/work/policies; those texts are not part of the repository). Prints, per
label set (seed-*, unseen-*), the precision and recall of every field, then
the details of each policy with --details. See LABELS.md for the rules.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).resolve().parent / "labels"
TEXTS = Path(os.environ.get("CANDOR_POLICIES", "/work/policies"))


def related(a, b):
    """One key is the other or an ancestor of it."""
    a, b = str(a), str(b)
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def match_keys(predicted, labelled):
    """(matched predictions, matched labels): each label matched once,
    exact matches first."""
    free = list(labelled)
    hits = 0
    rest = []
    for p in predicted:
        if p in free:
            free.remove(p)
            hits += 1
        else:
            rest.append(p)
    for p in rest:
        m = next((l for l in free if related(p, l)), None)
        if m is not None:
            free.remove(m)
            hits += 1
    return hits, hits


def match_sets(predicted, labelled):
    both = len(set(predicted) & set(labelled))
    return both, both


def norm(name):
    return "".join(c for c in name.lower() if c.isalnum())


def draft(candor, path):
    out = subprocess.run(
        [candor, "policy", "draft", "--format", "json", str(path)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def fields(label, got):
    """Per field: (predicted count, labelled count, matched predictions,
    matched labels, predicted values, labelled values)."""
    out = {}
    p = [c["value"] for c in got["categories"]]
    l = [c["key"] for c in label.get("categories") or []]
    out["categories"] = (p, l, *match_keys(p, l))
    p = [c["value"] for c in got["purposes"]]
    l = [c["key"] for c in label.get("purposes") or []]
    out["purposes"] = (p, l, *match_keys(p, l))
    p = [got["sharing"]["value"]] if got.get("sharing") else ["unstated"]
    l = [label.get("sharing") or "unstated"]
    out["sharing"] = (p, l, *match_sets(p, l))
    p = [r["value"] for r in got["recipients"]]
    l = [r.get("id") or norm(r["name"]) for r in label.get("recipients") or []]
    out["recipients"] = (p, l, *match_sets(p, l))
    p = [r["value"] for r in got["residency"]]
    l = list(label.get("residency") or [])
    out["residency"] = (p, l, *match_sets(p, l))
    p = [got["minimum_age"]["value"]] if got.get("minimum_age") else []
    l = [label["minimum_age"]] if label.get("minimum_age") is not None else []
    out["minimum_age"] = (p, l, *match_sets(p, l))
    p = [r["value"] for r in got["retention"]]
    l = [r["period"] for r in label.get("retention") or []]
    out["retention"] = (p, l, *match_sets(p, l))
    p = [k["value"] for k in got["cookie_kinds"]]
    l = list(label.get("cookie_kinds") or [])
    out["cookie_kinds"] = (p, l, *match_sets(p, l))
    return out


def ratio(a, b):
    return f"{a / b:.2f} ({a}/{b})" if b else "  -  (0/0)"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    details = "--details" in sys.argv
    candor = args[0] if args else str(ROOT / "target/release/candor")
    sets = {}
    for path in sorted(LABELS.glob("*.yml")):
        label = yaml.safe_load(path.read_text())
        text = ROOT / label["policy"] if "policy" in label else TEXTS / label["text"]
        if not text.exists():
            print(f"{path.name}: {text} not found; skipped", file=sys.stderr)
            continue
        got = draft(candor, text)
        group = path.name.split("-")[0]
        per = fields(label, got)
        sets.setdefault(group, []).append((path.stem, per))
        if details:
            print(f"== {path.stem}")
            for field, (p, l, mp, ml) in per.items():
                missed = [x for x in l if not any(related(x, y) for y in p)]
                extra = [x for x in p if not any(related(x, y) for y in l)]
                print(f"  {field:13} P {ratio(mp, len(p))}  R {ratio(ml, len(l))}"
                      + (f"  missed {missed}" if missed else "")
                      + (f"  extra {extra}" if extra else ""))
    for group, rows in sets.items():
        print(f"\n{group} ({len(rows)} policies): field, precision, recall")
        names = rows[0][1].keys()
        for field in names:
            tp_p = sum(r[1][field][2] for r in rows)
            n_p = sum(len(r[1][field][0]) for r in rows)
            tp_l = sum(r[1][field][3] for r in rows)
            n_l = sum(len(r[1][field][1]) for r in rows)
            print(f"  {field:13} P {ratio(tp_p, n_p):16} R {ratio(tp_l, n_l)}")


if __name__ == "__main__":
    main()
