/*
 * hpy-node helper runtime: HPyHelpers_AddType and
 * HPyHelpers_PackArgsAndKeywords.
 *
 * Compiled into each extension; uses only the public HPy API.
 */

#include "hpy.h"

HPyAPI_HELPER int
HPyHelpers_AddType(HPyContext *ctx, HPy obj, const char *name,
                   HPyType_Spec *hpyspec, HPyType_SpecParam *params)
{
    int rc;
    HPy type = HPyType_FromSpec(ctx, hpyspec, params);
    if (HPy_IsNull(type))
        return 0;
    rc = HPy_SetAttr_s(ctx, obj, name, type);
    HPy_Close(ctx, type);
    return rc == 0;
}

HPyAPI_HELPER int
HPyHelpers_PackArgsAndKeywords(HPyContext *ctx, const HPy *args, size_t nargs,
                               HPy kwnames, HPy *out_pos_args, HPy *out_kwd)
{
    HPy tuple = HPy_NULL, dict = HPy_NULL;
    HPy_ssize_t nkw = 0, i;

    if (out_pos_args == NULL) {
        HPyErr_SetString(ctx, ctx->h_SystemError,
                         "argument 'out_pos_args' must not be NULL");
        return 0;
    }
    if (out_kwd == NULL) {
        HPyErr_SetString(ctx, ctx->h_SystemError,
                         "argument 'out_kwd' must not be NULL");
        return 0;
    }

    if (!HPy_IsNull(kwnames)) {
        nkw = HPy_Length(ctx, kwnames);
        if (nkw < 0)
            return 0;
    }

    if (nkw > 0) {
        dict = HPyDict_New(ctx);
        if (HPy_IsNull(dict))
            return 0;
        for (i = 0; i < nkw; i++) {
            int rc;
            HPy key = HPy_GetItem_i(ctx, kwnames, i);
            if (HPy_IsNull(key))
                goto fail;
            rc = HPy_SetItem(ctx, dict, key, args[nargs + (size_t)i]);
            HPy_Close(ctx, key);
            if (rc < 0)
                goto fail;
        }
    }

    if (nargs > 0) {
        tuple = HPyTuple_FromArray(ctx, (HPy *)args, (HPy_ssize_t)nargs);
        if (HPy_IsNull(tuple))
            goto fail;
    }

    /* the outputs are written only on success */
    *out_pos_args = tuple;
    *out_kwd = dict;
    return 1;

fail:
    if (!HPy_IsNull(dict))
        HPy_Close(ctx, dict);
    return 0;
}
