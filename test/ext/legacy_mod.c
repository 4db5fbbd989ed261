/* A module that uses legacy_methods (CPython PyMethodDef), which hpy-node cannot run. */
#include "hpy.h"

static char fake_methods[64];
static HPyModuleDef moduledef = {
    .doc = "legacy",
    .legacy_methods = (cpy_PyMethodDef *)fake_methods,
};
HPy_MODINIT(legacy_mod, moduledef)
