"""Times the benchmark operations under CPython, for two columns:

  cpython        the C-API extension bench_cpy (cpython/bench_cpy.c)
  hpy-universal  the HPy extension bench_hpy.hpy0.so under hpy.universal

usage: python3 driver.py --column cpython|hpy-universal --module PATH
                         --ops a,b,c [--target-ms 20] [--runs 7] [--rss-runs 3]
       python3 driver.py --info      (prints interpreter facts as JSON)

Prints one line per event, prefixed with "@@": a JSON object with type
'start' | 'result' | 'error' | 'fatal' (same protocol as lib/js-worker.js).
The loops and data mirror lib/ops.js one for one.
"""
import gc
from itertools import repeat
import importlib.machinery
import importlib.util
import json
import os
import platform
import statistics
import sys
import sysconfig
import time

now = time.perf_counter_ns

STR = 'naïve café — Zürich, 東京 😀 hpy-node ✓ ünïcödé 🎉 end'
LIST_N = 1000
DICT_N = 100


def emit(obj):
    sys.stdout.write('@@' + json.dumps(obj) + '\n')
    sys.stdout.flush()


def load(column, path):
    path = os.path.abspath(path)
    if column == 'cpython':
        spec = importlib.util.spec_from_file_location('bench_cpy', path)
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        return m
    if column == 'hpy-universal':
        import hpy.universal
        spec = importlib.machinery.ModuleSpec('bench_hpy', None, origin=path)
        m = hpy.universal.load('bench_hpy', path, spec, debug=False)
        sys.modules['bench_hpy'] = m
        return m
    raise ValueError('unknown column ' + column)


class P:
    def __init__(self):
        self.x = 1


def keys100():
    return ['key%d' % i for i in range(DICT_N)]


def expect(got, want, what):
    if type(want) is float:
        ok = type(got) is float and got == want
    else:
        ok = got == want and type(got) is type(want)
    return None if ok else '%s: expected %r, got %r' % (what, want, got)


# Every op: (loop(n), check()).  Loops bind what they use as locals, the
# usual way to write a CPython micro-benchmark; the JS loops do the same.
def make_ops(m):
    ops = {}

    def op(name):
        def deco(fn):
            ops[name] = fn
            return fn
        return deco

    @op('empty_loop')
    def _():
        x = 1
        def loop(n):
            r = None
            for _ in repeat(None, n):
                r = x
            return r
        return loop, lambda: None

    def simple(fname, args, want):
        # a call with fixed positional arguments
        f = getattr(m, fname)
        if len(args) == 0:
            def loop(n):
                r = None
                for _ in repeat(None, n):
                    r = f()
                return r
        elif len(args) == 1:
            a, = args
            def loop(n):
                r = None
                for _ in repeat(None, n):
                    r = f(a)
                return r
        elif len(args) == 2:
            a, b = args
            def loop(n):
                r = None
                for _ in repeat(None, n):
                    r = f(a, b)
                return r
        else:
            a, b, c = args
            def loop(n):
                r = None
                for _ in repeat(None, n):
                    r = f(a, b, c)
                return r
        return loop, (lambda: want(f(*args))) if callable(want) else (lambda: expect(f(*args), want, fname + '()'))

    ops['noop'] = lambda: simple('noop', (), None)
    ops['onearg'] = lambda: simple('onearg', ({'a': 1},), None)
    ops['varargs'] = lambda: simple('varargs', (1, 2, 3), None)

    @op('keywords')
    def _():
        f = m.keywords
        def loop(n):
            r = None
            for _ in repeat(None, n):
                r = f(1, b=2, c=3)
            return r
        return loop, lambda: expect(f(1, b=2, c=3), 6, 'keywords()')

    ops['ret_int'] = lambda: simple('ret_int', (), 12345)
    ops['ret_float'] = lambda: simple('ret_float', (), 1.5)
    ops['ret_str'] = lambda: simple('ret_str', (), 'hello world')

    @op('identity')
    def _():
        x = {'a': 1}
        return simple('identity', (x,), lambda r: None if r is x else 'identity(x) is not x')

    ops['add_ints'] = lambda: simple('add_ints', (1234, 5678), 6912)
    ops['add_floats'] = lambda: simple('add_floats', (1.5, 2.25), 3.75)
    ops['str_len'] = lambda: simple('str_len', (STR,), len(STR))
    ops['utf8_len'] = lambda: simple('utf8_len', (STR,), len(STR.encode('utf-8')))
    ops['make_tuple'] = lambda: simple('make_tuple', (), (1, 2, 3))
    ops['tuple_index'] = lambda: simple('tuple_index', (m.make_tuple(),), 3)
    ops['sum_list'] = lambda: simple('sum_list', (list(range(LIST_N)),), 499500)

    @op('build_list')
    def _():
        return simple('build_list', (LIST_N,),
                      lambda r: None if r == list(range(LIST_N)) else 'build_list(): wrong result')

    @op('build_dict')
    def _():
        want = {k: i for i, k in enumerate(keys100())}
        return simple('build_dict', (), lambda r: None if r == want else 'build_dict(): wrong result')

    ops['dict_get'] = lambda: simple('dict_get', ({k: i for i, k in enumerate(keys100())},), 4950)

    @op('build_dict_obj')
    def _():
        keys = keys100()
        want = {k: i for i, k in enumerate(keys)}
        return simple('build_dict_obj', (keys,), lambda r: None if r == want else 'build_dict_obj(): wrong result')

    @op('dict_get_obj')
    def _():
        keys = keys100()
        d = {k: i for i, k in enumerate(keys)}
        return simple('dict_get_obj', (d, keys), 4950)

    ops['call_back'] = lambda: simple('call_back', (lambda i: i,), 499500)
    ops['getattr_x'] = lambda: simple('getattr_x', (P(),), 1)

    @op('new_drop')
    def _():
        T = m.Vec
        def loop(n):
            r = None
            for _ in repeat(None, n):
                r = T()
            return r
        return loop, lambda: None if isinstance(T(), T) else 'Vec() is not a Vec'

    @op('method_call')
    def _():
        v = m.Vec(3, 4)
        def loop(n):
            r = None
            for _ in repeat(None, n):
                r = v.norm2()
            return r
        return loop, lambda: expect(v.norm2(), 25.0, 'v.norm2()')

    @op('member_get')
    def _():
        v = m.Vec(3, 4)
        def loop(n):
            r = None
            for _ in repeat(None, n):
                r = v.x
            return r
        return loop, lambda: expect(v.x, 3.0, 'v.x')

    @op('nb_add')
    def _():
        v, w = m.Vec(3, 4), m.Vec(1, 1)
        def loop(n):
            r = None
            for _ in repeat(None, n):
                r = v + w
            return r
        def check():
            r = v + w
            return None if isinstance(r, m.Vec) and r.x == 4.0 and r.y == 5.0 else 'v + w: wrong result'
        return loop, check

    ops['dup_close'] = lambda: simple('dup_close', (object(),), None)
    ops['handles_10m'] = lambda: simple('handles_10m', (P(),), lambda r: None)
    return ops


def time_once(loop, n):
    t0 = now()
    loop(n)
    return now() - t0


def time_op(loop, target_ms, runs):
    target = target_ms * 1e6
    n = 1
    t = time_once(loop, n)
    while t < target / 4 and n < 1e9:
        grow = 100 if t <= 0 else min(100, max(2, -(-int(target / 4) // t)))
        n *= grow
        t = time_once(loop, n)
    if n == 1 and t > 200e6:  # one call takes > 200 ms
        runs = min(runs, 3)
    n = max(1, round(n * target / max(t, 1)))
    time_once(loop, n)  # warm-up at the final size
    samples = [time_once(loop, n) / n for _ in range(runs)]
    return dict(n=n, runs=len(samples), min=min(samples), median=statistics.median(samples),
                samples=samples)


def read_status():
    vals = {}
    with open('/proc/self/status') as fh:
        for line in fh:
            if line.startswith(('VmRSS:', 'VmHWM:')):
                k, v = line.split(':', 1)
                vals[k] = int(v.split()[0])
    return vals.get('VmRSS', 0), vals.get('VmHWM', 0)


def reset_peak():
    try:
        with open('/proc/self/clear_refs', 'w') as fh:
            fh.write('5')
        return True
    except OSError:
        return False


def time_rss(f, arg, runs):
    samples, growth, method = [], [], 'VmHWM'
    for _ in range(runs):
        can_reset = reset_peak()
        if not can_reset:
            method = 'VmRSS after'
        rss0, _ = read_status()
        t0 = now()
        r = f(arg)
        dt = now() - t0
        rss1, hwm1 = read_status()
        if r != 10000000:
            raise RuntimeError('wrong result: handles_10m() returned %r' % (r,))
        samples.append(dt)
        growth.append(((hwm1 if can_reset else rss1) - rss0) / 1024)
        if dt > 5e9:  # a slow implementation: one run is enough
            break
    return dict(n=1, runs=len(samples), min=min(samples), median=statistics.median(samples),
                samples=samples, rss_mb=max(growth), rss_samples_mb=growth, rss_method=method)


def info():
    d = dict(python=sys.version.split()[0], implementation=platform.python_implementation(),
             compiler=platform.python_compiler(), include=sysconfig.get_paths()['include'],
             ext_suffix=sysconfig.get_config_var('EXT_SUFFIX'), executable=sys.executable)
    try:
        import hpy.universal
        d['hpy_universal'] = hpy.universal.get_version()
    except Exception as e:  # reported as the reason the column is missing
        d['hpy_universal_error'] = '%s: %s' % (type(e).__name__, e)
    print(json.dumps(d))


def main(argv):
    if '--info' in argv:
        info()
        return 0
    args = dict(target_ms=20.0, runs=7, rss_runs=3, ops=[])
    i = 0
    while i < len(argv):
        k = argv[i]
        v = argv[i + 1] if i + 1 < len(argv) else None
        if k == '--column': args['column'] = v
        elif k == '--module': args['module'] = v
        elif k == '--ops': args['ops'] = [o for o in v.split(',') if o]
        elif k == '--target-ms': args['target_ms'] = float(v)
        elif k == '--runs': args['runs'] = int(v)
        elif k == '--rss-runs': args['rss_runs'] = int(v)
        i += 2
    try:
        m = load(args['column'], args['module'])
    except Exception as e:
        emit(dict(type='fatal', message='cannot load %s module: %s: %s' % (args.get('column'), type(e).__name__, e)))
        return 2
    ops = make_ops(m)
    for name in args['ops']:
        emit(dict(type='start', op=name))
        try:
            if name not in ops:
                raise KeyError('no such operation')
            loop, check = ops[name]()
            if name == 'handles_10m':
                res = time_rss(m.handles_10m, P(), args['rss_runs'])
            else:
                bad = check()
                if bad:
                    raise RuntimeError('wrong result: ' + bad)
                res = time_op(loop, args['target_ms'], args['runs'])
            res.update(type='result', op=name)
            emit(res)
        except Exception as e:
            emit(dict(type='error', op=name, message=('%s: %s' % (type(e).__name__, e)).split('\n')[0]))
        gc.collect()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
