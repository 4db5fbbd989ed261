/* The handle types and the scalar types of the HPy ABI. */
#ifndef HPY_NODE_BASE_H
#define HPY_NODE_BASE_H

#ifdef __GNUC__
#  define _HPy_HIDDEN __attribute__((visibility("hidden")))
#  define _HPy_UNUSED __attribute__((unused))
#  define _HPy_NO_RETURN __attribute__((__noreturn__))
#else
#  define _HPy_HIDDEN
#  define _HPy_UNUSED
#  define _HPy_NO_RETURN
#endif
#define _HPy_UNUSED_ARG(x) (__HPy_UNUSED_TAGGED ## x) _HPy_UNUSED

#ifdef __has_attribute
#  if __has_attribute(error)
#    define _HPY_LEGACY __attribute__((error("legacy CPython functions are not available in the HPy universal ABI")))
#  endif
#endif
#ifndef _HPY_LEGACY
#  define _HPY_LEGACY
#endif

#ifndef HPy_EXPORTED_SYMBOL
#  if defined(_WIN32) || defined(__CYGWIN__)
#    define HPy_EXPORTED_SYMBOL __declspec(dllexport)
#  else
#    define HPy_EXPORTED_SYMBOL __attribute__((visibility("default")))
#  endif
#endif

/* Every public API function is a static inline call through the context. */
#define HPyAPI_FUNC _HPy_UNUSED static inline
#define HPyAPI_INLINE_HELPER HPyAPI_FUNC
#define HPyAPI_IMPL _HPy_HIDDEN
#define HPyAPI_HELPER _HPy_HIDDEN

/* Opaque handles: one machine word each; 0 is the null handle. */
typedef struct _HPy_s { intptr_t _i; } HPy;
typedef struct { intptr_t _i; } HPyField;
typedef struct { intptr_t _i; } HPyGlobal;
typedef struct { intptr_t _lst; } HPyListBuilder;
typedef struct { intptr_t _tup; } HPyTupleBuilder;
typedef struct { intptr_t _i; } HPyTracker;
typedef struct { intptr_t _i; } HPyThreadState;

#ifdef __cplusplus
#  define _hconv(h) HPy{(intptr_t)(h)}
#  define _hfconv(h) HPyField{(intptr_t)(h)}
#else
#  define _hconv(h) ((HPy){(intptr_t)(h)})
#  define _hfconv(h) ((HPyField){(intptr_t)(h)})
#endif
#define HPy_NULL _hconv(0)
#define HPy_IsNull(h) ((h)._i == 0)
#define HPyField_NULL _hfconv(0)
#define HPyField_IsNull(f) ((f)._i == 0)

static inline HPy HPy_FromVoidP(void *p) { HPy h; h._i = (intptr_t)p; return h; }
static inline void *HPy_AsVoidP(HPy h) { return (void *)h._i; }

typedef struct _HPyContext_s HPyContext;

typedef intptr_t HPy_ssize_t;
typedef intptr_t HPy_hash_t;
typedef uint32_t HPy_UCS4;
#define HPY_SSIZE_T_MAX INTPTR_MAX
#define HPY_SSIZE_T_MIN (-HPY_SSIZE_T_MAX - 1)

typedef enum {
    HPy_SourceKind_Expr = 0,
    HPy_SourceKind_File = 1,
    HPy_SourceKind_Single = 2,
} HPy_SourceKind;

typedef enum {
    HPyCapsule_key_Pointer = 0,
    HPyCapsule_key_Name = 1,
    HPyCapsule_key_Context = 2,
    HPyCapsule_key_Destructor = 3,
} _HPyCapsule_key;

/* CPython's types appear in a few legacy signatures; they can never be instantiated here. */
typedef struct FORBIDDEN_cpy_PyObject cpy_PyObject;
typedef struct FORBIDDEN_PyMethodDef cpy_PyMethodDef;
typedef struct FORBIDDEN_PyModuleDef cpy_PyModuleDef;
typedef struct FORBIDDEN_bufferinfo cpy_Py_buffer;
typedef cpy_PyObject *(*cpy_PyCFunction)(cpy_PyObject *, cpy_PyObject *const *, HPy_ssize_t);
typedef int (*cpy_visitproc)(cpy_PyObject *, void *);
typedef cpy_PyObject *(*cpy_getter)(cpy_PyObject *, void *);
typedef int (*cpy_setter)(cpy_PyObject *, cpy_PyObject *, void *);
typedef void (*cpy_PyCapsule_Destructor)(cpy_PyObject *);
typedef cpy_PyObject *(*cpy_vectorcallfunc)(cpy_PyObject *, cpy_PyObject *const *, size_t, cpy_PyObject *);

#endif /* HPY_NODE_BASE_H */
