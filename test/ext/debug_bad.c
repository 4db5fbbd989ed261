/* Handle misuse, for debug mode (test/debug.test.js): each function makes one mistake. */
#include "hpy.h"

HPyDef_METH(leak, "leak", HPyFunc_NOARGS)
static HPy leak_impl(HPyContext *ctx, HPy self)
{
    HPy s = HPyUnicode_FromString(ctx, "never closed");
    (void)s;
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(close_twice, "close_twice", HPyFunc_O)
static HPy close_twice_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy d = HPy_Dup(ctx, arg);
    HPy_Close(ctx, d);
    HPy_Close(ctx, d);
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(use_after_close, "use_after_close", HPyFunc_NOARGS)
static HPy use_after_close_impl(HPyContext *ctx, HPy self)
{
    HPy s = HPyUnicode_FromString(ctx, "short-lived");
    HPy_Close(ctx, s);
    HPy_ssize_t n = HPy_Length(ctx, s);
    HPyErr_Clear(ctx);
    return HPyLong_FromSsize_t(ctx, n);
}

HPyDef_METH(close_arg, "close_arg", HPyFunc_O)
static HPy close_arg_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy_Close(ctx, arg);
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(return_closed, "return_closed", HPyFunc_NOARGS)
static HPy return_closed_impl(HPyContext *ctx, HPy self)
{
    HPy s = HPyUnicode_FromString(ctx, "gone");
    HPy_Close(ctx, s);
    return s;
}

/* Correct code: dups, closes, builders, dicts, errors. Must not be reported. */
HPyDef_METH(correct, "correct", HPyFunc_O)
static HPy correct_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy d = HPy_Dup(ctx, arg);
    HPyListBuilder lb = HPyListBuilder_New(ctx, 2);
    HPyListBuilder_Set(ctx, lb, 0, d);
    HPyListBuilder_Set(ctx, lb, 1, arg);
    HPy_Close(ctx, d);
    HPy list = HPyListBuilder_Build(ctx, lb);
    HPy dict = HPyDict_New(ctx);
    HPy_SetItem_s(ctx, dict, "list", list);
    HPy_Close(ctx, list);
    HPyErr_SetString(ctx, ctx->h_ValueError, "set and cleared");
    HPyErr_Clear(ctx);
    return dict;
}

HPyDef_METH(build_twice, "build_twice", HPyFunc_NOARGS)
static HPy build_twice_impl(HPyContext *ctx, HPy self)
{
    HPyTupleBuilder tb = HPyTupleBuilder_New(ctx, 1);
    HPyTupleBuilder_Set(ctx, tb, 0, ctx->h_None);
    HPy t = HPyTupleBuilder_Build(ctx, tb);
    HPy_Close(ctx, t);
    HPy again = HPyTupleBuilder_Build(ctx, tb);
    if (HPy_IsNull(again))
        HPyErr_Clear(ctx);
    return HPy_Dup(ctx, ctx->h_None);
}

static HPyDef *defines[] = { &build_twice, &leak, &close_twice, &use_after_close, &close_arg, &return_closed, &correct, NULL };
static HPyModuleDef moduledef = { .doc = "handle misuse", .defines = defines };
HPy_MODINIT(debug_bad, moduledef)
