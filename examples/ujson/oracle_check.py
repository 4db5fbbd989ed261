#!/usr/bin/env python3
"""Check the HPy ujson build under CPython's hpy.universal (the oracle).

Compares examples/ujson against the real ultrajson (when importable, e.g.
Debian's python3-ujson) and the stdlib json module on generated documents,
option combinations and bad input; runs everything a second time under the
HPy debug context with a leak detector.

usage:
  source <oracle>/pyhpy.env            # puts hpy.universal on PYTHONPATH
  python3 oracle_check.py path/to/ujson.hpy0.so [--real-ujson-dir DIR]
          [--seed N] [--docs N] [--bench FILE_MB]
"""
import argparse
import importlib
import importlib.machinery
import io
import json
import math
import os
import random
import sys
import time

import hpy.universal

ap = argparse.ArgumentParser()
ap.add_argument("so")
ap.add_argument("--real-ujson-dir", default=None,
                help="directory holding the real ujson extension module")
ap.add_argument("--seed", type=int, default=1234)
ap.add_argument("--docs", type=int, default=300)
ap.add_argument("--bench", type=float, default=0,
                help="also time dumps/loads on a generated document of ~N MB")
ap.add_argument("--no-debug", action="store_true")
args = ap.parse_args()

real = None
if args.real_ujson_dir:
    sys.path.insert(0, args.real_ujson_dir)
try:
    real = importlib.import_module("ujson")
    del sys.modules["ujson"]
except ImportError:
    print("real ujson not importable: comparing with stdlib json only")


def load_hpy(debug):
    path = os.path.abspath(args.so)
    spec = importlib.machinery.ModuleSpec("ujson", None, origin=path)
    return hpy.universal.load("ujson", path, spec, debug=debug)


FAILS = []


def fail(what, *info):
    FAILS.append(what)
    if len(FAILS) < 40:
        print("FAIL:", what, *[repr(x)[:300] for x in info])


def same(a, b, ordered=True):
    """structural equality that treats NaN == NaN and -0.0 != 0.0 (and
    compares dict key order unless ordered=False)"""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        if math.isnan(a):
            return math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y, ordered)
                                        for x, y in zip(a, b))
    if isinstance(a, dict):
        if ordered and list(a) != list(b):
            return False
        return (len(a) == len(b) and all(k in b for k in a)
                and all(same(a[k], b[k], ordered) for k in a))
    return a == b


# ------------------------------------------------------------ generators

def rand_str(r):
    pools = [
        "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789",
        "\"\\/\b\f\n\r\t\x00\x01\x1f\x7f<>&'",
        "éàüßçñ€£¥©®°±µ¶·½ÆØÞ",
        "中文日本語한국어ไทยعربيעברית",
        "\u2028\u2029\ufeff\uffff\u0800\u07ff",
        "😀🎉💩𝄞🀄\U0010ffff\U00010000",
    ]
    n = r.choice([0, 1, 2, 5, 10, 30, 100])
    out = []
    for _ in range(n):
        pool = r.choice(pools)
        out.append(r.choice(pool))
    return "".join(out)


def rand_float(r):
    k = r.random()
    if k < 0.2:
        return r.random()
    if k < 0.4:
        return round(r.uniform(-1e6, 1e6), r.randint(0, 6))
    if k < 0.6:
        return r.uniform(-1, 1) * 10 ** r.randint(-320, 308)
    if k < 0.7:
        return float(r.randint(-2 ** 60, 2 ** 60))
    if k < 0.8:
        return r.choice([0.0, -0.0, 1.0, 0.1, 1e16, 1e15, 1e-5, 1e-4, 5e-324,
                         1.7976931348623157e308, 2.0 ** 53, 123456789.125])
    import struct
    while True:
        f = struct.unpack("<d", struct.pack("<Q", r.getrandbits(64)))[0]
        if math.isfinite(f):
            return f


def rand_int(r):
    k = r.random()
    if k < 0.5:
        return r.randint(-1000, 1000)
    if k < 0.7:
        return r.randint(-2 ** 63, 2 ** 63 - 1)
    if k < 0.8:
        return r.choice([2 ** 63 - 1, -2 ** 63, 2 ** 63, 2 ** 64 - 1, 2 ** 64,
                         -2 ** 63 - 1, 0])
    return r.randint(-10 ** 40, 10 ** 40)


def rand_doc(r, depth=0):
    k = r.random()
    if depth > 6 or k < 0.45:
        c = r.random()
        if c < 0.3:
            return rand_str(r)
        if c < 0.5:
            return rand_int(r)
        if c < 0.7:
            return rand_float(r)
        return r.choice([None, True, False])
    if k < 0.7:
        return [rand_doc(r, depth + 1) for _ in range(r.randint(0, 6))]
    return {rand_str(r): rand_doc(r, depth + 1) for _ in range(r.randint(0, 6))}


def nested(n, kind):
    """n containers nested in each other"""
    doc = [] if kind == "list" else {}
    for _ in range(n - 1):
        doc = [doc] if kind == "list" else {"k": doc}
    return doc


OPTION_SETS = [
    {},
    {"ensure_ascii": False},
    {"escape_forward_slashes": False},
    {"encode_html_chars": True},
    {"encode_html_chars": True, "ensure_ascii": False},
    {"sort_keys": True},
    {"indent": 2},
    {"indent": 4, "sort_keys": True, "ensure_ascii": False},
    {"indent": 1, "separators": (", ", ": ")},
    {"separators": (",", ":")},
    {"separators": (";", "=")},
    {"indent": -1},
]


def check_module(u, r, ndocs, label):
    print(f"--- {label}")
    n0 = len(FAILS)

    # 1. documents: dumps vs real ujson, round trip through stdlib json
    for i in range(ndocs):
        doc = rand_doc(r)
        for opts in OPTION_SETS:
            try:
                mine = u.dumps(doc, **opts)
            except Exception as e:
                fail("dumps raised", opts, doc, e)
                continue
            if real is not None:
                try:
                    theirs = real.dumps(doc, **opts)
                except Exception as e:
                    theirs = e
                if mine != theirs:
                    fail("dumps differs from real ujson", opts, doc, mine, theirs)
            if opts.get("separators") == (";", "="):
                continue                       # not JSON any more
            ordered = not opts.get("sort_keys")
            back = json.loads(mine)
            if not same(back, doc, ordered):
                fail("stdlib json.loads(dumps(doc)) != doc", opts, doc, mine)
            if not same(u.loads(mine), doc, ordered):
                fail("loads(dumps(doc)) != doc", opts, doc, mine)
        # stdlib-produced text (various layouts) through our loads
        for text in (json.dumps(doc), json.dumps(doc, indent=3),
                     json.dumps(doc, ensure_ascii=False),
                     json.dumps(doc, separators=(" , ", " : "))):
            try:
                got = u.loads(text)
            except Exception as e:
                fail("loads raised on stdlib text", text, e)
                continue
            if not same(got, json.loads(text)):
                fail("loads differs from stdlib json", text, got)
            if real is not None and not same(got, real.loads(text)):
                fail("loads differs from real ujson", text, got)
            if not same(u.loads(text.encode("utf-8")), got):
                fail("loads(bytes) differs from loads(str)", text)

    # 2. scalars and special values
    cases = [0, -1, 2 ** 63 - 1, -2 ** 63, 2 ** 63, 2 ** 64 - 1, 2 ** 64,
             -2 ** 64, 10 ** 100, -10 ** 100, 1.0, -0.0, 0.1, 1e16, 1e-5,
             1e22, 5e-324, float("inf"), float("-inf"), float("nan"), True,
             False, None, "", "\x00", "\ud800", "a\udfffb", "\ud83d", [], {}, (), [[]], {"": {}}, (1, (2, 3)),
             {"__proto__": 1, "constructor": [2]}]
    for c in cases:
        for opts in ({}, {"ensure_ascii": False}):
            mine = u.dumps(c, **opts)
            if real is not None:
                theirs = real.dumps(c, **opts)
                if mine != theirs:
                    fail("scalar dumps differs", c, opts, mine, theirs)
            back = u.loads(mine)
            expect = list(c) if isinstance(c, tuple) else c
            if isinstance(c, tuple):
                expect = json.loads(json.dumps(c))
            if not same(back, expect):
                fail("scalar round trip", c, opts, mine, back)

    # 3. options
    def expect(call, want):
        try:
            got = call()
        except Exception as e:
            got = e
        if isinstance(want, type) and issubclass(want, BaseException):
            if not isinstance(got, want):
                fail("expected exception", want, got)
        elif got != want:
            fail("option result", want, got)

    expect(lambda: u.dumps(3.141592653589793, double_precision=4), "3.1416")
    expect(lambda: u.dumps(3.141592653589793, double_precision=0), "3")
    expect(lambda: u.dumps([1.0, 2.5], double_precision=3), "[1.0,2.5]")
    expect(lambda: u.dumps(1.5, double_precision=16), ValueError)
    expect(lambda: u.dumps(float("nan"), allow_nan=False), OverflowError)
    expect(lambda: u.dumps(float("inf"), allow_nan=False), OverflowError)
    expect(lambda: u.dumps(b"abc"), TypeError)
    expect(lambda: u.dumps(b"abc", reject_bytes=False), '"abc"')
    expect(lambda: u.dumps(b"\xff", reject_bytes=False), UnicodeDecodeError)
    expect(lambda: u.dumps({b"k": 1}), '{"k":1}')
    expect(lambda: u.dumps({1: 2, None: 3, 1.5: 4, True: 5}),
           '{"1":5,"null":3,"1.5":4}')
    expect(lambda: u.dumps({10: 1, 2: 2, 1: 3}, sort_keys=True),
           '{"1":3,"2":2,"10":1}')
    expect(lambda: u.dumps({"b": 1, 1: 2}, sort_keys=True), ValueError)
    expect(lambda: u.dumps({"b": 1, "a": {"d": 1, "c": 2}}, sort_keys=True),
           '{"a":{"c":2,"d":1},"b":1}')
    expect(lambda: u.dumps(object()), TypeError)
    expect(lambda: u.dumps({1}), TypeError)
    expect(lambda: u.dumps(object(), default=lambda o: "X"), '"X"')
    expect(lambda: u.dumps([object()], default=lambda o: [1, o]), OverflowError)
    expect(lambda: u.dumps(object(), default=5), TypeError)
    expect(lambda: u.dumps(1, separators=[",", ":"]), "1")
    expect(lambda: u.dumps(1, separators=(",",)), ValueError)
    expect(lambda: u.dumps(1, separators=(1, 2)), TypeError)
    expect(lambda: u.dumps(1, indent="2"), TypeError)
    expect(lambda: u.dumps(1, bogus=1), TypeError)
    expect(lambda: u.dumps(), TypeError)
    expect(lambda: u.dumps(1, obj=2), TypeError)
    expect(lambda: u.loads(), TypeError)
    expect(lambda: u.loads("[1]", precise_float=True), [1])
    expect(lambda: u.loads(s="[1]"), [1])
    expect(lambda: u.loads(obj="[1]"), [1])
    expect(lambda: u.loads(bytearray(b"[1]")), [1])
    expect(lambda: u.loads(memoryview(b"[2]")), [2])
    expect(lambda: u.loads(5), TypeError)
    expect(lambda: u.loads(None), TypeError)
    expect(lambda: u.loads([1]), TypeError)
    expect(lambda: u.encode([1]), "[1]")
    expect(lambda: u.decode("[1]"), [1])

    class ToDict:
        def toDict(self):
            return {"t": 1}

    class Raw:
        def __json__(self):
            return '{"raw": [1]}'

    import decimal
    expect(lambda: u.dumps([ToDict(), Raw()]), '[{"t":1},{"raw": [1]}]')
    expect(lambda: u.dumps(decimal.Decimal("1.5")), "1.5")
    import enum

    class E(enum.IntEnum):
        A = 7
    expect(lambda: u.dumps([E.A]), "[7]")

    f = io.StringIO()
    expect(lambda: u.dump({"a": [1, "é"]}, f, ensure_ascii=False, indent=1), None)
    if f.getvalue() != '{\n "a": [\n  1,\n  "é"\n ]\n}':
        fail("dump wrote", f.getvalue())
    expect(lambda: u.dump(1, 5), TypeError)
    expect(lambda: u.load(io.StringIO('{"x": [1, 2]}')), {"x": [1, 2]})
    expect(lambda: u.load(io.BytesIO(b'[true]')), [True])
    expect(lambda: u.load(5), TypeError)

    # 4. nesting limits: same as ultrajson, and clean errors far beyond
    for n, ok in ((1024, True), (1025, False), (10000, False), (100000, False)):
        for kind in ("list", "dict"):
            text = ("[" * n + "]" * n) if kind == "list" else \
                ('{"a":' * n + "1" + "}" * n)
            try:
                u.loads(text)
                res = True
            except u.JSONDecodeError as e:
                res = False
                if "depth" not in str(e):
                    fail("loads depth: wrong message", kind, n, str(e))
            if res != ok:
                fail("loads depth", kind, n, res)
    expect(lambda: u.loads("[" * 100000), u.JSONDecodeError)
    for n, ok in ((1025, True), (1026, False), (10000, False)):
        for kind in ("list", "dict"):
            doc = nested(n, kind)
            try:
                u.dumps(doc)
                res = True
            except OverflowError:
                res = False
            if res != ok:
                fail("dumps depth", kind, n, res)
    d = {}
    d["self"] = d
    expect(lambda: u.dumps(d), OverflowError)

    # 5. bad input: must raise JSONDecodeError (a ValueError), as stdlib does
    bad = ["", " ", "[", "[1", "[1,", "[1,]", "{", '{"a"', '{"a":', '{"a":1',
           '{"a":1,}', "{a:1}", "{1:2}", '"abc', '"a\\x"', '"\\u12"',
           '"\\u12G4"', "1 2", "[1] x", "nul", "nulll", "tru", "False",
           "nan", "-NaN", "inf", "01", "-", "1.", ".5", "1e", "1e+", "[-]",
           "[0x10]", "[+1]", "[1,,2]", "[,1]", "{,}", '{"a" 1}',
           '{"a":1 "b":2}', '"\t"', '"\x01"', "\ufeff[1]", "[1]\x00", "]",
           "}", '{"a":1}}', "[1]]", "'a'", '"\\', '"\\u', "-I", "-Infinit"]
    for text in bad:
        try:
            u.loads(text)
            fail("accepted bad input", text)
        except u.JSONDecodeError as e:
            if not isinstance(e, ValueError):
                fail("JSONDecodeError is not a ValueError")
            if "(char " not in str(e):
                fail("no position in message", text, str(e))
        except Exception as e:
            fail("wrong exception for bad input", text, e)
    for b in (b'"\xff"', b'"\xc3"', b'"\xe0\x80\x80"', b'"\xf4\x90\x80\x80"',
              b'"\xc0\xaf"', b'["\x80"]'):
        expect(lambda: u.loads(b), u.JSONDecodeError)
    expect(lambda: u.loads(b'"\xed\xa0\x80"'), "\ud800")      # as ultrajson
    expect(lambda: u.loads('"\ud800x"'), "\ud800x")
    expect(lambda: u.loads('["\\ud83d\\ude00", "\\ude00\\ud83d"]'),
           ["\U0001F600", "\ude00\ud83d"])
    expect(lambda: u.loads('"\\u0000"'), "\x00")

    # 6. fuzz: mutated valid texts are accepted exactly when stdlib accepts
    alphabet = '{}[]",:\\ 0123456789.eE+-tfnulrsaNIy\x00\x1f\u00e9\ud800'
    for i in range(ndocs * 20):
        text = json.dumps(rand_doc(r), ensure_ascii=r.random() < 0.5)
        k = r.random()
        if k < 0.3 and text:
            text = text[:r.randrange(len(text))]
        elif k < 0.7 and text:
            p = r.randrange(len(text))
            text = text[:p] + r.choice(alphabet) + text[p + 1:]
        else:
            p = r.randrange(len(text) + 1)
            text = text[:p] + r.choice(alphabet) + text[p:]
        try:
            want = json.loads(text)
            std_ok = True
        except (ValueError, RecursionError):
            std_ok = False
        try:
            got = u.loads(text)
            ok = True
        except u.JSONDecodeError:
            ok = False
        except Exception as e:
            fail("fuzz: unexpected exception", text, e)
            continue
        if ok != std_ok:
            fail("fuzz: acceptance differs from stdlib json", text, ok)
        elif ok and not same(got, want):
            fail("fuzz: value differs from stdlib json", text, got, want)

    # 7. byte-level fuzz of bytes input: invalid UTF-8 is always an error
    for i in range(ndocs * 10):
        b = bytearray(json.dumps(rand_doc(r), ensure_ascii=False).encode())
        for _ in range(r.randint(1, 3)):
            if not b:
                break
            p = r.randrange(len(b))
            k = r.random()
            if k < 0.4:
                b[p] = r.randrange(256)
            elif k < 0.7:
                b.insert(p, r.choice([0x80, 0xbf, 0xc0, 0xc3, 0xe0, 0xed, 0xf0,
                                      0xf4, 0xf5, 0xff, 0x22, 0x5c]))
            else:
                del b[p:p + r.randint(1, 4)]
        b = bytes(b)
        try:
            text = b.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        try:
            got = u.loads(b)
            ok = True
        except u.JSONDecodeError:
            ok = False
        except Exception as e:
            fail("bytes fuzz: unexpected exception", b, e)
            continue
        if text is None:
            if ok and not any(b[j] == 0xED and b[j + 1] >= 0xA0
                              for j in range(len(b) - 1)):
                fail("bytes fuzz: accepted invalid UTF-8", b)
            continue
        try:
            want = json.loads(text)
            std_ok = True
        except (ValueError, RecursionError):
            std_ok = False
        if ok != std_ok:
            fail("bytes fuzz: acceptance differs from stdlib json", b, ok)
        elif ok and not same(got, want):
            fail("bytes fuzz: value differs", b, got, want)

    print(f"{label}: {len(FAILS) - n0} failure(s)")


def bench_doc(r, mb):
    """API-style document, about the mix of ANCHORS.md section 5: per MB
    ~10k objects, ~20k strings (unicode, escapes), ~14k floats, ~10k ints,
    bools and nulls."""
    words = ["alpha", "beta", "gamma", "delta", "naïve", "café", "日本語",
             "Ünïcödé", "emoji 😀", "path/to/x", 'say "hi"', "tab\there",
             "line\nbreak", "ascii only text", "Москва", "€100", "ok"]
    items = []
    size = 0
    i = 0
    while size < mb * 1e6:
        it = {
            "id": i,
            "name": " ".join(r.choice(words) for _ in range(r.randint(1, 3))),
            "active": r.random() < 0.5,
            "score": round(r.uniform(0, 100), 3),
            "ratio": r.random(),
            "tags": [r.choice(words) for _ in range(r.randint(0, 3))],
            "geo": {"lat": r.uniform(-90, 90), "lng": r.uniform(-180, 180)},
            "owner": None if r.random() < 0.2 else {
                "login": r.choice(words), "followers": r.randint(0, 10 ** 6),
                "url": "https://example.com/u/%d" % r.randint(0, 10 ** 6)},
        }
        items.append(it)
        size += len(json.dumps(it, ensure_ascii=False).encode())
        i += 1
    return {"count": len(items), "items": items}


def bench(u, mb):
    r = random.Random(42)
    doc = bench_doc(r, mb)
    text = json.dumps(doc, ensure_ascii=False)
    print(f"--- bench: document {len(text.encode()) / 1e6:.2f} MB "
          f"({len(doc['items'])} items)")

    def best(fn):
        res = []
        for _ in range(5):
            t = []
            for _ in range(7):
                t0 = time.perf_counter()
                fn()
                t.append(time.perf_counter() - t0)
            res.append(min(t))
        return min(res) * 1e3

    rows = [("hpy ujson", u)]
    if real is not None:
        rows.append(("real ujson", real))
    rows.append(("stdlib json", json))
    for name, m in rows:
        tl = best(lambda: m.loads(text))
        if m is json:
            td = best(lambda: m.dumps(doc, ensure_ascii=False))
        else:
            td = best(lambda: m.dumps(doc, ensure_ascii=False))
        print(f"{name:12s} loads {tl:7.2f} ms   dumps(ensure_ascii=False) {td:7.2f} ms")


u = load_hpy(False)
check_module(u, random.Random(args.seed), args.docs, "universal context")
if args.bench:
    # before the debug run: loading the same .so in debug mode re-points its
    # global context (used by CPython's trampolines) at the debug context
    bench(u, args.bench)
if not args.no_debug:
    from hpy.debug import LeakDetector
    ud = load_hpy(True)
    with LeakDetector():
        check_module(ud, random.Random(args.seed + 1), max(args.docs // 5, 20),
                     "debug context + leak detector")
    print("debug context: no leaked handles")
print("TOTAL FAILURES:", len(FAILS))
sys.exit(1 if FAILS else 0)
