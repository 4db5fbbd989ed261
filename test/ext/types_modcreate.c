/* HPy_mod_create: the module object is whatever the slot returns (here an instance of a type
 * made on the spot, which records the spec's name). With -DMODCREATE_BAD=1 the module def also
 * has a method, with -DMODCREATE_BAD=2 an HPy_mod_exec slot: HPy forbids both next to
 * HPy_mod_create. */
#include "hpy.h"

typedef struct {
    HPyField spec_name;
    long answer;
} ModObject;

HPyType_HELPERS(ModObject)

HPyDef_MEMBER(Mod_spec_name, "spec_name", HPyMember_OBJECT, offsetof(ModObject, spec_name), .readonly = 1)
HPyDef_MEMBER(Mod_answer, "answer", HPyMember_LONG, offsetof(ModObject, answer))

HPyDef_METH(Mod_hello, "hello", HPyFunc_O)
static HPy Mod_hello_impl(HPyContext *ctx, HPy self, HPy who)
{
    HPy prefix = HPyUnicode_FromString(ctx, "hello, ");
    HPy r = HPy_Add(ctx, prefix, who);
    HPy_Close(ctx, prefix);
    return r;
}

HPyDef_SLOT(Mod_traverse, HPy_tp_traverse)
static int Mod_traverse_impl(void *self, HPyFunc_visitproc visit, void *arg)
{
    HPy_VISIT(&((ModObject *)self)->spec_name);
    return 0;
}

static HPyDef *Mod_defines[] = { &Mod_spec_name, &Mod_answer, &Mod_hello, &Mod_traverse, NULL };

static HPyType_Spec Mod_spec = {
    .name = "types_modcreate.Module",
    .basicsize = sizeof(ModObject),
    .flags = HPy_TPFLAGS_DEFAULT | HPy_TPFLAGS_HAVE_GC,
    .defines = Mod_defines,
};

HPyDef_SLOT(mod_create, HPy_mod_create)
static HPy mod_create_impl(HPyContext *ctx, HPy spec)
{
    HPy name = HPy_GetAttr_s(ctx, spec, "name");
    if (HPy_IsNull(name))
        return HPy_NULL;
    HPy type = HPyType_FromSpec(ctx, &Mod_spec, NULL);
    if (HPy_IsNull(type)) {
        HPy_Close(ctx, name);
        return HPy_NULL;
    }
    ModObject *o;
    HPy h = HPy_New(ctx, type, &o);
    HPy_Close(ctx, type);
    if (!HPy_IsNull(h)) {
        o->answer = 42;
        HPyField_Store(ctx, h, &o->spec_name, name);
    }
    HPy_Close(ctx, name);
    return h;
}

#if defined(MODCREATE_BAD) && MODCREATE_BAD == 2
HPyDef_SLOT(stray_exec, HPy_mod_exec)
static int stray_exec_impl(HPyContext *ctx, HPy m)
{
    return 0;
}
static HPyDef *module_defines[] = { &mod_create, &stray_exec, NULL };
#elif defined(MODCREATE_BAD)
HPyDef_METH(stray, "stray", HPyFunc_NOARGS)
static HPy stray_impl(HPyContext *ctx, HPy self)
{
    return HPy_Dup(ctx, ctx->h_None);
}
static HPyDef *module_defines[] = { &mod_create, &stray, NULL };
#else
static HPyDef *module_defines[] = { &mod_create, NULL };
#endif

static HPyModuleDef moduledef = { .defines = module_defines };
HPy_MODINIT(types_modcreate, moduledef)
