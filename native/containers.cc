// See containers.h.
#include "containers.h"
#include <algorithm>
#include <cstdlib>

namespace hn {

namespace {

bool proto_is(Env *e, napi_value proto, napi_ref ref) {
  if (!ref) return false;
  napi_value p;
  napi_get_reference_value(e->env, ref, &p);
  bool same = false;
  napi_strict_equals(e->env, proto, p, &same);
  return same;
}

// `t`: typeof v when the slot knows it, else napi_undefined (asked here).
Shape classify(Env *e, napi_value v, napi_valuetype t) {
  if (t == napi_undefined) napi_typeof(e->env, v, &t);
  if (t == napi_string) return Shape::Str;
  if (t != napi_object) return Shape::Other;
  napi_value proto;
  bool is_array = false;
  // A proxy's traps can throw (a revoked one always does): such objects take the general path.
  if (napi_get_prototype(e->env, v, &proto) != napi_ok || napi_is_array(e->env, v, &is_array) != napi_ok) {
    e->absorb_pending(true);
    return Shape::Other;
  }
  if (is_array) {
    if (proto_is(e, proto, e->array_proto)) return Shape::List;
    if (proto_is(e, proto, e->tuple_proto)) return Shape::Tuple;
    return Shape::Other;
  }
  napi_valuetype pt;
  napi_typeof(e->env, proto, &pt);
  if (pt == napi_null || proto_is(e, proto, e->object_proto)) return Shape::Dict;
  bool is_ta = false;
  napi_is_typedarray(e->env, v, &is_ta);
  if (is_ta) {
    napi_typedarray_type type;
    size_t n;
    napi_get_typedarray_info(e->env, v, &type, &n, nullptr, nullptr, nullptr);
    if (type == napi_uint8_array) return Shape::Bytes;
  }
  return Shape::Other;
}

}  // namespace

Shape shape_of(Env *e, HPy h, napi_value *js) {
  Slot *s = e->slot_of(h);
  if (!s || s->rc == 0) return Shape::Other;
  *js = e->to_js(h);
  if (s->shape == 0) {  // the value type cached when the handle was made saves a typeof
    s->shape = (uint8_t)classify(e, *js, s->vtype ? (napi_valuetype)(s->vtype - 1) : napi_undefined);
  }
  return (Shape)s->shape;
}

}  // namespace hn

namespace hn {

namespace {
constexpr uint32_t kSnapshotMin = 32;
}  // namespace

ItemSnapshot *new_snapshot(uint32_t n, uint64_t epoch) {
  auto *snap = static_cast<ItemSnapshot *>(std::malloc(sizeof(ItemSnapshot) + sizeof(HPy) * n));
  if (snap) {
    snap->epoch = epoch;
    snap->n = n;
    snap->useful = 0;
  }
  return snap;
}

// A snapshot costs ~5 ns per item (one JS pass over the whole array), an item read without one
// ~55 ns, and a snapshot lasts only until JS may run. Taking one on the first read made loops that
// call JS per item quadratic (every read re-copied the whole array), and made one read per call of
// a long list cost the whole list. So a snapshot is only taken once the reads without one would
// have paid for a good part of it: a few reads of any list, and a share of the length that is
// larger when an earlier snapshot went stale or found too few numbers (ski rental: at most a
// small factor over the better choice in hindsight, and linear in the reads either way).
constexpr uint32_t kFirstReads = 4;     // reads of a handle's list before its first snapshot, at least
constexpr uint32_t kFirstShare = 256;   // ... and length / this
constexpr uint32_t kRetakeShare = 2;    // after a stale or useless snapshot: length / this

bool snapshot_item(Env *e, HPy h, napi_value arr, Shape s, int64_t i, HPy *out) {
  Slot *slot = e->slot_of(h);
  if (!slot || (slot->flags & kLazyDict)) return false;
  auto *snap = static_cast<ItemSnapshot *>(slot->aux);
  bool tuple = s == Shape::Tuple;  // frozen: its snapshot never goes stale
  if (snap && snap->useful && (tuple || snap->epoch == e->epoch)) return snap->read(i, out);
  // Too short for a JS call, as found before in this epoch (for good for a tuple): no item.
  uint32_t epoch = (uint32_t)e->epoch;
  if (slot->short_epoch && (tuple || slot->short_epoch == epoch)) return false;
  // Items that are no numbers (or a list that changed since): as found in this epoch, or for good.
  if (snap && !snap->useful && (tuple || snap->epoch == e->epoch)) return false;
  if (slot->slow_reads < UINT16_MAX) slot->slow_reads++;
  if (slot->slow_reads < kFirstReads) return false;
  uint32_t n = 0;
  napi_get_array_length(e->env, arr, &n);
  if (n < kSnapshotMin) {
    slot->short_epoch = epoch;
    return false;
  }
  uint32_t wait = n / (snap ? kRetakeShare : kFirstShare);
  if (slot->slow_reads < std::min<uint32_t>(wait, UINT16_MAX)) return false;
  napi_value argv[2] = {arr, e->js_number(n)}, r;
  if (!e->helper(X_numbersOf, 2, argv, &r)) {
    e->err_clear();
    return false;
  }
  double *data = nullptr;
  size_t len = 0;
  napi_get_typedarray_info(e->env, r, nullptr, &len, (void **)&data, nullptr, nullptr);
  if (len < 2 * (size_t)n) return false;
  std::free(slot->aux);
  snap = new_snapshot(n, e->epoch);  // helper() bumped the epoch: the snapshot belongs to the new one
  slot->aux = snap;
  slot->slow_reads = 0;
  if (!snap) return false;
  uint32_t numbers = 0;
  for (uint32_t k = 0; k < n; k++) {
    HPy item{0};  // not a number, or an int too big for the handle bits: read with Node-API
    double d = data[k], kind = data[n + k];
    if (kind == 2) item = imm_double(d);
    else if (kind == 1 && fits_imm_int((int64_t)d)) item = imm_int((int64_t)d);
    snap->items[k] = item;
    numbers += item._i != 0;
  }
  snap->useful = numbers * 2 >= n;
  return snap->read(i, out);
}

}  // namespace hn
