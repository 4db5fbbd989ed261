"""CPython side of the JSON benchmark (benchmarks/json/run.js starts it).

Times, on the same document files as the Node.js side and in the same way (per round: one
warm-up call, then min of N timed calls; best over the rounds):

  cpython-ujson   the real ultrajson (``import ujson``), e.g. Debian's python3-ujson
  cpython-json    the standard library's ``json``
  hpy-universal   examples/ujson built with the official HPy headers, loaded by CPython's
                  ``hpy.universal`` (only when a path to that build is given and hpy imports)

Operations: decode = loads(str), encode = dumps(obj, ensure_ascii=False),
encode_ascii = dumps(obj) (default ensure_ascii=True).

Usage: python3 cpython_ujson.py CONFIG.json   ->  one JSON object on stdout.
CONFIG: {"rounds": 5, "runs": 7, "cases": [{"name", "kind": "one"|"many", "path"}],
         "hpy_so": path or null, "ops": ["decode", ...]}
A document file holds one JSON text ("one") or one JSON text per line ("many"), UTF-8.
"""

import gc
import importlib
import importlib.machinery
import json
import platform
import sys
import time


def load_engines(cfg):
    engines = {}
    unavailable = {}
    try:
        uj = importlib.import_module("ujson")
        engines["cpython-ujson"] = {
            "version": getattr(uj, "__version__", "?"),
            "file": getattr(uj, "__file__", "?"),
            "decode": uj.loads,
            "encode": lambda o, d=uj.dumps: d(o, ensure_ascii=False),
            "encode_ascii": uj.dumps,
        }
    except Exception as e:  # noqa: BLE001 - report any reason
        unavailable["cpython-ujson"] = "import ujson failed: %s: %s" % (type(e).__name__, e)
    engines["cpython-json"] = {
        "version": "stdlib json " + json.__version__,
        "file": json.__file__,
        "decode": json.loads,
        "encode": lambda o, d=json.dumps: d(o, ensure_ascii=False),
        "encode_ascii": json.dumps,
    }
    so = cfg.get("hpy_so")
    if so:
        try:
            import hpy.universal

            spec = importlib.machinery.ModuleSpec("ujson", None, origin=so)
            m = hpy.universal.load("ujson", so, spec, debug=False)
            try:
                hpy_version = importlib.import_module("hpy.devel.version").__version__
            except Exception:  # noqa: BLE001
                hpy_version = "?"
            engines["hpy-universal"] = {
                "version": "hpy.universal %s, examples/ujson %s" % (hpy_version, getattr(m, "__version__", "?")),
                "file": so,
                "decode": m.loads,
                "encode": lambda o, d=m.dumps: d(o, ensure_ascii=False),
                "encode_ascii": m.dumps,
            }
        except Exception as e:  # noqa: BLE001
            unavailable["hpy-universal"] = "hpy.universal load failed: %s: %s" % (type(e).__name__, e)
    elif "hpy_reason" in cfg:
        unavailable["hpy-universal"] = cfg["hpy_reason"]
    return engines, unavailable


def make_call(kind, fn, data):
    if kind == "one":
        def call():
            fn(data)
    else:
        def call():
            for d in data:
                fn(d)
    return call


def time_min(call, runs):
    call()  # warm-up
    best = None
    clock = time.perf_counter_ns
    for _ in range(runs):
        t0 = clock()
        call()
        dt = clock() - t0
        if best is None or dt < best:
            best = dt
    return best / 1e6


def main():
    cfg = json.load(open(sys.argv[1], encoding="utf-8"))
    rounds, runs = cfg["rounds"], cfg["runs"]
    ops = cfg.get("ops") or ["decode", "encode", "encode_ascii"]
    engines, unavailable = load_engines(cfg)
    names = list(engines)

    cases = []
    for c in cfg["cases"]:
        with open(c["path"], encoding="utf-8") as f:
            text = f.read()
        texts = text if c["kind"] == "one" else text.split("\n")
        if c["kind"] == "many":
            texts = [t for t in texts if t]
        objs = json.loads(texts) if c["kind"] == "one" else [json.loads(t) for t in texts]
        cases.append((c["name"], c["kind"], texts, objs))

    # Sanity: every engine decodes to what json decodes to, and its output reads back.
    checks = {}
    for name in names:
        e = engines[name]
        ok = True
        msgs = []
        for cname, kind, texts, objs in cases:
            one_t = texts if kind == "one" else texts[0]
            one_o = objs if kind == "one" else objs[0]
            try:
                if e["decode"](one_t) != one_o:
                    ok = False
                    msgs.append("%s: decode differs from json.loads" % cname)
                for op in ("encode", "encode_ascii"):
                    if json.loads(e[op](one_o)) != one_o:
                        ok = False
                        msgs.append("%s: %s does not read back" % (cname, op))
            except Exception as ex:  # noqa: BLE001
                ok = False
                msgs.append("%s: %s: %s" % (cname, type(ex).__name__, ex))
        checks[name] = {"ok": ok, "messages": msgs}

    results = {}
    for cname, kind, texts, objs in cases:
        results[cname] = {n: {op: {"rounds": []} for op in ops} for n in names}
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for cname, kind, texts, objs in cases:
            for op in ops:
                data = texts if op == "decode" else objs
                for n in order:
                    call = make_call(kind, engines[n][op], data)
                    gc.collect()
                    results[cname][n][op]["rounds"].append(time_min(call, runs))
    for cname in results:
        for n in results[cname]:
            for op, v in results[cname][n].items():
                v["ms"] = min(v["rounds"])

    out = {
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "implementation": platform.python_implementation(),
        "engines": {n: {"version": engines[n]["version"], "file": engines[n]["file"]} for n in names},
        "unavailable": unavailable,
        "checks": checks,
        "results": results,
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
