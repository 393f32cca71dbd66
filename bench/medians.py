#!/usr/bin/env python3
"""Prints criterion's medians of the last `cargo bench` run as Markdown tables, with the ratio
to the floor measured in the same run. Usage: python3 medians.py [TARGET_DIR]"""

import json
import sys
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else "target") / "criterion"


def median_us(path):
    return json.loads(path.read_text())["median"]["point_estimate"] / 1000


def name_of(estimates):
    return json.loads((estimates.parent.parent / "new" / "benchmark.json").read_text())


for group in sorted(root.iterdir()):
    if not group.is_dir() or group.name == "report":
        continue
    rows = []
    for estimates in sorted(group.glob("**/new/estimates.json")):
        meta = name_of(estimates)
        label = meta.get("function_id") or ""
        if meta.get("value_str"):
            label = f"{label} {meta['value_str']}"
        rows.append((label.strip(), median_us(estimates)))
    floor = dict(rows).get("floor") or dict(rows).get("floor (hand-written)")
    print(f"\n{json.loads((next(group.glob('**/new/benchmark.json'))).read_text())['group_id']}\n")
    print("| benchmark | median | vs floor |" if floor else "| benchmark | median |")
    print("|---|---:|---:|" if floor else "|---|---:|")
    for label, us in rows:
        shown = f"{us / 1000:.2f} ms" if us >= 1000 else f"{us:.2f} µs"
        print(f"| {label} | {shown} | {us / floor:.1f}× |" if floor else f"| {label} | {shown} |")
