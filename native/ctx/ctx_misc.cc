// The rest: debugging aids, the GIL calls (no-ops: each Node-API environment runs one thread),
// and the functions that need a Python interpreter.
#include <cstdio>
#include "../env.h"

using hn::Env;

void hn_Dump(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value js = e->to_js_or_undefined(h), r;
  std::fprintf(stderr, "object handle : 0x%llx\n", (unsigned long long)h._i);
  if (e->dispatch(hn::D_Repr, 1, &js, &r)) {
    std::fprintf(stderr, "object repr   : %s\n", e->utf8(r).c_str());
  } else {
    e->err_clear();
  }
}

HPyThreadState hn_LeavePythonExecution(HPyContext *ctx) {
  (void)ctx;
  return HPyThreadState{1};
}

void hn_ReenterPythonExecution(HPyContext *ctx, HPyThreadState state) {
  (void)ctx;
  (void)state;
}

static void needs_interpreter(HPyContext *ctx, const char *name) {
  Env::of(ctx)->set_system_error(std::string("HPy function ") + name +
                                 " needs a Python interpreter to compile or run Python code; hpy-node runs "
                                 "extensions without one");
}

HPy hn_Compile_s(HPyContext *ctx, const char *source, const char *filename, HPy_SourceKind kind) {
  (void)source;
  (void)filename;
  (void)kind;
  needs_interpreter(ctx, "HPy_Compile_s");
  return HPy{0};
}

HPy hn_EvalCode(HPyContext *ctx, HPy code, HPy globals, HPy locals) {
  (void)code;
  (void)globals;
  (void)locals;
  needs_interpreter(ctx, "HPy_EvalCode");
  return HPy{0};
}

int hn_Slice_Unpack(HPyContext *ctx, HPy slice, HPy_ssize_t *start, HPy_ssize_t *stop, HPy_ssize_t *step) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value js = e->to_js_or_undefined(slice), r;
  if (!e->helper(hn::X_sliceUnpack, 1, &js, &r)) return -1;
  HPy_ssize_t *out[3] = {start, stop, step};
  for (uint32_t i = 0; i < 3; i++) {
    napi_value v;
    napi_get_element(e->env, r, i, &v);
    int64_t x = e->result_int(v);  // exact: numbers or BigInts (beyond 2**53)
    if (out[i]) *out[i] = (HPy_ssize_t)x;
  }
  return 0;
}
