#!/usr/bin/env python3
"""Baselines for benches/load_cnemc.rs: pandas and polars doing what AirDesk's loader does.

Reads every CNEMC site file of a folder and turns it into long form (date, hour, type, station,
value) with the missing cells dropped — the equivalent of filling AirDesk's store. Prints one JSON
object: the best wall time of N runs for each library, in seconds.

    pip install -r benches/requirements.txt
    python3 benches/baseline_load.py /path/to/cnemc-2019-12 [runs]
"""
import glob
import json
import os
import sys
import time


def pandas_load(files):
    import pandas as pd
    frames = []
    for f in files:
        df = pd.read_csv(f)
        long = df.melt(id_vars=["date", "hour", "type"], var_name="station", value_name="value")
        frames.append(long.dropna(subset=["value"]))
    return sum(len(x) for x in frames)


def polars_load(files):
    import polars as pl
    frames = []
    for f in files:
        df = pl.read_csv(f, infer_schema_length=0)  # all columns as text first, like a raw load
        df = df.with_columns([pl.col(c).cast(pl.Float32, strict=False) for c in df.columns[3:]])
        long = df.unpivot(index=["date", "hour", "type"], variable_name="station", value_name="value")
        frames.append(long.drop_nulls("value"))
    return sum(x.height for x in frames)


def best_of(fn, files, runs):
    best, n = float("inf"), 0
    for _ in range(runs):
        t = time.perf_counter()
        n = fn(files)
        best = min(best, time.perf_counter() - t)
    return best, n


def main():
    folder = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    files = sorted(glob.glob(os.path.join(folder, "china_sites_*.csv")))
    out = {"files": len(files)}
    for name, fn in [("pandas", pandas_load), ("polars", polars_load)]:
        try:
            seconds, values = best_of(fn, files, runs)
            out[name] = {"seconds": seconds, "values": values}
        except ImportError as e:
            out[name] = {"error": str(e)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
