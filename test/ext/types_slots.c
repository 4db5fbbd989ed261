/* Every slot of HPy's slot enum on small test types, for the object model's Python semantics:
 *   Num      every nb_* slot (binary, reflected, in-place, ternary power, unary, conversions),
 *            tp_richcompare, tp_hash, tp_repr, tp_str, tp_new; a method with a doc; class
 *            attributes set from mod_exec with HPy_SetAttr_s on the type
 *   SubNum   an HPy subclass of Num overriding nb_add (calling Num's) and tp_repr only
 *   Cmp      tp_richcompare without tp_hash (unhashable)
 *   Seq      every sq_* slot; Seq2 the same type without sq_contains and the in-place slots
 *   Mapping  mp_length, mp_subscript, mp_ass_subscript over a dict held in an HPyField
 *   Both     mp_subscript and sq_item together (the mapping slot wins, iteration uses sq_item)
 *   Call     tp_call, and HPy_SetCallFunction for a per-instance call function
 *   VCall    a per-instance call function through the __vectorcalloffset__ member
 *   Descr    tp_descr_get
 *   Init     tp_new + tp_init with positional and keyword arguments
 *   Generic  HPyType_GenericNew as tp_new, with tp_init; Bare with no tp_new/tp_init at all
 *   Range    tp_iter / tp_iternext (CPython's slot numbers 62/63; not built for the oracle)
 *   Fin      tp_finalize, tp_destroy, tp_traverse; Bytes bf_getbuffer / bf_releasebuffer
 * Build with -DHPY_ORACLE (HPy's own headers, run under CPython) to leave out what only
 * hpy-node supports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hpy.h"

static HPyGlobal g_Num;

/* ---- Num ------------------------------------------------------------------------------------ */

typedef struct {
    long v;
} NumObject;

HPyType_HELPERS(NumObject)

static int is_num(HPyContext *ctx, HPy o)
{
    HPy t = HPyGlobal_Load(ctx, g_Num);
    int r = HPy_TypeCheck(ctx, o, t);
    HPy_Close(ctx, t);
    return r;
}

/* 1: *out holds the value of a Num or an int; 0: neither (NotImplemented); -1: error */
static int get_val(HPyContext *ctx, HPy o, long *out)
{
    if (is_num(ctx, o)) {
        *out = NumObject_AsStruct(ctx, o)->v;
        return 1;
    }
    if (HPy_TypeCheck(ctx, o, ctx->h_LongType)) {
        *out = HPyLong_AsLong(ctx, o);
        return (*out == -1 && HPyErr_Occurred(ctx)) ? -1 : 1;
    }
    return 0;
}

static HPy new_num(HPyContext *ctx, long v)
{
    HPy t = HPyGlobal_Load(ctx, g_Num);
    NumObject *n;
    HPy h = HPy_New(ctx, t, &n);
    HPy_Close(ctx, t);
    if (!HPy_IsNull(h))
        n->v = v;
    return h;
}

static long py_floordiv(long x, long y)
{
    long q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0)))
        q--;
    return q;
}

static long py_mod(long x, long y)
{
    long r = x % y;
    if (r != 0 && ((r < 0) != (y < 0)))
        r += y;
    return r;
}

static int zero_check(HPyContext *ctx, long y)
{
    if (y == 0) {
        HPyErr_SetString(ctx, ctx->h_ZeroDivisionError, "Num division by zero");
        return -1;
    }
    return 0;
}

#define NUM_BINOP(NAME, SLOT, CHECK, EXPR)                                     \
    HPyDef_SLOT(Num_##NAME, SLOT)                                              \
    static HPy Num_##NAME##_impl(HPyContext *ctx, HPy a, HPy b)                \
    {                                                                          \
        long x, y;                                                             \
        int ra = get_val(ctx, a, &x);                                          \
        int rb = ra > 0 ? get_val(ctx, b, &y) : 0;                             \
        if (ra < 0 || rb < 0)                                                  \
            return HPy_NULL;                                                   \
        if (!ra || !rb)                                                        \
            return HPy_Dup(ctx, ctx->h_NotImplemented);                        \
        if (CHECK)                                                             \
            return HPy_NULL;                                                   \
        return new_num(ctx, (EXPR));                                           \
    }

/* in-place: only a Num on the right (an int gives NotImplemented: the binary slot is tried) */
#define NUM_IOP(NAME, SLOT, CHECK, EXPR)                                       \
    HPyDef_SLOT(Num_##NAME, SLOT)                                              \
    static HPy Num_##NAME##_impl(HPyContext *ctx, HPy a, HPy b)                \
    {                                                                          \
        if (!is_num(ctx, b))                                                   \
            return HPy_Dup(ctx, ctx->h_NotImplemented);                        \
        long x = NumObject_AsStruct(ctx, a)->v, y = NumObject_AsStruct(ctx, b)->v; \
        if (CHECK)                                                             \
            return HPy_NULL;                                                   \
        NumObject_AsStruct(ctx, a)->v = (EXPR);                                \
        return HPy_Dup(ctx, a);                                                \
    }

NUM_BINOP(add, HPy_nb_add, 0, x + y)
NUM_BINOP(sub, HPy_nb_subtract, 0, x - y)
NUM_BINOP(mul, HPy_nb_multiply, 0, x * y)
NUM_BINOP(matmul, HPy_nb_matrix_multiply, 0, x * 100 + y)
NUM_BINOP(floordiv, HPy_nb_floor_divide, zero_check(ctx, y), py_floordiv(x, y))
NUM_BINOP(mod, HPy_nb_remainder, zero_check(ctx, y), py_mod(x, y))
NUM_BINOP(lshift, HPy_nb_lshift, 0, x << y)
NUM_BINOP(rshift, HPy_nb_rshift, 0, x >> y)
NUM_BINOP(and, HPy_nb_and, 0, x & y)
NUM_BINOP(or, HPy_nb_or, 0, x | y)
NUM_BINOP(xor, HPy_nb_xor, 0, x ^ y)

NUM_IOP(iadd, HPy_nb_inplace_add, 0, x + y)
NUM_IOP(isub, HPy_nb_inplace_subtract, 0, x - y)
NUM_IOP(imul, HPy_nb_inplace_multiply, 0, x * y)
NUM_IOP(imatmul, HPy_nb_inplace_matrix_multiply, 0, x * 100 + y)
NUM_IOP(ifloordiv, HPy_nb_inplace_floor_divide, zero_check(ctx, y), py_floordiv(x, y))
NUM_IOP(itruediv, HPy_nb_inplace_true_divide, zero_check(ctx, y), x / y + 1000)
NUM_IOP(imod, HPy_nb_inplace_remainder, zero_check(ctx, y), py_mod(x, y))
NUM_IOP(ilshift, HPy_nb_inplace_lshift, 0, x << y)
NUM_IOP(irshift, HPy_nb_inplace_rshift, 0, x >> y)
NUM_IOP(iand, HPy_nb_inplace_and, 0, x & y)
NUM_IOP(ior, HPy_nb_inplace_or, 0, x | y)
NUM_IOP(ixor, HPy_nb_inplace_xor, 0, x ^ y)

/* true division gives a float */
HPyDef_SLOT(Num_truediv, HPy_nb_true_divide)
static HPy Num_truediv_impl(HPyContext *ctx, HPy a, HPy b)
{
    long x, y;
    int ra = get_val(ctx, a, &x);
    int rb = ra > 0 ? get_val(ctx, b, &y) : 0;
    if (ra < 0 || rb < 0)
        return HPy_NULL;
    if (!ra || !rb)
        return HPy_Dup(ctx, ctx->h_NotImplemented);
    if (zero_check(ctx, y))
        return HPy_NULL;
    return HPyFloat_FromDouble(ctx, (double)x / (double)y);
}

/* divmod gives a tuple of two ints */
HPyDef_SLOT(Num_divmod, HPy_nb_divmod)
static HPy Num_divmod_impl(HPyContext *ctx, HPy a, HPy b)
{
    long x, y;
    int ra = get_val(ctx, a, &x);
    int rb = ra > 0 ? get_val(ctx, b, &y) : 0;
    if (ra < 0 || rb < 0)
        return HPy_NULL;
    if (!ra || !rb)
        return HPy_Dup(ctx, ctx->h_NotImplemented);
    if (zero_check(ctx, y))
        return HPy_NULL;
    return HPy_BuildValue(ctx, "(ll)", py_floordiv(x, y), py_mod(x, y));
}

static long ipow(long x, long y)
{
    long r = 1;
    while (y-- > 0)
        r *= x;
    return r;
}

/* pow(a, b[, c]): c is None for the two-argument form */
HPyDef_SLOT(Num_pow, HPy_nb_power)
static HPy Num_pow_impl(HPyContext *ctx, HPy a, HPy b, HPy c)
{
    long x, y, z = 0;
    int ra = get_val(ctx, a, &x);
    int rb = ra > 0 ? get_val(ctx, b, &y) : 0;
    int rc = 1;
    if (ra > 0 && rb > 0 && !HPy_Is(ctx, c, ctx->h_None))
        rc = get_val(ctx, c, &z);
    if (ra < 0 || rb < 0 || rc < 0)
        return HPy_NULL;
    if (!ra || !rb || !rc)
        return HPy_Dup(ctx, ctx->h_NotImplemented);
    if (y < 0) {
        HPyErr_SetString(ctx, ctx->h_ValueError, "Num power must be >= 0");
        return HPy_NULL;
    }
    long r = ipow(x, y);
    if (!HPy_Is(ctx, c, ctx->h_None)) {
        if (zero_check(ctx, z))
            return HPy_NULL;
        r = py_mod(r, z);
    }
    return new_num(ctx, r);
}

HPyDef_SLOT(Num_ipow, HPy_nb_inplace_power)
static HPy Num_ipow_impl(HPyContext *ctx, HPy a, HPy b, HPy c)
{
    long y;
    if (get_val(ctx, b, &y) <= 0 || !HPy_Is(ctx, c, ctx->h_None))
        return HPy_Dup(ctx, ctx->h_NotImplemented);
    NumObject *n = NumObject_AsStruct(ctx, a);
    n->v = ipow(n->v, y);
    return HPy_Dup(ctx, a);
}

#define NUM_UNARY(NAME, SLOT, EXPR)                                            \
    HPyDef_SLOT(Num_##NAME, SLOT)                                              \
    static HPy Num_##NAME##_impl(HPyContext *ctx, HPy a)                       \
    {                                                                          \
        long x = NumObject_AsStruct(ctx, a)->v;                                \
        return (EXPR);                                                         \
    }

NUM_UNARY(neg, HPy_nb_negative, new_num(ctx, -x))
NUM_UNARY(pos, HPy_nb_positive, new_num(ctx, x + 0))
NUM_UNARY(abs, HPy_nb_absolute, new_num(ctx, x < 0 ? -x : x))
NUM_UNARY(invert, HPy_nb_invert, new_num(ctx, ~x))
NUM_UNARY(int, HPy_nb_int, HPyLong_FromLong(ctx, x * 10))
NUM_UNARY(float, HPy_nb_float, HPyFloat_FromDouble(ctx, x + 0.5))
NUM_UNARY(index, HPy_nb_index, HPyLong_FromLong(ctx, x))

HPyDef_SLOT(Num_bool, HPy_nb_bool)
static int Num_bool_impl(HPyContext *ctx, HPy self)
{
    return NumObject_AsStruct(ctx, self)->v != 0;
}

HPyDef_SLOT(Num_richcompare, HPy_tp_richcompare)
static HPy Num_richcompare_impl(HPyContext *ctx, HPy self, HPy other, HPy_RichCmpOp op)
{
    long x, y;
    int ra = get_val(ctx, self, &x);
    int rb = ra > 0 ? get_val(ctx, other, &y) : 0;
    if (ra < 0 || rb < 0)
        return HPy_NULL;
    if (!ra || !rb)
        return HPy_Dup(ctx, ctx->h_NotImplemented);
    int r;
    switch (op) {
    case HPy_LT: r = x < y; break;
    case HPy_LE: r = x <= y; break;
    case HPy_EQ: r = x == y; break;
    case HPy_NE: r = x != y; break;
    case HPy_GT: r = x > y; break;
    case HPy_GE: r = x >= y; break;
    default: return HPy_Dup(ctx, ctx->h_NotImplemented);
    }
    return HPyBool_FromLong(ctx, r);
}

/* the hash of the equal int, so that Num(3) and 3 are the same dict key */
HPyDef_SLOT(Num_hash, HPy_tp_hash)
static HPy_hash_t Num_hash_impl(HPyContext *ctx, HPy self)
{
    long x = NumObject_AsStruct(ctx, self)->v;
    return x == -1 ? -2 : x;
}

HPyDef_SLOT(Num_repr, HPy_tp_repr)
static HPy Num_repr_impl(HPyContext *ctx, HPy self)
{
    char buf[64];
    snprintf(buf, sizeof buf, "Num(%ld)", NumObject_AsStruct(ctx, self)->v);
    return HPyUnicode_FromString(ctx, buf);
}

HPyDef_SLOT(Num_str, HPy_tp_str)
static HPy Num_str_impl(HPyContext *ctx, HPy self)
{
    char buf[64];
    snprintf(buf, sizeof buf, "<%ld>", NumObject_AsStruct(ctx, self)->v);
    return HPyUnicode_FromString(ctx, buf);
}

HPyDef_SLOT(Num_new, HPy_tp_new)
static HPy Num_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    long v = 0;
    HPyTracker ht;
    static const char *kwlist[] = { "v", NULL };
    if (!HPyArg_ParseKeywordsDict(ctx, &ht, args, nargs, kw, "|l", kwlist, &v))
        return HPy_NULL;
    HPyTracker_Close(ctx, ht);
    NumObject *n;
    HPy h = HPy_New(ctx, cls, &n);
    if (!HPy_IsNull(h))
        n->v = v;
    return h;
}

HPyDef_MEMBER(Num_v, "v", HPyMember_LONG, offsetof(NumObject, v))

HPyDef_METH(Num_twice, "twice", HPyFunc_NOARGS, .doc = "twice the value")
static HPy Num_twice_impl(HPyContext *ctx, HPy self)
{
    return HPyLong_FromLong(ctx, 2 * NumObject_AsStruct(ctx, self)->v);
}

static HPyDef *Num_defines[] = {
    &Num_new, &Num_v, &Num_twice,
    &Num_add, &Num_sub, &Num_mul, &Num_matmul, &Num_floordiv, &Num_truediv, &Num_mod, &Num_divmod,
    &Num_lshift, &Num_rshift, &Num_and, &Num_or, &Num_xor, &Num_pow,
    &Num_iadd, &Num_isub, &Num_imul, &Num_imatmul, &Num_ifloordiv, &Num_itruediv, &Num_imod,
    &Num_ilshift, &Num_irshift, &Num_iand, &Num_ior, &Num_ixor, &Num_ipow,
    &Num_neg, &Num_pos, &Num_abs, &Num_invert, &Num_int, &Num_float, &Num_index, &Num_bool,
    &Num_richcompare, &Num_hash, &Num_repr, &Num_str, NULL,
};

static HPyType_Spec Num_spec = {
    .name = "types_slots.Num",
    .basicsize = sizeof(NumObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_BASETYPE,
    .defines = Num_defines,
    .doc = "a number with every nb slot",
};

/* ---- SubNum(Num): overrides nb_add (reaching Num's) and tp_repr, inherits the rest ---------- */

HPyDef_SLOT(SubNum_add, HPy_nb_add)
static HPy SubNum_add_impl(HPyContext *ctx, HPy a, HPy b)
{
    HPy r = Num_add_impl(ctx, a, b);
    if (HPy_IsNull(r) || !is_num(ctx, r))
        return r;
    NumObject_AsStruct(ctx, r)->v += 1000;
    return r;
}

HPyDef_SLOT(SubNum_repr, HPy_tp_repr)
static HPy SubNum_repr_impl(HPyContext *ctx, HPy self)
{
    char buf[64];
    snprintf(buf, sizeof buf, "SubNum<%ld>", NumObject_AsStruct(ctx, self)->v);
    return HPyUnicode_FromString(ctx, buf);
}

static HPyDef *SubNum_defines[] = { &SubNum_add, &SubNum_repr, NULL };

static HPyType_Spec SubNum_spec = {
    .name = "types_slots.SubNum",
    .basicsize = sizeof(NumObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_BASETYPE,
    .defines = SubNum_defines,
};

/* ---- Cmp: rich comparison without a hash ---------------------------------------------------- */

typedef struct {
    long key;
} CmpObject;

HPyType_HELPERS(CmpObject)

HPyDef_SLOT(Cmp_new, HPy_tp_new)
static HPy Cmp_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    long key = 0;
    HPyTracker ht;
    static const char *kwlist[] = { "key", NULL };
    if (!HPyArg_ParseKeywordsDict(ctx, &ht, args, nargs, kw, "|l", kwlist, &key))
        return HPy_NULL;
    HPyTracker_Close(ctx, ht);
    CmpObject *c;
    HPy h = HPy_New(ctx, cls, &c);
    if (!HPy_IsNull(h))
        c->key = key;
    return h;
}

HPyDef_SLOT(Cmp_richcompare, HPy_tp_richcompare)
static HPy Cmp_richcompare_impl(HPyContext *ctx, HPy self, HPy other, HPy_RichCmpOp op)
{
    HPy t = HPy_Type(ctx, self);
    int ok = HPy_TypeCheck(ctx, other, t);
    HPy_Close(ctx, t);
    if (!ok || (op != HPy_EQ && op != HPy_NE))
        return HPy_Dup(ctx, ctx->h_NotImplemented);
    int eq = CmpObject_AsStruct(ctx, self)->key == CmpObject_AsStruct(ctx, other)->key;
    return HPyBool_FromLong(ctx, op == HPy_EQ ? eq : !eq);
}

static HPyDef *Cmp_defines[] = { &Cmp_new, &Cmp_richcompare, NULL };

static HPyType_Spec Cmp_spec = {
    .name = "types_slots.Cmp",
    .basicsize = sizeof(CmpObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Cmp_defines,
};

/* ---- Seq: every sq_* slot ------------------------------------------------------------------- */

#define SEQ_CAP 64

typedef struct {
    HPy_ssize_t n;
    long items[SEQ_CAP];
} SeqObject;

HPyType_HELPERS(SeqObject)

static HPy seq_like(HPyContext *ctx, HPy proto, SeqObject **out)
{
    HPy t = HPy_Type(ctx, proto);
    HPy h = HPy_New(ctx, t, out);
    HPy_Close(ctx, t);
    return h;
}

static int seq_check(HPyContext *ctx, HPy self, HPy other)
{
    HPy t = HPy_Type(ctx, self);
    int ok = HPy_TypeCheck(ctx, other, t);
    HPy_Close(ctx, t);
    return ok;
}

static int too_long(HPyContext *ctx, HPy_ssize_t n)
{
    if (n > SEQ_CAP) {
        HPyErr_SetString(ctx, ctx->h_OverflowError, "Seq is full");
        return 1;
    }
    return 0;
}

HPyDef_SLOT(Seq_new, HPy_tp_new)
static HPy Seq_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    if (too_long(ctx, nargs))
        return HPy_NULL;
    SeqObject *s;
    HPy h = HPy_New(ctx, cls, &s);
    if (HPy_IsNull(h))
        return HPy_NULL;
    for (HPy_ssize_t i = 0; i < nargs; i++) {
        s->items[i] = HPyLong_AsLong(ctx, args[i]);
        if (s->items[i] == -1 && HPyErr_Occurred(ctx)) {
            HPy_Close(ctx, h);
            return HPy_NULL;
        }
    }
    s->n = nargs;
    return h;
}

HPyDef_SLOT(Seq_length, HPy_sq_length)
static HPy_ssize_t Seq_length_impl(HPyContext *ctx, HPy self)
{
    return SeqObject_AsStruct(ctx, self)->n;
}

HPyDef_SLOT(Seq_item, HPy_sq_item)
static HPy Seq_item_impl(HPyContext *ctx, HPy self, HPy_ssize_t i)
{
    SeqObject *s = SeqObject_AsStruct(ctx, self);
    if (i < 0 || i >= s->n) {
        HPyErr_SetString(ctx, ctx->h_IndexError, "Seq index out of range");
        return HPy_NULL;
    }
    return HPyLong_FromLong(ctx, s->items[i]);
}

HPyDef_SLOT(Seq_ass_item, HPy_sq_ass_item)
static int Seq_ass_item_impl(HPyContext *ctx, HPy self, HPy_ssize_t i, HPy value)
{
    SeqObject *s = SeqObject_AsStruct(ctx, self);
    if (i < 0 || i >= s->n) {
        HPyErr_SetString(ctx, ctx->h_IndexError, "Seq assignment index out of range");
        return -1;
    }
    if (HPy_IsNull(value)) { /* del s[i] */
        memmove(&s->items[i], &s->items[i + 1], (size_t)(s->n - i - 1) * sizeof(long));
        s->n--;
        return 0;
    }
    long v = HPyLong_AsLong(ctx, value);
    if (v == -1 && HPyErr_Occurred(ctx))
        return -1;
    s->items[i] = v;
    return 0;
}

HPyDef_SLOT(Seq_contains, HPy_sq_contains)
static int Seq_contains_impl(HPyContext *ctx, HPy self, HPy value)
{
    SeqObject *s = SeqObject_AsStruct(ctx, self);
    if (!HPy_TypeCheck(ctx, value, ctx->h_LongType))
        return 0;
    long v = HPyLong_AsLong(ctx, value);
    if (v == -1 && HPyErr_Occurred(ctx))
        return -1;
    for (HPy_ssize_t i = 0; i < s->n; i++)
        if (s->items[i] == v)
            return 1;
    return 0;
}

HPyDef_SLOT(Seq_concat, HPy_sq_concat)
static HPy Seq_concat_impl(HPyContext *ctx, HPy a, HPy b)
{
    if (!seq_check(ctx, a, b)) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "can only concatenate a Seq to a Seq");
        return HPy_NULL;
    }
    SeqObject *x = SeqObject_AsStruct(ctx, a), *y = SeqObject_AsStruct(ctx, b), *r;
    if (too_long(ctx, x->n + y->n))
        return HPy_NULL;
    HPy h = seq_like(ctx, a, &r);
    if (HPy_IsNull(h))
        return HPy_NULL;
    memcpy(r->items, x->items, (size_t)x->n * sizeof(long));
    memcpy(r->items + x->n, y->items, (size_t)y->n * sizeof(long));
    r->n = x->n + y->n;
    return h;
}

HPyDef_SLOT(Seq_repeat, HPy_sq_repeat)
static HPy Seq_repeat_impl(HPyContext *ctx, HPy self, HPy_ssize_t count)
{
    SeqObject *x = SeqObject_AsStruct(ctx, self), *r;
    if (count < 0)
        count = 0;
    if (x->n && count > SEQ_CAP)
        return HPyErr_SetString(ctx, ctx->h_OverflowError, "Seq is full"), HPy_NULL;
    if (too_long(ctx, x->n * count))
        return HPy_NULL;
    HPy h = seq_like(ctx, self, &r);
    if (HPy_IsNull(h))
        return HPy_NULL;
    for (HPy_ssize_t k = 0; k < count; k++)
        memcpy(r->items + k * x->n, x->items, (size_t)x->n * sizeof(long));
    r->n = x->n * count;
    return h;
}

HPyDef_SLOT(Seq_inplace_concat, HPy_sq_inplace_concat)
static HPy Seq_inplace_concat_impl(HPyContext *ctx, HPy a, HPy b)
{
    if (!seq_check(ctx, a, b)) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "can only extend a Seq with a Seq");
        return HPy_NULL;
    }
    SeqObject *x = SeqObject_AsStruct(ctx, a), *y = SeqObject_AsStruct(ctx, b);
    HPy_ssize_t n = y->n;
    if (too_long(ctx, x->n + n))
        return HPy_NULL;
    memmove(x->items + x->n, y->items, (size_t)n * sizeof(long));
    x->n += n;
    return HPy_Dup(ctx, a);
}

HPyDef_SLOT(Seq_inplace_repeat, HPy_sq_inplace_repeat)
static HPy Seq_inplace_repeat_impl(HPyContext *ctx, HPy self, HPy_ssize_t count)
{
    SeqObject *x = SeqObject_AsStruct(ctx, self);
    if (count < 0)
        count = 0;
    if (x->n && count > SEQ_CAP)
        return HPyErr_SetString(ctx, ctx->h_OverflowError, "Seq is full"), HPy_NULL;
    if (too_long(ctx, x->n * count))
        return HPy_NULL;
    for (HPy_ssize_t k = 1; k < count; k++)
        memcpy(x->items + k * x->n, x->items, (size_t)x->n * sizeof(long));
    x->n *= count;
    return HPy_Dup(ctx, self);
}

HPyDef_METH(Seq_tolist, "tolist", HPyFunc_NOARGS)
static HPy Seq_tolist_impl(HPyContext *ctx, HPy self)
{
    SeqObject *s = SeqObject_AsStruct(ctx, self);
    HPy l = HPyList_New(ctx, 0);
    for (HPy_ssize_t i = 0; i < s->n; i++) {
        HPy v = HPyLong_FromLong(ctx, s->items[i]);
        HPyList_Append(ctx, l, v);
        HPy_Close(ctx, v);
    }
    return l;
}

static HPyDef *Seq_defines[] = {
    &Seq_new, &Seq_length, &Seq_item, &Seq_ass_item, &Seq_contains, &Seq_concat, &Seq_repeat,
    &Seq_inplace_concat, &Seq_inplace_repeat, &Seq_tolist, NULL,
};

static HPyType_Spec Seq_spec = {
    .name = "types_slots.Seq",
    .basicsize = sizeof(SeqObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Seq_defines,
};

static HPyDef *Seq2_defines[] = {
    &Seq_new, &Seq_length, &Seq_item, &Seq_ass_item, &Seq_concat, &Seq_repeat, &Seq_tolist, NULL,
};

static HPyType_Spec Seq2_spec = {
    .name = "types_slots.Seq2",
    .basicsize = sizeof(SeqObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Seq2_defines,
};

/* ---- Mapping: mp_* over a dict in an HPyField ----------------------------------------------- */

typedef struct {
    HPyField dict;
} MappingObject;

HPyType_HELPERS(MappingObject)

HPyDef_SLOT(Mapping_new, HPy_tp_new)
static HPy Mapping_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    MappingObject *m;
    HPy h = HPy_New(ctx, cls, &m);
    if (HPy_IsNull(h))
        return HPy_NULL;
    HPy d = HPyDict_New(ctx);
    HPyField_Store(ctx, h, &m->dict, d);
    HPy_Close(ctx, d);
    return h;
}

static HPy mapping_dict(HPyContext *ctx, HPy self)
{
    return HPyField_Load(ctx, self, MappingObject_AsStruct(ctx, self)->dict);
}

HPyDef_SLOT(Mapping_length, HPy_mp_length)
static HPy_ssize_t Mapping_length_impl(HPyContext *ctx, HPy self)
{
    HPy d = mapping_dict(ctx, self);
    HPy_ssize_t n = HPy_Length(ctx, d);
    HPy_Close(ctx, d);
    return n;
}

HPyDef_SLOT(Mapping_subscript, HPy_mp_subscript)
static HPy Mapping_subscript_impl(HPyContext *ctx, HPy self, HPy key)
{
    HPy d = mapping_dict(ctx, self);
    HPy r = HPy_GetItem(ctx, d, key);
    HPy_Close(ctx, d);
    return r;
}

HPyDef_SLOT(Mapping_ass_subscript, HPy_mp_ass_subscript)
static int Mapping_ass_subscript_impl(HPyContext *ctx, HPy self, HPy key, HPy value)
{
    HPy d = mapping_dict(ctx, self);
    int r = HPy_IsNull(value) ? HPy_DelItem(ctx, d, key) : HPy_SetItem(ctx, d, key, value);
    HPy_Close(ctx, d);
    return r;
}

HPyDef_SLOT(Mapping_traverse, HPy_tp_traverse)
static int Mapping_traverse_impl(void *self, HPyFunc_visitproc visit, void *arg)
{
    HPy_VISIT(&((MappingObject *)self)->dict);
    return 0;
}

static HPyDef *Mapping_defines[] = {
    &Mapping_new, &Mapping_length, &Mapping_subscript, &Mapping_ass_subscript, &Mapping_traverse, NULL,
};

static HPyType_Spec Mapping_spec = {
    .name = "types_slots.Mapping",
    .basicsize = sizeof(MappingObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_HAVE_GC,
    .defines = Mapping_defines,
};

/* ---- Both: mp_subscript and sq_item; the mapping slot is the one used ------------------------ */

HPyDef_SLOT(Both_subscript, HPy_mp_subscript)
static HPy Both_subscript_impl(HPyContext *ctx, HPy self, HPy key)
{
    return HPy_BuildValue(ctx, "(sO)", "mp", key);
}

HPyDef_SLOT(Both_item, HPy_sq_item)
static HPy Both_item_impl(HPyContext *ctx, HPy self, HPy_ssize_t i)
{
    if (i >= 3) {
        HPyErr_SetString(ctx, ctx->h_IndexError, "Both index out of range");
        return HPy_NULL;
    }
    return HPy_BuildValue(ctx, "(sn)", "sq", i);
}

HPyDef_SLOT(Both_length, HPy_sq_length)
static HPy_ssize_t Both_length_impl(HPyContext *ctx, HPy self)
{
    return 3;
}

HPyDef_SLOT(Both_mp_length, HPy_mp_length)
static HPy_ssize_t Both_mp_length_impl(HPyContext *ctx, HPy self)
{
    return 3;
}

static HPyDef *Both_defines[] = { &Both_subscript, &Both_item, &Both_length, &Both_mp_length, NULL };

static HPyType_Spec Both_spec = {
    .name = "types_slots.Both",
    .basicsize = 0,
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Both_defines,
};

/* ---- Call: tp_call, and a per-instance call function ---------------------------------------- */

typedef struct {
    long factor;
} CallObject;

HPyType_HELPERS(CallObject)

/* (args tuple, kwargs dict or None, factor) */
static HPy describe_call(HPyContext *ctx, const char *tag, HPy self, const HPy *args, size_t nargs, HPy kwnames)
{
    HPy tup = HPyTuple_FromArray(ctx, (HPy *)args, (HPy_ssize_t)nargs);
    HPy kwd;
    if (HPy_IsNull(kwnames)) {
        kwd = HPy_Dup(ctx, ctx->h_None);
    } else {
        kwd = HPyDict_New(ctx);
        HPy_ssize_t nk = HPy_Length(ctx, kwnames);
        for (HPy_ssize_t i = 0; i < nk; i++) {
            HPy k = HPy_GetItem_i(ctx, kwnames, i);
            HPy_SetItem(ctx, kwd, k, args[nargs + i]);
            HPy_Close(ctx, k);
        }
    }
    HPy r = HPy_BuildValue(ctx, "(sOOl)", tag, tup, kwd, CallObject_AsStruct(ctx, self)->factor);
    HPy_Close(ctx, tup);
    HPy_Close(ctx, kwd);
    return r;
}

HPyDef_SLOT(Call_call, HPy_tp_call)
static HPy Call_call_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs, HPy kwnames)
{
    return describe_call(ctx, "tp_call", self, args, nargs, kwnames);
}

HPyDef_CALL_FUNCTION(Call_special)
static HPy Call_special_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs, HPy kwnames)
{
    return describe_call(ctx, "special", self, args, nargs, kwnames);
}

HPyDef_SLOT(Call_new, HPy_tp_new)
static HPy Call_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    long factor = 1;
    HPy h_special = HPy_NULL;
    HPyTracker ht;
    static const char *kwlist[] = { "factor", "special", NULL };
    if (!HPyArg_ParseKeywordsDict(ctx, &ht, args, nargs, kw, "|lO", kwlist, &factor, &h_special))
        return HPy_NULL;
    int special = HPy_IsNull(h_special) ? 0 : HPy_IsTrue(ctx, h_special);
    HPyTracker_Close(ctx, ht);
    if (special < 0)
        return HPy_NULL;
    CallObject *c;
    HPy h = HPy_New(ctx, cls, &c);
    if (HPy_IsNull(h))
        return HPy_NULL;
    c->factor = factor;
    if (special && HPy_SetCallFunction(ctx, h, &Call_special) < 0) {
        HPy_Close(ctx, h);
        return HPy_NULL;
    }
    return h;
}

static HPyDef *Call_defines[] = { &Call_new, &Call_call, NULL };

static HPyType_Spec Call_spec = {
    .name = "types_slots.Call",
    .basicsize = sizeof(CallObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_BASETYPE,
    .defines = Call_defines,
    .doc = "callable instances",
};

/* VCall: the call function pointer lives in the struct, its offset in __vectorcalloffset__ */
typedef struct {
    long tag;
    HPyCallFunction call_func;
} VCallObject;

HPyType_HELPERS(VCallObject)

HPyDef_MEMBER(VCall_offset, "__vectorcalloffset__", HPyMember_HPYSSIZET, offsetof(VCallObject, call_func),
              .readonly = 1)

HPyDef_CALL_FUNCTION(VCall_func)
static HPy VCall_func_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs, HPy kwnames)
{
    return HPyLong_FromLong(ctx, VCallObject_AsStruct(ctx, self)->tag * 100 + (long)nargs);
}

HPyDef_SLOT(VCall_new, HPy_tp_new)
static HPy VCall_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    VCallObject *v;
    HPy h = HPy_New(ctx, cls, &v);
    if (HPy_IsNull(h))
        return HPy_NULL;
    v->tag = 7;
    v->call_func = VCall_func;
    return h;
}

static HPyDef *VCall_defines[] = { &VCall_offset, &VCall_new, NULL };

static HPyType_Spec VCall_spec = {
    .name = "types_slots.VCall",
    .basicsize = sizeof(VCallObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = VCall_defines,
};

/* ---- Descr: tp_descr_get --------------------------------------------------------------------- */

HPyDef_SLOT(Descr_get, HPy_tp_descr_get)
static HPy Descr_get_impl(HPyContext *ctx, HPy self, HPy obj, HPy type)
{
    HPy o = HPy_IsNull(obj) ? ctx->h_None : obj;
    HPy t = HPy_IsNull(type) ? ctx->h_None : type;
    return HPy_BuildValue(ctx, "(sOO)", "got", o, t);
}

static HPyDef *Descr_defines[] = { &Descr_get, NULL };

static HPyType_Spec Descr_spec = {
    .name = "types_slots.Descr",
    .basicsize = 0,
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Descr_defines,
};

/* ---- Init: tp_new and tp_init with positional and keyword arguments ------------------------- */

typedef struct {
    long a, b, c;
    int new_calls, init_calls;
    long new_nargs;
    int new_had_kw;
} InitObject;

HPyType_HELPERS(InitObject)

HPyDef_SLOT(Init_new, HPy_tp_new)
static HPy Init_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    InitObject *o;
    HPy h = HPy_New(ctx, cls, &o);
    if (HPy_IsNull(h))
        return HPy_NULL;
    o->new_calls++;
    o->new_nargs = (long)nargs;
    o->new_had_kw = !HPy_IsNull(kw) && HPy_Length(ctx, kw) > 0;
    return h;
}

HPyDef_SLOT(Init_init, HPy_tp_init)
static int Init_init_impl(HPyContext *ctx, HPy self, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    long a, b = 2, c = 3;
    HPyTracker ht;
    static const char *kwlist[] = { "a", "b", "c", NULL };
    if (!HPyArg_ParseKeywordsDict(ctx, &ht, args, nargs, kw, "l|l$l", kwlist, &a, &b, &c))
        return -1;
    HPyTracker_Close(ctx, ht);
    if (a < 0) {
        HPyErr_SetString(ctx, ctx->h_ValueError, "a must be >= 0");
        return -1;
    }
    InitObject *o = InitObject_AsStruct(ctx, self);
    o->a = a;
    o->b = b;
    o->c = c;
    o->init_calls++;
    return 0;
}

HPyDef_MEMBER(Init_a, "a", HPyMember_LONG, offsetof(InitObject, a), .readonly = 1)
HPyDef_MEMBER(Init_b, "b", HPyMember_LONG, offsetof(InitObject, b), .readonly = 1)
HPyDef_MEMBER(Init_c, "c", HPyMember_LONG, offsetof(InitObject, c), .readonly = 1)
HPyDef_MEMBER(Init_new_calls, "new_calls", HPyMember_INT, offsetof(InitObject, new_calls), .readonly = 1)
HPyDef_MEMBER(Init_init_calls, "init_calls", HPyMember_INT, offsetof(InitObject, init_calls), .readonly = 1)
HPyDef_MEMBER(Init_new_nargs, "new_nargs", HPyMember_LONG, offsetof(InitObject, new_nargs), .readonly = 1)
HPyDef_MEMBER(Init_new_had_kw, "new_had_kw", HPyMember_BOOL, offsetof(InitObject, new_had_kw), .readonly = 1)

static HPyDef *Init_defines[] = {
    &Init_new, &Init_init, &Init_a, &Init_b, &Init_c, &Init_new_calls, &Init_init_calls, &Init_new_nargs,
    &Init_new_had_kw, NULL,
};

static HPyType_Spec Init_spec = {
    .name = "types_slots.Init",
    .basicsize = sizeof(InitObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_BASETYPE,
    .defines = Init_defines,
};

/* ---- Generic: HPyType_GenericNew as tp_new; Bare: neither tp_new nor tp_init ------------------ */

typedef struct {
    long x;
    long nargs;
} GenericObject;

HPyType_HELPERS(GenericObject)

HPyDef_SLOT(Generic_new, HPy_tp_new)
static HPy Generic_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    return HPyType_GenericNew(ctx, cls, args, nargs, kw);
}

HPyDef_SLOT(Generic_init, HPy_tp_init)
static int Generic_init_impl(HPyContext *ctx, HPy self, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    GenericObject *g = GenericObject_AsStruct(ctx, self);
    g->nargs = (long)nargs;
    if (nargs > 0) {
        g->x = HPyLong_AsLong(ctx, args[0]);
        if (g->x == -1 && HPyErr_Occurred(ctx))
            return -1;
    }
    return 0;
}

HPyDef_MEMBER(Generic_x, "x", HPyMember_LONG, offsetof(GenericObject, x))
HPyDef_MEMBER(Generic_nargs, "nargs", HPyMember_LONG, offsetof(GenericObject, nargs))

static HPyDef *Generic_defines[] = { &Generic_new, &Generic_init, &Generic_x, &Generic_nargs, NULL };

static HPyType_Spec Generic_spec = {
    .name = "types_slots.Generic",
    .basicsize = sizeof(GenericObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Generic_defines,
};

HPyDef_MEMBER(Bare_x, "x", HPyMember_LONG, 0)
static HPyDef *Bare_defines[] = { &Bare_x, NULL };

static HPyType_Spec Bare_spec = {
    .name = "types_slots.Bare",
    .basicsize = sizeof(long),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Bare_defines,
    .doc = NULL,
};

/* ---- Fin: tp_finalize, tp_destroy, tp_traverse; Bytes: the buffer slots ----------------------- */

static long finalized = 0, destroyed = 0;

typedef struct {
    HPyField ref;
} FinObject;

HPyDef_SLOT(Fin_finalize, HPy_tp_finalize)
static void Fin_finalize_impl(HPyContext *ctx, HPy self)
{
    finalized++;
}

HPyDef_SLOT(Fin_destroy, HPy_tp_destroy)
static void Fin_destroy_impl(void *obj)
{
    destroyed++;
}

HPyDef_SLOT(Fin_traverse, HPy_tp_traverse)
static int Fin_traverse_impl(void *self, HPyFunc_visitproc visit, void *arg)
{
    HPy_VISIT(&((FinObject *)self)->ref);
    return 0;
}

static HPyDef *Fin_defines[] = { &Fin_finalize, &Fin_destroy, &Fin_traverse, NULL };

static HPyType_Spec Fin_spec = {
    .name = "types_slots.Fin",
    .basicsize = sizeof(FinObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_HAVE_GC,
    .defines = Fin_defines,
};

typedef struct {
    unsigned char data[5];
    int exports;
} BytesObject;

HPyType_HELPERS(BytesObject)

HPyDef_SLOT(Bytes_getbuffer, HPy_bf_getbuffer)
static int Bytes_getbuffer_impl(HPyContext *ctx, HPy self, HPy_buffer *view, int flags)
{
    BytesObject *b = BytesObject_AsStruct(ctx, self);
    memcpy(b->data, "hello", 5);
    b->exports++;
    view->buf = b->data;
    view->obj = HPy_Dup(ctx, self);
    view->len = sizeof b->data;
    view->itemsize = 1;
    view->readonly = 1;
    view->ndim = 1;
    view->format = (char *)"B";
    view->shape = NULL;
    view->strides = NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

HPyDef_SLOT(Bytes_releasebuffer, HPy_bf_releasebuffer)
static void Bytes_releasebuffer_impl(HPyContext *ctx, HPy self, HPy_buffer *view)
{
    BytesObject_AsStruct(ctx, self)->exports--;
}

HPyDef_MEMBER(Bytes_exports, "exports", HPyMember_INT, offsetof(BytesObject, exports), .readonly = 1)

static HPyDef *Bytes_defines[] = { &Bytes_getbuffer, &Bytes_releasebuffer, &Bytes_exports, NULL };

static HPyType_Spec Bytes_spec = {
    .name = "types_slots.Bytes",
    .basicsize = sizeof(BytesObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Bytes_defines,
};

/* ---- Range / RangeIter: tp_iter and tp_iternext (not in HPy's enum: CPython's 62 and 63) ------ */

#ifndef HPY_ORACLE
#define SLOT_TP_ITER ((HPySlot_Slot)62)
#define SLOT_TP_ITERNEXT ((HPySlot_Slot)63)

static HPyGlobal g_RangeIter;

typedef struct {
    long n;
    long i;
} RangeObject;

HPyType_HELPERS(RangeObject)

HPyDef_SLOT(Range_new, HPy_tp_new)
static HPy Range_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    long n = 0;
    HPyTracker ht;
    static const char *kwlist[] = { "n", NULL };
    if (!HPyArg_ParseKeywordsDict(ctx, &ht, args, nargs, kw, "l", kwlist, &n))
        return HPy_NULL;
    HPyTracker_Close(ctx, ht);
    RangeObject *r;
    HPy h = HPy_New(ctx, cls, &r);
    if (!HPy_IsNull(h))
        r->n = n;
    return h;
}

/* Range.__iter__: a fresh RangeIter */
static HPy Range_iter_impl(HPyContext *ctx, HPy self)
{
    HPy t = HPyGlobal_Load(ctx, g_RangeIter);
    RangeObject *it;
    HPy h = HPy_New(ctx, t, &it);
    HPy_Close(ctx, t);
    if (!HPy_IsNull(h))
        it->n = RangeObject_AsStruct(ctx, self)->n;
    return h;
}

/* RangeIter.__iter__: itself */
static HPy RangeIter_iter_impl(HPyContext *ctx, HPy self)
{
    return HPy_Dup(ctx, self);
}

/* 0, 10, 20, ... ; a negative n raises ValueError once |n| items were produced */
static HPy RangeIter_next_impl(HPyContext *ctx, HPy self)
{
    RangeObject *it = RangeObject_AsStruct(ctx, self);
    long limit = it->n < 0 ? -it->n : it->n;
    if (it->i >= limit) {
        if (it->n < 0) {
            HPyErr_SetString(ctx, ctx->h_ValueError, "RangeIter failed");
            return HPy_NULL;
        }
        return HPy_NULL; /* exhausted: no error set */
    }
    return HPyLong_FromLong(ctx, 10 * it->i++);
}

static HPyDef Range_iter = { .kind = HPyDef_Kind_Slot,
                             .slot = { .slot = SLOT_TP_ITER, .impl = (HPyCFunction)Range_iter_impl } };
static HPyDef RangeIter_iter = { .kind = HPyDef_Kind_Slot,
                                 .slot = { .slot = SLOT_TP_ITER, .impl = (HPyCFunction)RangeIter_iter_impl } };
static HPyDef RangeIter_next = { .kind = HPyDef_Kind_Slot,
                                 .slot = { .slot = SLOT_TP_ITERNEXT, .impl = (HPyCFunction)RangeIter_next_impl } };

static HPyDef *Range_defines[] = { &Range_new, &Range_iter, NULL };
static HPyType_Spec Range_spec = {
    .name = "types_slots.Range",
    .basicsize = sizeof(RangeObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Range_defines,
};

static HPyDef *RangeIter_defines[] = { &RangeIter_iter, &RangeIter_next, NULL };
static HPyType_Spec RangeIter_spec = {
    .name = "types_slots.RangeIter",
    .basicsize = sizeof(RangeObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = RangeIter_defines,
};
#endif

/* ---- module functions ----------------------------------------------------------------------- */

HPyDef_METH(type_name, "type_name", HPyFunc_O)
static HPy type_name_impl(HPyContext *ctx, HPy self, HPy type)
{
    const char *name = HPyType_GetName(ctx, type);
    return name ? HPyUnicode_FromString(ctx, name) : HPy_NULL;
}

HPyDef_METH(is_subtype, "is_subtype", HPyFunc_VARARGS)
static HPy is_subtype_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "is_subtype(sub, type)");
        return HPy_NULL;
    }
    return HPyBool_FromLong(ctx, HPyType_IsSubtype(ctx, args[0], args[1]));
}

HPyDef_METH(type_of, "type_of", HPyFunc_O)
static HPy type_of_impl(HPyContext *ctx, HPy self, HPy obj)
{
    return HPy_Type(ctx, obj);
}

HPyDef_METH(type_check, "type_check", HPyFunc_VARARGS)
static HPy type_check_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "type_check(obj, type)");
        return HPy_NULL;
    }
    return HPyBool_FromLong(ctx, HPy_TypeCheck(ctx, args[0], args[1]));
}

HPyDef_METH(counters, "counters", HPyFunc_NOARGS)
static HPy counters_impl(HPyContext *ctx, HPy self)
{
    return HPy_BuildValue(ctx, "(ll)", finalized, destroyed);
}

/* A type spec carrying a module slot: HPyType_FromSpec must refuse it. */
HPyDef_SLOT(stray_exec, HPy_mod_exec)
static int stray_exec_impl(HPyContext *ctx, HPy m)
{
    return 0;
}

HPyDef_METH(bad_slot_type, "bad_slot_type", HPyFunc_NOARGS)
static HPy bad_slot_type_impl(HPyContext *ctx, HPy self)
{
    static HPyDef *defines[] = { &stray_exec, NULL };
    static HPyType_Spec spec = { .name = "types_slots.Bad", .flags = HPy_TPFLAGS_DEFAULT, .defines = defines };
    return HPyType_FromSpec(ctx, &spec, NULL);
}

/* c_binop(name, a, b): the HPy_* abstract operation from C */
HPyDef_METH(c_ops, "c_ops", HPyFunc_VARARGS)
static HPy c_ops_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 3) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "c_ops(name, a, b)");
        return HPy_NULL;
    }
    const char *op = HPyUnicode_AsUTF8AndSize(ctx, args[0], NULL);
    if (!op)
        return HPy_NULL;
    HPy a = args[1], b = args[2];
    if (!strcmp(op, "add")) return HPy_Add(ctx, a, b);
    if (!strcmp(op, "iadd")) return HPy_InPlaceAdd(ctx, a, b);
    if (!strcmp(op, "mul")) return HPy_Multiply(ctx, a, b);
    if (!strcmp(op, "pow")) return HPy_Power(ctx, a, b, ctx->h_None);
    if (!strcmp(op, "lt")) return HPy_RichCompare(ctx, a, b, HPy_LT);
    if (!strcmp(op, "getitem")) return HPy_GetItem(ctx, a, b);
    if (!strcmp(op, "hash")) return HPyLong_FromSsize_t(ctx, HPy_Hash(ctx, a));
    if (!strcmp(op, "len")) return HPyLong_FromSsize_t(ctx, HPy_Length(ctx, a));
    if (!strcmp(op, "bool")) {
        int r = HPy_IsTrue(ctx, a);
        return r < 0 ? HPy_NULL : HPyBool_FromLong(ctx, r);
    }
    if (!strcmp(op, "call")) return HPy_CallTupleDict(ctx, a, b, HPy_NULL);
    if (!strcmp(op, "neg")) return HPy_Negative(ctx, a);
    if (!strcmp(op, "index")) return HPy_Index(ctx, a);
    if (!strcmp(op, "repr")) return HPy_Repr(ctx, a);
    if (!strcmp(op, "str")) return HPy_Str(ctx, a);
    if (!strcmp(op, "getattr")) return HPy_GetAttr(ctx, a, b);
    HPyErr_SetString(ctx, ctx->h_ValueError, "unknown op");
    return HPy_NULL;
}

static int add_type(HPyContext *ctx, HPy m, const char *name, HPyType_Spec *spec, HPy base, HPy *out)
{
    HPyType_SpecParam params[] = { { HPyType_SpecParam_Base, base }, { 0 } };
    HPy t = HPyType_FromSpec(ctx, spec, HPy_IsNull(base) ? NULL : params);
    if (HPy_IsNull(t))
        return -1;
    int rc = HPy_SetAttr_s(ctx, m, name, t);
    if (out && rc == 0)
        *out = t;
    else
        HPy_Close(ctx, t);
    return rc;
}

HPyDef_SLOT(mod_exec, HPy_mod_exec)
static int mod_exec_impl(HPyContext *ctx, HPy m)
{
    HPy num = HPy_NULL, descr = HPy_NULL;
    if (add_type(ctx, m, "Num", &Num_spec, HPy_NULL, &num))
        return -1;
    HPyGlobal_Store(ctx, &g_Num, num);
    if (add_type(ctx, m, "SubNum", &SubNum_spec, num, NULL) || add_type(ctx, m, "Cmp", &Cmp_spec, HPy_NULL, NULL) ||
        add_type(ctx, m, "Seq", &Seq_spec, HPy_NULL, NULL) || add_type(ctx, m, "Seq2", &Seq2_spec, HPy_NULL, NULL) ||
        add_type(ctx, m, "Mapping", &Mapping_spec, HPy_NULL, NULL) ||
        add_type(ctx, m, "Both", &Both_spec, HPy_NULL, NULL) || add_type(ctx, m, "Call", &Call_spec, HPy_NULL, NULL) ||
        add_type(ctx, m, "VCall", &VCall_spec, HPy_NULL, NULL) ||
        add_type(ctx, m, "Descr", &Descr_spec, HPy_NULL, &descr) ||
        add_type(ctx, m, "Init", &Init_spec, HPy_NULL, NULL) ||
        add_type(ctx, m, "Generic", &Generic_spec, HPy_NULL, NULL) ||
        add_type(ctx, m, "Bare", &Bare_spec, HPy_NULL, NULL) || add_type(ctx, m, "Fin", &Fin_spec, HPy_NULL, NULL) ||
        add_type(ctx, m, "Bytes", &Bytes_spec, HPy_NULL, NULL))
        return -1;
#ifndef HPY_ORACLE
    HPy rit = HPy_NULL;
    if (add_type(ctx, m, "Range", &Range_spec, HPy_NULL, NULL) ||
        add_type(ctx, m, "RangeIter", &RangeIter_spec, HPy_NULL, &rit))
        return -1;
    HPyGlobal_Store(ctx, &g_RangeIter, rit);
    HPy_Close(ctx, rit);
#endif
    /* class attributes of Num, set on the type object */
    HPy kind = HPyUnicode_FromString(ctx, "number");
    HPy zero = new_num(ctx, 0);
    HPy d = HPy_Call(ctx, descr, NULL, 0, HPy_NULL);
    if (HPy_IsNull(kind) || HPy_IsNull(zero) || HPy_IsNull(d))
        return -1;
    int rc = HPy_SetAttr_s(ctx, num, "kind", kind) || HPy_SetAttr_s(ctx, num, "ZERO", zero) ||
             HPy_SetAttr_s(ctx, num, "descr", d);
    HPy_Close(ctx, kind);
    HPy_Close(ctx, zero);
    HPy_Close(ctx, d);
    HPy_Close(ctx, descr);
    HPy_Close(ctx, num);
    return rc ? -1 : 0;
}

static HPyDef *module_defines[] = {
    &mod_exec, &type_name, &is_subtype, &type_of, &type_check, &counters, &bad_slot_type, &c_ops, NULL,
};
static HPyGlobal *module_globals[] = {
    &g_Num,
#ifndef HPY_ORACLE
    &g_RangeIter,
#endif
    NULL,
};
static HPyModuleDef moduledef = { .doc = "every HPy slot", .defines = module_defines, .globals = module_globals };
HPy_MODINIT(types_slots, moduledef)
