/* Module with HPy_mod_exec slots and a global. */
#include "hpy.h"

static HPyGlobal g_answer;
static int exec_count = 0;

HPyDef_SLOT(exec1, HPy_mod_exec)
static int exec1_impl(HPyContext *ctx, HPy mod)
{
    exec_count++;
    HPy v = HPyLong_FromLong(ctx, 42);
    HPyGlobal_Store(ctx, &g_answer, v);
    HPy_Close(ctx, v);
    return 0;
}

HPyDef_METH(answer, "answer", HPyFunc_NOARGS)
static HPy answer_impl(HPyContext *ctx, HPy self)
{
    return HPyGlobal_Load(ctx, g_answer);
}

HPyDef_METH(execs, "execs", HPyFunc_NOARGS)
static HPy execs_impl(HPyContext *ctx, HPy self)
{
    return HPyLong_FromLong(ctx, exec_count);
}

static HPyDef *defines[] = { &exec1, &answer, &execs, NULL };
static HPyGlobal *globals[] = { &g_answer, NULL };
static HPyModuleDef moduledef = { .doc = "exec", .defines = defines, .globals = globals };
HPy_MODINIT(modexec, moduledef)
