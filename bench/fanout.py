#!/usr/bin/env python3
"""Generate a tree where many callers pass personal data into one helper chain.

usage: fanout.py DIR [--files 200] [--callers 200] [--depth 8]

Each of FILES x CALLERS handlers passes a request's email into `h0`, and each
helper `h<i>` logs it twice and calls `h<i+1>`. candor reports a flow where it
enters the helpers, so this is the worst case for the join: it shows the cost of
following callers apart (at most 32 into one place; see docs/flows.md, Bounds).

    python3 bench/fanout.py /tmp/fanout
    /usr/bin/time -f "%e s %M KB" candor scan /tmp/fanout --no-policy --format json -o /dev/null
"""

import argparse
from pathlib import Path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--callers", type=int, default=200)
    parser.add_argument("--depth", type=int, default=8)
    args = parser.parse_args()
    app = args.dir / "app"
    app.mkdir(parents=True, exist_ok=True)
    (app / "__init__.py").write_text("")
    helpers = ["import logging", ""]
    for i in range(args.depth):
        call = f"    h{i + 1}(value)\n" if i + 1 < args.depth else ""
        helpers.append(
            f"def h{i}(value):\n    logging.info('a %s', value)\n{call}"
            f"    logging.warning('b %s', value)\n"
        )
    (app / "helpers.py").write_text("\n".join(helpers))
    for f in range(args.files):
        body = ["from app.helpers import h0", ""]
        for c in range(args.callers):
            body.append(f"def handler_{c}(request):\n    h0(request.form['email'])\n")
        (app / f"views_{f}.py").write_text("\n".join(body))


if __name__ == "__main__":
    main()
