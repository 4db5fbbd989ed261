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

/* `_ctx_for_trampolines`: the context a runtime hands to HPyInitGlobalContext_<module>. Only the
 * CPython trampolines read it (hpy/trampolines.h); hpy-node never does, since every call it makes
 * receives its own context, and the variable exists once per process anyway.
 *
 * Every file that includes hpy.h may define trampolines (the helper runtime's files do too), so
 * every file sees the variable, before and without HPy_MODINIT:
 *  - with GCC/Clang each file carries a weak, hidden definition and the linker keeps one per
 *    shared object; HPy_MODINIT only assigns it. A shared object whose exports are written by
 *    hand, without HPy_MODINIT, still links.
 *  - other compilers get a declaration here and the definition from HPy_MODINIT.
 *  - with HPY_EMBEDDED_MODULES (several modules in one binary) each file has its own static
 *    copy, which only the file of HPy_MODINIT sets: a module's definitions must then be in that
 *    file. HPY_MOD_EMBEDDABLE(modname), which such files place before their definitions, only
 *    redeclares that copy. */
#if defined(HPY_EMBEDDED_MODULES)
#  define _HPy_CTX_MODIFIER static
_HPy_UNUSED static HPyContext *_ctx_for_trampolines;
#  define HPY_MOD_EMBEDDABLE(modname) extern HPyContext *_ctx_for_trampolines;
#  define _HPy_DEFINE_CTX_FOR_TRAMPOLINES
#elif defined(__GNUC__) && !defined(_WIN32)
#  define _HPy_CTX_MODIFIER _HPy_HIDDEN
__attribute__((weak)) _HPy_HIDDEN HPyContext *_ctx_for_trampolines = NULL;
#  define HPY_MOD_EMBEDDABLE(modname)
#  define _HPy_DEFINE_CTX_FOR_TRAMPOLINES
#else
#  define _HPy_CTX_MODIFIER _HPy_HIDDEN
extern HPyContext *_ctx_for_trampolines;
#  define HPY_MOD_EMBEDDABLE(modname)
#  define _HPy_DEFINE_CTX_FOR_TRAMPOLINES _HPy_CTX_MODIFIER HPyContext *_ctx_for_trampolines;
#endif

/* The four symbols a loader looks up: the ABI version the module needs, the hook that receives
 * the context, and the init function returning the module definition. */
#define HPy_MODINIT(ext_name, mod_def)                                          \
    HPy_EXPORTED_FUNC uint32_t get_required_hpy_major_version_##ext_name(void); \
    uint32_t get_required_hpy_major_version_##ext_name(void) { return HPY_ABI_VERSION; } \
    HPy_EXPORTED_FUNC uint32_t get_required_hpy_minor_version_##ext_name(void); \
    uint32_t get_required_hpy_minor_version_##ext_name(void) { return HPY_ABI_VERSION_MINOR; } \
    _HPy_DEFINE_CTX_FOR_TRAMPOLINES                                             \
    HPy_EXPORTED_FUNC void HPyInitGlobalContext_##ext_name(HPyContext *ctx);    \
    void HPyInitGlobalContext_##ext_name(HPyContext *ctx) { _ctx_for_trampolines = ctx; } \
    HPy_EXPORTED_FUNC HPyModuleDef *HPyInit_##ext_name(void);                   \
    HPyModuleDef *HPyInit_##ext_name(void) { return &mod_def; }

#endif /* HPY_NODE_MODULE_H */
