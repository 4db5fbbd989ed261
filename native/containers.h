// What a handle holds, as far as the native fast paths care: the exact builtin containers
// (not subclasses, which may override their protocols), str and bytes.
#pragma once
#include "env.h"

namespace hn {

enum class Shape : uint8_t { Unknown = 0, Other, Dict, List, Tuple, Str, Bytes };

// The shape of the value behind h (cached in its slot); *js receives the value unless the handle
// is an immediate (then the shape is Other).
Shape shape_of(Env *e, HPy h, napi_value *js);

// Item i of a list or tuple from a snapshot of its numbers, taken once per epoch by one JS call
// (Node-API reads elements one call each): true with *out set for numbers that fit a handle.
bool snapshot_item(Env *e, HPy h, napi_value arr, Shape s, int64_t i, HPy *out);

// len() of a JS string in code points (surrogate pairs count once).
HPy_ssize_t code_point_length(Env *e, napi_value s);

}  // namespace hn
