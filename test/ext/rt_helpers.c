/*
 * Test extension for HPyHelpers_AddType and HPyHelpers_PackArgsAndKeywords
 * (include/runtime/helpers.c).
 *
 * The module gets a type `Point` (added with HPyHelpers_AddType and no
 * params) and `Point2` (added with an explicit object base) when it is
 * executed.
 *
 *   add_type_to(obj, name)   add a fresh Point type as obj.<name>; True
 *   pack(*args, **kw)        (args tuple or None, kw dict or None)
 */

#include "hpy.h"

typedef struct {
    long x;
} PointObject;

HPyType_HELPERS(PointObject)

HPyDef_MEMBER(point_x, "x", HPyMember_LONG, offsetof(PointObject, x))

HPyDef_SLOT(point_new, HPy_tp_new)
static HPy
point_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs,
               HPy kw)
{
    long x = 0;
    PointObject *p;
    HPy h;
    (void)kw;
    if (!HPyArg_Parse(ctx, NULL, args, (size_t)nargs, "|l", &x))
        return HPy_NULL;
    h = HPy_New(ctx, cls, &p);
    if (HPy_IsNull(h))
        return HPy_NULL;
    p->x = x;
    return h;
}

static HPyDef *point_defines[] = { &point_x, &point_new, NULL };

static HPyType_Spec point_spec = {
    .name = "rt_helpers.Point",
    .basicsize = sizeof(PointObject),
    .builtin_shape = SHAPE(PointObject),
    .defines = point_defines,
    .doc = "a point",
};

HPyDef_METH(add_type_to, "add_type_to", HPyFunc_VARARGS)
static HPy
add_type_to_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    HPy obj;
    const char *name;
    (void)self;
    if (!HPyArg_Parse(ctx, NULL, args, nargs, "Os", &obj, &name))
        return HPy_NULL;
    if (!HPyHelpers_AddType(ctx, obj, name, &point_spec, NULL))
        return HPy_NULL;
    return HPy_Dup(ctx, ctx->h_True);
}

HPyDef_METH(pack, "pack", HPyFunc_KEYWORDS)
static HPy
pack_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs,
          HPy kwnames)
{
    HPy tuple = HPy_NULL, dict = HPy_NULL, items[2], result;
    int k;
    (void)self;
    if (!HPyHelpers_PackArgsAndKeywords(ctx, args, nargs, kwnames,
                                        &tuple, &dict))
        return HPy_NULL;
    items[0] = HPy_IsNull(tuple) ? ctx->h_None : tuple;
    items[1] = HPy_IsNull(dict) ? ctx->h_None : dict;
    result = HPyTuple_FromArray(ctx, items, 2);
    for (k = 0; k < 2; k++) {
        if (!HPy_Is(ctx, items[k], ctx->h_None))
            HPy_Close(ctx, items[k]);
    }
    return result;
}

HPyDef_METH(pack_null_out, "pack_null_out", HPyFunc_NOARGS)
static HPy
pack_null_out_impl(HPyContext *ctx, HPy self)
{
    HPy tuple;
    (void)self;
    if (!HPyHelpers_PackArgsAndKeywords(ctx, NULL, 0, HPy_NULL, &tuple, NULL))
        return HPy_NULL;
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_SLOT(exec, HPy_mod_exec)
static int
exec_impl(HPyContext *ctx, HPy module)
{
    HPyType_SpecParam params[] = {
        { HPyType_SpecParam_Base, ctx->h_BaseObjectType },
        { (HPyType_SpecParam_Kind)0, HPy_NULL }
    };
    if (!HPyHelpers_AddType(ctx, module, "Point", &point_spec, NULL))
        return -1;
    if (!HPyHelpers_AddType(ctx, module, "Point2", &point_spec, params))
        return -1;
    return 0;
}

static HPyDef *module_defines[] = {
    &add_type_to, &pack, &pack_null_out, &exec, NULL
};

static HPyModuleDef moduledef = {
    .doc = "tests for HPyHelpers_*",
    .size = 0,
    .defines = module_defines,
};

HPy_MODINIT(rt_helpers, moduledef)
