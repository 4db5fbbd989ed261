/* Members of every HPyMember_FieldType on one struct, writable and readonly views of the same
 * fields, and C helpers that read or poke the raw C values so that JS can check what the member
 * accessors really stored. */
#include <string.h>
#include "hpy.h"

typedef struct {
    short f_short;
    int f_int;
    long f_long;
    float f_float;
    double f_double;
    const char *f_string;
    HPyField f_object;
    char f_char;
    signed char f_byte;
    unsigned char f_ubyte;
    unsigned short f_ushort;
    unsigned int f_uint;
    unsigned long f_ulong;
    char f_inplace[16];
    char f_bool;
    HPyField f_object_ex;
    long long f_longlong;
    unsigned long long f_ulonglong;
    HPy_ssize_t f_ssize;
    long guard; /* must never change: detects writes past a field */
} AllObject;

HPyType_HELPERS(AllObject)

#define OFF(f) offsetof(AllObject, f)

HPyDef_MEMBER(m_short, "short", HPyMember_SHORT, OFF(f_short), .doc = "a C short")
HPyDef_MEMBER(m_int, "int", HPyMember_INT, OFF(f_int))
HPyDef_MEMBER(m_long, "long", HPyMember_LONG, OFF(f_long))
HPyDef_MEMBER(m_float, "float", HPyMember_FLOAT, OFF(f_float))
HPyDef_MEMBER(m_double, "double", HPyMember_DOUBLE, OFF(f_double))
HPyDef_MEMBER(m_string, "string", HPyMember_STRING, OFF(f_string))
HPyDef_MEMBER(m_object, "object", HPyMember_OBJECT, OFF(f_object))
HPyDef_MEMBER(m_char, "char", HPyMember_CHAR, OFF(f_char))
HPyDef_MEMBER(m_byte, "byte", HPyMember_BYTE, OFF(f_byte))
HPyDef_MEMBER(m_ubyte, "ubyte", HPyMember_UBYTE, OFF(f_ubyte))
HPyDef_MEMBER(m_ushort, "ushort", HPyMember_USHORT, OFF(f_ushort))
HPyDef_MEMBER(m_uint, "uint", HPyMember_UINT, OFF(f_uint))
HPyDef_MEMBER(m_ulong, "ulong", HPyMember_ULONG, OFF(f_ulong))
HPyDef_MEMBER(m_inplace, "inplace", HPyMember_STRING_INPLACE, OFF(f_inplace))
HPyDef_MEMBER(m_bool, "bool", HPyMember_BOOL, OFF(f_bool))
HPyDef_MEMBER(m_object_ex, "object_ex", HPyMember_OBJECT_EX, OFF(f_object_ex))
HPyDef_MEMBER(m_longlong, "longlong", HPyMember_LONGLONG, OFF(f_longlong))
HPyDef_MEMBER(m_ulonglong, "ulonglong", HPyMember_ULONGLONG, OFF(f_ulonglong))
HPyDef_MEMBER(m_ssize, "ssize", HPyMember_HPYSSIZET, OFF(f_ssize))
HPyDef_MEMBER(m_none, "none", HPyMember_NONE, OFF(f_int))

/* readonly views */
HPyDef_MEMBER(ro_short, "ro_short", HPyMember_SHORT, OFF(f_short), .readonly = 1)
HPyDef_MEMBER(ro_int, "ro_int", HPyMember_INT, OFF(f_int), .readonly = 1)
HPyDef_MEMBER(ro_long, "ro_long", HPyMember_LONG, OFF(f_long), .readonly = 1)
HPyDef_MEMBER(ro_double, "ro_double", HPyMember_DOUBLE, OFF(f_double), .readonly = 1)
HPyDef_MEMBER(ro_object, "ro_object", HPyMember_OBJECT, OFF(f_object), .readonly = 1)
HPyDef_MEMBER(ro_object_ex, "ro_object_ex", HPyMember_OBJECT_EX, OFF(f_object_ex), .readonly = 1)
HPyDef_MEMBER(ro_char, "ro_char", HPyMember_CHAR, OFF(f_char), .readonly = 1)
HPyDef_MEMBER(ro_bool, "ro_bool", HPyMember_BOOL, OFF(f_bool), .readonly = 1)
HPyDef_MEMBER(ro_ulonglong, "ro_ulonglong", HPyMember_ULONGLONG, OFF(f_ulonglong), .readonly = 1)
HPyDef_MEMBER(ro_string, "ro_string", HPyMember_STRING, OFF(f_string), .readonly = 1)

/* getsets over f_long: "gs" with a setter that also handles deletion (value NULL), "ro_gs"
 * without a setter */
HPyDef_GETSET(All_gs, "gs", .doc = "a getset over long")
static HPy All_gs_get(HPyContext *ctx, HPy self, void *closure)
{
    return HPyLong_FromLong(ctx, AllObject_AsStruct(ctx, self)->f_long);
}
static int All_gs_set(HPyContext *ctx, HPy self, HPy value, void *closure)
{
    if (HPy_IsNull(value)) {
        AllObject_AsStruct(ctx, self)->f_long = -999;
        return 0;
    }
    long v = HPyLong_AsLong(ctx, value);
    if (v == -1 && HPyErr_Occurred(ctx))
        return -1;
    if (v == 13) {
        HPyErr_SetString(ctx, ctx->h_ValueError, "unlucky");
        return -1;
    }
    AllObject_AsStruct(ctx, self)->f_long = v;
    return 0;
}

HPyDef_GET(All_ro_gs, "ro_gs")
static HPy All_ro_gs_get(HPyContext *ctx, HPy self, void *closure)
{
    return HPyLong_FromLong(ctx, AllObject_AsStruct(ctx, self)->f_long + 1);
}

/* raw(): the C values of every field, as a list in struct order (object fields left out) */
HPyDef_METH(All_raw, "raw", HPyFunc_NOARGS)
static HPy All_raw_impl(HPyContext *ctx, HPy self)
{
    AllObject *a = AllObject_AsStruct(ctx, self);
    HPy items[] = {
        HPyLong_FromLong(ctx, a->f_short),
        HPyLong_FromLong(ctx, a->f_int),
        HPyLong_FromLong(ctx, a->f_long),
        HPyFloat_FromDouble(ctx, (double)a->f_float),
        HPyFloat_FromDouble(ctx, a->f_double),
        a->f_string ? HPyUnicode_FromString(ctx, a->f_string) : HPy_Dup(ctx, ctx->h_None),
        HPyLong_FromLong(ctx, (unsigned char)a->f_char),
        HPyLong_FromLong(ctx, a->f_byte),
        HPyLong_FromLong(ctx, a->f_ubyte),
        HPyLong_FromLong(ctx, a->f_ushort),
        HPyLong_FromUnsignedLong(ctx, a->f_uint),
        HPyLong_FromUnsignedLong(ctx, a->f_ulong),
        HPyUnicode_FromString(ctx, a->f_inplace),
        HPyLong_FromLong(ctx, a->f_bool),
        HPyLong_FromLongLong(ctx, a->f_longlong),
        HPyLong_FromUnsignedLongLong(ctx, a->f_ulonglong),
        HPyLong_FromSsize_t(ctx, a->f_ssize),
        HPyLong_FromLong(ctx, a->guard),
    };
    size_t n = sizeof items / sizeof items[0];
    HPy list = HPyList_New(ctx, 0);
    for (size_t i = 0; i < n; i++) {
        if (HPy_IsNull(items[i]) || HPyList_Append(ctx, list, items[i]) < 0) {
            HPy_Close(ctx, list);
            return HPy_NULL;
        }
        HPy_Close(ctx, items[i]);
    }
    return list;
}

/* poke(name, int): store a raw C value into a numeric field from C */
HPyDef_METH(All_poke, "poke", HPyFunc_VARARGS)
static HPy All_poke_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "poke(name, value)");
        return HPy_NULL;
    }
    AllObject *a = AllObject_AsStruct(ctx, self);
    const char *name = HPyUnicode_AsUTF8AndSize(ctx, args[0], NULL);
    if (!name)
        return HPy_NULL;
    long long v = HPyLong_AsLongLong(ctx, args[1]);
    if (v == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    if (!strcmp(name, "char")) a->f_char = (char)v;
    else if (!strcmp(name, "bool")) a->f_bool = (char)v;
    else if (!strcmp(name, "uint")) a->f_uint = (unsigned int)v;
    else if (!strcmp(name, "ulong")) a->f_ulong = (unsigned long)v;
    else if (!strcmp(name, "ulonglong")) a->f_ulonglong = (unsigned long long)v;
    else if (!strcmp(name, "ulong_max")) a->f_ulong = (unsigned long)-1;
    else if (!strcmp(name, "ulonglong_max")) a->f_ulonglong = (unsigned long long)-1;
    else if (!strcmp(name, "longlong_min")) a->f_longlong = -0x7fffffffffffffffLL - 1;
    else {
        HPyErr_SetString(ctx, ctx->h_ValueError, "unknown field");
        return HPy_NULL;
    }
    return HPy_Dup(ctx, ctx->h_None);
}

static const char hello[] = "hello, members";

/* set_strings(which, inplace): which=0 -> NULL char*, 1 -> a static string; inplace copied */
HPyDef_METH(All_set_strings, "set_strings", HPyFunc_VARARGS)
static HPy All_set_strings_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "set_strings(which, inplace)");
        return HPy_NULL;
    }
    AllObject *a = AllObject_AsStruct(ctx, self);
    long which = HPyLong_AsLong(ctx, args[0]);
    HPy_ssize_t n;
    const char *s = HPyUnicode_AsUTF8AndSize(ctx, args[1], &n);
    if (!s)
        return HPy_NULL;
    if (n >= (HPy_ssize_t)sizeof a->f_inplace) {
        HPyErr_SetString(ctx, ctx->h_ValueError, "too long");
        return HPy_NULL;
    }
    a->f_string = which ? hello : NULL;
    memcpy(a->f_inplace, s, n + 1);
    return HPy_Dup(ctx, ctx->h_None);
}

/* object_is_null(): (object field NULL?, object_ex field NULL?) */
HPyDef_METH(All_object_is_null, "object_is_null", HPyFunc_NOARGS)
static HPy All_object_is_null_impl(HPyContext *ctx, HPy self)
{
    AllObject *a = AllObject_AsStruct(ctx, self);
    HPy r = HPyList_New(ctx, 0);
    HPy x = HPyBool_FromLong(ctx, HPyField_IsNull(a->f_object));
    HPy y = HPyBool_FromLong(ctx, HPyField_IsNull(a->f_object_ex));
    HPyList_Append(ctx, r, x);
    HPyList_Append(ctx, r, y);
    HPy_Close(ctx, x);
    HPy_Close(ctx, y);
    return r;
}

/* load_objects(): the object fields read through HPyField_Load from C (None when NULL) */
HPyDef_METH(All_load_objects, "load_objects", HPyFunc_NOARGS)
static HPy All_load_objects_impl(HPyContext *ctx, HPy self)
{
    AllObject *a = AllObject_AsStruct(ctx, self);
    HPy r = HPyList_New(ctx, 0);
    HPyField fs[2] = { a->f_object, a->f_object_ex };
    for (int i = 0; i < 2; i++) {
        HPy v = HPyField_IsNull(fs[i]) ? HPy_Dup(ctx, ctx->h_None) : HPyField_Load(ctx, self, fs[i]);
        if (HPy_IsNull(v))
            return HPy_NULL;
        HPyList_Append(ctx, r, v);
        HPy_Close(ctx, v);
    }
    return r;
}

HPyDef_SLOT(All_new, HPy_tp_new)
static HPy All_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    AllObject *a;
    HPy h = HPy_New(ctx, cls, &a);
    if (HPy_IsNull(h))
        return HPy_NULL;
    a->guard = 0x5a5a5a5aL;
    strcpy(a->f_inplace, "inline");
    a->f_string = hello;
    return h;
}

HPyDef_SLOT(All_traverse, HPy_tp_traverse)
static int All_traverse_impl(void *self, HPyFunc_visitproc visit, void *arg)
{
    AllObject *a = (AllObject *)self;
    HPy_VISIT(&a->f_object);
    HPy_VISIT(&a->f_object_ex);
    return 0;
}

static HPyDef *All_defines[] = {
    &m_short, &m_int, &m_long, &m_float, &m_double, &m_string, &m_object, &m_char, &m_byte, &m_ubyte,
    &m_ushort, &m_uint, &m_ulong, &m_inplace, &m_bool, &m_object_ex, &m_longlong, &m_ulonglong, &m_ssize,
    &m_none, &ro_short, &ro_int, &ro_long, &ro_double, &ro_object, &ro_object_ex, &ro_char, &ro_bool,
    &ro_ulonglong, &ro_string, &All_gs, &All_ro_gs, &All_raw, &All_poke, &All_set_strings, &All_object_is_null,
    &All_load_objects, &All_new, &All_traverse, NULL,
};

static HPyType_Spec All_spec = {
    .name = "types_members.All",
    .basicsize = sizeof(AllObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_HAVE_GC | HPy_TPFLAGS_BASETYPE,
    .defines = All_defines,
    .doc = "one member of every kind",
};

/* A subclass adding a member after the base's struct: inherited members keep their offsets. */
typedef struct {
    AllObject base;
    int extra;
} SubObject;

HPyType_HELPERS(SubObject)

HPyDef_MEMBER(Sub_extra, "extra", HPyMember_INT, offsetof(SubObject, extra))

HPyDef_METH(Sub_raw_extra, "raw_extra", HPyFunc_NOARGS)
static HPy Sub_raw_extra_impl(HPyContext *ctx, HPy self)
{
    SubObject *s = SubObject_AsStruct(ctx, self);
    return HPyLong_FromLong(ctx, s->extra);
}

HPyDef_SLOT(Sub_traverse, HPy_tp_traverse)
static int Sub_traverse_impl(void *self, HPyFunc_visitproc visit, void *arg)
{
    return All_traverse_impl(self, visit, arg);
}

static HPyDef *Sub_defines[] = { &Sub_extra, &Sub_raw_extra, &Sub_traverse, NULL };

static HPyType_Spec Sub_spec = {
    .name = "types_members.Sub",
    .basicsize = sizeof(SubObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_HAVE_GC,
    .defines = Sub_defines,
};

HPyDef_SLOT(mod_exec, HPy_mod_exec)
static int mod_exec_impl(HPyContext *ctx, HPy m)
{
    HPy all = HPyType_FromSpec(ctx, &All_spec, NULL);
    if (HPy_IsNull(all))
        return -1;
    HPyType_SpecParam params[] = { { HPyType_SpecParam_Base, all }, { 0 } };
    HPy sub = HPyType_FromSpec(ctx, &Sub_spec, params);
    if (HPy_IsNull(sub))
        return -1;
    int rc = HPy_SetAttr_s(ctx, m, "All", all) || HPy_SetAttr_s(ctx, m, "Sub", sub);
    HPy_Close(ctx, all);
    HPy_Close(ctx, sub);
    return rc ? -1 : 0;
}

static HPyDef *module_defines[] = { &mod_exec, NULL };
static HPyModuleDef moduledef = { .doc = "members of every type", .defines = module_defines };
HPy_MODINIT(types_members, moduledef)
