// Type slots as Python dunder methods on the type's prototype (`__add__`, `__radd__`, `__len__`,
// `__getitem__`, ...): the object model reaches every slot through them.
#pragma once
#include <map>
#include <string>
#include <vector>
#include "env.h"

namespace hn {

struct ExtType;

// How a dunder calls its slot function.
enum class SlotCall {
  Unary,       // f(self)
  Next,        // tp_iternext: NULL without error -> StopIteration
  Binary,      // f(self, other)
  Reflected,   // f(other, self)
  Power,       // f(self, other, mod=None)
  RPower,      // f(other, self, None)
  RichCmp,     // f(self, other, op)
  Hash,        // -> HPy_hash_t
  Inquiry,     // -> int as bool (nb_bool)
  Length,      // -> HPy_ssize_t
  SeqItem,     // f(self, index), negative index + len
  SeqRepeat,   // f(self, count)
  SeqSet,      // f(self, index, value) -> int
  SeqDel,      // f(self, index, NULL) -> int
  MapSet,      // f(self, key, value) -> int
  MapDel,      // f(self, key, NULL) -> int
  Contains,    // -> int as bool
  Call,        // tp_call, HPyFunc_KEYWORDS
  DescrGet,    // f(self, obj, type)
  GetBuffer,   // bf_getbuffer (+ bf_releasebuffer): __buffer__(flags) -> typed array
  ReleaseBuffer,  // __release_buffer__(view)
};

struct SlotWrapper {
  Env *env;
  SlotCall how;
  HPyCFunction impl;
  int op;               // rich comparison op
  HPyFunc_lenfunc len;  // sq_length for SeqItem/SeqSet/SeqDel with negative indices
  HPyCFunction release;  // bf_releasebuffer for GetBuffer
  std::string name;
  ExtType *owner;  // `this` must be an instance of it
};

class SlotTable {
 public:
  // False when the slot is unknown to hpy-node.
  bool add(HPySlot_Slot slot, HPyCFunction impl);
  // Appends one property per dunder to `props`.
  void define(Env *e, ExtType *t, std::vector<napi_property_descriptor> &props);

 private:
  struct Entry {
    SlotCall how;
    HPyCFunction impl;
    int op;
    int priority;  // mp_/nb_ (1) win over sq_ (0)
  };
  void put(const char *name, SlotCall how, HPyCFunction impl, int priority, int op = 0);
  napi_value make_function(Env *e, ExtType *t, const std::string &name, SlotCall how, HPyCFunction impl, int op);
  std::map<std::string, Entry> dunders_;
  HPyFunc_lenfunc sq_length_ = nullptr;
  HPyCFunction releasebuffer_ = nullptr;
  HPyCFunction sq_item_ = nullptr;
};

// On a `__getitem__` made from mp_subscript: the sq_item wrapper iteration uses, or null
// (lib/model/iter.ts reads it under the same name).
constexpr const char *kSeqItemKey = "__hpy_sq_item__";

bool is_kwargs(Env *e, napi_value v);
bool is_kwargs(Env *e, napi_value v, napi_valuetype t);  // its typeof known

}  // namespace hn
