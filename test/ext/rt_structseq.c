/*
 * Test extension for struct sequences (include/runtime/structseq.c).
 *
 * Types made when the module is executed:
 *   WithFields  "rt_structseq.WithFields", fields field0 (doc), field1,
 *               one unnamed field; doc "some doc"
 *   NoFields    "rt_structseq.NoFields", no fields, no doc
 *
 *   build(type)          HPyStructSequence_New(type, 3 items: 1, 2.0, "3")
 *   build_n(type, n)     HPyStructSequence_New with n items 0..n-1
 *   new_type_noname()    HPyStructSequence_NewType with a NULL name
 *   new_type(name, n)    a type with n named fields f0..f(n-1)
 */

#include "hpy.h"

#include <stdio.h>
#include <stdlib.h>

static HPyStructSequence_Field withfields_fields[] = {
    { "field0", "doc0" },
    { "field1", NULL },
    { NULL, NULL },     /* made unnamed in exec (not a constant) */
    { NULL, NULL },
};

static HPyStructSequence_Field no_fields[] = {
    { NULL, NULL },
};

static HPyStructSequence_Desc withfields_desc = {
    .name = "rt_structseq.WithFields",
    .doc = "some doc",
    .fields = withfields_fields,
};

static HPyStructSequence_Desc nofields_desc = {
    .name = "rt_structseq.NoFields",
    .doc = NULL,
    .fields = no_fields,
};

HPyDef_METH(build, "build", HPyFunc_O)
static HPy
build_impl(HPyContext *ctx, HPy self, HPy type)
{
    HPy items[3], result;
    int k;
    (void)self;
    items[0] = HPyLong_FromLong(ctx, 1);
    items[1] = HPyFloat_FromDouble(ctx, 2.0);
    items[2] = HPyUnicode_FromString(ctx, "3");
    result = HPyStructSequence_New(ctx, type, 3, items);
    for (k = 0; k < 3; k++)
        HPy_Close(ctx, items[k]);
    return result;
}

HPyDef_METH(build_n, "build_n", HPyFunc_VARARGS)
static HPy
build_n_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    HPy type, items[16], result;
    HPy_ssize_t n, k;
    (void)self;
    if (!HPyArg_Parse(ctx, NULL, args, nargs, "On", &type, &n))
        return HPy_NULL;
    if (n < 0 || n > 16) {
        HPyErr_SetString(ctx, ctx->h_ValueError, "n out of range");
        return HPy_NULL;
    }
    for (k = 0; k < n; k++)
        items[k] = HPyLong_FromSsize_t(ctx, k);
    result = HPyStructSequence_New(ctx, type, n, items);
    for (k = 0; k < n; k++)
        HPy_Close(ctx, items[k]);
    return result;
}

HPyDef_METH(new_type_noname, "new_type_noname", HPyFunc_NOARGS)
static HPy
new_type_noname_impl(HPyContext *ctx, HPy self)
{
    static HPyStructSequence_Field sentinel[] = { { NULL, NULL } };
    static HPyStructSequence_Desc desc = { NULL, NULL, sentinel };
    (void)self;
    return HPyStructSequence_NewType(ctx, &desc);
}

/* The descriptor and names are temporary: the type must not depend on them
   after HPyStructSequence_NewType returns. */
HPyDef_METH(new_type, "new_type", HPyFunc_VARARGS)
static HPy
new_type_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    const char *name;
    HPy_ssize_t n, k;
    HPyStructSequence_Field *fields;
    char *names;
    HPyStructSequence_Desc desc;
    HPy result;
    (void)self;
    if (!HPyArg_Parse(ctx, NULL, args, nargs, "sn", &name, &n))
        return HPy_NULL;
    if (n < 0 || n > 100) {
        HPyErr_SetString(ctx, ctx->h_ValueError, "n out of range");
        return HPy_NULL;
    }
    fields = (HPyStructSequence_Field *)calloc((size_t)n + 1, sizeof *fields);
    names = (char *)calloc((size_t)n + 1, 8);
    if (fields == NULL || names == NULL) {
        free(fields);
        free(names);
        return HPyErr_NoMemory(ctx);
    }
    for (k = 0; k < n; k++) {
        snprintf(names + 8 * k, 8, "f%d", (int)k);
        fields[k].name = names + 8 * k;
        fields[k].doc = NULL;
    }
    desc.name = name;
    desc.doc = "temporary";
    desc.fields = fields;
    result = HPyStructSequence_NewType(ctx, &desc);
    for (k = 0; k < n; k++)
        names[8 * k] = 'X';     /* scribble over the names */
    free(fields);
    free(names);
    return result;
}

HPyDef_SLOT(exec, HPy_mod_exec)
static int
exec_impl(HPyContext *ctx, HPy module)
{
    HPy t;
    int rc;
    withfields_fields[2].name = HPyStructSequence_UnnamedField;

    t = HPyStructSequence_NewType(ctx, &withfields_desc);
    if (HPy_IsNull(t))
        return -1;
    rc = HPy_SetAttr_s(ctx, module, "WithFields", t);
    HPy_Close(ctx, t);
    if (rc < 0)
        return -1;

    t = HPyStructSequence_NewType(ctx, &nofields_desc);
    if (HPy_IsNull(t))
        return -1;
    rc = HPy_SetAttr_s(ctx, module, "NoFields", t);
    HPy_Close(ctx, t);
    return rc < 0 ? -1 : 0;
}

static HPyDef *module_defines[] = {
    &build, &build_n, &new_type_noname, &new_type, &exec, NULL
};

static HPyModuleDef moduledef = {
    .doc = "tests for HPyStructSequence_*",
    .size = 0,
    .defines = module_defines,
};

HPy_MODINIT(rt_structseq, moduledef)
