#!/usr/bin/env python3
"""Score a candor build against the hand-made judgements of real applications.

usage: score.py CANDOR CHECKOUTS [--include-tests] [--only NAME ...] [--unjudged] [--missed]

Scans every application of repos.tsv found under CHECKOUTS/<name> without a
manifest, as a new user would, matches each finding to its judgement by
(path, line, flow, category) and prints, per application, the precision of
error and warning findings and of all findings, in production code and overall,
and the recall of the known real flows: of the findings judged real in production
code (by any build), the share this build still reports. The judgements sample what
earlier builds found, so this recall says what a change loses, not what no build
has ever found.

A finding that shows several categories is judged by its main category (the one a
reviewer reads first); its other categories judged as noise are counted apart.
Findings nobody has judged are listed with --unjudged; they count in no precision.

Then it prints the recall of the flows listed in flows/<name>.tsv by reading the
applications' code (not from any build's findings), per flow kind: a listed flow is
found when a finding of the same path and flow kind starts within 3 lines of it, or
names its category anywhere in that file (a list may anchor a collection at the
declaration of the request type's field, a build at the handler's parameter).
--missed lists the flows this build does not find.
"""

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_repos():
    rows = []
    with open(HERE / "repos.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, github, commit, stack = line.rstrip("\n").split("\t")
            rows.append((name, github, commit, stack))
    return rows


def load_judgements(name):
    path = HERE / "judgements" / f"{name}.tsv"
    judged = {}
    if not path.exists():
        return judged
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["path"], int(row["line"]), row["flow"], row["category"])
            judged[key] = (row["verdict"], row["role"], row["reason"])
    return judged


FLOW_KINDS = ("collected", "stored", "logged", "shared")


def load_flows(name):
    path = HERE / "flows" / f"{name}.tsv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    # A protected write (a password hash) is not a personal-data flow: listed
    # for the record, not counted.
    return [row for row in rows if not row.get("protection")]


def found_flows(report, flows):
    """The listed flows a finding of the report matches, and those none does."""
    at = {}
    for f in report["findings"]:
        loc = f["location"]
        at.setdefault((loc["path"], f["flow_kind"]), []).append((loc["start_line"], categories(f)))
    # A flow that crosses functions is reported where it enters them, its
    # sink the last step of its trail: the flow at that sink is found.
    for f in report["findings"]:
        sink = (f.get("trail") or [None])[-1]
        if sink and sink["location"] != loc_of(f):
            key = (sink["location"]["path"], f["flow_kind"])
            at.setdefault(key, []).append((sink["location"]["start_line"], categories(f)))
    found, missed = [], []
    for flow in flows:
        hits = at.get((flow["path"], flow["flow"]), [])
        hit = any(
            abs(line - int(flow["line"])) <= 3 or flow["category"] in cats for line, cats in hits
        )
        (found if hit else missed).append(flow)
    return found, missed


def loc_of(finding):
    return finding["location"]


def sink_keys(finding):
    """The (path, line, flow, category) keys of the sink a finding's trail
    ends at, when the finding is reported elsewhere (at the call the flow
    entered the sink's function by)."""
    sink = (finding.get("trail") or [None])[-1]
    if not sink or sink["location"] == finding["location"]:
        return set()
    loc = sink["location"]
    return {(loc["path"], loc["start_line"], finding["flow_kind"], c) for c in categories(finding)}


def scan(candor, checkout, include_tests):
    cmd = [candor, "scan", str(checkout), "--no-policy", "--format", "json", "--fail-on", "never"]
    if include_tests:
        cmd.append("--include-tests")
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout)


def categories(finding):
    extra = [o["category"] for o in finding.get("other_categories") or []]
    return [finding["category"]] + [c for c in extra if c != finding["category"]]


def ratio(real, total):
    return f"{real / total:.2f} ({real}/{total})" if total else "-"


class Tally:
    def __init__(self):
        self.counts = Counter()

    def add(self, scope, verdict):
        self.counts[(scope, "all")] += 1
        self.counts[(scope, verdict)] += 1

    def precision(self, scope):
        return ratio(self.counts[(scope, "real")], self.counts[(scope, "all")])

    def recall(self):
        return ratio(self.counts[("known", "found")], self.counts[("known", "all")])


def score(name, report, judged, show_unjudged):
    tally = Tally()
    noise_reasons = Counter()
    unjudged = []
    noisy_extras = 0
    for f in report["findings"]:
        loc = f["location"]
        cats = categories(f)
        key = (loc["path"], loc["start_line"], f["flow_kind"], cats[0])
        if key not in judged:
            unjudged.append(f)
            continue
        verdict, role, reason = judged[key]
        for extra in cats[1:]:
            other = judged.get((loc["path"], loc["start_line"], f["flow_kind"], extra))
            if other and other[0] == "noise":
                noisy_extras += 1
        raised = f["level"] in ("error", "warning")
        production = role == "production"
        for scope, applies in (
            ("ew-prod", raised and production),
            ("all-prod", production),
            ("ew-any", raised),
            ("all-any", True),
        ):
            if applies:
                tally.add(scope, verdict)
        if verdict == "noise" and production:
            noise_reasons[reason] += 1
    reported = {
        (f["location"]["path"], f["location"]["start_line"], f["flow_kind"], c)
        for f in report["findings"]
        for c in categories(f)
    }
    # A repeated read of a collected field is folded into the first one's
    # trail (`read again`): that flow is still reported.
    reported |= {
        (step["location"]["path"], step["location"]["start_line"], "collected", f["category"])
        for f in report["findings"]
        if f["flow_kind"] == "collected"
        for step in f.get("trail") or []
        if step["message"].startswith("read again")
    }
    for f in report["findings"]:
        reported |= sink_keys(f)
    for key, (verdict, role, _reason) in judged.items():
        if verdict == "real" and role == "production":
            tally.counts[("known", "all")] += 1
            tally.counts[("known", "found")] += key in reported
    if show_unjudged:
        for f in unjudged:
            loc = f["location"]
            print(
                f"  unjudged {loc['path']}:{loc['start_line']} {f['flow_kind']} "
                f"{f['category']} {f['level']}: {f['message']}"
            )
    return tally, len(report["findings"]), unjudged, noisy_extras, noise_reasons


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("candor")
    parser.add_argument("checkouts", type=Path)
    parser.add_argument("--include-tests", action="store_true")
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--unjudged", action="store_true", help="list unjudged findings")
    parser.add_argument("--noise", action="store_true", help="list production noise reasons")
    parser.add_argument("--missed", action="store_true", help="list listed flows not found")
    args = parser.parse_args()
    recall_rows = []

    header = f"{'application':34} {'findings':>8} {'unjudged':>8}  {'error+warning prod':>18}  {'all prod':>16}  {'error+warning any':>18}  {'all any':>16}  {'recall prod':>14}"
    print(header)
    total = Tally()
    for name, _github, _commit, _stack in load_repos():
        if args.only and name not in args.only:
            continue
        checkout = args.checkouts / name
        if not checkout.is_dir():
            print(f"{name:34} (not checked out)")
            continue
        judged = load_judgements(name)
        report = scan(args.candor, checkout, args.include_tests)
        tally, count, unjudged, noisy_extras, reasons = score(name, report, judged, args.unjudged)
        found, missed = found_flows(report, load_flows(name))
        recall_rows.append((name, found, missed))
        total.counts.update(tally.counts)
        print(
            f"{name:34} {count:>8} {len(unjudged):>8}  {tally.precision('ew-prod'):>18}  "
            f"{tally.precision('all-prod'):>16}  {tally.precision('ew-any'):>18}  {tally.precision('all-any'):>16}  {tally.recall():>14}"
            + (f"  ({noisy_extras} noisy extra categories)" if noisy_extras else "")
        )
        if args.noise:
            for reason, n in reasons.most_common():
                print(f"    {n:>3}  {reason}")
    print(
        f"{'total':34} {'':>8} {'':>8}  {total.precision('ew-prod'):>18}  "
        f"{total.precision('all-prod'):>16}  {total.precision('ew-any'):>18}  {total.precision('all-any'):>16}  {total.recall():>14}"
    )
    print_recall(recall_rows, args.missed)


def print_recall(rows, show_missed):
    print()
    print(f"{'listed flows found':34} " + " ".join(f"{k:>14}" for k in FLOW_KINDS) + f" {'all':>14}")
    totals = Counter()
    for name, found, missed in rows:
        if not found and not missed:
            continue
        cells = []
        for kind in FLOW_KINDS:
            f = sum(1 for x in found if x["flow"] == kind)
            m = sum(1 for x in missed if x["flow"] == kind)
            totals[(kind, "f")] += f
            totals[(kind, "t")] += f + m
            cells.append(ratio(f, f + m))
        cells.append(ratio(len(found), len(found) + len(missed)))
        print(f"{name:34} " + " ".join(f"{c:>14}" for c in cells))
        if show_missed:
            for x in missed:
                print(f"  missed {x['path']}:{x['line']} {x['flow']} {x['category']}: {x['description']}")
    cells = [ratio(totals[(k, "f")], totals[(k, "t")]) for k in FLOW_KINDS]
    all_found = sum(totals[(k, "f")] for k in FLOW_KINDS)
    all_total = sum(totals[(k, "t")] for k in FLOW_KINDS)
    cells.append(ratio(all_found, all_total))
    print(f"{'total':34} " + " ".join(f"{c:>14}" for c in cells))


if __name__ == "__main__":
    main()
