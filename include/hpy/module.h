/* HPyModuleDef and HPy_MODINIT: what a universal extension exports. */
#ifndef HPY_NODE_MODULE_H
#define HPY_NODE_MODULE_H

typedef struct {
    const char *doc;
    HPy_ssize_t size;
    cpy_PyMethodDef *legacy_methods;
    HPyDef **defines;
    HPyGlobal **globals;
} HPyModuleDef;

#ifdef __cplusplus
#  define HPy_EXPORTED_FUNC extern "C" HPy_EXPORTED_SYMBOL
#else
#  define HPy_EXPORTED_FUNC HPy_EXPORTED_SYMBOL
#endif

/* The context pointer recorded at load time. It exists once per process; hpy-node never reads
 * it (every call receives its own context). */
#ifdef HPY_EMBEDDED_MODULES
#  define _HPy_CTX_MODIFIER static
#  define HPY_MOD_EMBEDDABLE(modname) _HPy_CTX_MODIFIER HPyContext *_ctx_for_trampolines;
#else
#  define _HPy_CTX_MODIFIER _HPy_HIDDEN
#  define HPY_MOD_EMBEDDABLE(modname)
#endif

/* The four symbols a loader looks up: the ABI version the module needs, the hook that receives
 * the context, and the init function returning the module definition. */
#define HPy_MODINIT(ext_name, mod_def)                                          \
    HPy_EXPORTED_FUNC uint32_t get_required_hpy_major_version_##ext_name(void); \
    uint32_t get_required_hpy_major_version_##ext_name(void) { return HPY_ABI_VERSION; } \
    HPy_EXPORTED_FUNC uint32_t get_required_hpy_minor_version_##ext_name(void); \
    uint32_t get_required_hpy_minor_version_##ext_name(void) { return HPY_ABI_VERSION_MINOR; } \
    _HPy_CTX_MODIFIER HPyContext *_ctx_for_trampolines;                         \
    HPy_EXPORTED_FUNC void HPyInitGlobalContext_##ext_name(HPyContext *ctx);    \
    void HPyInitGlobalContext_##ext_name(HPyContext *ctx) { _ctx_for_trampolines = ctx; } \
    HPy_EXPORTED_FUNC HPyModuleDef *HPyInit_##ext_name(void);                   \
    HPyModuleDef *HPyInit_##ext_name(void) { return &mod_def; }

#endif /* HPY_NODE_MODULE_H */
