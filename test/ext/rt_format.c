/*
 * Test extension for HPyUnicode_FromFormat(V) and HPyErr_Format
 * (include/runtime/format.c).
 *
 *   fmt(n)            result of test case n (see the switch below)
 *   fmt_obj(n, x)     cases taking an object
 *   fmt_v(a, b)       HPyUnicode_FromFormatV through a va_list wrapper
 *   raise_fmt(x)      HPyErr_Format(ValueError, "bad value %d: %R", 42, x)
 */

#include "hpy.h"

#include <limits.h>
#include <stdint.h>

HPyDef_METH(fmt, "fmt", HPyFunc_O)
static HPy
fmt_impl(HPyContext *ctx, HPy self, HPy arg)
{
    long n = HPyLong_AsLong(ctx, arg);
    (void)self;
    if (n == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    switch (n) {
    case 0: return HPyUnicode_FromFormat(ctx, "hello");
    case 1: return HPyUnicode_FromFormat(ctx, "%d", 42);
    case 2: return HPyUnicode_FromFormat(ctx, "%d", -42);
    case 3: return HPyUnicode_FromFormat(ctx, "%i", INT_MIN);
    case 4: return HPyUnicode_FromFormat(ctx, "%u", UINT_MAX);
    case 5: return HPyUnicode_FromFormat(ctx, "%ld", LONG_MIN);
    case 6: return HPyUnicode_FromFormat(ctx, "%li", LONG_MAX);
    case 7: return HPyUnicode_FromFormat(ctx, "%lu", ULONG_MAX);
    case 8: return HPyUnicode_FromFormat(ctx, "%lld", LLONG_MIN);
    case 9: return HPyUnicode_FromFormat(ctx, "%lli", LLONG_MAX);
    case 10: return HPyUnicode_FromFormat(ctx, "%llu", ULLONG_MAX);
    case 11: return HPyUnicode_FromFormat(ctx, "%zd", (HPy_ssize_t)-5);
    case 12: return HPyUnicode_FromFormat(ctx, "%zi", HPY_SSIZE_T_MAX);
    case 13: return HPyUnicode_FromFormat(ctx, "%zu", (size_t)SIZE_MAX);
    case 14: return HPyUnicode_FromFormat(ctx, "%x", 255);
    case 15: return HPyUnicode_FromFormat(ctx, "%x", -1);
    case 16: return HPyUnicode_FromFormat(ctx, "%c", 'A');
    case 17: return HPyUnicode_FromFormat(ctx, "%s", "abc");
    case 18: return HPyUnicode_FromFormat(ctx, "[%5s]", "abc");
    case 19: return HPyUnicode_FromFormat(ctx, "[%.2s]", "abc");
    case 20: return HPyUnicode_FromFormat(ctx, "[%5.2s]", "abc");
    case 21: return HPyUnicode_FromFormat(ctx, "[%5d]", 42);
    case 22: return HPyUnicode_FromFormat(ctx, "[%05d]", 42);
    case 23: return HPyUnicode_FromFormat(ctx, "[%05d]", -42);
    case 24: return HPyUnicode_FromFormat(ctx, "[%.5d]", 42);
    case 25: return HPyUnicode_FromFormat(ctx, "[%.5d]", -42);
    case 26: return HPyUnicode_FromFormat(ctx, "[%8.5d]", -42);
    case 27: return HPyUnicode_FromFormat(ctx, "%%");
    case 28: return HPyUnicode_FromFormat(ctx, "%d%%", 50);
    case 29: return HPyUnicode_FromFormat(ctx, "%p", (void *)(uintptr_t)0x1234);
    case 30: return HPyUnicode_FromFormat(ctx, "a%sb%dc", "X", 1);
    case 31: return HPyUnicode_FromFormat(ctx, "%s", "h\xc3\xa9llo \xe2\x82\xac");
    case 32: return HPyUnicode_FromFormat(ctx, "[%2d]", 12345);
    case 33: return HPyUnicode_FromFormat(ctx, "[%1s]", "abc");
    case 34: return HPyUnicode_FromFormat(ctx, "%d %u %ld %s", -1, 2u, 3L, "x");
    case 35: return HPyUnicode_FromFormat(ctx, "");
    case 36: return HPyUnicode_FromFormat(ctx, "[%08.3x]", 255);
    /* hpy-node extensions to / fixes of the official behaviour */
    case 50: return HPyUnicode_FromFormat(ctx, "%c", 0xe9);
    case 51: return HPyUnicode_FromFormat(ctx, "%c", 0x1F600);
    case 52: return HPyUnicode_FromFormat(ctx, "[%3s]", "\xc3\xa9");
    case 53: return HPyUnicode_FromFormat(ctx, "[%.1s]", "\xc3\xa9");
    case 54: return HPyUnicode_FromFormat(ctx, "%lx %llx %zx", 255UL,
                                          0x123456789abULL, (size_t)16);
    case 55: return HPyUnicode_FromFormat(ctx, "a%cb", 0);
    case 56: return HPyUnicode_FromFormat(ctx, "%p", (void *)0);
    /* errors */
    case 100: return HPyUnicode_FromFormat(ctx, "%c", 0x110000);
    case 101: return HPyUnicode_FromFormat(ctx, "%c", -1);
    case 102: return HPyUnicode_FromFormat(ctx, "%05s", "x");
    case 103: return HPyUnicode_FromFormat(ctx, "%5c", 'x');
    case 104: return HPyUnicode_FromFormat(ctx, "%5p", (void *)0);
    case 105: return HPyUnicode_FromFormat(ctx, "%s", (const char *)NULL);
    case 106: return HPyUnicode_FromFormat(ctx, "%q", 1);
    case 107: return HPyUnicode_FromFormat(ctx, "caf\xc3\xa9");
    case 108: return HPyUnicode_FromFormat(ctx, "abc%");
    case 109: return HPyUnicode_FromFormat(ctx, "%U", HPy_NULL);
    case 110: return HPyUnicode_FromFormat(ctx, "%S", HPy_NULL);
    case 111: return HPyUnicode_FromFormat(ctx, "%R", HPy_NULL);
    case 112: return HPyUnicode_FromFormat(ctx, "%0R", ctx->h_None);
    default:
        HPyErr_SetString(ctx, ctx->h_ValueError, "no such test case");
        return HPy_NULL;
    }
}

HPyDef_METH(fmt_obj, "fmt_obj", HPyFunc_VARARGS)
static HPy
fmt_obj_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    long n;
    HPy x;
    (void)self;
    if (!HPyArg_Parse(ctx, NULL, args, nargs, "lO", &n, &x))
        return HPy_NULL;
    switch (n) {
    case 0: return HPyUnicode_FromFormat(ctx, "%S", x);
    case 1: return HPyUnicode_FromFormat(ctx, "%R", x);
    case 2: return HPyUnicode_FromFormat(ctx, "%A", x);
    case 3: return HPyUnicode_FromFormat(ctx, "%U", x);
    case 4: return HPyUnicode_FromFormat(ctx, "%V", x, "fallback");
    case 5: return HPyUnicode_FromFormat(ctx, "%V", HPy_NULL, "fallback");
    case 6: return HPyUnicode_FromFormat(ctx, "[%10U]", x);
    case 7: return HPyUnicode_FromFormat(ctx, "[%.3U]", x);
    case 8: return HPyUnicode_FromFormat(ctx, "[%6.2R]", x);
    case 9: return HPyUnicode_FromFormat(ctx, "<%S|%R>", x, x);
    case 10: return HPyUnicode_FromFormat(ctx, "[%8.2V]", x, "unused");
    case 11: return HPyUnicode_FromFormat(ctx, "[%8.2V]", HPy_NULL, "fallback");
    case 12: return HPyUnicode_FromFormat(ctx, "%d:%U:%d", 1, x, 2);
    default:
        HPyErr_SetString(ctx, ctx->h_ValueError, "no such test case");
        return HPy_NULL;
    }
}

static HPy
format_v(HPyContext *ctx, const char *fmt, ...)
{
    va_list va;
    HPy result;
    va_start(va, fmt);
    result = HPyUnicode_FromFormatV(ctx, fmt, va);
    va_end(va);
    return result;
}

HPyDef_METH(fmt_v, "fmt_v", HPyFunc_VARARGS)
static HPy
fmt_v_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    long a;
    HPy b;
    (void)self;
    if (!HPyArg_Parse(ctx, NULL, args, nargs, "lO", &a, &b))
        return HPy_NULL;
    return format_v(ctx, "%ld-%R-%s", a, b, "end");
}

HPyDef_METH(raise_fmt, "raise_fmt", HPyFunc_O)
static HPy
raise_fmt_impl(HPyContext *ctx, HPy self, HPy arg)
{
    (void)self;
    return HPyErr_Format(ctx, ctx->h_ValueError, "bad value %d: %R", 42, arg);
}

static HPyDef *module_defines[] = {
    &fmt, &fmt_obj, &fmt_v, &raise_fmt, NULL
};

static HPyModuleDef moduledef = {
    .doc = "tests for HPyUnicode_FromFormat and HPyErr_Format",
    .size = 0,
    .defines = module_defines,
};

HPy_MODINIT(rt_format, moduledef)
