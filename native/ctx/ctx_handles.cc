// Handle lifetime and identity: HPy_Dup, HPy_Close, HPy_Is, HPy_TypeCheck.
#include "../containers.h"
#include "../env.h"
#include "../types.h"

using hn::Env;

HPy hn_Dup(HPyContext *ctx, HPy h) { return Env::of(ctx)->dup(h); }

void hn_Close(HPyContext *ctx, HPy h) {
  if (hn::is_slot(h)) Env::of(ctx)->close(h);  // immediates and constants hold nothing
}

int hn_Is(HPyContext *ctx, HPy a, HPy b) {
  if (a._i == b._i) return 1;
  if (!hn::is_slot(a) || !hn::is_slot(b) || a._i == 0 || b._i == 0) return 0;
  Env *e = Env::of(ctx);
  bool same = false;
  napi_strict_equals(e->env, e->to_js(a), e->to_js(b), &same);
  return same;
}

// Builtin types are answered natively for primitives; objects ask the object model.
int hn_TypeCheck(HPyContext *ctx, HPy h, HPy type) {
  Env *e = Env::of(ctx);
  if (type._i == e->h(hn::C_BaseObjectType)._i) return 1;
  napi_valuetype t = e->type_of(h);
  bool is_int = hn::is_imm_int(h) || (t == napi_number && hn::is_slot(h)) || t == napi_bigint;
  bool is_bool = t == napi_boolean;
  auto is = [&](int id) { return type._i == e->h(id)._i; };
  if (t != napi_object && t != napi_function && t != napi_external) {
    if (is(hn::C_LongType)) return is_int || is_bool;
    if (is(hn::C_BoolType)) return is_bool;
    if (is(hn::C_FloatType)) return hn::is_imm_double(h);
    if (is(hn::C_UnicodeType)) return t == napi_string;
  }
  if (e->is_lazy_dict(h)) return is(hn::C_DictType);
  hn::Tick tick(e);
  if (t == napi_object && !e->is_constant(type)) {  // an instance of an HPy type and that type or a base
    if (hn::ExtType *x = hn::own_ext_type(e, e->to_js(type))) {
      hn::ExtType *y = hn::exact_instance_type(e, h);
      if (y && hn::derives_from(y, x)) return 1;
    }
  }
  // An exact builtin container is an instance of its own type and object only.
  napi_value js;
  int own = -1;
  switch (hn::shape_of(e, h, &js)) {
    case hn::Shape::Dict: own = hn::C_DictType; break;
    case hn::Shape::List: own = hn::C_ListType; break;
    case hn::Shape::Tuple: own = hn::C_TupleType; break;
    case hn::Shape::Str: own = hn::C_UnicodeType; break;
    case hn::Shape::Bytes: own = hn::C_BytesType; break;
    default: break;
  }
  if (own >= 0 && e->is_permanent(type)) return is(own);
  napi_value argv[2] = {e->to_js(h), e->to_js(type)};
  napi_value r;
  if (!e->helper(hn::X_typeCheck, 2, argv, &r)) {
    e->err_clear();  // HPy_TypeCheck cannot fail
    return 0;
  }
  return e->result_int(r) != 0;
}
