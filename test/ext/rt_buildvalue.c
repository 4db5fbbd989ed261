/*
 * Test extension for HPy_BuildValue (include/runtime/buildvalue.c).
 *
 *   build(n)            result of test case n (see the switch below)
 *   build_O(x)          HPy_BuildValue("O", x)
 *   build_S(x)          HPy_BuildValue("S", x)
 *   build_pair(x)       HPy_BuildValue("(OO)", x, 42) with a temporary 42
 *   build_kv(k, v)      HPy_BuildValue("{O:O}", k, v)
 *   build_null(mode)    'O' given HPy_NULL; mode bit 0: inside "(iO)",
 *                       bit 1: a ValueError is pending beforehand
 */

#include "hpy.h"

#include <limits.h>
#include <stddef.h>

HPyDef_METH(build, "build", HPyFunc_O)
static HPy
build_impl(HPyContext *ctx, HPy self, HPy arg)
{
    long n = HPyLong_AsLong(ctx, arg);
    (void)self;
    if (n == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    switch (n) {
    /* values */
    case 0: return HPy_BuildValue(ctx, "");
    case 1: return HPy_BuildValue(ctx, "i", 42);
    case 2: return HPy_BuildValue(ctx, "i", -1);
    case 3: return HPy_BuildValue(ctx, "I", UINT_MAX);
    case 4: return HPy_BuildValue(ctx, "k", ULONG_MAX);
    case 5: return HPy_BuildValue(ctx, "K", ULLONG_MAX);
    case 6: return HPy_BuildValue(ctx, "n", HPY_SSIZE_T_MIN);
    case 7: return HPy_BuildValue(ctx, "l", LONG_MIN);
    case 8: return HPy_BuildValue(ctx, "L", LLONG_MAX);
    case 9: return HPy_BuildValue(ctx, "f", 0.25f);
    case 10: return HPy_BuildValue(ctx, "d", -1.5);
    case 11: return HPy_BuildValue(ctx, "ii", -1, 1);
    case 12: return HPy_BuildValue(ctx, "(i)", 7);
    case 13: return HPy_BuildValue(ctx, "(i,i)", 1, 2);
    case 14: return HPy_BuildValue(ctx, "s", "h\xc3\xa9llo \xe2\x82\xac");
    case 15: return HPy_BuildValue(ctx, "[ii]", 4, 2);
    case 16: return HPy_BuildValue(ctx, "[]");
    case 17: return HPy_BuildValue(ctx, "()");
    case 18: return HPy_BuildValue(ctx, "[(is)((f)[kk])i]", 4, "str", 0.25,
                                   4UL, 2UL, 14267);
    case 19: return HPy_BuildValue(ctx, "{s:i, s:f}", "A", 4, "B", 0.25);
    case 20: return HPy_BuildValue(ctx, "{s:(i,i), s:f}", "A", 4, 4, "B", 0.25);
    case 21: return HPy_BuildValue(ctx, "({s:(i,i), s:f},[i])",
                                   "A", 4, 4, "B", 0.25, 42);
    case 22: return HPy_BuildValue(ctx, "{}");
    case 23: return HPy_BuildValue(ctx, "{s:i,}", "a", 1);
    case 24: return HPy_BuildValue(ctx, "(ii)", INT_MIN, INT_MAX);
    case 25: return HPy_BuildValue(ctx, "(nn)", HPY_SSIZE_T_MIN,
                                   HPY_SSIZE_T_MAX);
    case 26: return HPy_BuildValue(ctx, "[[[i]]]", 3);
    case 27: return HPy_BuildValue(ctx, "(i[i(i{s:i})])", 1, 2, 3, "x", 4);
    /* hpy-node extensions to the official behaviour */
    case 50: return HPy_BuildValue(ctx, "s", (const char *)NULL);
    case 51: return HPy_BuildValue(ctx, "( i , i )", 1, 2);
    case 52: return HPy_BuildValue(ctx, "i i", 1, 2);
    /* errors (SystemError) */
    case 100: return HPy_BuildValue(ctx, "(q)", 42);
    case 101: return HPy_BuildValue(ctx, "(i", 42);
    case 102: return HPy_BuildValue(ctx, "[i", 42);
    case 103: return HPy_BuildValue(ctx, "([(i)k", 42, 42UL);
    case 104: return HPy_BuildValue(ctx, "(i]", 42);
    case 105: return HPy_BuildValue(ctx, "[i)", 42);
    case 106: return HPy_BuildValue(ctx, "N", ctx->h_None);
    case 107: return HPy_BuildValue(ctx, "{i:i", 1, 42);
    case 108: return HPy_BuildValue(ctx, "{i:i,,}", 1, 42);
    case 109: return HPy_BuildValue(ctx, "{i:ii,}", 1, 42, 42);
    case 110: return HPy_BuildValue(ctx, "{i}", 42);
    case 111: return HPy_BuildValue(ctx, "[i(q)]", 1, 2);
    case 112: return HPy_BuildValue(ctx, "{s:i,s:(iN)}", "a", 1, "b", 2,
                                    ctx->h_None);
    default:
        HPyErr_SetString(ctx, ctx->h_ValueError, "no such test case");
        return HPy_NULL;
    }
}

HPyDef_METH(build_O, "build_O", HPyFunc_O)
static HPy
build_O_impl(HPyContext *ctx, HPy self, HPy arg)
{
    (void)self;
    return HPy_BuildValue(ctx, "O", arg);
}

HPyDef_METH(build_S, "build_S", HPyFunc_O)
static HPy
build_S_impl(HPyContext *ctx, HPy self, HPy arg)
{
    (void)self;
    return HPy_BuildValue(ctx, "S", arg);
}

HPyDef_METH(build_pair, "build_pair", HPyFunc_O)
static HPy
build_pair_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy tmp = HPyLong_FromLong(ctx, 42), result;
    (void)self;
    if (HPy_IsNull(tmp))
        return HPy_NULL;
    result = HPy_BuildValue(ctx, "(OO)", arg, tmp);
    HPy_Close(ctx, tmp);
    return result;
}

HPyDef_METH(build_kv, "build_kv", HPyFunc_VARARGS)
static HPy
build_kv_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    HPy k, v;
    (void)self;
    if (!HPyArg_Parse(ctx, NULL, args, nargs, "OO", &k, &v))
        return HPy_NULL;
    return HPy_BuildValue(ctx, "{O:O}", k, v);
}

HPyDef_METH(build_null, "build_null", HPyFunc_O)
static HPy
build_null_impl(HPyContext *ctx, HPy self, HPy arg)
{
    long mode = HPyLong_AsLong(ctx, arg);
    (void)self;
    if (mode == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    if (mode & 2)
        HPyErr_SetString(ctx, ctx->h_ValueError, "pending error");
    if (mode & 1)
        return HPy_BuildValue(ctx, "(iO)", 42, HPy_NULL);
    return HPy_BuildValue(ctx, "O", HPy_NULL);
}

static HPyDef *module_defines[] = {
    &build, &build_O, &build_S, &build_pair, &build_kv, &build_null, NULL
};

static HPyModuleDef moduledef = {
    .doc = "tests for HPy_BuildValue",
    .size = 0,
    .defines = module_defines,
};

HPy_MODINIT(rt_buildvalue, moduledef)
