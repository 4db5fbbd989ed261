// What a handle holds, as far as the native fast paths care: the exact builtin containers
// (not subclasses, which may override their protocols), str and bytes.
#pragma once
#include "env.h"

namespace hn {

enum class Shape : uint8_t { Unknown = 0, Other, Dict, List, Tuple, Str, Bytes };

// The shape of the value behind h (cached in its slot); *js receives the value unless the handle
// is an immediate (then the shape is Other).
Shape shape_of(Env *e, HPy h, napi_value *js);

// The items of a list or tuple as the handles C gets for them, kept in the array's slot
// (Slot::aux): numbers copied out by one JS call (Node-API reads elements one call each), or the
// permanent str handles of a keyword-names tuple (call.cc).
struct ItemSnapshot {
  uint64_t epoch;   // a list's snapshot is valid in this epoch only; a tuple's for good
  uint32_t n;
  uint32_t useful;  // 0: too few numbers to be worth it this epoch
  HPy items[1];     // an immediate or permanent handle; HPy_NULL: read that item with Node-API

  bool read(int64_t i, HPy *out) const {
    if (!useful || (uint64_t)i >= n || items[i]._i == 0) return false;
    *out = items[i];
    return true;
  }
};

ItemSnapshot *new_snapshot(uint32_t n, uint64_t epoch);

// Item i of a list or tuple from a snapshot, taken now if there is none valid (and the array is
// worth it): true with *out set for numbers that fit a handle.
bool snapshot_item(Env *e, HPy h, napi_value arr, Shape s, int64_t i, HPy *out);

// The same from a snapshot that is already there and valid: no Node-API call at all, so item
// loops over number lists (HPy_GetItem_i) skip even the context function's bookkeeping.
inline bool snapshot_hit(Env *e, HPy h, int64_t i, HPy *out) {
  Slot *s = e->slot_of(h);
  if (!s || s->rc == 0 || !s->aux) return false;
  auto *snap = static_cast<const ItemSnapshot *>(s->aux);
  if (s->shape == (uint8_t)Shape::Tuple) return snap->read(i, out);
  return s->shape == (uint8_t)Shape::List && snap->epoch == e->epoch && snap->read(i, out);
}

}  // namespace hn
