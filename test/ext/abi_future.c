/* An extension that claims to need a newer HPy ABI (major version 1) than hpy-node implements.
 * Its exports are written out by hand since HPy_MODINIT always states version 0.0. */
#include "hpy.h"

static HPyModuleDef moduledef = { .doc = "from the future" };
HPy_EXPORTED_FUNC uint32_t get_required_hpy_major_version_abi_future(void) { return 1; }
HPy_EXPORTED_FUNC uint32_t get_required_hpy_minor_version_abi_future(void) { return 2; }
HPy_EXPORTED_FUNC void HPyInitGlobalContext_abi_future(HPyContext *ctx) { (void)ctx; }
HPy_EXPORTED_FUNC HPyModuleDef *HPyInit_abi_future(void) { return &moduledef; }
