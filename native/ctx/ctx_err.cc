// Exceptions. HPyErr_SetString stays lazy (type + message) until the error is looked at or
// thrown into JS, so checking and clearing an error costs no JS call.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include "../env.h"

using hn::Env;

void hn_Err_SetString(HPyContext *ctx, HPy type, const char *msg) { Env::of(ctx)->err_set_lazy(type, msg); }

void hn_Err_SetObject(HPyContext *ctx, HPy type, HPy value) { Env::of(ctx)->err_set_object(type, value); }

int hn_Err_Occurred(HPyContext *ctx) { return Env::of(ctx)->err_occurred(); }

int hn_Err_ExceptionMatches(HPyContext *ctx, HPy exc) { return Env::of(ctx)->err_matches(exc); }

void hn_Err_NoMemory(HPyContext *ctx) {
  Env *e = Env::of(ctx);
  e->err_set_lazy(e->h(hn::C_MemoryError), "");
}

void hn_Err_Clear(HPyContext *ctx) { Env::of(ctx)->err_clear(); }

static void set_from_errno(Env *e, HPy type, napi_value f1, napi_value f2) {
  int code = errno;
  hn::Tick tick(e);
  napi_value argv[5] = {e->to_js(type), e->js_number(code), f1, f2, e->js_string(std::strerror(code))};
  napi_value exc;
  if (e->helper(hn::X_osError, 5, argv, &exc)) e->err_set_js(exc);
}

HPy hn_Err_SetFromErrnoWithFilename(HPyContext *ctx, HPy type, const char *filename) {
  Env *e = Env::of(ctx);
  set_from_errno(e, type, filename ? e->js_string(filename) : e->undefined(), e->undefined());
  return HPy{0};
}

void hn_Err_SetFromErrnoWithFilenameObjects(HPyContext *ctx, HPy type, HPy f1, HPy f2) {
  Env *e = Env::of(ctx);
  set_from_errno(e, type, e->to_js_or_undefined(f1), e->to_js_or_undefined(f2));
}

static HPy new_exception(HPyContext *ctx, const char *name, const char *doc, HPy base, HPy dict) {
  Env *e = Env::of(ctx);
  if (!name || !std::strchr(name, '.')) {
    e->set_system_error("HPyErr_NewException: name must be module.class");
    return HPy{0};
  }
  hn::Tick tick(e);
  napi_value argv[4] = {e->js_string(name), e->to_js_or_undefined(base), e->to_js_or_undefined(dict),
                        doc ? e->js_string(doc) : e->undefined()};
  napi_value r;
  if (!e->helper(hn::X_newException, 4, argv, &r)) return HPy{0};
  return e->new_handle(r);
}

HPy hn_Err_NewException(HPyContext *ctx, const char *name, HPy base, HPy dict) {
  return new_exception(ctx, name, nullptr, base, dict);
}

HPy hn_Err_NewExceptionWithDoc(HPyContext *ctx, const char *name, const char *doc, HPy base, HPy dict) {
  return new_exception(ctx, name, doc, base, dict);
}

int hn_Err_WarnEx(HPyContext *ctx, HPy category, const char *msg, HPy_ssize_t stack_level) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value argv[3] = {e->to_js_or_undefined(category), e->js_string(msg), e->js_number((double)stack_level)};
  napi_value r;
  return e->helper(hn::X_warn, 3, argv, &r) ? 0 : -1;
}

void hn_FatalError(HPyContext *ctx, const char *message) {
  (void)ctx;
  std::fprintf(stderr, "Fatal Python error: %s\n", message ? message : "(no message)");
  napi_fatal_error("HPy_FatalError", NAPI_AUTO_LENGTH, message ? message : "", NAPI_AUTO_LENGTH);
}

void hn_Err_WriteUnraisable(HPyContext *ctx, HPy obj) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value err = e->err_take();
  napi_value argv[2] = {err ? err : e->undefined(), e->to_js_or_undefined(obj)};
  napi_value r;
  if (!e->helper(hn::X_unraisable, 2, argv, &r)) e->err_clear();
}
