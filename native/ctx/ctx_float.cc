// float and bool: immediates in the handle bits.
#include "../env.h"

using hn::Env;

HPy hn_Float_FromDouble(HPyContext *, double v) { return hn::imm_double(v); }

HPy hn_Bool_FromBool(HPyContext *, bool v) { return hn::bool_handle(v); }

double hn_Float_AsDouble(HPyContext *ctx, HPy h) {
  if (hn::is_imm_double(h)) return hn::imm_double_value(h);
  if (hn::is_imm_int(h)) return (double)hn::imm_int_value(h);
  uint64_t b = hn::bits(h);
  if (b == hn::kTrue || b == hn::kFalse) return b == hn::kTrue ? 1.0 : 0.0;
  Env *e = Env::of(ctx);
  if (h._i == 0) {
    e->set_system_error("NULL handle passed to HPyFloat_AsDouble");
    return -1.0;
  }
  // None and str have no __float__: raised here, not by a JS throw (~5 us of stack capture), as
  // C code probing a value's type would pay on every miss.
  if (b == hn::kNone || e->type_of(h) == napi_string) {
    e->set_error(e->h(hn::C_TypeError), b == hn::kNone ? "must be real number, not NoneType" : "must be real number, not str");
    return -1.0;
  }
  hn::Tick tick(e);
  napi_value js = e->to_js(h), r;
  napi_valuetype t;
  napi_typeof(e->env, js, &t);
  if (t != napi_number) {  // big ints, __float__, __index__, or TypeError (never parses strings)
    if (!e->helper(hn::X_asDouble, 1, &js, &r)) return -1.0;
    js = r;
  }
  double d = -1.0;
  napi_get_value_double(e->env, js, &d);
  return d;
}
