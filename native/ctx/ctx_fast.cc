// Native fast paths for the commonest container and object operations on plain JS values
// (dicts as plain objects with string keys, lists and tuples as arrays, str, bytes). Anything
// else goes to the object model through the generated js_* glue.
#include "../env.h"
#include "../types.h"
#include <cstring>
#include "../containers.h"
#include "../str_index.h"

using hn::Env;
using hn::Shape;

namespace {

HPy key_error(Env *e, HPy key) {
  e->err_set_object(e->h(hn::C_KeyError), key);
  return HPy{0};
}

HPy index_error(Env *e, Shape s) {
  e->set_error(e->h(hn::C_IndexError), s == Shape::Tuple ? "tuple index out of range" : "list index out of range");
  return HPy{0};
}

bool string_key(Env *e, HPy key, napi_value *js) {
  if (!hn::is_slot(key) || key._i == 0 || e->type_of(key) != napi_string) return false;
  *js = e->to_js(key);
  return true;
}

// A Node-API call that may run JS (getters, proxies) failed: its exception is the HPy error.
HPy failed(Env *e) {
  e->absorb_pending();
  if (!e->err_occurred()) e->set_system_error("a Node-API call failed");
  return HPy{0};
}

// Array element i (negative counts from the end), or IndexError.
HPy array_item(Env *e, HPy h, napi_value arr, Shape s, int64_t i) {
  HPy fast;
  if (i >= 0 && hn::snapshot_item(e, h, arr, s, i, &fast)) return fast;
  napi_value v;
  if (i >= 0 && i <= UINT32_MAX) {  // common case: one Node-API call; undefined needs a look at the length
    if (napi_get_element(e->env, arr, (uint32_t)i, &v) != napi_ok) return failed(e);
    napi_valuetype t;
    napi_typeof(e->env, v, &t);
    if (t != napi_undefined) return e->new_handle(v, t);
  }
  uint32_t n = 0;
  napi_get_array_length(e->env, arr, &n);
  if (i < 0) i += n;
  if (i < 0 || i >= (int64_t)n) return index_error(e, s);
  if (napi_get_element(e->env, arr, (uint32_t)i, &v) != napi_ok) return failed(e);
  return e->new_handle(v);
}

// s[i] of a str, in code points, from its index (str_index.h): no copy of the whole string per
// read. Null without an error: the JS path is the better one (str_index_if_worth).
HPy str_item(Env *e, HPy h, napi_value str, int64_t i) {
  const hn::StrIndex *x = hn::str_index_if_worth(e, h, str);
  if (!x) return HPy{0};
  if (i < 0) i += x->cps;
  if (i < 0 || i >= (int64_t)x->cps) {
    e->set_error(e->h(hn::C_IndexError), "string index out of range");
    return HPy{0};
  }
  uint32_t n;
  uint32_t u = x->unit_of((uint32_t)i, &n);
  napi_value r;
  if (napi_create_string_utf16(e->env, x->text + u, n, &r) != napi_ok) return failed(e);
  return e->new_slot(r, 0, napi_string);
}

// The value of an own property. One lookup when the value is a primitive: Object.prototype
// only holds functions and the __proto__ accessor, so only objects may be inherited.
HPy own_property(Env *e, napi_value obj, napi_value key, HPy key_handle) {
  napi_value v;
  e->js_may_run();  // a getter may change a list C holds a snapshot of
  if (napi_get_property(e->env, obj, key, &v) != napi_ok) return failed(e);  // a throwing getter
  napi_valuetype t;
  napi_typeof(e->env, v, &t);
  if (t == napi_undefined || t == napi_object || t == napi_function) {
    bool has = false;
    if (napi_has_own_property(e->env, obj, key, &has) != napi_ok) return failed(e);
    if (!has) {
      if (key_handle._i) return key_error(e, key_handle);
      HPy k = e->new_handle(key);  // the error keeps its own reference
      key_error(e, k);
      e->close(k);
      return HPy{0};
    }
  }
  return e->new_handle(v, t);
}

// Whether a store Node-API reported as done took place. Node-API stores as sloppy-mode JS does: a
// frozen object, a read-only or a getter-only property refuse the value without a word, where the
// object model's (strict) assignment raises TypeError. So the value is read back; when it differs
// (or is NaN), JS is asked whether a setter took it, and if not the general path stores or raises.
bool stored(Env *e, napi_value obj, napi_value key, napi_value v) {
  napi_value back;
  bool same = false;
  if (napi_get_property(e->env, obj, key, &back) == napi_ok) napi_strict_equals(e->env, back, v, &same);
  if (same) return true;
  e->absorb_pending(true);
  napi_value argv[2] = {obj, key}, r;
  bool setter = false;
  if (e->helper(hn::X_hasSetter, 2, argv, &r)) napi_get_value_bool(e->env, r, &setter);
  e->err_clear();
  return setter;
}

// Stores an own data property. A plain assignment is much faster than defining one; only the
// "__proto__" key would reach an inherited setter (Object.prototype has no other), so that one
// key is defined instead: it stays an ordinary key and never touches the prototype.
bool store_property(Env *e, napi_value obj, napi_value key, napi_value v, bool maybe_proto) {
  e->js_may_run();  // a setter may change a list C holds a snapshot of
  if (maybe_proto) {
    napi_property_descriptor d = {nullptr, key, nullptr, nullptr, nullptr, v,
                                  (napi_property_attributes)(napi_writable | napi_enumerable | napi_configurable),
                                  nullptr};
    if (napi_define_properties(e->env, obj, 1, &d) == napi_ok) return true;
  } else if (napi_set_property(e->env, obj, key, v) == napi_ok) {
    return stored(e, obj, key, v);
  }
  e->absorb_pending(true);  // a throwing setter or a frozen object: the general path decides
  return false;
}

bool may_be_proto(Env *e, napi_value key) {
  size_t n = 0;
  napi_get_value_string_utf16(e->env, key, nullptr, 0, &n);
  if (n != 9) return false;
  char buf[10];
  napi_get_value_string_latin1(e->env, key, buf, sizeof buf, &n);
  return std::memcmp(buf, "__proto__", 9) == 0;
}

}  // namespace

HPy hn_GetItem(HPyContext *ctx, HPy obj, HPy key) {
  Env *e = Env::of(ctx);
  HPy fast;
  if (hn::is_imm_int(key) && hn::snapshot_hit(e, obj, hn::imm_int_value(key), &fast)) return fast;
  hn::Tick tick(e);
  napi_value o;
  Shape s = hn::shape_of(e, obj, &o);
  if (s == Shape::Dict) {
    napi_value k;
    if (string_key(e, key, &k)) return own_property(e, o, k, key);
  } else if ((s == Shape::List || s == Shape::Tuple) && hn::is_imm_int(key)) {
    return array_item(e, obj, o, s, hn::imm_int_value(key));
  } else if (s == Shape::Str && hn::is_imm_int(key)) {
    HPy r = str_item(e, obj, o, hn::imm_int_value(key));
    if (r._i || e->err_occurred()) return r;
  }
  return js_GetItem(ctx, obj, key);
}

// Item loops over number lists stay in this small function; the rest is out of line.
static __attribute__((noinline)) HPy get_item_i(HPyContext *ctx, HPy obj, HPy_ssize_t i);

HPy hn_GetItem_i(HPyContext *ctx, HPy obj, HPy_ssize_t i) {
  HPy fast;
  if (hn::snapshot_hit(Env::of(ctx), obj, i, &fast)) return fast;
  return get_item_i(ctx, obj, i);
}

static HPy get_item_i(HPyContext *ctx, HPy obj, HPy_ssize_t i) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value o;
  Shape s = hn::shape_of(e, obj, &o);
  if (s == Shape::List || s == Shape::Tuple) return array_item(e, obj, o, s, i);
  if (s == Shape::Str) {
    HPy r = str_item(e, obj, o, i);
    if (r._i || e->err_occurred()) return r;
  }
  return js_GetItem_i(ctx, obj, i);
}

HPy hn_GetItem_s(HPyContext *ctx, HPy obj, const char *key) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value o;
  if (key && hn::shape_of(e, obj, &o) == Shape::Dict) return own_property(e, o, e->key_string(key), HPy{0});
  return js_GetItem_s(ctx, obj, key);
}

int hn_SetItem(HPyContext *ctx, HPy obj, HPy key, HPy value) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  if (value._i != 0 && e->is_lazy_dict(obj) && hn::is_slot(key) && e->type_of(key) == napi_string) {
    e->lazy_dict_set(obj, key, value);
    return 0;
  }
  napi_value o, k;
  Shape s = hn::shape_of(e, obj, &o);
  if (value._i != 0 && s == Shape::Dict && string_key(e, key, &k) &&
      store_property(e, o, k, e->to_js(value), may_be_proto(e, k)))
    return 0;
  if (value._i != 0 && s == Shape::List && hn::is_imm_int(key)) {
    uint32_t n = 0;
    napi_get_array_length(e->env, o, &n);
    int64_t i = hn::imm_int_value(key);
    if (i < 0) i += n;
    if (i < 0 || i >= (int64_t)n) {
      e->set_error(e->h(hn::C_IndexError), "list assignment index out of range");
      return -1;
    }
    napi_value v = e->to_js(value), index = e->js_number((double)i);
    bool ok = napi_set_property(e->env, o, index, v) == napi_ok && stored(e, o, index, v);
    e->js_may_run();  // the list changed: snapshots of it are stale
    if (ok) return 0;
    e->absorb_pending(true);  // refused (a frozen list, ...): the general path raises
  }
  return js_SetItem(ctx, obj, key, value);
}

int hn_SetItem_s(HPyContext *ctx, HPy obj, const char *key, HPy value) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  if (key && value._i != 0 && e->is_lazy_dict(obj)) {
    HPy k = e->new_slot(e->key_string(key), 0, napi_string);
    e->lazy_dict_set(obj, k, value);
    e->close(k);
    return 0;
  }
  napi_value o;
  if (key && value._i != 0 && hn::shape_of(e, obj, &o) == Shape::Dict &&
      store_property(e, o, e->key_string(key), e->to_js(value), std::strcmp(key, "__proto__") == 0))
    return 0;
  return js_SetItem_s(ctx, obj, key, value);
}

HPy_ssize_t hn_Length(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value o;
  switch (hn::shape_of(e, h, &o)) {
    case Shape::List:
    case Shape::Tuple: {
      uint32_t n = 0;
      napi_get_array_length(e->env, o, &n);
      return n;
    }
    case Shape::Str: {
      HPy_ssize_t n = hn::str_length(e, h, o);
      if (n != -2) return n;
      break;
    }
    case Shape::Bytes: {
      size_t n = 0;
      napi_get_typedarray_info(e->env, o, nullptr, &n, nullptr, nullptr, nullptr);
      return (HPy_ssize_t)n;
    }
    default: break;
  }
  return js_Length(ctx, h);
}

int hn_IsTrue(HPyContext *ctx, HPy h) {
  if (hn::is_imm_int(h)) return hn::imm_int_value(h) != 0;
  if (hn::is_imm_double(h)) return hn::imm_double_value(h) != 0;  // NaN is true
  if (hn::is_const(h)) return hn::bits(h) == hn::kTrue;
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value o;
  switch (hn::shape_of(e, h, &o)) {
    case Shape::List:
    case Shape::Tuple: {
      uint32_t n = 0;
      napi_get_array_length(e->env, o, &n);
      return n > 0;
    }
    case Shape::Str: {
      size_t n = 0;
      napi_get_value_string_utf16(e->env, o, nullptr, 0, &n);
      return n > 0;
    }
    default: return js_IsTrue(ctx, h);
  }
}

// The usual start of a list C fills with HPyList_Append: no JS call, and its shape known.
HPy hn_List_New(HPyContext *ctx, HPy_ssize_t len) {
  if (len != 0) return js_List_New(ctx, len);  // n Nones
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value a;
  if (napi_create_array(e->env, &a) != napi_ok) return failed(e);
  HPy h = e->new_slot(a, 0, napi_object);
  e->slot_of(h)->shape = (uint8_t)Shape::List;
  return h;
}

int hn_List_Append(HPyContext *ctx, HPy list, HPy item) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value o;
  if (item._i != 0 && hn::shape_of(e, list, &o) == Shape::List) {
    uint32_t n = 0, after = 0;
    napi_get_array_length(e->env, o, &n);
    napi_set_element(e->env, o, n, e->to_js(item));
    e->js_may_run();
    // A frozen or non-extensible list refuses the item silently (see stored()): then the general
    // path raises.
    if (napi_get_array_length(e->env, o, &after) == napi_ok && after == n + 1) return 0;
    e->absorb_pending(true);
  }
  return js_List_Append(ctx, list, item);
}

HPy_ssize_t hn_Bytes_Size(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value o;
  if (hn::shape_of(e, h, &o) == Shape::Bytes) {
    size_t n = 0;
    napi_get_typedarray_info(e->env, o, nullptr, &n, nullptr, nullptr, nullptr);
    return (HPy_ssize_t)n;
  }
  return js_Bytes_Size(ctx, h);
}

HPy hn_Type(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  if (e->is_lazy_dict(h)) return e->h(hn::C_DictType);
  if (hn::is_imm_int(h)) return e->h(hn::C_LongType);
  if (hn::is_imm_double(h)) return e->h(hn::C_FloatType);
  if (hn::bits(h) == hn::kTrue || hn::bits(h) == hn::kFalse) return e->h(hn::C_BoolType);
  hn::Tick tick(e);
  if (e->type_of(h) == napi_object) {  // an instance of an HPy type: its type, without the model
    if (hn::ExtType *t = hn::exact_instance_type(e, h)) return t->handle;
  }
  napi_value o;
  switch (hn::shape_of(e, h, &o)) {
    case Shape::Str: return e->h(hn::C_UnicodeType);
    case Shape::Dict: return e->h(hn::C_DictType);
    default: return js_Type(ctx, h);  // permanent handles above: closing them is a no-op
  }
}

// Keys of a plain-object dict without non-string keys (kept under the model's PYKEYS symbol).
HPy hn_Dict_Keys(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value o;
  if (hn::shape_of(e, h, &o) == Shape::Dict && e->pykeys) {
    napi_value sym;
    napi_get_reference_value(e->env, e->pykeys, &sym);
    bool has = true;
    napi_has_own_property(e->env, o, sym, &has);
    if (!has) {
      napi_value keys;
      napi_get_all_property_names(e->env, o, napi_key_own_only,
                                  (napi_key_filter)(napi_key_enumerable | napi_key_skip_symbols),
                                  napi_key_numbers_to_strings, &keys);
      return e->new_slot(keys);
    }
  }
  return js_Dict_Keys(ctx, h);
}

// Iterating a list or tuple from C (HPy_GetIter, HPyIter_Next) steps a native index over it, its
// items read as HPy_GetItem_i reads them (from a snapshot when numbers), with no JS call per item
// (~120 ns each through the object model). The iterator becomes the JS array iterator, at the
// same position, only when JS needs it (env.h LazyIter). Like CPython's, it reads the live list
// and, once exhausted, stays so.
HPy hn_GetIter(HPyContext *ctx, HPy obj) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  napi_value o;
  Shape s = hn::shape_of(e, obj, &o);
  if (s == Shape::List || s == Shape::Tuple) return e->new_lazy_iter(obj);
  return js_GetIter(ctx, obj);
}

int hn_Iter_Check(HPyContext *ctx, HPy h) {
  return Env::of(ctx)->lazy_iter(h) ? 1 : js_Iter_Check(ctx, h);
}

HPy hn_Iter_Next(HPyContext *ctx, HPy it) {
  Env *e = Env::of(ctx);
  if (hn::LazyIter *li = e->lazy_iter(it)) {
    if (!li->seq._i) return HPy{0};
    HPy item;
    if (hn::snapshot_hit(e, li->seq, li->index, &item)) {
      li->index++;
      return item;
    }
    hn::Tick tick(e);
    napi_value arr;
    Shape s = hn::shape_of(e, li->seq, &arr);
    uint32_t n = 0;
    napi_get_array_length(e->env, arr, &n);
    if (li->index >= n) {  // exhausted: the sequence is let go, as CPython's iterators do
      HPy seq = li->seq;
      li->seq = HPy{0};
      e->close(seq);
      return HPy{0};
    }
    item = array_item(e, li->seq, arr, s, li->index);
    if (item._i) li->index++;
    return item;
  }
  // Other iterators: the object model returns undefined once exhausted (no Python value is
  // undefined), which is HPy_NULL without an error.
  hn::Tick tick(e);
  napi_value argv[1] = {e->to_js_or_undefined(it)}, r;
  if (!e->helper(hn::X_iterNext, 1, argv, &r)) return HPy{0};
  napi_valuetype t;
  napi_typeof(e->env, r, &t);
  if (t == napi_undefined) return HPy{0};
  return e->new_handle(r);
}
