/*
 * hpy-node helper runtime: struct sequences.
 *
 * Compiled into each extension; uses only the public HPy API.
 *
 * A struct sequence type is made with HPyType_FromSpec as a subclass of
 * tuple (builtin shape Tuple, no C payload).  Each named field is a
 * read-only property returning the item at its index; unnamed fields
 * (HPyStructSequence_UnnamedField) are reachable by index only.  The type
 * gets these class attributes:
 *
 *   n_fields, n_sequence_fields   number of fields
 *   n_unnamed_fields              number of unnamed fields
 *   __structseq_fields__          tuple: field name, or None when unnamed
 *
 * Instances are made by calling the type with one iterable, as with CPython's
 * struct sequences: T((a, b, c)); the iterable must have exactly n_fields
 * items.  repr() gives "Name(a=1, b=2, 3)".
 *
 * The HPyDef structures and strings handed to HPyType_FromSpec are kept for
 * the life of the process, since a type may refer to them as long as it
 * exists.
 */

#include "hpy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char * const HPyStructSequence_UnnamedField = "_";

#define SSEQ_NAMES_ATTR "__structseq_fields__"

static int
sseq_is_unnamed(const char *name)
{
    return name == HPyStructSequence_UnnamedField || strcmp(name, "_") == 0;
}

static char *
sseq_strdup(const char *s)
{
    size_t n;
    char *copy;
    if (s == NULL)
        return NULL;
    n = strlen(s) + 1;
    copy = (char *)malloc(n);
    if (copy != NULL)
        memcpy(copy, s, n);
    return copy;
}

/* Number of fields of a struct sequence type, or -1 with TypeError set. */
static HPy_ssize_t
sseq_n_fields(HPyContext *ctx, HPy type)
{
    HPy h;
    HPy_ssize_t n;
    if (!HPy_HasAttr_s(ctx, type, "n_fields"))
        goto not_structseq;
    h = HPy_GetAttr_s(ctx, type, "n_fields");
    if (HPy_IsNull(h))
        goto not_structseq;
    n = HPyLong_AsSsize_t(ctx, h);
    HPy_Close(ctx, h);
    if (n < 0)
        goto not_structseq;
    return n;

not_structseq:
    HPyErr_Clear(ctx);
    HPyErr_Format(ctx, ctx->h_TypeError,
                  "object %R does not look like a struct sequence type", type);
    return -1;
}

/* ---------------------------------------------------------------------- */
/* type members                                                            */

/* Getter shared by all named fields; the closure is the field index. */
HPyDef_GET(hpynode_rt_structseq_field, "_")
static HPy
hpynode_rt_structseq_field_get(HPyContext *ctx, HPy self, void *closure)
{
    return HPy_GetItem_i(ctx, self, (HPy_ssize_t)(intptr_t)closure);
}

/* Append text to a malloc'd buffer; returns 0 when out of memory (the
   buffer is then freed and *buf set to NULL). */
static int
sseq_append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*buf == NULL)
        return 0;
    if (*len + n + 1 > *cap) {
        size_t want = (*cap * 2 > *len + n + 1) ? *cap * 2 : *len + n + 1;
        char *p = (char *)realloc(*buf, want);
        if (p == NULL) {
            free(*buf);
            *buf = NULL;
            return 0;
        }
        *buf = p;
        *cap = want;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return 1;
}

HPyDef_SLOT(hpynode_rt_structseq_repr, HPy_tp_repr)
static HPy
hpynode_rt_structseq_repr_impl(HPyContext *ctx, HPy self)
{
    HPy type = HPy_Type(ctx, self);
    HPy names = HPy_NULL;
    HPy result = HPy_NULL;
    const char *tname;
    size_t len = 0, cap = 64;
    char *buf;
    HPy_ssize_t n, i;

    if (HPy_IsNull(type))
        return HPy_NULL;
    n = HPy_Length(ctx, self);
    if (n < 0)
        goto done;
    names = HPy_GetAttr_s(ctx, type, SSEQ_NAMES_ATTR);
    if (HPy_IsNull(names))
        HPyErr_Clear(ctx);      /* fall back to values only */
    tname = HPyType_GetName(ctx, type);
    if (tname == NULL)
        goto done;

    buf = (char *)malloc(cap);
    if (buf != NULL)
        buf[0] = '\0';
    sseq_append(&buf, &len, &cap, tname, strlen(tname));
    sseq_append(&buf, &len, &cap, "(", 1);
    for (i = 0; i < n && buf != NULL; i++) {
        HPy item, r;
        const char *s;
        HPy_ssize_t slen;
        if (i > 0)
            sseq_append(&buf, &len, &cap, ", ", 2);
        if (!HPy_IsNull(names) && i < HPy_Length(ctx, names)) {
            HPy name = HPy_GetItem_i(ctx, names, i);
            if (HPy_IsNull(name)) {
                HPyErr_Clear(ctx);
            } else {
                if (HPyUnicode_Check(ctx, name)) {
                    s = HPyUnicode_AsUTF8AndSize(ctx, name, &slen);
                    if (s != NULL) {
                        sseq_append(&buf, &len, &cap, s, (size_t)slen);
                        sseq_append(&buf, &len, &cap, "=", 1);
                    } else {
                        HPyErr_Clear(ctx);
                    }
                }
                HPy_Close(ctx, name);
            }
        }
        item = HPy_GetItem_i(ctx, self, i);
        if (HPy_IsNull(item))
            goto fail_buf;
        r = HPy_Repr(ctx, item);
        HPy_Close(ctx, item);
        if (HPy_IsNull(r))
            goto fail_buf;
        s = HPyUnicode_AsUTF8AndSize(ctx, r, &slen);
        if (s == NULL) {
            HPy_Close(ctx, r);
            goto fail_buf;
        }
        sseq_append(&buf, &len, &cap, s, (size_t)slen);
        HPy_Close(ctx, r);
    }
    sseq_append(&buf, &len, &cap, ")", 1);
    if (buf == NULL) {
        HPyErr_NoMemory(ctx);
        goto done;
    }
    result = HPyUnicode_FromString(ctx, buf);
    free(buf);
    goto done;

fail_buf:
    free(buf);
done:
    if (!HPy_IsNull(names))
        HPy_Close(ctx, names);
    HPy_Close(ctx, type);
    return result;
}

/* tuple.__new__ has already filled the instance; check its length. */
HPyDef_SLOT(hpynode_rt_structseq_init, HPy_tp_init)
static int
hpynode_rt_structseq_init_impl(HPyContext *ctx, HPy self, const HPy *args,
                           HPy_ssize_t nargs, HPy kw)
{
    HPy type;
    HPy_ssize_t expected, got;
    (void)args;
    (void)nargs;

    type = HPy_Type(ctx, self);
    if (HPy_IsNull(type))
        return -1;
    if (!HPy_IsNull(kw)) {
        HPy_ssize_t nkw = HPy_Length(ctx, kw);
        if (nkw != 0) {
            if (nkw > 0)
                HPyErr_Format(ctx, ctx->h_TypeError,
                              "%s() takes no keyword arguments",
                              HPyType_GetName(ctx, type));
            HPy_Close(ctx, type);
            return -1;
        }
    }
    expected = sseq_n_fields(ctx, type);
    if (expected < 0) {
        HPy_Close(ctx, type);
        return -1;
    }
    got = HPy_Length(ctx, self);
    if (got < 0) {
        HPy_Close(ctx, type);
        return -1;
    }
    if (got != expected) {
        HPyErr_Format(ctx, ctx->h_TypeError,
                      "%s() takes a %zd-sequence (%zd-sequence given)",
                      HPyType_GetName(ctx, type), expected, got);
        HPy_Close(ctx, type);
        return -1;
    }
    HPy_Close(ctx, type);
    return 0;
}

/* ---------------------------------------------------------------------- */
/* public API                                                              */

static int
sseq_set_int_attr(HPyContext *ctx, HPy type, const char *name, HPy_ssize_t v)
{
    int rc;
    HPy h = HPyLong_FromSsize_t(ctx, v);
    if (HPy_IsNull(h))
        return -1;
    rc = HPy_SetAttr_s(ctx, type, name, h);
    HPy_Close(ctx, h);
    return rc;
}

HPyAPI_HELPER HPy
HPyStructSequence_NewType(HPyContext *ctx, HPyStructSequence_Desc *desc)
{
    HPy_ssize_t n = 0, nnamed = 0, i, k;
    HPyDef *getsets = NULL;
    HPyDef **defines = NULL;
    char **strings = NULL;      /* copies, only freed if the type fails */
    HPy_ssize_t nstrings = 0;
    char *type_name = NULL, *type_doc = NULL;
    HPyType_Spec spec;
    HPyType_SpecParam params[2];
    HPyTupleBuilder tb;
    HPy type = HPy_NULL, names;

    if (desc == NULL || desc->name == NULL) {
        HPyErr_SetString(ctx, ctx->h_SystemError,
                         "struct sequence descriptor has no name");
        return HPy_NULL;
    }
    if (desc->fields == NULL) {
        HPyErr_SetString(ctx, ctx->h_SystemError,
                         "struct sequence descriptor has no field array");
        return HPy_NULL;
    }
    for (n = 0; desc->fields[n].name != NULL; n++) {
        if (!sseq_is_unnamed(desc->fields[n].name))
            nnamed++;
    }

    getsets = (HPyDef *)calloc((size_t)nnamed + 1, sizeof(HPyDef));
    defines = (HPyDef **)calloc((size_t)nnamed + 3, sizeof(HPyDef *));
    strings = (char **)calloc(2 * (size_t)nnamed + 2, sizeof(char *));
    if (getsets == NULL || defines == NULL || strings == NULL)
        goto nomem;
    type_name = strings[nstrings++] = sseq_strdup(desc->name);
    if (type_name == NULL)
        goto nomem;
    if (desc->doc != NULL) {
        type_doc = strings[nstrings++] = sseq_strdup(desc->doc);
        if (type_doc == NULL)
            goto nomem;
    }

    k = 0;
    defines[k++] = &hpynode_rt_structseq_repr;
    defines[k++] = &hpynode_rt_structseq_init;
    for (i = 0, nnamed = 0; i < n; i++) {
        const HPyStructSequence_Field *f = &desc->fields[i];
        HPyDef *d;
        if (sseq_is_unnamed(f->name))
            continue;
        d = &getsets[nnamed++];
        *d = hpynode_rt_structseq_field;
        d->getset.name = strings[nstrings++] = sseq_strdup(f->name);
        if (d->getset.name == NULL)
            goto nomem;
        if (f->doc != NULL) {
            d->getset.doc = strings[nstrings++] = sseq_strdup(f->doc);
            if (d->getset.doc == NULL)
                goto nomem;
        } else {
            d->getset.doc = NULL;
        }
        d->getset.closure = (void *)(intptr_t)i;
        defines[k++] = d;
    }
    defines[k] = NULL;

    memset(&spec, 0, sizeof spec);
    spec.name = type_name;
    spec.basicsize = 0;
    spec.flags = HPy_TPFLAGS_DEFAULT;
    spec.builtin_shape = HPyType_BuiltinShape_Tuple;
    spec.defines = defines;
    spec.doc = type_doc;
    memset(params, 0, sizeof params);
    params[0].kind = HPyType_SpecParam_Base;
    params[0].object = ctx->h_TupleType;

    type = HPyType_FromSpec(ctx, &spec, params);
    if (HPy_IsNull(type))
        goto fail_free;
    /* from here on the allocations belong to the type */
    free(strings);
    strings = NULL;

    if (sseq_set_int_attr(ctx, type, "n_fields", n) < 0 ||
        sseq_set_int_attr(ctx, type, "n_sequence_fields", n) < 0 ||
        sseq_set_int_attr(ctx, type, "n_unnamed_fields", n - nnamed) < 0)
        goto fail_type;

    tb = HPyTupleBuilder_New(ctx, n);
    for (i = 0; i < n; i++) {
        const char *name = desc->fields[i].name;
        if (sseq_is_unnamed(name)) {
            HPyTupleBuilder_Set(ctx, tb, i, ctx->h_None);
        } else {
            HPy h = HPyUnicode_FromString(ctx, name);
            if (HPy_IsNull(h)) {
                HPyTupleBuilder_Cancel(ctx, tb);
                goto fail_type;
            }
            HPyTupleBuilder_Set(ctx, tb, i, h);
            HPy_Close(ctx, h);
        }
    }
    names = HPyTupleBuilder_Build(ctx, tb);
    if (HPy_IsNull(names))
        goto fail_type;
    if (HPy_SetAttr_s(ctx, type, SSEQ_NAMES_ATTR, names) < 0) {
        HPy_Close(ctx, names);
        goto fail_type;
    }
    HPy_Close(ctx, names);
    return type;

fail_type:
    HPy_Close(ctx, type);
    return HPy_NULL;

nomem:
    HPyErr_NoMemory(ctx);
fail_free:
    if (strings != NULL) {
        for (i = 0; i < nstrings; i++)
            free(strings[i]);
        free(strings);
    }
    free(getsets);
    free(defines);
    return HPy_NULL;
}

HPyAPI_HELPER HPy
HPyStructSequence_New(HPyContext *ctx, HPy type, HPy_ssize_t nargs, HPy *args)
{
    HPy items, call_args, result;
    HPy_ssize_t n = sseq_n_fields(ctx, type);
    if (n < 0)
        return HPy_NULL;
    if (nargs != n) {
        HPyErr_Format(ctx, ctx->h_TypeError,
                      "expected exactly %zd arguments but got %zd", n, nargs);
        return HPy_NULL;
    }
    items = HPyTuple_FromArray(ctx, args, nargs);
    if (HPy_IsNull(items))
        return HPy_NULL;
    call_args = HPyTuple_FromArray(ctx, &items, 1);
    HPy_Close(ctx, items);
    if (HPy_IsNull(call_args))
        return HPy_NULL;
    result = HPy_CallTupleDict(ctx, type, call_args, HPy_NULL);
    HPy_Close(ctx, call_args);
    return result;
}
