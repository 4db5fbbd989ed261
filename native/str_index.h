// Reading a str by code point from C (HPy_Length, HPy_GetItem_i, HPyUnicode_ReadChar). Node-API
// can only copy a whole string out, and Python indexes code points where JS strings hold UTF-16
// units: each read used to cost a copy or a JS scan of the whole string, so a C loop over a str
// was quadratic. A str handle read by index keeps one UTF-16 copy of its value (strings are
// immutable) with the unit offset of every 64th code point when it has surrogate pairs: a read is
// then a bounded scan.
#pragma once
#include <vector>
#include "env.h"

namespace hn {

// The UTF-16 units of a JS string, copied out: short ones into the object itself (one Node-API
// call), longer ones onto the heap.
class Utf16Units {
 public:
  Utf16Units(Env *e, napi_value s);
  const char16_t *data() const { return data_; }
  size_t size() const { return n_; }

 private:
  char16_t stack_[256];
  std::vector<char16_t> heap_;
  const char16_t *data_ = stack_;
  size_t n_ = 0;
};

struct StrIndex {
  uint32_t units;   // UTF-16 length
  uint32_t cps;     // length in code points (a lone surrogate is one)
  uint32_t *marks;  // unit offset of code points 0, 64, 128, ...; null when cps == units
  char16_t text[1];

  // The UTF-16 offset of code point i (< cps); *n receives its length in units (1 or 2).
  uint32_t unit_of(uint32_t i, uint32_t *n) const;
  // Code point i (< cps) as a number.
  uint32_t code_point(uint32_t i) const;
};

// The index of the str `s` behind handle h, made on first use and kept with the handle; null
// (with MemoryError set) when out of memory.
const StrIndex *str_index(Env *e, HPy h, napi_value s);

// The same when it pays: null (no error set) when the JS path is the better one for now, for a
// long str not yet read a few times through this handle. The object model remembers the last long
// string it indexed, which serves a JS loop that calls C once per item (a new handle each call,
// where an index would copy the string every call); a C loop's reads soon pass the threshold.
const StrIndex *str_index_if_worth(Env *e, HPy h, napi_value s);

// len() of the str `s` behind h in code points (surrogate pairs count once); -1 with an error
// set, or -2 (no error) when the JS path is the better one (as for str_index_if_worth).
HPy_ssize_t str_length(Env *e, HPy h, napi_value s);

// Frees what str_index kept for a slot.
void str_index_free(void *p);

}  // namespace hn
