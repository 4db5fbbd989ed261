// int conversions. Small ints live in the handle bits; larger safe integers are JS numbers,
// the rest BigInts. Overflow raises OverflowError, as in CPython.
#include <climits>
#include "../env.h"

using hn::Env;

namespace {

// An int's sign and magnitude, plus its low 64 bits in two's complement (for the Mask functions).
struct IntVal {
  bool neg = false;
  bool huge = false;  // magnitude >= 2^64
  uint64_t mag = 0;
  uint64_t low = 0;
};

void from_int64(IntVal *v, int64_t i) {
  v->neg = i < 0;
  v->mag = v->neg ? 0 - (uint64_t)i : (uint64_t)i;
  v->low = (uint64_t)i;
}

bool from_bigint(Env *e, napi_value big, IntVal *v) {
  size_t count = 0;
  int sign = 0;
  napi_get_value_bigint_words(e->env, big, nullptr, &count, nullptr);
  uint64_t words[4] = {0, 0, 0, 0};
  size_t n = count > 4 ? 4 : count;
  if (count > 4) {
    std::vector<uint64_t> all(count);
    napi_get_value_bigint_words(e->env, big, &sign, &count, all.data());
    words[0] = all[0];
  } else {
    napi_get_value_bigint_words(e->env, big, &sign, &n, words);
  }
  v->neg = sign != 0;
  v->mag = words[0];
  v->huge = count > 1;
  v->low = v->neg ? 0 - words[0] : words[0];
  return true;
}

// Reads an int. With `index`, other objects go through __index__ (HPy_Index), as
// PyLong_AsLong does; otherwise they raise TypeError("an integer is required").
bool int_of(Env *e, HPy h, IntVal *v, bool index) {
  if (hn::is_imm_int(h)) {
    from_int64(v, hn::imm_int_value(h));
    return true;
  }
  uint64_t b = hn::bits(h);
  if (b == hn::kTrue || b == hn::kFalse) {
    from_int64(v, b == hn::kTrue);
    return true;
  }
  if (hn::is_imm_double(h)) {
    e->set_error(e->h(hn::C_TypeError), "'float' object cannot be interpreted as an integer");
    return false;
  }
  if (b == hn::kNone) {
    e->set_error(e->h(hn::C_TypeError), "'NoneType' object cannot be interpreted as an integer");
    return false;
  }
  if (h._i == 0) {
    e->set_system_error("NULL handle passed to an HPyLong function");
    return false;
  }
  hn::Tick tick(e);
  napi_value js = e->to_js(h);
  napi_valuetype t;
  napi_typeof(e->env, js, &t);
  if (t == napi_number) {  // numbers in slots are always ints (floats are immediates)
    double d;
    napi_get_value_double(e->env, js, &d);
    from_int64(v, (int64_t)d);
    return true;
  }
  if (t == napi_bigint) return from_bigint(e, js, v);
  if (!index && t == napi_object) {  // an int subclass counts as an int
    napi_value prim;
    if (!e->helper(hn::X_primitiveOf, 1, &js, &prim)) return false;
    napi_typeof(e->env, prim, &t);
    if (t == napi_number || t == napi_bigint) index = true;  // its __index__ gives the value
  }
  if (!index) {
    e->set_error(e->h(hn::C_TypeError), "an integer is required");
    return false;
  }
  if (t == napi_string) {  // no __index__ to look for: raised here, not by a JS throw (~5 us of stack capture)
    e->set_error(e->h(hn::C_TypeError), "'str' object cannot be interpreted as an integer");
    return false;
  }
  napi_value r;
  if (!e->dispatch(hn::D_Index, 1, &js, &r)) return false;
  napi_typeof(e->env, r, &t);
  if (t == napi_bigint) return from_bigint(e, r, v);
  if (t == napi_boolean) {
    bool bb;
    napi_get_value_bool(e->env, r, &bb);
    from_int64(v, bb);
    return true;
  }
  double d = 0;
  napi_get_value_double(e->env, r, &d);
  from_int64(v, (int64_t)d);
  return true;
}

bool overflow(Env *e, const char *ctype) {
  e->set_error(e->h(hn::C_OverflowError), std::string("Python int too large to convert to C ") + ctype);
  return false;
}

bool negative(Env *e) {
  e->set_error(e->h(hn::C_OverflowError), "can't convert negative int to unsigned");
  return false;
}

bool as_signed(Env *e, HPy h, int64_t min, int64_t max, const char *ctype, bool index, int64_t *out) {
  IntVal v;
  if (!int_of(e, h, &v, index)) return false;
  if (v.huge) return overflow(e, ctype);
  uint64_t limit = v.neg ? (uint64_t)(-(min + 1)) + 1 : (uint64_t)max;
  if (v.mag > limit) return overflow(e, ctype);
  *out = v.neg ? (int64_t)(0 - v.mag) : (int64_t)v.mag;
  return true;
}

bool as_unsigned(Env *e, HPy h, uint64_t max, const char *ctype, bool index, uint64_t *out) {
  IntVal v;
  if (!int_of(e, h, &v, index)) return false;
  if (v.neg && v.mag != 0) return negative(e);
  if (v.huge || v.mag > max) return overflow(e, ctype);
  *out = v.mag;
  return true;
}

__attribute__((noinline)) HPy big_from_int64(Env *e, int64_t i) {
  hn::Tick tick(e);
  napi_value r;
  if (i >= -hn::kSafeIntMax && i <= hn::kSafeIntMax) napi_create_int64(e->env, i, &r);
  else napi_create_bigint_int64(e->env, i, &r);
  return e->new_slot(r);
}

// Inline for the common small int: no frame to save (the big case is out of line).
inline HPy from_int64(Env *e, int64_t i) { return hn::fits_imm_int(i) ? hn::imm_int(i) : big_from_int64(e, i); }

HPy from_uint64(Env *e, uint64_t u) {
  if (u <= (uint64_t)hn::kSafeIntMax) return from_int64(e, (int64_t)u);
  hn::Tick tick(e);
  napi_value r;
  napi_create_bigint_uint64(e->env, u, &r);
  return e->new_slot(r);
}

}  // namespace

HPy hn_Long_FromInt32_t(HPyContext *ctx, int32_t v) { return hn::imm_int(v); }
HPy hn_Long_FromUInt32_t(HPyContext *ctx, uint32_t v) { return hn::imm_int(v); }
HPy hn_Long_FromInt64_t(HPyContext *ctx, int64_t v) { return from_int64(Env::of(ctx), v); }
HPy hn_Long_FromUInt64_t(HPyContext *ctx, uint64_t v) { return from_uint64(Env::of(ctx), v); }
HPy hn_Long_FromSize_t(HPyContext *ctx, size_t v) { return from_uint64(Env::of(ctx), v); }
HPy hn_Long_FromSsize_t(HPyContext *ctx, HPy_ssize_t v) { return from_int64(Env::of(ctx), v); }

int32_t hn_Long_AsInt32_t(HPyContext *ctx, HPy h) {
  if (hn::is_imm_int(h)) {
    int64_t i = hn::imm_int_value(h);
    if (i >= INT32_MIN && i <= INT32_MAX) return (int32_t)i;
  }
  int64_t r = -1;
  return as_signed(Env::of(ctx), h, INT32_MIN, INT32_MAX, "int32_t", true, &r) ? (int32_t)r : -1;
}

uint32_t hn_Long_AsUInt32_t(HPyContext *ctx, HPy h) {
  uint64_t r;
  return as_unsigned(Env::of(ctx), h, UINT32_MAX, "uint32_t", true, &r) ? (uint32_t)r : (uint32_t)-1;
}

uint32_t hn_Long_AsUInt32_tMask(HPyContext *ctx, HPy h) {
  IntVal v;
  return int_of(Env::of(ctx), h, &v, true) ? (uint32_t)v.low : (uint32_t)-1;
}

int64_t hn_Long_AsInt64_t(HPyContext *ctx, HPy h) {
  if (hn::is_imm_int(h)) return hn::imm_int_value(h);
  int64_t r = -1;
  return as_signed(Env::of(ctx), h, INT64_MIN, INT64_MAX, "int64_t", true, &r) ? r : -1;
}

uint64_t hn_Long_AsUInt64_t(HPyContext *ctx, HPy h) {
  uint64_t r;
  return as_unsigned(Env::of(ctx), h, UINT64_MAX, "uint64_t", true, &r) ? r : (uint64_t)-1;
}

uint64_t hn_Long_AsUInt64_tMask(HPyContext *ctx, HPy h) {
  IntVal v;
  return int_of(Env::of(ctx), h, &v, true) ? v.low : (uint64_t)-1;
}

size_t hn_Long_AsSize_t(HPyContext *ctx, HPy h) {
  uint64_t r;
  return as_unsigned(Env::of(ctx), h, SIZE_MAX, "size_t", false, &r) ? (size_t)r : (size_t)-1;
}

HPy_ssize_t hn_Long_AsSsize_t(HPyContext *ctx, HPy h) {
  if (hn::is_imm_int(h)) return hn::imm_int_value(h);
  int64_t r = -1;
  return as_signed(Env::of(ctx), h, INTPTR_MIN, INTPTR_MAX, "ssize_t", false, &r) ? r : -1;
}

void *hn_Long_AsVoidPtr(HPyContext *ctx, HPy h) {
  IntVal v;
  Env *e = Env::of(ctx);
  if (!int_of(e, h, &v, false)) return nullptr;
  if (v.huge || (v.neg && v.mag > (uint64_t)INT64_MAX + 1)) {
    overflow(e, "void*");
    return nullptr;
  }
  return (void *)(uintptr_t)v.low;
}

double hn_Long_AsDouble(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  if (hn::is_imm_int(h)) return (double)hn::imm_int_value(h);
  IntVal v;
  if (!int_of(e, h, &v, false)) return -1.0;
  if (!v.huge) return v.neg ? -(double)v.mag : (double)v.mag;
  // Big: let JS round it (Number(bigint) rounds correctly and gives Infinity when too large).
  hn::Tick tick(e);
  napi_value js = e->to_js(h), r;
  if (!e->dispatch(hn::D_Float, 1, &js, &r)) return -1.0;
  double d;
  napi_get_value_double(e->env, r, &d);
  return d;
}
