/* CPython entry points ("trampolines") for the functions an extension defines.
 *
 * hpy-node calls an extension's implementations directly and never uses what is in this file.
 * It is here so that the same universal binary also runs under CPython's hpy.universal: there,
 * CPython calls the trampoline stored next to each implementation (HPyDef, HPyCapsule_Destructor,
 * HPyCallFunction) with PyObject* arguments. The trampoline packs its arguments into a record
 * `_HPyFunc_args_<SIG>` and hands that record, the signature and the implementation to the
 * runtime's ctx_CallRealFunctionFromTrampoline, using the context the runtime gave to
 * HPyInitGlobalContext_<module> (`_ctx_for_trampolines`, see hpy/module.h). The runtime turns the
 * objects into handles, calls the implementation and stores the converted return value in the
 * record's `result` field, which the trampoline returns.
 *
 * The record layouts and the way each signature is passed are part of the universal ABI: the
 * runtime reads the records field by field. Only the layouts matter to a binary; the names
 * match HPy's so that source written against HPy's headers compiles here too. */
#ifndef HPY_NODE_TRAMPOLINES_H
#define HPY_NODE_TRAMPOLINES_H

/* Function-pointer conversions go through void (*)(void) so that -Wcast-function-type, which
 * accepts that type as a generic function pointer, stays quiet. */
#define _HPy_FUNC_CAST(TYPE, FN) ((TYPE)(void (*)(void))(FN))

/* ---- the records, one per signature ------------------------------------------------------ */

/* Methods (HPyDef_METH) and HPy_tp_call / HPyDef_CALL_FUNCTION. */
typedef struct { cpy_PyObject *self; cpy_PyObject *result; } _HPyFunc_args_NOARGS;
typedef struct { cpy_PyObject *self; cpy_PyObject *arg; cpy_PyObject *result; } _HPyFunc_args_O;
typedef struct {
    cpy_PyObject *self;
    cpy_PyObject *const *args;
    HPy_ssize_t nargs;
    cpy_PyObject *result;
} _HPyFunc_args_VARARGS;
typedef struct {
    cpy_PyObject *self;
    cpy_PyObject *const *args;
    size_t nargsf;            /* vectorcall count: may carry PY_VECTORCALL_ARGUMENTS_OFFSET */
    cpy_PyObject *kwnames;    /* tuple of keyword names, or NULL */
    cpy_PyObject *result;
} _HPyFunc_args_KEYWORDS;

/* tp_init and tp_new take CPython's (args tuple, kwargs dict). */
typedef struct { cpy_PyObject *self; cpy_PyObject *args; cpy_PyObject *kw; int result; } _HPyFunc_args_INITPROC;
typedef struct { cpy_PyObject *self; cpy_PyObject *args; cpy_PyObject *kw; cpy_PyObject *result; } _HPyFunc_args_NEWFUNC;

/* Slots, positional records arg0..argN. */
typedef struct { cpy_PyObject *arg0; cpy_PyObject *result; } _HPyFunc_args_UNARYFUNC;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *arg1; cpy_PyObject *result; } _HPyFunc_args_BINARYFUNC;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *arg1; cpy_PyObject *arg2; cpy_PyObject *result; } _HPyFunc_args_TERNARYFUNC;
typedef struct { cpy_PyObject *arg0; int result; } _HPyFunc_args_INQUIRY;
typedef struct { cpy_PyObject *arg0; HPy_ssize_t result; } _HPyFunc_args_LENFUNC;
typedef struct { cpy_PyObject *arg0; HPy_ssize_t arg1; cpy_PyObject *result; } _HPyFunc_args_SSIZEARGFUNC;
typedef struct { cpy_PyObject *arg0; HPy_ssize_t arg1; HPy_ssize_t arg2; cpy_PyObject *result; } _HPyFunc_args_SSIZESSIZEARGFUNC;
typedef struct { cpy_PyObject *arg0; HPy_ssize_t arg1; cpy_PyObject *arg2; int result; } _HPyFunc_args_SSIZEOBJARGPROC;
typedef struct { cpy_PyObject *arg0; HPy_ssize_t arg1; HPy_ssize_t arg2; cpy_PyObject *arg3; int result; } _HPyFunc_args_SSIZESSIZEOBJARGPROC;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *arg1; cpy_PyObject *arg2; int result; } _HPyFunc_args_OBJOBJARGPROC;
typedef struct { void *arg0; } _HPyFunc_args_FREEFUNC;
typedef struct { cpy_PyObject *arg0; char *arg1; cpy_PyObject *result; } _HPyFunc_args_GETATTRFUNC;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *arg1; cpy_PyObject *result; } _HPyFunc_args_GETATTROFUNC;
typedef struct { cpy_PyObject *arg0; char *arg1; cpy_PyObject *arg2; int result; } _HPyFunc_args_SETATTRFUNC;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *arg1; cpy_PyObject *arg2; int result; } _HPyFunc_args_SETATTROFUNC;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *result; } _HPyFunc_args_REPRFUNC;
typedef struct { cpy_PyObject *arg0; HPy_hash_t result; } _HPyFunc_args_HASHFUNC;
/* CPython passes the comparison as a plain int; the record holds it as an HPy_RichCmpOp. */
typedef struct { cpy_PyObject *arg0; cpy_PyObject *arg1; HPy_RichCmpOp arg2; cpy_PyObject *result; } _HPyFunc_args_RICHCMPFUNC;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *result; } _HPyFunc_args_GETITERFUNC;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *result; } _HPyFunc_args_ITERNEXTFUNC;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *arg1; cpy_PyObject *arg2; cpy_PyObject *result; } _HPyFunc_args_DESCRGETFUNC;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *arg1; cpy_PyObject *arg2; int result; } _HPyFunc_args_DESCRSETFUNC;
/* Getters and setters: the last argument is the HPyGetSet's closure. */
typedef struct { cpy_PyObject *arg0; void *arg1; cpy_PyObject *result; } _HPyFunc_args_GETTER;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *arg1; void *arg2; int result; } _HPyFunc_args_SETTER;
typedef struct { cpy_PyObject *arg0; cpy_PyObject *arg1; int result; } _HPyFunc_args_OBJOBJPROC;
typedef struct { cpy_PyObject *arg0; } _HPyFunc_args_DESTRUCTOR;

/* The buffer protocol: the runtime converts between the Py_buffer and an HPy_buffer. */
typedef struct { cpy_PyObject *self; cpy_Py_buffer *view; int flags; int result; } _HPyFunc_args_GETBUFFERPROC;
typedef struct { cpy_PyObject *self; cpy_Py_buffer *view; } _HPyFunc_args_RELEASEBUFFERPROC;

/* tp_traverse: the runtime wraps CPython's visitor into an HPyFunc_visitproc. */
typedef struct { cpy_PyObject *self; cpy_visitproc visit; void *arg; int result; } _HPyFunc_args_TRAVERSEPROC;

/* HPy_mod_create: the module spec in, the new module out (the layout of a UNARYFUNC record). */
typedef struct { cpy_PyObject *spec; cpy_PyObject *result; } _HPyFunc_args_MOD_CREATE;

/* ---- the trampolines ------------------------------------------------------------------------ */

/* The body of a trampoline for the signature HPyFunc_<KIND>: fill the record with the
 * arguments given (and a zero result, if the record has one), run the implementation. */
#define _HPyTramp_RUN(SIG, IMPL, REC)                                                    \
    _HPy_CallRealFunctionFromTrampoline(_ctx_for_trampolines, SIG,                       \
                                        _HPy_FUNC_CAST(HPyCFunction, IMPL), (REC))
#define _HPyTramp_RETURNING(KIND, IMPL, ...)                                             \
    {                                                                                    \
        _HPyFunc_args_##KIND _hpy_rec = { __VA_ARGS__, 0 };                              \
        _HPyTramp_RUN(HPyFunc_##KIND, IMPL, &_hpy_rec);                                  \
        return _hpy_rec.result;                                                          \
    }
#define _HPyTramp_VOID(KIND, IMPL, ...)                                                  \
    {                                                                                    \
        _HPyFunc_args_##KIND _hpy_rec = { __VA_ARGS__ };                                 \
        _HPyTramp_RUN(HPyFunc_##KIND, IMPL, &_hpy_rec);                                  \
    }

/* _HPyFunc_TRAMPOLINE_<SIG>(SYM, IMPL) defines `static SYM`, the function CPython calls for an
 * implementation IMPL of signature SIG; each has the C type CPython expects in that place. */

/* METH_NOARGS: CPython passes a second, always NULL argument. */
#define _HPyFunc_TRAMPOLINE_HPyFunc_NOARGS(SYM, IMPL)                                    \
    static cpy_PyObject *SYM(cpy_PyObject *self, cpy_PyObject *_hpy_null)                \
    {                                                                                    \
        (void)_hpy_null;                                                                 \
        _HPyTramp_RETURNING(NOARGS, IMPL, self)                                          \
    }
#define _HPyFunc_TRAMPOLINE_HPyFunc_O(SYM, IMPL)                                         \
    static cpy_PyObject *SYM(cpy_PyObject *self, cpy_PyObject *arg)                      \
    _HPyTramp_RETURNING(O, IMPL, self, arg)
/* METH_FASTCALL */
#define _HPyFunc_TRAMPOLINE_HPyFunc_VARARGS(SYM, IMPL)                                   \
    static cpy_PyObject *SYM(cpy_PyObject *self, cpy_PyObject *const *args,              \
                             HPy_ssize_t nargs)                                          \
    _HPyTramp_RETURNING(VARARGS, IMPL, self, args, nargs)
/* METH_FASTCALL | METH_KEYWORDS, and a vectorcallfunc for HPy_tp_call and
 * HPyDef_CALL_FUNCTION. */
#define _HPyFunc_TRAMPOLINE_HPyFunc_KEYWORDS(SYM, IMPL)                                  \
    static cpy_PyObject *SYM(cpy_PyObject *self, cpy_PyObject *const *args,              \
                             size_t nargsf, cpy_PyObject *kwnames)                       \
    _HPyTramp_RETURNING(KEYWORDS, IMPL, self, args, nargsf, kwnames)

#define _HPyFunc_TRAMPOLINE_HPyFunc_INITPROC(SYM, IMPL)                                  \
    static int SYM(cpy_PyObject *self, cpy_PyObject *args, cpy_PyObject *kw)             \
    _HPyTramp_RETURNING(INITPROC, IMPL, self, args, kw)
#define _HPyFunc_TRAMPOLINE_HPyFunc_NEWFUNC(SYM, IMPL)                                   \
    static cpy_PyObject *SYM(cpy_PyObject *type, cpy_PyObject *args, cpy_PyObject *kw)   \
    _HPyTramp_RETURNING(NEWFUNC, IMPL, type, args, kw)

/* HPy_tp_destroy has no CPython slot: the runtime calls the implementation itself from the
 * type's dealloc and never this placeholder. */
#define _HPyFunc_TRAMPOLINE_HPyFunc_DESTROYFUNC(SYM, IMPL)                               \
    static void SYM(void) { abort(); }

#define _HPyFunc_TRAMPOLINE_HPyFunc_UNARYFUNC(SYM, IMPL)                                 \
    static cpy_PyObject *SYM(cpy_PyObject *a0)                                           \
    _HPyTramp_RETURNING(UNARYFUNC, IMPL, a0)
#define _HPyFunc_TRAMPOLINE_HPyFunc_BINARYFUNC(SYM, IMPL)                                \
    static cpy_PyObject *SYM(cpy_PyObject *a0, cpy_PyObject *a1)                         \
    _HPyTramp_RETURNING(BINARYFUNC, IMPL, a0, a1)
#define _HPyFunc_TRAMPOLINE_HPyFunc_TERNARYFUNC(SYM, IMPL)                               \
    static cpy_PyObject *SYM(cpy_PyObject *a0, cpy_PyObject *a1, cpy_PyObject *a2)       \
    _HPyTramp_RETURNING(TERNARYFUNC, IMPL, a0, a1, a2)
#define _HPyFunc_TRAMPOLINE_HPyFunc_INQUIRY(SYM, IMPL)                                   \
    static int SYM(cpy_PyObject *a0)                                                     \
    _HPyTramp_RETURNING(INQUIRY, IMPL, a0)
#define _HPyFunc_TRAMPOLINE_HPyFunc_LENFUNC(SYM, IMPL)                                   \
    static HPy_ssize_t SYM(cpy_PyObject *a0)                                             \
    _HPyTramp_RETURNING(LENFUNC, IMPL, a0)
#define _HPyFunc_TRAMPOLINE_HPyFunc_SSIZEARGFUNC(SYM, IMPL)                              \
    static cpy_PyObject *SYM(cpy_PyObject *a0, HPy_ssize_t i)                            \
    _HPyTramp_RETURNING(SSIZEARGFUNC, IMPL, a0, i)
#define _HPyFunc_TRAMPOLINE_HPyFunc_SSIZESSIZEARGFUNC(SYM, IMPL)                         \
    static cpy_PyObject *SYM(cpy_PyObject *a0, HPy_ssize_t i, HPy_ssize_t j)             \
    _HPyTramp_RETURNING(SSIZESSIZEARGFUNC, IMPL, a0, i, j)
#define _HPyFunc_TRAMPOLINE_HPyFunc_SSIZEOBJARGPROC(SYM, IMPL)                           \
    static int SYM(cpy_PyObject *a0, HPy_ssize_t i, cpy_PyObject *v)                     \
    _HPyTramp_RETURNING(SSIZEOBJARGPROC, IMPL, a0, i, v)
#define _HPyFunc_TRAMPOLINE_HPyFunc_SSIZESSIZEOBJARGPROC(SYM, IMPL)                      \
    static int SYM(cpy_PyObject *a0, HPy_ssize_t i, HPy_ssize_t j, cpy_PyObject *v)      \
    _HPyTramp_RETURNING(SSIZESSIZEOBJARGPROC, IMPL, a0, i, j, v)
#define _HPyFunc_TRAMPOLINE_HPyFunc_OBJOBJARGPROC(SYM, IMPL)                             \
    static int SYM(cpy_PyObject *a0, cpy_PyObject *a1, cpy_PyObject *a2)                 \
    _HPyTramp_RETURNING(OBJOBJARGPROC, IMPL, a0, a1, a2)
#define _HPyFunc_TRAMPOLINE_HPyFunc_FREEFUNC(SYM, IMPL)                                  \
    static void SYM(void *p)                                                             \
    _HPyTramp_VOID(FREEFUNC, IMPL, p)
#define _HPyFunc_TRAMPOLINE_HPyFunc_GETATTRFUNC(SYM, IMPL)                               \
    static cpy_PyObject *SYM(cpy_PyObject *a0, char *name)                               \
    _HPyTramp_RETURNING(GETATTRFUNC, IMPL, a0, name)
#define _HPyFunc_TRAMPOLINE_HPyFunc_GETATTROFUNC(SYM, IMPL)                              \
    static cpy_PyObject *SYM(cpy_PyObject *a0, cpy_PyObject *name)                       \
    _HPyTramp_RETURNING(GETATTROFUNC, IMPL, a0, name)
#define _HPyFunc_TRAMPOLINE_HPyFunc_SETATTRFUNC(SYM, IMPL)                               \
    static int SYM(cpy_PyObject *a0, char *name, cpy_PyObject *v)                        \
    _HPyTramp_RETURNING(SETATTRFUNC, IMPL, a0, name, v)
#define _HPyFunc_TRAMPOLINE_HPyFunc_SETATTROFUNC(SYM, IMPL)                              \
    static int SYM(cpy_PyObject *a0, cpy_PyObject *name, cpy_PyObject *v)                \
    _HPyTramp_RETURNING(SETATTROFUNC, IMPL, a0, name, v)
#define _HPyFunc_TRAMPOLINE_HPyFunc_REPRFUNC(SYM, IMPL)                                  \
    static cpy_PyObject *SYM(cpy_PyObject *a0)                                           \
    _HPyTramp_RETURNING(REPRFUNC, IMPL, a0)
#define _HPyFunc_TRAMPOLINE_HPyFunc_HASHFUNC(SYM, IMPL)                                  \
    static HPy_hash_t SYM(cpy_PyObject *a0)                                              \
    _HPyTramp_RETURNING(HASHFUNC, IMPL, a0)
#define _HPyFunc_TRAMPOLINE_HPyFunc_RICHCMPFUNC(SYM, IMPL)                               \
    static cpy_PyObject *SYM(cpy_PyObject *a0, cpy_PyObject *a1, int op)                 \
    _HPyTramp_RETURNING(RICHCMPFUNC, IMPL, a0, a1, (HPy_RichCmpOp)op)
#define _HPyFunc_TRAMPOLINE_HPyFunc_GETITERFUNC(SYM, IMPL)                               \
    static cpy_PyObject *SYM(cpy_PyObject *a0)                                           \
    _HPyTramp_RETURNING(GETITERFUNC, IMPL, a0)
#define _HPyFunc_TRAMPOLINE_HPyFunc_ITERNEXTFUNC(SYM, IMPL)                              \
    static cpy_PyObject *SYM(cpy_PyObject *a0)                                           \
    _HPyTramp_RETURNING(ITERNEXTFUNC, IMPL, a0)
#define _HPyFunc_TRAMPOLINE_HPyFunc_DESCRGETFUNC(SYM, IMPL)                              \
    static cpy_PyObject *SYM(cpy_PyObject *a0, cpy_PyObject *a1, cpy_PyObject *a2)       \
    _HPyTramp_RETURNING(DESCRGETFUNC, IMPL, a0, a1, a2)
#define _HPyFunc_TRAMPOLINE_HPyFunc_DESCRSETFUNC(SYM, IMPL)                              \
    static int SYM(cpy_PyObject *a0, cpy_PyObject *a1, cpy_PyObject *a2)                 \
    _HPyTramp_RETURNING(DESCRSETFUNC, IMPL, a0, a1, a2)
#define _HPyFunc_TRAMPOLINE_HPyFunc_GETTER(SYM, IMPL)                                    \
    static cpy_PyObject *SYM(cpy_PyObject *a0, void *closure)                            \
    _HPyTramp_RETURNING(GETTER, IMPL, a0, closure)
#define _HPyFunc_TRAMPOLINE_HPyFunc_SETTER(SYM, IMPL)                                    \
    static int SYM(cpy_PyObject *a0, cpy_PyObject *v, void *closure)                     \
    _HPyTramp_RETURNING(SETTER, IMPL, a0, v, closure)
#define _HPyFunc_TRAMPOLINE_HPyFunc_OBJOBJPROC(SYM, IMPL)                                \
    static int SYM(cpy_PyObject *a0, cpy_PyObject *a1)                                   \
    _HPyTramp_RETURNING(OBJOBJPROC, IMPL, a0, a1)
#define _HPyFunc_TRAMPOLINE_HPyFunc_DESTRUCTOR(SYM, IMPL)                                \
    static void SYM(cpy_PyObject *a0)                                                    \
    _HPyTramp_VOID(DESTRUCTOR, IMPL, a0)
#define _HPyFunc_TRAMPOLINE_HPyFunc_GETBUFFERPROC(SYM, IMPL)                             \
    static int SYM(cpy_PyObject *self, cpy_Py_buffer *view, int flags)                   \
    _HPyTramp_RETURNING(GETBUFFERPROC, IMPL, self, view, flags)
#define _HPyFunc_TRAMPOLINE_HPyFunc_RELEASEBUFFERPROC(SYM, IMPL)                         \
    static void SYM(cpy_PyObject *self, cpy_Py_buffer *view)                             \
    _HPyTramp_VOID(RELEASEBUFFERPROC, IMPL, self, view)
#define _HPyFunc_TRAMPOLINE_HPyFunc_TRAVERSEPROC(SYM, IMPL)                              \
    static int SYM(cpy_PyObject *self, cpy_visitproc visit, void *arg)                   \
    _HPyTramp_RETURNING(TRAVERSEPROC, IMPL, self, visit, arg)
/* Py_mod_create: CPython also passes its PyModuleDef, which the implementation never sees. */
#define _HPyFunc_TRAMPOLINE_HPyFunc_MOD_CREATE(SYM, IMPL)                                \
    static cpy_PyObject *SYM(cpy_PyObject *spec, cpy_PyModuleDef *_hpy_def)              \
    {                                                                                    \
        (void)_hpy_def;                                                                  \
        _HPyTramp_RETURNING(MOD_CREATE, IMPL, spec)                                      \
    }

/* A capsule destructor: the runtime gets the capsule object itself instead of a record and
 * reads its name, pointer and context for the implementation. */
#define HPyCapsule_DESTRUCTOR_TRAMPOLINE(SYM, IMPL)                                      \
    static void SYM(cpy_PyObject *capsule)                                               \
    {                                                                                    \
        _HPy_CallRealFunctionFromTrampoline(_ctx_for_trampolines,                        \
                                            HPyFunc_CAPSULE_DESTRUCTOR,                  \
                                            _HPy_FUNC_CAST(HPyCFunction, IMPL),          \
                                            (void *)capsule);                            \
    }

#endif /* HPY_NODE_TRAMPOLINES_H */
