/* Extension types: a Point with members, getsets, methods, tp_new/tp_init, repr/str, hash,
 * rich comparison, number and sequence slots; a subclassable base with a subclass; a final type;
 * a Node holding an HPyField (for cycles) and a destroy counter. */
#include <math.h>
#include <stdio.h>
#include "hpy.h"

static long destroyed = 0;

/* ---- Point --------------------------------------------------------------------------------- */

typedef struct {
    double x;
    double y;
    long tag;
    int flag;
} PointObject;

HPyType_HELPERS(PointObject)

HPyDef_SLOT(Point_new, HPy_tp_new)
static HPy Point_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    double x = 0, y = 0;
    HPyTracker ht;
    static const char *kwlist[] = { "x", "y", NULL };
    if (!HPyArg_ParseKeywordsDict(ctx, &ht, args, nargs, kw, "|dd", kwlist, &x, &y))
        return HPy_NULL;
    HPyTracker_Close(ctx, ht);
    PointObject *p;
    HPy h = HPy_New(ctx, cls, &p);
    if (HPy_IsNull(h))
        return HPy_NULL;
    p->x = x;
    p->y = y;
    return h;
}

HPyDef_MEMBER(Point_x, "x", HPyMember_DOUBLE, offsetof(PointObject, x), .doc = "x coordinate")
HPyDef_MEMBER(Point_y, "y", HPyMember_DOUBLE, offsetof(PointObject, y))
HPyDef_MEMBER(Point_tag, "tag", HPyMember_LONG, offsetof(PointObject, tag), .readonly = 1)
HPyDef_MEMBER(Point_flag, "flag", HPyMember_BOOL, offsetof(PointObject, flag))

HPyDef_GET(Point_norm, "norm", .doc = "distance from the origin")
static HPy Point_norm_get(HPyContext *ctx, HPy self, void *closure)
{
    PointObject *p = PointObject_AsStruct(ctx, self);
    return HPyFloat_FromDouble(ctx, sqrt(p->x * p->x + p->y * p->y));
}

HPyDef_GETSET(Point_tagged, "tagged")
static HPy Point_tagged_get(HPyContext *ctx, HPy self, void *closure)
{
    return HPyLong_FromLong(ctx, PointObject_AsStruct(ctx, self)->tag);
}
static int Point_tagged_set(HPyContext *ctx, HPy self, HPy value, void *closure)
{
    if (HPy_IsNull(value)) {
        HPyErr_SetString(ctx, ctx->h_AttributeError, "cannot delete tagged");
        return -1;
    }
    long v = HPyLong_AsLong(ctx, value);
    if (v == -1 && HPyErr_Occurred(ctx))
        return -1;
    if (v < 0) {
        HPyErr_SetString(ctx, ctx->h_ValueError, "tag must be >= 0");
        return -1;
    }
    PointObject_AsStruct(ctx, self)->tag = v;
    return 0;
}

HPyDef_METH(Point_scale, "scale", HPyFunc_O)
static HPy Point_scale_impl(HPyContext *ctx, HPy self, HPy factor)
{
    double f = HPyFloat_AsDouble(ctx, factor);
    if (f == -1.0 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    PointObject *p = PointObject_AsStruct(ctx, self);
    HPy type = HPy_Type(ctx, self);
    PointObject *q;
    HPy h = HPy_New(ctx, type, &q);
    HPy_Close(ctx, type);
    if (HPy_IsNull(h))
        return HPy_NULL;
    q->x = p->x * f;
    q->y = p->y * f;
    return h;
}

HPyDef_SLOT(Point_repr, HPy_tp_repr)
static HPy Point_repr_impl(HPyContext *ctx, HPy self)
{
    PointObject *p = PointObject_AsStruct(ctx, self);
    char buf[96];
    snprintf(buf, sizeof buf, "Point(%g, %g)", p->x, p->y);
    return HPyUnicode_FromString(ctx, buf);
}

HPyDef_SLOT(Point_str, HPy_tp_str)
static HPy Point_str_impl(HPyContext *ctx, HPy self)
{
    PointObject *p = PointObject_AsStruct(ctx, self);
    char buf[96];
    snprintf(buf, sizeof buf, "(%g, %g)", p->x, p->y);
    return HPyUnicode_FromString(ctx, buf);
}

HPyDef_SLOT(Point_hash, HPy_tp_hash)
static HPy_hash_t Point_hash_impl(HPyContext *ctx, HPy self)
{
    PointObject *p = PointObject_AsStruct(ctx, self);
    HPy_hash_t h = (HPy_hash_t)(p->x * 1000003) ^ (HPy_hash_t)(p->y * 7919);
    return h == -1 ? -2 : h;
}

static int is_point(HPyContext *ctx, HPy obj, HPy self)
{
    HPy type = HPy_Type(ctx, self);
    int r = HPy_TypeCheck(ctx, obj, type);
    HPy_Close(ctx, type);
    return r;
}

HPyDef_SLOT(Point_richcompare, HPy_tp_richcompare)
static HPy Point_richcompare_impl(HPyContext *ctx, HPy self, HPy other, HPy_RichCmpOp op)
{
    if (!is_point(ctx, other, self) || (op != HPy_EQ && op != HPy_NE))
        return HPy_Dup(ctx, ctx->h_NotImplemented);
    PointObject *a = PointObject_AsStruct(ctx, self), *b = PointObject_AsStruct(ctx, other);
    int eq = a->x == b->x && a->y == b->y;
    return HPyBool_FromLong(ctx, op == HPy_EQ ? eq : !eq);
}

/* Point + Point, Point + number (both sides). */
HPyDef_SLOT(Point_add, HPy_nb_add)
static HPy Point_add_impl(HPyContext *ctx, HPy a, HPy b)
{
    HPy pt = HPyNumber_Check(ctx, a) ? b : a;
    HPy other = HPyNumber_Check(ctx, a) ? a : b;
    PointObject *p = PointObject_AsStruct(ctx, pt);
    double dx, dy;
    if (HPyNumber_Check(ctx, other)) {
        dx = dy = HPyFloat_AsDouble(ctx, other);
        if (dx == -1.0 && HPyErr_Occurred(ctx))
            return HPy_NULL;
    } else {
        HPy type = HPy_Type(ctx, pt);
        int ok = HPy_TypeCheck(ctx, other, type);
        HPy_Close(ctx, type);
        if (!ok)
            return HPy_Dup(ctx, ctx->h_NotImplemented);
        PointObject *q = PointObject_AsStruct(ctx, other);
        dx = q->x;
        dy = q->y;
    }
    HPy type = HPy_Type(ctx, pt);
    PointObject *r;
    HPy h = HPy_New(ctx, type, &r);
    HPy_Close(ctx, type);
    if (HPy_IsNull(h))
        return HPy_NULL;
    r->x = p->x + dx;
    r->y = p->y + dy;
    return h;
}

HPyDef_SLOT(Point_neg, HPy_nb_negative)
static HPy Point_neg_impl(HPyContext *ctx, HPy self)
{
    PointObject *p = PointObject_AsStruct(ctx, self);
    HPy type = HPy_Type(ctx, self);
    PointObject *r;
    HPy h = HPy_New(ctx, type, &r);
    HPy_Close(ctx, type);
    if (HPy_IsNull(h))
        return HPy_NULL;
    r->x = -p->x;
    r->y = -p->y;
    return h;
}

HPyDef_SLOT(Point_bool, HPy_nb_bool)
static int Point_bool_impl(HPyContext *ctx, HPy self)
{
    PointObject *p = PointObject_AsStruct(ctx, self);
    return p->x != 0 || p->y != 0;
}

HPyDef_SLOT(Point_len, HPy_sq_length)
static HPy_ssize_t Point_len_impl(HPyContext *ctx, HPy self)
{
    return 2;
}

HPyDef_SLOT(Point_item, HPy_sq_item)
static HPy Point_item_impl(HPyContext *ctx, HPy self, HPy_ssize_t i)
{
    PointObject *p = PointObject_AsStruct(ctx, self);
    if (i == 0)
        return HPyFloat_FromDouble(ctx, p->x);
    if (i == 1)
        return HPyFloat_FromDouble(ctx, p->y);
    return HPyErr_SetString(ctx, ctx->h_IndexError, "Point index out of range");
}

HPyDef_SLOT(Point_destroy, HPy_tp_destroy)
static void Point_destroy_impl(void *obj)
{
    destroyed++;
}

static HPyDef *Point_defines[] = {
    &Point_new, &Point_x, &Point_y, &Point_tag, &Point_flag, &Point_norm, &Point_tagged, &Point_scale,
    &Point_repr, &Point_str, &Point_hash, &Point_richcompare, &Point_add, &Point_neg, &Point_bool,
    &Point_len, &Point_item, &Point_destroy, NULL,
};

static HPyType_Spec Point_spec = {
    .name = "types_point.Point",
    .basicsize = sizeof(PointObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_BASETYPE,
    .defines = Point_defines,
    .doc = "A point in the plane",
};

/* ---- Point3D(Point): a subclass with more state and tp_init ---------------------------------- */

typedef struct {
    PointObject base;
    double z;
} Point3DObject;

HPyType_HELPERS(Point3DObject)

HPyDef_MEMBER(Point3D_z, "z", HPyMember_DOUBLE, offsetof(Point3DObject, z))

HPyDef_SLOT(Point3D_init, HPy_tp_init)
static int Point3D_init_impl(HPyContext *ctx, HPy self, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    double x = 0, y = 0, z = 0;
    HPyTracker ht;
    static const char *kwlist[] = { "x", "y", "z", NULL };
    if (!HPyArg_ParseKeywordsDict(ctx, &ht, args, nargs, kw, "|ddd", kwlist, &x, &y, &z))
        return -1;
    HPyTracker_Close(ctx, ht);
    Point3DObject *p = Point3DObject_AsStruct(ctx, self);
    p->base.x = x;
    p->base.y = y;
    p->z = z;
    return 0;
}

/* Point's tp_new parses at most two values: Point3D replaces it with the generic one. */
HPyDef_SLOT(Point3D_new, HPy_tp_new)
static HPy Point3D_new_impl(HPyContext *ctx, HPy cls, const HPy *args, HPy_ssize_t nargs, HPy kw)
{
    return HPyType_GenericNew(ctx, cls, args, nargs, kw);
}

HPyDef_METH(Point3D_volume, "volume", HPyFunc_NOARGS)
static HPy Point3D_volume_impl(HPyContext *ctx, HPy self)
{
    Point3DObject *p = Point3DObject_AsStruct(ctx, self);
    return HPyFloat_FromDouble(ctx, p->base.x * p->base.y * p->z);
}

static HPyDef *Point3D_defines[] = { &Point3D_z, &Point3D_init, &Point3D_new, &Point3D_volume, NULL };

static HPyType_Spec Point3D_spec = {
    .name = "types_point.Point3D",
    .basicsize = sizeof(Point3DObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Point3D_defines,
};

/* A type that is not a base type: subclassing it must fail. */
static HPyType_Spec Final_spec = {
    .name = "types_point.Final",
    .basicsize = 0,
    .flags = HPy_TPFLAGS_DEFAULT,
};

/* ---- Node: an HPyField and an object member, for reference cycles ----------------------------- */

typedef struct {
    HPyField next;
    long id;
} NodeObject;

HPyType_HELPERS(NodeObject)

HPyDef_MEMBER(Node_next, "next", HPyMember_OBJECT, offsetof(NodeObject, next))
HPyDef_MEMBER(Node_id, "id", HPyMember_LONG, offsetof(NodeObject, id))

HPyDef_METH(Node_link, "link", HPyFunc_O)
static HPy Node_link_impl(HPyContext *ctx, HPy self, HPy other)
{
    NodeObject *n = NodeObject_AsStruct(ctx, self);
    HPyField_Store(ctx, self, &n->next, other);
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(Node_get_next, "get_next", HPyFunc_NOARGS)
static HPy Node_get_next_impl(HPyContext *ctx, HPy self)
{
    NodeObject *n = NodeObject_AsStruct(ctx, self);
    if (HPyField_IsNull(n->next))
        return HPy_Dup(ctx, ctx->h_None);
    return HPyField_Load(ctx, self, n->next);
}

HPyDef_SLOT(Node_traverse, HPy_tp_traverse)
static int Node_traverse_impl(void *self, HPyFunc_visitproc visit, void *arg)
{
    NodeObject *n = (NodeObject *)self;
    HPy_VISIT(&n->next);
    return 0;
}

HPyDef_SLOT(Node_destroy, HPy_tp_destroy)
static void Node_destroy_impl(void *obj)
{
    destroyed++;
}

static HPyDef *Node_defines[] = { &Node_next, &Node_id, &Node_link, &Node_get_next, &Node_traverse,
                                   &Node_destroy, NULL };

static HPyType_Spec Node_spec = {
    .name = "types_point.Node",
    .basicsize = sizeof(NodeObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_HAVE_GC,
    .defines = Node_defines,
};

/* ---- Buffer: bf_getbuffer / bf_releasebuffer over 4 doubles of its own struct ------------------ */

typedef struct {
    double data[4];
    int exports;
} BufferObject;

HPyType_HELPERS(BufferObject)

static HPy_ssize_t buffer_shape[1] = { 4 };

HPyDef_SLOT(Buffer_getbuffer, HPy_bf_getbuffer)
static int Buffer_getbuffer_impl(HPyContext *ctx, HPy self, HPy_buffer *buf, int flags)
{
    BufferObject *b = BufferObject_AsStruct(ctx, self);
    if (b->exports > 0) {
        buf->obj = HPy_NULL;
        HPyErr_SetString(ctx, ctx->h_BufferError, "only one buffer allowed");
        return -1;
    }
    b->exports++;
    for (int i = 0; i < 4; i++)
        if (b->data[i] == 0)
            b->data[i] = i + 0.5;
    buf->buf = b->data;
    buf->len = sizeof b->data;
    buf->itemsize = sizeof(double);
    buf->readonly = 0;
    buf->ndim = 1;
    buf->format = (char *)"d";
    buf->shape = buffer_shape;
    buf->strides = NULL;
    buf->suboffsets = NULL;
    buf->internal = NULL;
    buf->obj = HPy_Dup(ctx, self);
    return 0;
}

HPyDef_SLOT(Buffer_releasebuffer, HPy_bf_releasebuffer)
static void Buffer_releasebuffer_impl(HPyContext *ctx, HPy self, HPy_buffer *buf)
{
    BufferObject_AsStruct(ctx, self)->exports--;
}

HPyDef_GET(Buffer_exports, "exports")
static HPy Buffer_exports_get(HPyContext *ctx, HPy self, void *closure)
{
    return HPyLong_FromLong(ctx, BufferObject_AsStruct(ctx, self)->exports);
}

HPyDef_METH(Buffer_sum, "sum", HPyFunc_NOARGS)
static HPy Buffer_sum_impl(HPyContext *ctx, HPy self)
{
    BufferObject *b = BufferObject_AsStruct(ctx, self);
    return HPyFloat_FromDouble(ctx, b->data[0] + b->data[1] + b->data[2] + b->data[3]);
}

static HPyDef *Buffer_defines[] = { &Buffer_getbuffer, &Buffer_releasebuffer, &Buffer_exports, &Buffer_sum, NULL };
static HPyType_Spec Buffer_spec = {
    .name = "types_point.Buffer",
    .basicsize = sizeof(BufferObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Buffer_defines,
};

/* ---- module ---------------------------------------------------------------------------------- */

HPyDef_METH(destroy_count, "destroy_count", HPyFunc_NOARGS)
static HPy destroy_count_impl(HPyContext *ctx, HPy self)
{
    return HPyLong_FromLong(ctx, destroyed);
}

/* make_points(n): n Point instances made and dropped in C. */
HPyDef_METH(make_points, "make_points", HPyFunc_VARARGS)
static HPy make_points_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    long n = HPyLong_AsLong(ctx, args[1]);
    for (long i = 0; i < n; i++) {
        PointObject *p;
        HPy h = HPy_New(ctx, args[0], &p);
        if (HPy_IsNull(h))
            return HPy_NULL;
        p->x = (double)i;
        HPy_Close(ctx, h);
    }
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(subclass_final, "subclass_final", HPyFunc_O)
static HPy subclass_final_impl(HPyContext *ctx, HPy self, HPy final_type)
{
    HPyType_SpecParam params[] = { { HPyType_SpecParam_Base, final_type }, { 0 } };
    static HPyType_Spec spec = { .name = "types_point.Sub", .flags = HPy_TPFLAGS_DEFAULT };
    return HPyType_FromSpec(ctx, &spec, params);
}

HPyDef_METH(type_info, "type_info", HPyFunc_O)
static HPy type_info_impl(HPyContext *ctx, HPy self, HPy type)
{
    const char *name = HPyType_GetName(ctx, type);
    if (!name)
        return HPy_NULL;
    return HPy_BuildValue(ctx, "si", name, (int)_HPyType_GetBuiltinShape(ctx, type));
}

HPyDef_SLOT(mod_exec, HPy_mod_exec)
static int mod_exec_impl(HPyContext *ctx, HPy m)
{
    HPy point = HPyType_FromSpec(ctx, &Point_spec, NULL);
    if (HPy_IsNull(point))
        return -1;
    HPyType_SpecParam params[] = { { HPyType_SpecParam_Base, point }, { 0 } };
    HPy point3d = HPyType_FromSpec(ctx, &Point3D_spec, params);
    HPy final = HPyType_FromSpec(ctx, &Final_spec, NULL);
    HPy node = HPyType_FromSpec(ctx, &Node_spec, NULL);
    HPy buffer = HPyType_FromSpec(ctx, &Buffer_spec, NULL);
    if (HPy_IsNull(point3d) || HPy_IsNull(final) || HPy_IsNull(node) || HPy_IsNull(buffer))
        return -1;
    if (HPy_SetAttr_s(ctx, m, "Buffer", buffer))
        return -1;
    HPy_Close(ctx, buffer);
    int rc = HPy_SetAttr_s(ctx, m, "Point", point) || HPy_SetAttr_s(ctx, m, "Point3D", point3d) ||
             HPy_SetAttr_s(ctx, m, "Final", final) || HPy_SetAttr_s(ctx, m, "Node", node);
    HPy_Close(ctx, point);
    HPy_Close(ctx, point3d);
    HPy_Close(ctx, final);
    HPy_Close(ctx, node);
    return rc ? -1 : 0;
}

static HPyDef *module_defines[] = { &mod_exec, &destroy_count, &make_points, &subclass_final, &type_info, NULL };
static HPyModuleDef moduledef = { .doc = "extension types", .defines = module_defines };
HPy_MODINIT(types_point, moduledef)
