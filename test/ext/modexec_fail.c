/* Module whose HPy_mod_exec raises: loading must fail with that error. */
#include "hpy.h"

HPyDef_SLOT(exec_fail, HPy_mod_exec)
static int exec_fail_impl(HPyContext *ctx, HPy mod)
{
    HPyErr_SetString(ctx, ctx->h_RuntimeError, "exec failed on purpose");
    return -1;
}

static HPyDef *defines[] = { &exec_fail, NULL };
static HPyModuleDef moduledef = { .defines = defines };
HPy_MODINIT(modexec_fail, moduledef)
