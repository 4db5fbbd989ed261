/* Capsules, context variables, errors (new exception classes, matching, warnings, unraisable
 * errors), imports and the interpreter-only functions, from C. For test/objects-misc.test.js. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hpy.h"

#define ARGS(n, usage)                                                    \
    if (nargs != (n)) {                                                   \
        HPyErr_SetString(ctx, ctx->h_TypeError, "usage: " usage);         \
        return HPy_NULL;                                                  \
    }

static const char *cstr(HPyContext *ctx, HPy s)
{
    return HPyUnicode_AsUTF8AndSize(ctx, s, NULL);
}

static HPy opt(HPyContext *ctx, HPy h)
{
    return HPy_Is(ctx, h, ctx->h_None) ? HPy_NULL : h;
}

/* ---- capsules ------------------------------------------------------------------------------ */

/* The payload of a test capsule: a value and a magic number. */
typedef struct {
    long value;
    long magic;
} Payload;

#define MAGIC 0x5ca1ab1e

/* Names handed to capsules must outlive them: keep every name ever used (never freed). */
static const char *intern(const char *s)
{
    static char *names[256];
    static int n = 0;
    if (!s)
        return NULL;
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0)
            return names[i];
    if (n == 256)
        return "too-many-names";
    names[n] = strdup(s);
    return names[n++];
}

/* every destructor call: name, value, context (the first 256 calls) */
static struct { char name[32]; long value; intptr_t context; } destroyed_log[256];
static long destroyed_count = 0;
static long destroyed_value_sum = 0;
static char destroyed_last_name[64];
static intptr_t destroyed_last_context = 0;

HPyCapsule_DESTRUCTOR(payload_destructor)
static void payload_destructor_impl(const char *name, void *pointer, void *context)
{
    Payload *p = (Payload *)pointer;
    if (destroyed_count < 256) {
        strncpy(destroyed_log[destroyed_count].name, name ? name : "<NULL>", 31);
        destroyed_log[destroyed_count].value = p->magic == MAGIC ? p->value : -1;
        destroyed_log[destroyed_count].context = (intptr_t)context;
    }
    destroyed_count++;
    if (p->magic == MAGIC)
        destroyed_value_sum += p->value;
    strncpy(destroyed_last_name, name ? name : "<NULL>", sizeof destroyed_last_name - 1);
    destroyed_last_context = (intptr_t)context;
    p->magic = 0;
    free(p);
}

static Payload *new_payload(long value)
{
    Payload *p = (Payload *)malloc(sizeof(Payload));
    p->value = value;
    p->magic = MAGIC;
    return p;
}

/* capsule_new(value, name_or_None, with_destructor) */
HPyDef_METH(capsule_new, "capsule_new", HPyFunc_VARARGS)
static HPy capsule_new_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "capsule_new(value, name, with_destructor)");
    long value = HPyLong_AsLong(ctx, args[0]);
    const char *name = NULL;
    if (!HPy_Is(ctx, args[1], ctx->h_None)) {
        name = cstr(ctx, args[1]);
        if (!name)
            return HPy_NULL;
        name = intern(name);
    }
    int with_destructor = HPy_IsTrue(ctx, args[2]);
    Payload *p = new_payload(value);
    HPy c = HPyCapsule_New(ctx, p, name, with_destructor ? &payload_destructor : NULL);
    if (HPy_IsNull(c))
        free(p);
    return c;
}

HPyDef_METH(capsule_new_null, "capsule_new_null", HPyFunc_NOARGS)
static HPy capsule_new_null_impl(HPyContext *ctx, HPy self)
{
    return HPyCapsule_New(ctx, NULL, "x", NULL);
}

/* capsule_value(c, name_or_None): the payload value through HPyCapsule_GetPointer */
HPyDef_METH(capsule_value, "capsule_value", HPyFunc_VARARGS)
static HPy capsule_value_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "capsule_value(capsule, name)");
    const char *name = HPy_Is(ctx, args[1], ctx->h_None) ? NULL : cstr(ctx, args[1]);
    Payload *p = (Payload *)HPyCapsule_GetPointer(ctx, args[0], name);
    if (!p)
        return HPy_NULL;
    if (p->magic != MAGIC) {
        HPyErr_SetString(ctx, ctx->h_SystemError, "capsule payload is corrupt");
        return HPy_NULL;
    }
    return HPyLong_FromLong(ctx, p->value);
}

HPyDef_METH(capsule_name, "capsule_name", HPyFunc_O)
static HPy capsule_name_impl(HPyContext *ctx, HPy self, HPy c)
{
    const char *name = HPyCapsule_GetName(ctx, c);
    if (!name) {
        if (HPyErr_Occurred(ctx))
            return HPy_NULL;
        return HPy_Dup(ctx, ctx->h_None);
    }
    return HPyUnicode_FromString(ctx, name);
}

HPyDef_METH(capsule_set_name, "capsule_set_name", HPyFunc_VARARGS)
static HPy capsule_set_name_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "capsule_set_name(capsule, name)");
    const char *name = HPy_Is(ctx, args[1], ctx->h_None) ? NULL : intern(cstr(ctx, args[1]));
    if (HPyCapsule_SetName(ctx, args[0], name) < 0)
        return HPy_NULL;
    return HPy_Dup(ctx, ctx->h_None);
}

/* capsule_context(c): the context pointer as an int */
HPyDef_METH(capsule_context, "capsule_context", HPyFunc_O)
static HPy capsule_context_impl(HPyContext *ctx, HPy self, HPy c)
{
    void *p = HPyCapsule_GetContext(ctx, c);
    if (!p && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromInt64_t(ctx, (int64_t)(intptr_t)p);
}

HPyDef_METH(capsule_set_context, "capsule_set_context", HPyFunc_VARARGS)
static HPy capsule_set_context_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "capsule_set_context(capsule, int)");
    intptr_t v = (intptr_t)HPyLong_AsInt64_t(ctx, args[1]);
    if (HPyCapsule_SetContext(ctx, args[0], (void *)v) < 0)
        return HPy_NULL;
    return HPy_Dup(ctx, ctx->h_None);
}

/* capsule_set_pointer(c, value_or_None): a new payload, or NULL for None */
HPyDef_METH(capsule_set_pointer, "capsule_set_pointer", HPyFunc_VARARGS)
static HPy capsule_set_pointer_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "capsule_set_pointer(capsule, value)");
    Payload *p = HPy_Is(ctx, args[1], ctx->h_None) ? NULL : new_payload(HPyLong_AsLong(ctx, args[1]));
    if (HPyCapsule_SetPointer(ctx, args[0], p) < 0) {
        free(p);
        return HPy_NULL;
    }
    return HPy_Dup(ctx, ctx->h_None);
}

/* capsule_destructor(c): is our destructor set? (HPyCapsule_Get with key Destructor) */
HPyDef_METH(capsule_destructor, "capsule_destructor", HPyFunc_O)
static HPy capsule_destructor_impl(HPyContext *ctx, HPy self, HPy c)
{
    void *d = HPyCapsule_Get(ctx, c, HPyCapsule_key_Destructor, NULL);
    if (!d && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyBool_FromBool(ctx, d == (void *)&payload_destructor);
}

HPyDef_METH(capsule_set_destructor, "capsule_set_destructor", HPyFunc_VARARGS)
static HPy capsule_set_destructor_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "capsule_set_destructor(capsule, on)");
    int on = HPy_IsTrue(ctx, args[1]);
    if (HPyCapsule_SetDestructor(ctx, args[0], on ? &payload_destructor : NULL) < 0)
        return HPy_NULL;
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(capsule_is_valid, "capsule_is_valid", HPyFunc_VARARGS)
static HPy capsule_is_valid_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "capsule_is_valid(obj, name)");
    const char *name = HPy_Is(ctx, args[1], ctx->h_None) ? NULL : cstr(ctx, args[1]);
    int r = HPyCapsule_IsValid(ctx, args[0], name);
    if (HPyErr_Occurred(ctx))
        return HPy_NULL; /* IsValid never raises: the caller turns this into a failure */
    return HPyLong_FromLong(ctx, r ? 1 : 0);
}

HPyDef_METH(capsule_type_check, "capsule_type_check", HPyFunc_O)
static HPy capsule_type_check_impl(HPyContext *ctx, HPy self, HPy c)
{
    return HPyLong_FromLong(ctx, HPy_TypeCheck(ctx, c, ctx->h_CapsuleType) ? 1 : 0);
}

/* destroyed() -> (count, sum of destroyed payload values, last name, last context) */
HPyDef_METH(destroyed, "destroyed", HPyFunc_NOARGS)
static HPy destroyed_impl(HPyContext *ctx, HPy self)
{
    HPy a = HPyLong_FromLong(ctx, destroyed_count);
    HPy b = HPyLong_FromLong(ctx, destroyed_value_sum);
    HPy c = HPyUnicode_FromString(ctx, destroyed_last_name);
    HPy d = HPyLong_FromInt64_t(ctx, (int64_t)destroyed_last_context);
    HPy r = HPyTuple_Pack(ctx, 4, a, b, c, d);
    HPy_Close(ctx, a);
    HPy_Close(ctx, b);
    HPy_Close(ctx, c);
    HPy_Close(ctx, d);
    return r;
}

/* destroyed_names() -> list of (name, value, context), one per destructor call so far */
HPyDef_METH(destroyed_entries, "destroyed_entries", HPyFunc_NOARGS)
static HPy destroyed_entries_impl(HPyContext *ctx, HPy self)
{
    HPy l = HPyList_New(ctx, 0);
    for (long i = 0; i < destroyed_count && i < 256; i++) {
        HPy a = HPyUnicode_FromString(ctx, destroyed_log[i].name);
        HPy b = HPyLong_FromLong(ctx, destroyed_log[i].value);
        HPy c = HPyLong_FromInt64_t(ctx, (int64_t)destroyed_log[i].context);
        HPy t = HPyTuple_Pack(ctx, 3, a, b, c);
        HPyList_Append(ctx, l, t);
        HPy_Close(ctx, a);
        HPy_Close(ctx, b);
        HPy_Close(ctx, c);
        HPy_Close(ctx, t);
    }
    return l;
}

/* Makes a capsule with a destructor and drops it without returning it. */
HPyDef_METH(capsule_drop, "capsule_drop", HPyFunc_VARARGS)
static HPy capsule_drop_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "capsule_drop(value, name)");
    const char *name = intern(cstr(ctx, args[1]));
    HPy c = HPyCapsule_New(ctx, new_payload(HPyLong_AsLong(ctx, args[0])), name, &payload_destructor);
    if (HPy_IsNull(c))
        return HPy_NULL;
    HPyCapsule_SetContext(ctx, c, (void *)(intptr_t)77);
    HPy_Close(ctx, c);
    return HPy_Dup(ctx, ctx->h_None);
}

/* ---- context variables --------------------------------------------------------------------- */

/* cv_new(name[, default]) */
HPyDef_METH(cv_new, "cv_new", HPyFunc_VARARGS)
static HPy cv_new_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 1 && nargs != 2) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "cv_new(name[, default])");
        return HPy_NULL;
    }
    const char *name = cstr(ctx, args[0]);
    if (!name)
        return HPy_NULL;
    return HPyContextVar_New(ctx, name, nargs == 2 ? args[1] : HPy_NULL);
}

/* cv_get(var[, default]) -> (return code, has_value, value or None) */
HPyDef_METH(cv_get, "cv_get", HPyFunc_VARARGS)
static HPy cv_get_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 1 && nargs != 2) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "cv_get(var[, default])");
        return HPy_NULL;
    }
    HPy result = HPy_NULL;
    int32_t rc = HPyContextVar_Get(ctx, args[0], nargs == 2 ? args[1] : HPy_NULL, &result);
    if (rc < 0)
        return HPy_NULL;
    HPy code = HPyLong_FromLong(ctx, rc);
    HPy has = HPyBool_FromBool(ctx, !HPy_IsNull(result));
    HPy value = HPy_IsNull(result) ? HPy_Dup(ctx, ctx->h_None) : result;
    HPy r = HPyTuple_Pack(ctx, 3, code, has, value);
    HPy_Close(ctx, code);
    HPy_Close(ctx, has);
    HPy_Close(ctx, value);
    return r;
}

HPyDef_METH(cv_set, "cv_set", HPyFunc_VARARGS)
static HPy cv_set_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "cv_set(var, value)");
    return HPyContextVar_Set(ctx, args[0], args[1]);
}

/* ---- errors -------------------------------------------------------------------------------- */

/* new_exception(name, base_or_None, dict_or_None) */
HPyDef_METH(new_exception, "new_exception", HPyFunc_VARARGS)
static HPy new_exception_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "new_exception(name, base, dict)");
    const char *name = cstr(ctx, args[0]);
    if (!name)
        return HPy_NULL;
    return HPyErr_NewException(ctx, name, opt(ctx, args[1]), opt(ctx, args[2]));
}

HPyDef_METH(new_exception_doc, "new_exception_doc", HPyFunc_VARARGS)
static HPy new_exception_doc_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(4, "new_exception_doc(name, doc, base, dict)");
    const char *name = cstr(ctx, args[0]);
    if (!name)
        return HPy_NULL;
    const char *doc = HPy_Is(ctx, args[1], ctx->h_None) ? NULL : cstr(ctx, args[1]);
    return HPyErr_NewExceptionWithDoc(ctx, name, doc, opt(ctx, args[2]), opt(ctx, args[3]));
}

/* raise_string(type, msg): HPyErr_SetString */
HPyDef_METH(raise_string, "raise_string", HPyFunc_VARARGS)
static HPy raise_string_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "raise_string(type, msg)");
    const char *msg = cstr(ctx, args[1]);
    if (!msg)
        return HPy_NULL;
    HPyErr_SetString(ctx, args[0], msg);
    return HPy_NULL;
}

/* raise_object(type, value): HPyErr_SetObject */
HPyDef_METH(raise_object, "raise_object", HPyFunc_VARARGS)
static HPy raise_object_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "raise_object(type, value)");
    HPyErr_SetObject(ctx, args[0], args[1]);
    return HPy_NULL;
}

/* matches(f, spec): calls f(); returns None if it did not raise, else
 * HPyErr_ExceptionMatches(spec) after which the error is cleared. */
HPyDef_METH(matches, "matches", HPyFunc_VARARGS)
static HPy matches_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "matches(f, spec)");
    HPy r = HPy_Call(ctx, args[0], NULL, 0, HPy_NULL);
    if (!HPy_IsNull(r)) {
        HPy_Close(ctx, r);
        return HPy_Dup(ctx, ctx->h_None);
    }
    int m = HPyErr_ExceptionMatches(ctx, args[1]);
    HPyErr_Clear(ctx);
    return HPyBool_FromBool(ctx, m != 0);
}

/* set_and_clear(): sets an error, clears it, reports HPyErr_Occurred before and after */
HPyDef_METH(set_and_clear, "set_and_clear", HPyFunc_NOARGS)
static HPy set_and_clear_impl(HPyContext *ctx, HPy self)
{
    int before = HPyErr_Occurred(ctx);
    HPyErr_SetString(ctx, ctx->h_KeyError, "x");
    int during = HPyErr_Occurred(ctx);
    HPyErr_Clear(ctx);
    int after = HPyErr_Occurred(ctx);
    HPy a = HPyLong_FromLong(ctx, before);
    HPy b = HPyLong_FromLong(ctx, during);
    HPy c = HPyLong_FromLong(ctx, after);
    HPy r = HPyTuple_Pack(ctx, 3, a, b, c);
    HPy_Close(ctx, a);
    HPy_Close(ctx, b);
    HPy_Close(ctx, c);
    return r;
}

/* warn(category_or_None, msg, stacklevel) -> HPyErr_WarnEx's return value, or raises */
HPyDef_METH(warn_ex, "warn_ex", HPyFunc_VARARGS)
static HPy warn_ex_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "warn(category, msg, stacklevel)");
    const char *msg = cstr(ctx, args[1]);
    if (!msg)
        return HPy_NULL;
    HPy_ssize_t level = HPyLong_AsSsize_t(ctx, args[2]);
    int r = HPyErr_WarnEx(ctx, opt(ctx, args[0]), msg, level);
    if (r < 0) {
        if (!HPyErr_Occurred(ctx))
            HPyErr_SetString(ctx, ctx->h_SystemError, "HPyErr_WarnEx returned -1 without an error");
        return HPy_NULL;
    }
    return HPyLong_FromLong(ctx, r);
}

/* unraisable(type, msg, obj_or_None): raises type(msg) in C, reports it with
 * HPyErr_WriteUnraisable(obj) and returns HPyErr_Occurred() afterwards. */
HPyDef_METH(unraisable, "unraisable", HPyFunc_VARARGS)
static HPy unraisable_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "unraisable(type, msg, obj)");
    const char *msg = cstr(ctx, args[1]);
    if (!msg)
        return HPy_NULL;
    HPyErr_SetString(ctx, args[0], msg);
    HPyErr_WriteUnraisable(ctx, opt(ctx, args[2]));
    return HPyLong_FromLong(ctx, HPyErr_Occurred(ctx));
}

/* unraisable_call(f): calls f(); if it raised, reports the error as unraisable. */
HPyDef_METH(unraisable_call, "unraisable_call", HPyFunc_O)
static HPy unraisable_call_impl(HPyContext *ctx, HPy self, HPy f)
{
    HPy r = HPy_Call(ctx, f, NULL, 0, HPy_NULL);
    if (HPy_IsNull(r)) {
        HPyErr_WriteUnraisable(ctx, f);
        return HPyLong_FromLong(ctx, HPyErr_Occurred(ctx));
    }
    HPy_Close(ctx, r);
    return HPyLong_FromLong(ctx, -1);
}

/* ---- imports ------------------------------------------------------------------------------- */

HPyDef_METH(import_module, "import_module", HPyFunc_O)
static HPy import_module_impl(HPyContext *ctx, HPy self, HPy name)
{
    const char *s = cstr(ctx, name);
    if (!s)
        return HPy_NULL;
    return HPyImport_ImportModule(ctx, s);
}

/* import_call(module, attr, args): getattr(import(module), attr)(*args) entirely in C */
HPyDef_METH(import_call, "import_call", HPyFunc_VARARGS)
static HPy import_call_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "import_call(module, attr, args)");
    const char *mod = cstr(ctx, args[0]);
    const char *attr = cstr(ctx, args[1]);
    if (!mod || !attr)
        return HPy_NULL;
    HPy m = HPyImport_ImportModule(ctx, mod);
    if (HPy_IsNull(m))
        return HPy_NULL;
    HPy f = HPy_GetAttr_s(ctx, m, attr);
    HPy_Close(ctx, m);
    if (HPy_IsNull(f))
        return HPy_NULL;
    HPy r = HPy_CallTupleDict(ctx, f, args[2], HPy_NULL);
    HPy_Close(ctx, f);
    return r;
}

/* Is HPyImport_ImportModule("builtins") the h_Builtins constant? */
HPyDef_METH(builtins_is_h_builtins, "builtins_is_h_builtins", HPyFunc_NOARGS)
static HPy builtins_is_h_builtins_impl(HPyContext *ctx, HPy self)
{
    HPy b = HPyImport_ImportModule(ctx, "builtins");
    if (HPy_IsNull(b))
        return HPy_NULL;
    int same = HPy_Is(ctx, b, ctx->h_Builtins);
    HPy_Close(ctx, b);
    return HPyBool_FromBool(ctx, same);
}

/* import_fails(name): the import's error, checked in C: (ModuleNotFoundError?, ImportError?) */
HPyDef_METH(import_fails, "import_fails", HPyFunc_O)
static HPy import_fails_impl(HPyContext *ctx, HPy self, HPy name)
{
    const char *s = cstr(ctx, name);
    if (!s)
        return HPy_NULL;
    HPy m = HPyImport_ImportModule(ctx, s);
    if (!HPy_IsNull(m)) {
        HPy_Close(ctx, m);
        return HPy_Dup(ctx, ctx->h_None);
    }
    int mnf = HPyErr_ExceptionMatches(ctx, ctx->h_ModuleNotFoundError);
    int ie = HPyErr_ExceptionMatches(ctx, ctx->h_ImportError);
    HPyErr_Clear(ctx);
    HPy a = HPyBool_FromBool(ctx, mnf != 0);
    HPy b = HPyBool_FromBool(ctx, ie != 0);
    HPy r = HPyTuple_Pack(ctx, 2, a, b);
    HPy_Close(ctx, a);
    HPy_Close(ctx, b);
    return r;
}

/* ---- code that needs an interpreter -------------------------------------------------------- */

HPyDef_METH(compile_s, "compile_s", HPyFunc_O)
static HPy compile_s_impl(HPyContext *ctx, HPy self, HPy src)
{
    const char *s = cstr(ctx, src);
    if (!s)
        return HPy_NULL;
    return HPy_Compile_s(ctx, s, "<string>", HPy_SourceKind_Expr);
}

/* eval_code(code, globals, locals): None -> HPy_NULL for locals */
HPyDef_METH(eval_code, "eval_code", HPyFunc_VARARGS)
static HPy eval_code_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "eval_code(code, globals, locals)");
    return HPy_EvalCode(ctx, args[0], args[1], opt(ctx, args[2]));
}

static HPyDef *module_defines[] = {
    &capsule_new, &capsule_new_null, &capsule_value, &capsule_name, &capsule_set_name, &capsule_context,
    &capsule_set_context, &capsule_set_pointer, &capsule_destructor, &capsule_set_destructor,
    &capsule_is_valid, &capsule_type_check, &destroyed, &destroyed_entries, &capsule_drop,
    &cv_new, &cv_get, &cv_set,
    &new_exception, &new_exception_doc, &raise_string, &raise_object, &matches, &set_and_clear, &warn_ex,
    &unraisable, &unraisable_call,
    &import_module, &import_call, &builtins_is_h_builtins, &import_fails,
    &compile_s, &eval_code,
    NULL,
};

static HPyModuleDef moduledef = {
    .doc = "capsules, context variables, errors and imports from C",
    .defines = module_defines,
};

HPy_MODINIT(obj_misc, moduledef)
