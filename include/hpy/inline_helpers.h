/* API functions written on top of the context functions. */
#ifndef HPY_NODE_INLINE_HELPERS_H
#define HPY_NODE_INLINE_HELPERS_H

#include <alloca.h>

HPyAPI_INLINE_HELPER HPy HPyErr_SetFromErrno(HPyContext *ctx, HPy h_type)
{
    return HPyErr_SetFromErrnoWithFilenameObjects(ctx, h_type, HPy_NULL, HPy_NULL);
}

HPyAPI_INLINE_HELPER HPy HPyErr_SetFromErrnoWithFilenameObject(HPyContext *ctx, HPy h_type, HPy filename)
{
    return HPyErr_SetFromErrnoWithFilenameObjects(ctx, h_type, filename, HPy_NULL);
}

HPyAPI_INLINE_HELPER HPy HPyTuple_Pack(HPyContext *ctx, HPy_ssize_t n, ...)
{
    if (n <= 0)
        return HPyTuple_FromArray(ctx, NULL, 0);
    HPy *items = (HPy *)alloca((size_t)n * sizeof(HPy));
    va_list ap;
    va_start(ap, n);
    for (HPy_ssize_t i = 0; i < n; i++)
        items[i] = va_arg(ap, HPy);
    va_end(ap);
    return HPyTuple_FromArray(ctx, items, n);
}

HPyAPI_INLINE_HELPER int HPy_DelAttr(HPyContext *ctx, HPy obj, HPy name)
{
    return HPy_SetAttr(ctx, obj, name, HPy_NULL);
}

HPyAPI_INLINE_HELPER int HPy_DelAttr_s(HPyContext *ctx, HPy obj, const char *utf8_name)
{
    return HPy_SetAttr_s(ctx, obj, utf8_name, HPy_NULL);
}

/* long is 64 bits on every platform hpy-node builds for (LP64). */
HPyAPI_INLINE_HELPER HPy HPyLong_FromLong(HPyContext *ctx, long v) { return HPyLong_FromInt64_t(ctx, (int64_t)v); }
HPyAPI_INLINE_HELPER HPy HPyLong_FromUnsignedLong(HPyContext *ctx, unsigned long v) { return HPyLong_FromUInt64_t(ctx, (uint64_t)v); }
HPyAPI_INLINE_HELPER HPy HPyLong_FromLongLong(HPyContext *ctx, long long v) { return HPyLong_FromInt64_t(ctx, (int64_t)v); }
HPyAPI_INLINE_HELPER HPy HPyLong_FromUnsignedLongLong(HPyContext *ctx, unsigned long long v) { return HPyLong_FromUInt64_t(ctx, (uint64_t)v); }
HPyAPI_INLINE_HELPER long HPyLong_AsLong(HPyContext *ctx, HPy h) { return (long)HPyLong_AsInt64_t(ctx, h); }
HPyAPI_INLINE_HELPER unsigned long HPyLong_AsUnsignedLong(HPyContext *ctx, HPy h) { return (unsigned long)HPyLong_AsUInt64_t(ctx, h); }
HPyAPI_INLINE_HELPER unsigned long HPyLong_AsUnsignedLongMask(HPyContext *ctx, HPy h) { return (unsigned long)HPyLong_AsUInt64_tMask(ctx, h); }
HPyAPI_INLINE_HELPER long long HPyLong_AsLongLong(HPyContext *ctx, HPy h) { return (long long)HPyLong_AsInt64_t(ctx, h); }
HPyAPI_INLINE_HELPER unsigned long long HPyLong_AsUnsignedLongLong(HPyContext *ctx, HPy h) { return (unsigned long long)HPyLong_AsUInt64_t(ctx, h); }
HPyAPI_INLINE_HELPER unsigned long long HPyLong_AsUnsignedLongLongMask(HPyContext *ctx, HPy h) { return (unsigned long long)HPyLong_AsUInt64_tMask(ctx, h); }

HPyAPI_INLINE_HELPER HPy HPyBool_FromLong(HPyContext *ctx, long v) { return HPyBool_FromBool(ctx, v != 0); }

/* Clamp start/stop of a slice to a sequence of `length` items; returns the slice's length. */
HPyAPI_INLINE_HELPER HPy_ssize_t HPySlice_AdjustIndices(HPyContext *_HPy_UNUSED_ARG(ctx), HPy_ssize_t length,
                                                        HPy_ssize_t *start, HPy_ssize_t *stop, HPy_ssize_t step)
{
    HPy_ssize_t lo = step < 0 ? -1 : 0;
    HPy_ssize_t hi = step < 0 ? length - 1 : length;
    HPy_ssize_t *ends[2] = { start, stop };
    for (int i = 0; i < 2; i++) {
        HPy_ssize_t *p = ends[i];
        if (*p < 0) {
            *p += length;
            if (*p < 0) *p = lo;
        } else if (*p >= length) {
            *p = hi;
        }
    }
    if (step < 0)
        return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

HPyAPI_INLINE_HELPER HPy HPy_CallMethodTupleDict(HPyContext *ctx, HPy name, HPy receiver, HPy args, HPy kw)
{
    HPy method = HPy_GetAttr(ctx, receiver, name);
    if (HPy_IsNull(method))
        return HPy_NULL;
    HPy result = HPy_CallTupleDict(ctx, method, args, kw);
    HPy_Close(ctx, method);
    return result;
}

HPyAPI_INLINE_HELPER HPy HPy_CallMethodTupleDict_s(HPyContext *ctx, const char *utf8_name, HPy receiver, HPy args, HPy kw)
{
    HPy method = HPy_GetAttr_s(ctx, receiver, utf8_name);
    if (HPy_IsNull(method))
        return HPy_NULL;
    HPy result = HPy_CallTupleDict(ctx, method, args, kw);
    HPy_Close(ctx, method);
    return result;
}

#endif /* HPY_NODE_INLINE_HELPERS_H */
