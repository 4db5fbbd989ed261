// Arithmetic (+ - * / // %), comparison and hashing of the numbers that live in the handle bits
// (small ints, bools, floats), computed here as CPython's int and float do: through the object
// model each cost ~100-200 ns where CPython takes ~10-20. str equality is one Node-API call and
// str hash one copy. Everything else (big ints, subclasses, objects with dunders, str order) goes
// to the object model (js_*).
#include <cmath>
#include "../env.h"
#include "../str_index.h"

using hn::Env;

namespace {

// A number in the handle bits: an int (bools are ints, as in Python) or a float.
struct Num {
  bool is_float;
  int64_t i;  // |i| < 2^47: exact as a double too
  double d;
};

bool num_of(HPy h, Num *n) {
  if (hn::is_imm_int(h)) {
    *n = {false, hn::imm_int_value(h), 0};
    return true;
  }
  if (hn::is_imm_double(h)) {
    *n = {true, 0, hn::imm_double_value(h)};
    return true;
  }
  uint64_t b = hn::bits(h);
  if (b == hn::kTrue || b == hn::kFalse) {
    *n = {false, b == hn::kTrue, 0};
    return true;
  }
  return false;
}

double as_double(const Num &n) { return n.is_float ? n.d : (double)n.i; }

HPy int_result(Env *e, int64_t r) {
  if (hn::fits_imm_int(r)) return hn::imm_int(r);
  hn::Tick tick(e);
  return e->new_handle(e->js_int64(r));  // a number up to 2**53, a BigInt beyond: exact either way
}

enum class Op { Add, Sub, Mul, TrueDiv, FloorDiv, Mod };

// True with *out set when both are numbers in the handle bits and the result is plain here. The
// object model keeps the rest: an int product past int64 (BigInts), division by zero (its
// ZeroDivisionError), and float // and % (Python's float divmod has its own rounding rules).
bool arith(Env *e, HPy a, HPy b, Op op, HPy *out) {
  Num x, y;
  if (!num_of(a, &x) || !num_of(b, &y)) return false;
  if (!x.is_float && !y.is_float) {
    int64_t r;
    switch (op) {
      case Op::Add: r = x.i + y.i; break;
      case Op::Sub: r = x.i - y.i; break;
      case Op::Mul:
        if (__builtin_mul_overflow(x.i, y.i, &r)) return false;
        break;
      case Op::TrueDiv:  // both exact as doubles: one correctly rounded division, as CPython's
        if (y.i == 0) return false;
        *out = hn::imm_double((double)x.i / (double)y.i);
        return true;
      case Op::FloorDiv:  // rounds toward minus infinity
        if (y.i == 0) return false;
        r = x.i / y.i - ((x.i % y.i != 0) && ((x.i < 0) != (y.i < 0)));
        break;
      case Op::Mod:  // takes the divisor's sign
        if (y.i == 0) return false;
        r = x.i % y.i;
        if (r != 0 && ((r < 0) != (y.i < 0))) r += y.i;
        break;
    }
    *out = int_result(e, r);
    return true;
  }
  double p = as_double(x), q = as_double(y);  // int op float is a float op, as in Python
  switch (op) {
    case Op::Add: *out = hn::imm_double(p + q); return true;
    case Op::Sub: *out = hn::imm_double(p - q); return true;
    case Op::Mul: *out = hn::imm_double(p * q); return true;
    case Op::TrueDiv:
      if (q == 0) return false;
      *out = hn::imm_double(p / q);
      return true;
    default: return false;
  }
}

// The truth of `a op b` for two numbers in the handle bits (NaN is unordered: only != holds),
// or for two strs under == and !=; -1 for anything else (the object model decides).
int compare(Env *e, HPy a, HPy b, int op) {
  Num x, y;
  if (num_of(a, &x) && num_of(b, &y)) {
    int c;  // -1, 0, 1, or 2 for unordered
    if (!x.is_float && !y.is_float) {
      c = x.i < y.i ? -1 : x.i > y.i;
    } else {
      double p = as_double(x), q = as_double(y);
      c = p < q ? -1 : p > q ? 1 : p == q ? 0 : 2;
    }
    switch (op) {
      case HPy_LT: return c == -1;
      case HPy_LE: return c == -1 || c == 0;
      case HPy_EQ: return c == 0;
      case HPy_NE: return c != 0;
      case HPy_GT: return c == 1;
      case HPy_GE: return c == 1 || c == 0;
      default: return -1;
    }
  }
  // Equal UTF-16 units are equal code points; order differs (surrogates sort below U+E000).
  if ((op == HPy_EQ || op == HPy_NE) && hn::is_slot(a) && hn::is_slot(b) && a._i && b._i &&
      e->type_of(a) == napi_string && e->type_of(b) == napi_string) {
    hn::Tick tick(e);
    bool same = false;
    if (napi_strict_equals(e->env, e->to_js(a), e->to_js(b), &same) != napi_ok) return -1;
    return same == (op == HPy_EQ);
  }
  return -1;
}

// The object model's str hash (model/hash.ts hashStr): FNV-1a over the UTF-16 units, spread into
// 53 bits with the length mixed in. It must agree: dict keys hash the same from C and from JS.
HPy_hash_t str_hash(Env *e, napi_value s) {
  hn::Utf16Units units(e, s);
  uint32_t h = 0x811c9dc5u;
  for (size_t i = 0; i < units.size(); i++) h = (h ^ units.data()[i]) * 0x01000193u;
  return (HPy_hash_t)((uint64_t)h * 2097152u + (units.size() & 0x1fffff));
}

}  // namespace

// The binary number functions: the handle bits' numbers here, the rest in the object model.
// Numbers are immutable: x += y is x + y.
#define HN_BINARY(MEMBER, OP) \
  HPy hn_##MEMBER(HPyContext *ctx, HPy h1, HPy h2) { \
    HPy r; \
    return arith(Env::of(ctx), h1, h2, OP, &r) ? r : js_##MEMBER(ctx, h1, h2); \
  }
HN_BINARY(Add, Op::Add)
HN_BINARY(Subtract, Op::Sub)
HN_BINARY(Multiply, Op::Mul)
HN_BINARY(TrueDivide, Op::TrueDiv)
HN_BINARY(FloorDivide, Op::FloorDiv)
HN_BINARY(Remainder, Op::Mod)
HN_BINARY(InPlaceAdd, Op::Add)
HN_BINARY(InPlaceSubtract, Op::Sub)
HN_BINARY(InPlaceMultiply, Op::Mul)
HN_BINARY(InPlaceTrueDivide, Op::TrueDiv)
HN_BINARY(InPlaceFloorDivide, Op::FloorDiv)
HN_BINARY(InPlaceRemainder, Op::Mod)
#undef HN_BINARY

HPy hn_Negative(HPyContext *ctx, HPy h1) {
  Num x;
  if (!num_of(h1, &x)) return js_Negative(ctx, h1);
  return x.is_float ? hn::imm_double(-x.d) : int_result(Env::of(ctx), -x.i);
}

HPy hn_Absolute(HPyContext *ctx, HPy h1) {
  Num x;
  if (!num_of(h1, &x)) return js_Absolute(ctx, h1);
  return x.is_float ? hn::imm_double(std::fabs(x.d)) : int_result(Env::of(ctx), x.i < 0 ? -x.i : x.i);
}

HPy hn_RichCompare(HPyContext *ctx, HPy v, HPy w, int op) {
  int r = compare(Env::of(ctx), v, w, op);
  return r < 0 ? js_RichCompare(ctx, v, w, op) : hn::bool_handle(r != 0);
}

int hn_RichCompareBool(HPyContext *ctx, HPy v, HPy w, int op) {
  int r = compare(Env::of(ctx), v, w, op);
  return r < 0 ? js_RichCompareBool(ctx, v, w, op) : r;
}

// hash(n) of an int below 2**61 is n itself, except that -1 becomes -2; a float with an integral
// value hashes as that int (CPython's rule, which keeps 1 == 1.0 == True one dict key).
HPy_hash_t hn_Hash(HPyContext *ctx, HPy obj) {
  Num x;
  if (num_of(obj, &x)) {
    int64_t i = x.i;
    if (x.is_float) {
      if (!(x.d == std::trunc(x.d) && std::fabs(x.d) <= (double)hn::kImmIntMax)) return js_Hash(ctx, obj);
      i = (int64_t)x.d;
    }
    return i == -1 ? -2 : i;
  }
  Env *e = Env::of(ctx);
  if (hn::is_slot(obj) && obj._i && e->type_of(obj) == napi_string) return str_hash(e, e->to_js(obj));
  return js_Hash(ctx, obj);
}
