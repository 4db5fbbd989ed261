// See str_index.h.
#include "str_index.h"
#include <cstdlib>

namespace hn {

namespace {

constexpr uint32_t kMarkEvery = 64;  // code points between two marks: a read scans fewer units than that
constexpr size_t kCopyAlways = 1024;     // a str this short is copied on its first read (cheaper than JS)
constexpr uint16_t kReadsBeforeCopy = 4; // a longer one on its 4th read through the same handle

bool high(char16_t c) { return (c & 0xFC00) == 0xD800; }
bool low(char16_t c) { return (c & 0xFC00) == 0xDC00; }

// A high surrogate followed by a low one is one code point. No unit is both, so pairs never
// overlap and the count needs no branch: with GCC's full vectoriser on, 8 or 16 units per step.
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("O3")))
#endif
size_t surrogate_pairs(const char16_t *buf, size_t n) {
  size_t pairs = 0;
  for (size_t i = 0; i + 1 < n; i++) pairs += high(buf[i]) & low(buf[i + 1]);
  return pairs;
}

StrIndex *fail(Env *e) {
  e->set_error(e->h(C_MemoryError), "");
  return nullptr;
}

}  // namespace

Utf16Units::Utf16Units(Env *e, napi_value s) {
  napi_get_value_string_utf16(e->env, s, stack_, 256, &n_);
  if (n_ + 1 < 256) return;  // it fit
  napi_get_value_string_utf16(e->env, s, nullptr, 0, &n_);
  heap_.resize(n_ + 1);
  napi_get_value_string_utf16(e->env, s, heap_.data(), n_ + 1, &n_);
  data_ = heap_.data();
}

uint32_t StrIndex::unit_of(uint32_t i, uint32_t *n) const {
  if (!marks) {
    *n = 1;
    return i;
  }
  uint32_t u = marks[i / kMarkEvery];
  for (uint32_t k = i % kMarkEvery; k > 0; k--) u += (high(text[u]) && u + 1 < units && low(text[u + 1])) ? 2 : 1;
  *n = (high(text[u]) && u + 1 < units && low(text[u + 1])) ? 2 : 1;
  return u;
}

uint32_t StrIndex::code_point(uint32_t i) const {
  uint32_t n;
  uint32_t u = unit_of(i, &n);
  if (n == 1) return text[u];
  return 0x10000 + ((uint32_t)(text[u] - 0xD800) << 10) + (uint32_t)(text[u + 1] - 0xDC00);
}

const StrIndex *str_index(Env *e, HPy h, napi_value s) {
  Slot *slot = e->slot_of(h);
  if (!slot || slot->rc == 0) {
    e->set_system_error("a str read by index without a handle");
    return nullptr;
  }
  if (slot->str_index) return static_cast<const StrIndex *>(slot->str_index);
  size_t units = 0;
  napi_get_value_string_utf16(e->env, s, nullptr, 0, &units);
  auto *x = static_cast<StrIndex *>(std::malloc(sizeof(StrIndex) + units * sizeof(char16_t)));
  if (!x) return fail(e);
  size_t copied = 0;
  napi_get_value_string_utf16(e->env, s, x->text, units + 1, &copied);
  x->units = (uint32_t)copied;
  x->cps = (uint32_t)(copied - surrogate_pairs(x->text, copied));
  x->marks = nullptr;
  if (x->cps != x->units) {
    x->marks = static_cast<uint32_t *>(std::malloc(sizeof(uint32_t) * (x->cps / kMarkEvery + 1)));
    if (!x->marks) {
      std::free(x);
      return fail(e);
    }
    uint32_t cp = 0;
    for (uint32_t u = 0; u < x->units; cp++) {
      if (cp % kMarkEvery == 0) x->marks[cp / kMarkEvery] = u;
      u += (high(x->text[u]) && u + 1 < x->units && low(x->text[u + 1])) ? 2 : 1;
    }
  }
  slot->str_index = x;
  return x;
}

const StrIndex *str_index_if_worth(Env *e, HPy h, napi_value s) {
  Slot *slot = e->slot_of(h);
  if (slot && slot->rc > 0 && !slot->str_index) {
    size_t units = 0;
    napi_get_value_string_utf16(e->env, s, nullptr, 0, &units);
    if (units > kCopyAlways && ++slot->slow_reads < kReadsBeforeCopy) return nullptr;
  }
  return str_index(e, h, s);
}

HPy_ssize_t str_length(Env *e, HPy h, napi_value s) {
  Slot *slot = e->slot_of(h);
  if (slot && slot->str_index) return static_cast<const StrIndex *>(slot->str_index)->cps;
  // A short str: one Node-API call into a stack buffer (complete when it did not fill it).
  char16_t stack[256];
  size_t copied = 0;
  napi_get_value_string_utf16(e->env, s, stack, 256, &copied);
  if (copied + 1 < 256) return (HPy_ssize_t)(copied - surrogate_pairs(stack, copied));
  // A long one: copied and kept once it is read again and again (a loop condition, say).
  const StrIndex *x = str_index_if_worth(e, h, s);
  if (!x) return e->err_occurred() ? -1 : -2;
  return (HPy_ssize_t)x->cps;
}

void str_index_free(void *p) {
  if (!p) return;
  std::free(static_cast<StrIndex *>(p)->marks);
  std::free(p);
}

}  // namespace hn
