// Handle encoding. An HPy is 64 bits; its top 16 bits say what it holds:
//   0x0000        index into the Env's slot table (0 is HPy_NULL)
//   0x0001        a constant: None, True, False
//   0xFFFF        an int in the low 48 bits (two's complement): no table, no Node-API call
//   0x0002-0xFFF2 a double, stored as its bits plus 2^49 (NaNs canonicalised)
// Floats and small ints therefore cost nothing to create, close or convert.
#pragma once
#include <cstdint>
#include <cstring>
#include "hpy_abi.h"

namespace hn {

constexpr uint64_t kConstTag = 0x0001ull << 48;
constexpr uint64_t kIntTag = 0xFFFFull << 48;
constexpr uint64_t kDoubleOffset = 0x0002ull << 48;
constexpr uint64_t kNone = kConstTag | 1;
constexpr uint64_t kTrue = kConstTag | 2;
constexpr uint64_t kFalse = kConstTag | 3;
constexpr int64_t kImmIntMin = -(int64_t(1) << 47);
constexpr int64_t kImmIntMax = (int64_t(1) << 47) - 1;
constexpr int64_t kSafeIntMax = 9007199254740991;  // Number.MAX_SAFE_INTEGER

inline uint64_t bits(HPy h) { return (uint64_t)h._i; }
inline HPy mk(uint64_t b) { HPy h; h._i = (intptr_t)b; return h; }
inline uint64_t tag(HPy h) { return bits(h) >> 48; }
inline bool is_slot(HPy h) { return tag(h) == 0; }
inline bool is_const(HPy h) { return tag(h) == 1; }
inline bool is_imm_int(HPy h) { return tag(h) == 0xFFFF; }
inline bool is_imm_double(HPy h) { uint64_t t = tag(h); return t >= 2 && t <= 0xFFF2; }

inline bool fits_imm_int(int64_t v) { return v >= kImmIntMin && v <= kImmIntMax; }
inline HPy imm_int(int64_t v) { return mk(((uint64_t)v & 0x0000FFFFFFFFFFFFull) | kIntTag); }
inline int64_t imm_int_value(HPy h) { return ((int64_t)(bits(h) << 16)) >> 16; }

inline HPy imm_double(double d) {
  uint64_t b;
  if (d != d) b = 0x7FF8000000000000ull;
  else std::memcpy(&b, &d, 8);
  return mk(b + kDoubleOffset);
}
inline double imm_double_value(HPy h) {
  uint64_t b = bits(h) - kDoubleOffset;
  double d;
  std::memcpy(&d, &b, 8);
  return d;
}
inline HPy bool_handle(bool v) { return mk(v ? kTrue : kFalse); }

// A JS number is a Python int when it is a safe integer other than -0; any other number is a float.
inline bool number_is_int(double d) {
  return d >= -(double)kSafeIntMax && d <= (double)kSafeIntMax && d == (double)(int64_t)d &&
         !(d == 0 && std::signbit(d));
}

}  // namespace hn
