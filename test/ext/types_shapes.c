/*
 * Test extension for the builtin shapes of HPyType_FromSpec: types whose
 * instances are ints, floats, strs, tuples, lists, dicts or types, each with a
 * C struct of its own next to the builtin value, and a metaclass.
 *
 *   IntSub(v)        int subclass; members x, y; tag() = int(self) + 1000*x
 *   FloatSub(v)      float subclass; member scale; scaled() = float(self)*scale
 *   Language(s)      str subclass; getset lang (malloc'd C string, freed by
 *                    tp_destroy); destroyed() / finalized() count tp_destroy and
 *                    tp_finalize calls
 *   StrNoStruct      str subclass with basicsize 0 and the default shape
 *   TupleSub(it)     tuple subclass; member tag; keep(x) / kept() an HPyField
 *   ListSub(it)      list subclass; push(x) appends through HPyList_Append
 *                    and counts in member pushes
 *   DictSub(...)     dict subclass; lookup(k) = self[k] through HPy_GetItem,
 *                    counting in member hits
 *   Meta             metatype (type subclass, Type shape) with a 64-byte
 *                    struct and a method magic() reading it (on the types it
 *                    makes); make_type(name, meta) creates a type with that
 *                    metaclass; set_meta(t) / get_meta(t) use Meta's struct
 *
 *   shape_of(t)      _HPyType_GetBuiltinShape
 *   generic(t)       HPyType_GenericNew(t) with no arguments
 *   checks(x)        is it an int, float, str, tuple, list, dict, type (HPy_TypeCheck
 *                    and the HPy*_Check functions)
 *   as_long(x), as_double(x), as_utf8(x) (str from the UTF-8 bytes),
 *   length(x)        HPyLong_AsLong, HPyFloat_AsDouble, HPyUnicode_AsUTF8AndSize,
 *                    HPy_Length
 *   bad_shape(n)     HPyType_FromSpec with builtin_shape n
 *   two_metaclasses()   HPyType_FromSpec with two Metaclass params
 *   mismatch()       Long shape with a struct on top of object
 *   Mixin            object type without a struct; hello() = the name of type(self)
 *   Big()            a 5000-byte struct: fill(byte), sum(); big_destroyed() counts
 *   make_bases(kind, a, b)  a type with bases (a, b): two Base params (kind 0), a
 *                    BasesTuple (kind 1), or a BasesTuple and a Base (kind 2, an error)
 */

#include <stdlib.h>
#include <string.h>
#include "hpy.h"

/* ---- int ---- */
typedef struct { long x; long y; } IntSubObject;
HPyType_HELPERS(IntSubObject, HPyType_BuiltinShape_Long)

HPyDef_MEMBER(IntSub_x, "x", HPyMember_LONG, offsetof(IntSubObject, x))
HPyDef_MEMBER(IntSub_y, "y", HPyMember_LONG, offsetof(IntSubObject, y))

HPyDef_METH(IntSub_tag, "tag", HPyFunc_NOARGS)
static HPy IntSub_tag_impl(HPyContext *ctx, HPy self)
{
    long v = HPyLong_AsLong(ctx, self);
    if (v == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromLong(ctx, v + 1000 * IntSubObject_AsStruct(ctx, self)->x);
}

static HPyDef *IntSub_defines[] = { &IntSub_x, &IntSub_y, &IntSub_tag, NULL };
static HPyType_Spec IntSub_spec = {
    .name = "types_shapes.IntSub",
    .basicsize = sizeof(IntSubObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_BASETYPE,
    .builtin_shape = SHAPE(IntSubObject),
    .defines = IntSub_defines,
};

/* ---- float ---- */
typedef struct { double scale; } FloatSubObject;
HPyType_HELPERS(FloatSubObject, HPyType_BuiltinShape_Float)

HPyDef_MEMBER(FloatSub_scale, "scale", HPyMember_DOUBLE, offsetof(FloatSubObject, scale))

HPyDef_METH(FloatSub_scaled, "scaled", HPyFunc_NOARGS)
static HPy FloatSub_scaled_impl(HPyContext *ctx, HPy self)
{
    double v = HPyFloat_AsDouble(ctx, self);
    if (v == -1.0 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyFloat_FromDouble(ctx, v * FloatSubObject_AsStruct(ctx, self)->scale);
}

static HPyDef *FloatSub_defines[] = { &FloatSub_scale, &FloatSub_scaled, NULL };
static HPyType_Spec FloatSub_spec = {
    .name = "types_shapes.FloatSub",
    .basicsize = sizeof(FloatSubObject),
    .builtin_shape = SHAPE(FloatSubObject),
    .defines = FloatSub_defines,
};

/* ---- str ---- */
typedef struct { char *language; } LanguageObject;
HPyType_HELPERS(LanguageObject, HPyType_BuiltinShape_Unicode)

static long language_destroyed = 0;

HPyDef_GETSET(Language_lang, "lang")
static HPy Language_lang_get(HPyContext *ctx, HPy self, void *closure)
{
    LanguageObject *data = LanguageObject_AsStruct(ctx, self);
    (void)closure;
    if (!data->language)
        return HPy_Dup(ctx, ctx->h_None);
    return HPyUnicode_FromString(ctx, data->language);
}
static int Language_lang_set(HPyContext *ctx, HPy self, HPy value, void *closure)
{
    LanguageObject *data = LanguageObject_AsStruct(ctx, self);
    HPy_ssize_t size;
    const char *s;
    (void)closure;
    s = HPyUnicode_AsUTF8AndSize(ctx, value, &size);
    if (s == NULL)
        return -1;
    free(data->language);
    data->language = (char *)calloc((size_t)size + 1, 1);
    memcpy(data->language, s, (size_t)size);
    return 0;
}

static long language_finalized = 0;

HPyDef_SLOT(Language_finalize, HPy_tp_finalize)
static void Language_finalize_impl(HPyContext *ctx, HPy self)
{
    /* the struct is still there, and self is a str */
    if (HPyUnicode_Check(ctx, self) && LanguageObject_AsStruct(ctx, self))
        language_finalized++;
}

HPyDef_SLOT(Language_destroy, HPy_tp_destroy)
static void Language_destroy_impl(void *data)
{
    free(((LanguageObject *)data)->language);
    language_destroyed++;
}

static HPyDef *Language_defines[] = { &Language_lang, &Language_finalize, &Language_destroy, NULL };
static HPyType_Spec Language_spec = {
    .name = "types_shapes.Language",
    .basicsize = sizeof(LanguageObject),
    .builtin_shape = SHAPE(LanguageObject),
    .defines = Language_defines,
};

static HPyType_Spec StrNoStruct_spec = {
    .name = "types_shapes.StrNoStruct",
    .basicsize = 0,
};

/* ---- tuple ---- */
typedef struct { long tag; HPyField kept; } TupleSubObject;
HPyType_HELPERS(TupleSubObject, HPyType_BuiltinShape_Tuple)

HPyDef_MEMBER(TupleSub_tag, "tag", HPyMember_LONG, offsetof(TupleSubObject, tag))

/* keep(x): stores x in an HPyField of the (frozen) tuple; kept() loads it */
HPyDef_METH(TupleSub_keep, "keep", HPyFunc_O)
static HPy TupleSub_keep_impl(HPyContext *ctx, HPy self, HPy x)
{
    HPyField_Store(ctx, self, &TupleSubObject_AsStruct(ctx, self)->kept, x);
    if (HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(TupleSub_kept, "kept", HPyFunc_NOARGS)
static HPy TupleSub_kept_impl(HPyContext *ctx, HPy self)
{
    TupleSubObject *t = TupleSubObject_AsStruct(ctx, self);
    if (HPyField_IsNull(t->kept))
        return HPy_Dup(ctx, ctx->h_None);
    return HPyField_Load(ctx, self, t->kept);
}

HPyDef_SLOT(TupleSub_traverse, HPy_tp_traverse)
static int TupleSub_traverse_impl(void *self, HPyFunc_visitproc visit, void *arg)
{
    HPy_VISIT(&((TupleSubObject *)self)->kept);
    return 0;
}

static HPyDef *TupleSub_defines[] = { &TupleSub_tag, &TupleSub_keep, &TupleSub_kept, &TupleSub_traverse, NULL };
static HPyType_Spec TupleSub_spec = {
    .name = "types_shapes.TupleSub",
    .basicsize = sizeof(TupleSubObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_HAVE_GC,
    .builtin_shape = SHAPE(TupleSubObject),
    .defines = TupleSub_defines,
};

/* ---- list ---- */
typedef struct { long pushes; } ListSubObject;
HPyType_HELPERS(ListSubObject, HPyType_BuiltinShape_List)

HPyDef_MEMBER(ListSub_pushes, "pushes", HPyMember_LONG, offsetof(ListSubObject, pushes), .readonly = 1)

HPyDef_METH(ListSub_push, "push", HPyFunc_O)
static HPy ListSub_push_impl(HPyContext *ctx, HPy self, HPy x)
{
    if (HPyList_Append(ctx, self, x) < 0)
        return HPy_NULL;
    ListSubObject_AsStruct(ctx, self)->pushes++;
    return HPy_Dup(ctx, ctx->h_None);
}

static HPyDef *ListSub_defines[] = { &ListSub_pushes, &ListSub_push, NULL };
static HPyType_Spec ListSub_spec = {
    .name = "types_shapes.ListSub",
    .basicsize = sizeof(ListSubObject),
    .builtin_shape = SHAPE(ListSubObject),
    .defines = ListSub_defines,
};

/* ---- dict ---- */
typedef struct { long hits; } DictSubObject;
HPyType_HELPERS(DictSubObject, HPyType_BuiltinShape_Dict)

HPyDef_MEMBER(DictSub_hits, "hits", HPyMember_LONG, offsetof(DictSubObject, hits), .readonly = 1)

HPyDef_METH(DictSub_lookup, "lookup", HPyFunc_O)
static HPy DictSub_lookup_impl(HPyContext *ctx, HPy self, HPy key)
{
    HPy r = HPy_GetItem(ctx, self, key);
    if (!HPy_IsNull(r))
        DictSubObject_AsStruct(ctx, self)->hits++;
    return r;
}

static HPyDef *DictSub_defines[] = { &DictSub_hits, &DictSub_lookup, NULL };
static HPyType_Spec DictSub_spec = {
    .name = "types_shapes.DictSub",
    .basicsize = sizeof(DictSubObject),
    .builtin_shape = SHAPE(DictSubObject),
    .defines = DictSub_defines,
};

/* ---- metatype ---- */
typedef struct { int magic; int member; char more[64]; } MetaObject;
HPyType_HELPERS(MetaObject, HPyType_BuiltinShape_Type)

HPyDef_METH(Meta_magic, "magic", HPyFunc_NOARGS)
static HPy Meta_magic_impl(HPyContext *ctx, HPy self)
{
    return HPyLong_FromLong(ctx, MetaObject_AsStruct(ctx, self)->magic);
}

static HPyDef *Meta_defines[] = { &Meta_magic, NULL };
static HPyType_Spec Meta_spec = {
    .name = "types_shapes.Meta",
    .basicsize = sizeof(MetaObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_BASETYPE,
    .builtin_shape = SHAPE(MetaObject),
    .defines = Meta_defines,
};

typedef struct { int member; } WithMetaObject;
HPyType_HELPERS(WithMetaObject)
HPyDef_MEMBER(WithMeta_member, "member", HPyMember_INT, offsetof(WithMetaObject, member))
static HPyDef *WithMeta_defines[] = { &WithMeta_member, NULL };
static HPyType_Spec WithMeta_spec = {
    .name = "types_shapes.WithMeta",
    .basicsize = sizeof(WithMetaObject),
    .defines = WithMeta_defines,
};

HPyDef_METH(make_type, "make_type", HPyFunc_VARARGS)
static HPy make_type_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    HPy meta;
    const char *name;
    (void)self;
    if (!HPyArg_Parse(ctx, NULL, args, nargs, "sO", &name, &meta))
        return HPy_NULL;
    WithMeta_spec.name = name;
    HPyType_SpecParam params[] = { { HPyType_SpecParam_Metaclass, meta }, { (HPyType_SpecParam_Kind)0 } };
    return HPyType_FromSpec(ctx, &WithMeta_spec, params);
}

HPyDef_METH(set_meta, "set_meta", HPyFunc_O)
static HPy set_meta_impl(HPyContext *ctx, HPy self, HPy t)
{
    MetaObject *m = MetaObject_AsStruct(ctx, t);
    (void)self;
    if (!m)
        return HPy_NULL;
    m->magic = 42;
    m->member = 11;
    for (int i = 0; i < 64; i++)
        m->more[i] = (char)i;
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(get_meta, "get_meta", HPyFunc_O)
static HPy get_meta_impl(HPyContext *ctx, HPy self, HPy t)
{
    MetaObject *m = MetaObject_AsStruct(ctx, t);
    (void)self;
    if (!m)
        return HPy_NULL;
    for (int i = 0; i < 64; i++) {
        if (m->more[i] != (char)i && m->magic != 0) {
            HPyErr_SetString(ctx, ctx->h_RuntimeError, "the metatype's struct got mangled");
            return HPy_NULL;
        }
    }
    return HPyLong_FromLong(ctx, m->magic + m->member);
}

HPyDef_METH(set_member, "set_member", HPyFunc_O)
static HPy set_member_impl(HPyContext *ctx, HPy self, HPy obj)
{
    WithMetaObject *w = WithMetaObject_AsStruct(ctx, obj);
    (void)self;
    if (!w)
        return HPy_NULL;
    w->member = 123614;
    return HPy_Dup(ctx, ctx->h_None);
}

/* ---- a struct larger than the allocator's size classes ---- */
typedef struct { unsigned char data[5000]; } BigObject;
HPyType_HELPERS(BigObject)

static long big_destroyed = 0;

HPyDef_METH(Big_fill, "fill", HPyFunc_O)
static HPy Big_fill_impl(HPyContext *ctx, HPy self, HPy v)
{
    long x = HPyLong_AsLong(ctx, v);
    if (x == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    memset(BigObject_AsStruct(ctx, self)->data, (int)(x & 0xff), sizeof(BigObject));
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(Big_sum, "sum", HPyFunc_NOARGS)
static HPy Big_sum_impl(HPyContext *ctx, HPy self)
{
    long total = 0;
    BigObject *b = BigObject_AsStruct(ctx, self);
    for (size_t i = 0; i < sizeof(BigObject); i++)
        total += b->data[i];
    return HPyLong_FromLong(ctx, total);
}

HPyDef_SLOT(Big_destroy, HPy_tp_destroy)
static void Big_destroy_impl(void *data)
{
    (void)data;
    big_destroyed++;
}

HPyDef_METH(big_destroyed_count, "big_destroyed", HPyFunc_NOARGS)
static HPy big_destroyed_count_impl(HPyContext *ctx, HPy self)
{
    (void)self;
    return HPyLong_FromLong(ctx, big_destroyed);
}

static HPyDef *Big_defines[] = { &Big_fill, &Big_sum, &Big_destroy, NULL };
static HPyType_Spec Big_spec = {
    .name = "types_shapes.Big",
    .basicsize = sizeof(BigObject),
    .defines = Big_defines,
};

/* ---- several bases ---- */
HPyDef_METH(Mixin_hello, "hello", HPyFunc_NOARGS)
static HPy Mixin_hello_impl(HPyContext *ctx, HPy self)
{
    HPy t = HPy_Type(ctx, self);
    const char *name = HPy_IsNull(t) ? NULL : HPyType_GetName(ctx, t);
    HPy r = name ? HPyUnicode_FromString(ctx, name) : HPy_NULL;
    HPy_Close(ctx, t);
    return r;
}

static HPyDef *Mixin_defines[] = { &Mixin_hello, NULL };
static HPyType_Spec Mixin_spec = {
    .name = "types_shapes.Mixin",
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_BASETYPE,
    .defines = Mixin_defines,
};

static HPyType_Spec Dual_spec = { .name = "types_shapes.Dual" };
static HPyType_Spec FromTuple_spec = { .name = "types_shapes.FromTuple" };
static HPyType_Spec Conflict_spec = { .name = "types_shapes.Conflict" };

/* make_bases(kind, a, b): a type with bases a, b given as two Base params (kind 0) or as one
   BasesTuple (kind 1) */
HPyDef_METH(make_bases, "make_bases", HPyFunc_VARARGS)
static HPy make_bases_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    int kind;
    HPy a, b;
    (void)self;
    if (!HPyArg_Parse(ctx, NULL, args, nargs, "iOO", &kind, &a, &b))
        return HPy_NULL;
    if (kind == 0) {
        HPyType_SpecParam params[] = {
            { HPyType_SpecParam_Base, a }, { HPyType_SpecParam_Base, b }, { (HPyType_SpecParam_Kind)0 } };
        return HPyType_FromSpec(ctx, &Dual_spec, params);
    }
    HPy tup = HPyTuple_Pack(ctx, 2, a, b);
    if (HPy_IsNull(tup))
        return HPy_NULL;
    HPyType_SpecParam params[] = {
        { HPyType_SpecParam_BasesTuple, tup },
        { kind == 2 ? HPyType_SpecParam_Base : (HPyType_SpecParam_Kind)0, ctx->h_ListType },
        { (HPyType_SpecParam_Kind)0 } };
    HPy r = HPyType_FromSpec(ctx, kind == 1 ? &FromTuple_spec : &Conflict_spec, params);
    HPy_Close(ctx, tup);
    return r;
}

/* ---- helpers ---- */
HPyDef_METH(shape_of, "shape_of", HPyFunc_O)
static HPy shape_of_impl(HPyContext *ctx, HPy self, HPy t)
{
    (void)self;
    HPyType_BuiltinShape s = _HPyType_GetBuiltinShape(ctx, t);
    if (s == HPyType_BuiltinShape_Legacy && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromLong(ctx, (long)s);
}

HPyDef_METH(generic, "generic", HPyFunc_O)
static HPy generic_impl(HPyContext *ctx, HPy self, HPy t)
{
    (void)self;
    return HPyType_GenericNew(ctx, t, NULL, 0, HPy_NULL);
}

HPyDef_METH(checks, "checks", HPyFunc_O)
static HPy checks_impl(HPyContext *ctx, HPy self, HPy x)
{
    (void)self;
    return HPy_BuildValue(ctx, "(iiiiiii)", HPy_TypeCheck(ctx, x, ctx->h_LongType),
                          HPy_TypeCheck(ctx, x, ctx->h_FloatType), HPyUnicode_Check(ctx, x), HPyTuple_Check(ctx, x),
                          HPyList_Check(ctx, x), HPyDict_Check(ctx, x), HPy_TypeCheck(ctx, x, ctx->h_TypeType));
}

HPyDef_METH(as_long, "as_long", HPyFunc_O)
static HPy as_long_impl(HPyContext *ctx, HPy self, HPy x)
{
    (void)self;
    long v = HPyLong_AsLong(ctx, x);
    if (v == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromLong(ctx, v);
}

HPyDef_METH(as_double, "as_double", HPyFunc_O)
static HPy as_double_impl(HPyContext *ctx, HPy self, HPy x)
{
    (void)self;
    double v = HPyFloat_AsDouble(ctx, x);
    if (v == -1.0 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyFloat_FromDouble(ctx, v);
}

HPyDef_METH(as_utf8, "as_utf8", HPyFunc_O)
static HPy as_utf8_impl(HPyContext *ctx, HPy self, HPy x)
{
    HPy_ssize_t n;
    (void)self;
    const char *s = HPyUnicode_AsUTF8AndSize(ctx, x, &n);
    if (!s)
        return HPy_NULL;
    return HPyBytes_FromStringAndSize(ctx, s, n);
}

HPyDef_METH(length, "length", HPyFunc_O)
static HPy length_impl(HPyContext *ctx, HPy self, HPy x)
{
    (void)self;
    HPy_ssize_t n = HPy_Length(ctx, x);
    if (n < 0)
        return HPy_NULL;
    return HPyLong_FromSsize_t(ctx, n);
}

HPyDef_METH(destroyed, "destroyed", HPyFunc_NOARGS)
static HPy destroyed_impl(HPyContext *ctx, HPy self)
{
    (void)self;
    return HPyLong_FromLong(ctx, language_destroyed);
}

HPyDef_METH(finalized, "finalized", HPyFunc_NOARGS)
static HPy finalized_impl(HPyContext *ctx, HPy self)
{
    (void)self;
    return HPyLong_FromLong(ctx, language_finalized);
}

HPyDef_METH(bad_shape, "bad_shape", HPyFunc_O)
static HPy bad_shape_impl(HPyContext *ctx, HPy self, HPy n)
{
    static HPyType_Spec spec = { .name = "types_shapes.Bad" };
    (void)self;
    spec.builtin_shape = (HPyType_BuiltinShape)HPyLong_AsLong(ctx, n);
    return HPyType_FromSpec(ctx, &spec, NULL);
}

HPyDef_METH(two_metaclasses, "two_metaclasses", HPyFunc_NOARGS)
static HPy two_metaclasses_impl(HPyContext *ctx, HPy self)
{
    static HPyType_Spec spec = { .name = "types_shapes.TwoMeta" };
    HPyType_SpecParam params[] = {
        { HPyType_SpecParam_Metaclass, ctx->h_TypeType },
        { HPyType_SpecParam_Metaclass, ctx->h_TypeType },
        { (HPyType_SpecParam_Kind)0 },
    };
    (void)self;
    return HPyType_FromSpec(ctx, &spec, params);
}

static HPy add_type(HPyContext *ctx, HPy m, const char *name, HPyType_Spec *spec, HPy base)
{
    HPyType_SpecParam params[] = { { HPyType_SpecParam_Base, base }, { (HPyType_SpecParam_Kind)0 } };
    HPy t = HPyType_FromSpec(ctx, spec, params);
    if (HPy_IsNull(t))
        return t;
    if (HPy_SetAttr_s(ctx, m, name, t) < 0) {
        HPy_Close(ctx, t);
        return HPy_NULL;
    }
    return t;
}

HPyDef_SLOT(mod_exec, HPy_mod_exec)
static int mod_exec_impl(HPyContext *ctx, HPy m)
{
    struct { const char *name; HPyType_Spec *spec; HPy base; } types[] = {
        { "IntSub", &IntSub_spec, ctx->h_LongType },
        { "FloatSub", &FloatSub_spec, ctx->h_FloatType },
        { "Language", &Language_spec, ctx->h_UnicodeType },
        { "StrNoStruct", &StrNoStruct_spec, ctx->h_UnicodeType },
        { "TupleSub", &TupleSub_spec, ctx->h_TupleType },
        { "ListSub", &ListSub_spec, ctx->h_ListType },
        { "DictSub", &DictSub_spec, ctx->h_DictType },
        { "Meta", &Meta_spec, ctx->h_TypeType },
        { "Mixin", &Mixin_spec, ctx->h_BaseObjectType },
        { "Big", &Big_spec, ctx->h_BaseObjectType },
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        HPy t = add_type(ctx, m, types[i].name, types[i].spec, types[i].base);
        if (HPy_IsNull(t))
            return -1;
        HPy_Close(ctx, t);
    }
    return 0;
}

HPyDef_METH(mismatch, "mismatch", HPyFunc_NOARGS)
static HPy mismatch_impl(HPyContext *ctx, HPy self)
{
    static HPyType_Spec spec = {
        .name = "types_shapes.Mismatch",
        .basicsize = sizeof(IntSubObject),
        .builtin_shape = HPyType_BuiltinShape_Long,
    };
    (void)self;
    return HPyType_FromSpec(ctx, &spec, NULL);
}

static HPyDef *module_defines[] = {
    &mod_exec, &make_type, &set_meta, &get_meta, &set_member, &shape_of, &generic, &checks, &as_long,
    &as_double, &as_utf8, &length, &destroyed, &finalized, &big_destroyed_count, &bad_shape, &two_metaclasses, &mismatch, &make_bases, NULL,
};

static HPyModuleDef moduledef = {
    .doc = "builtin shapes of extension types",
    .defines = module_defines,
};

HPy_MODINIT(types_shapes, moduledef)
