/* A small HPy extension: the four calling conventions, ints, floats, strings and errors. */
#include "hpy.h"

HPyDef_METH(version, "version", HPyFunc_NOARGS, .doc = "version() -> str")
static HPy version_impl(HPyContext *ctx, HPy self)
{
    return HPyUnicode_FromString(ctx, "hello 1.0 (HPy universal ABI)");
}

HPyDef_METH(square, "square", HPyFunc_O, .doc = "square(x) -> x * x for an int or float")
static HPy square_impl(HPyContext *ctx, HPy self, HPy x)
{
    if (HPy_TypeCheck(ctx, x, ctx->h_FloatType)) {
        double d = HPyFloat_AsDouble(ctx, x);
        return HPyFloat_FromDouble(ctx, d * d);
    }
    long v = HPyLong_AsLong(ctx, x);
    if (v == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    if (v > 3037000499L || v < -3037000499L)
        return HPyErr_SetString(ctx, ctx->h_OverflowError, "square: result does not fit in 64 bits");
    return HPyLong_FromLong(ctx, v * v);
}

HPyDef_METH(divide, "divide", HPyFunc_VARARGS, .doc = "divide(a, b) -> a / b as a float")
static HPy divide_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2)
        return HPyErr_SetString(ctx, ctx->h_TypeError, "divide() takes exactly 2 arguments");
    double a = HPyFloat_AsDouble(ctx, args[0]);
    if (a == -1.0 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    double b = HPyFloat_AsDouble(ctx, args[1]);
    if (b == -1.0 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    if (b == 0.0)
        return HPyErr_SetString(ctx, ctx->h_ZeroDivisionError, "float division by zero");
    return HPyFloat_FromDouble(ctx, a / b);
}

HPyDef_METH(greet, "greet", HPyFunc_KEYWORDS, .doc = "greet(name, greeting='Hello') -> str")
static HPy greet_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs, HPy kwnames)
{
    static const char *kwlist[] = { "name", "greeting", NULL };
    const char *name = NULL, *greeting = "Hello";
    HPyTracker ht;
    if (!HPyArg_ParseKeywords(ctx, &ht, args, nargs, kwnames, "s|s:greet", kwlist, &name, &greeting))
        return HPy_NULL;
    HPy result = HPyUnicode_FromFormat(ctx, "%s, %s!", greeting, name);
    HPyTracker_Close(ctx, ht);
    return result;
}

static HPyDef *module_defines[] = { &version, &square, &divide, &greet, NULL };

static HPyModuleDef moduledef = {
    .doc = "A small example of an HPy extension running in hpy-node",
    .defines = module_defines,
};

HPy_MODINIT(hello, moduledef)
