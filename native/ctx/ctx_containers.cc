// tuple, list, dict: checks, construction, builders, and HPyTracker. Items move to JS in one
// call of a small helper (`(...items) => tuple`), never one Node-API call per element.
#include <string>
#include <vector>
#include "../env.h"

using hn::Env;

namespace {

struct Builder {
  std::vector<HPy> items;
};

bool is_array(Env *e, HPy h, napi_value *js) {
  if (!hn::is_slot(h) || h._i == 0) return false;
  *js = e->to_js(h);
  bool r = false;
  napi_is_array(e->env, *js, &r);
  return r;
}

// Lists and tuples of numbers only (ints and floats in the handle bits) move to JS through one
// buffer of doubles, which holds every such value exactly.
bool from_numbers(Env *e, hn::HelperId helper, const HPy *items, size_t n, HPy *out) {
  constexpr size_t kMin = 8;
  if (n < kMin || (!hn::is_imm_int(items[0]) && !hn::is_imm_double(items[0]))) return false;
  napi_value buf, r;
  double *data;
  if (!e->number_buffer(n, &buf, &data)) return false;
  for (size_t i = 0; i < n; i++) {  // filled and checked in one pass
    if (hn::is_imm_int(items[i])) data[i] = (double)hn::imm_int_value(items[i]);
    else if (hn::is_imm_double(items[i])) data[i] = hn::imm_double_value(items[i]);
    else return false;
  }
  napi_value tuple;
  napi_get_boolean(e->env, helper == hn::X_tupleFrom, &tuple);
  napi_value argv[3] = {buf, e->js_number((double)n), tuple};
  *out = e->helper(hn::X_fromNumbers, 3, argv, &r) ? e->new_slot(r) : HPy{0};
  return true;
}

HPy build_from(Env *e, hn::HelperId helper, const HPy *items, size_t n) {
  hn::Tick tick(e);
  HPy numbers;
  if (from_numbers(e, helper, items, n, &numbers)) return numbers;
  std::vector<napi_value> argv(n);
  for (size_t i = 0; i < n; i++) argv[i] = e->to_js(items[i]);
  napi_value r;
  if (n <= 8192) {  // one call (helper_chunked's chunk)
    if (!e->helper(helper, n, argv.data(), &r)) return HPy{0};
  } else {  // a list in chunks, then made a tuple if asked
    if (!e->helper_chunked(hn::X_listFrom, hn::X_listExtend, n, argv.data(), &r)) return HPy{0};
    if (helper == hn::X_tupleFrom && !e->helper(hn::X_asTuple, 1, &r, &r)) return HPy{0};
  }
  return e->new_slot(r);
}

Builder *new_builder(Env *e, HPy_ssize_t size) {
  if (size < 0) {
    e->set_system_error("negative size passed to a builder");
    return nullptr;
  }
  Builder *b = new Builder;
  b->items.assign((size_t)size, HPy{0});
  if (e->debug) e->live_builders.insert(b);
  return b;
}

// Debug mode knows the live builders: a builder used after Build or Cancel is reported instead of
// touching freed memory.
__attribute__((noinline)) bool builder_live(Env *e, Builder *b, const char *what) {
  if (e->live_builders.count(b)) return true;
  e->debug_issue(std::string(what) + " on a builder that was already built or cancelled");
  return false;
}

// Inline, as builders are set once per item: only debug mode has more to check.
inline bool builder_ok(Env *e, Builder *b, const char *what) { return !e->debug || !b || builder_live(e, b, what); }

void builder_done(Env *e, Builder *b) {
  if (e->debug) e->live_builders.erase(b);
  delete b;
}

__attribute__((noinline)) void builder_set_slow(Env *e, Builder *b, HPy_ssize_t i, HPy item) {
  if (!builder_ok(e, b, "Builder_Set")) return;
  if (!b || i < 0 || (size_t)i >= b->items.size()) {
    e->set_system_error("builder index out of range");
    return;
  }
  HPy &held = b->items[i];
  if (hn::is_slot(held)) e->close(held);
  held = hn::is_slot(item) ? e->hold(item) : item;  // immediates and constants need no reference
}

// Set once per item: an immediate or constant into a place that holds none is a store; the rest
// (references, errors, debug checks) out of line, so this path saves no registers.
inline void builder_set(Env *e, Builder *b, HPy_ssize_t i, HPy item) {
  if (!e->debug && b && i >= 0 && (size_t)i < b->items.size() && !hn::is_slot(item) &&
      (b->items[i]._i == 0 || !hn::is_slot(b->items[i]))) {
    b->items[i] = item;
    return;
  }
  builder_set_slow(e, b, i, item);
}

HPy builder_build(Env *e, Builder *b, hn::HelperId helper) {
  if (!builder_ok(e, b, "Builder_Build")) {
    e->set_system_error("invalid builder");
    return HPy{0};
  }
  if (!b) {
    if (!e->err_occurred()) e->set_system_error("invalid builder");
    return HPy{0};
  }
  for (HPy h : b->items) {
    if (h._i == 0) {
      e->set_system_error("a builder item was never set");
      for (HPy x : b->items) e->close(x);
      builder_done(e, b);
      return HPy{0};
    }
  }
  HPy r = build_from(e, helper, b->items.data(), b->items.size());
  for (HPy h : b->items) {
    if (hn::is_slot(h)) e->close(h);  // immediates and constants hold nothing
  }
  builder_done(e, b);
  return r;
}

void builder_cancel(Env *e, Builder *b) {
  if (!b || !builder_ok(e, b, "Builder_Cancel")) return;
  for (HPy h : b->items) e->close(h);
  builder_done(e, b);
}

}  // namespace

int hn_Tuple_Check(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  napi_value js;
  if (!is_array(e, h, &js)) return 0;
  return hn_TypeCheck(ctx, h, e->h(hn::C_TupleType));
}

int hn_List_Check(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  napi_valuetype t = e->type_of(h);
  if (t != napi_object) return 0;
  return hn_TypeCheck(ctx, h, e->h(hn::C_ListType));
}

int hn_Dict_Check(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  napi_valuetype t = e->type_of(h);
  if (t != napi_object) return 0;
  return hn_TypeCheck(ctx, h, e->h(hn::C_DictType));
}

HPy hn_Tuple_FromArray(HPyContext *ctx, const HPy items[], HPy_ssize_t n) {
  Env *e = Env::of(ctx);
  if (n < 0 || (n > 0 && !items)) {
    e->set_system_error("HPyTuple_FromArray: bad arguments");
    return HPy{0};
  }
  return build_from(e, hn::X_tupleFrom, items, (size_t)n);
}

HPy hn_Dict_New(HPyContext *ctx) {
  Env *e = Env::of(ctx);
  hn::Tick tick(e);
  return e->new_lazy_dict();
}

HPyTupleBuilder hn_TupleBuilder_New(HPyContext *ctx, HPy_ssize_t size) {
  return HPyTupleBuilder{(intptr_t)new_builder(Env::of(ctx), size)};
}
void hn_TupleBuilder_Set(HPyContext *ctx, HPyTupleBuilder b, HPy_ssize_t i, HPy item) {
  builder_set(Env::of(ctx), (Builder *)b._tup, i, item);
}
HPy hn_TupleBuilder_Build(HPyContext *ctx, HPyTupleBuilder b) {
  return builder_build(Env::of(ctx), (Builder *)b._tup, hn::X_tupleFrom);
}
void hn_TupleBuilder_Cancel(HPyContext *ctx, HPyTupleBuilder b) { builder_cancel(Env::of(ctx), (Builder *)b._tup); }

HPyListBuilder hn_ListBuilder_New(HPyContext *ctx, HPy_ssize_t size) {
  return HPyListBuilder{(intptr_t)new_builder(Env::of(ctx), size)};
}
void hn_ListBuilder_Set(HPyContext *ctx, HPyListBuilder b, HPy_ssize_t i, HPy item) {
  builder_set(Env::of(ctx), (Builder *)b._lst, i, item);
}
HPy hn_ListBuilder_Build(HPyContext *ctx, HPyListBuilder b) {
  return builder_build(Env::of(ctx), (Builder *)b._lst, hn::X_listFrom);
}
void hn_ListBuilder_Cancel(HPyContext *ctx, HPyListBuilder b) { builder_cancel(Env::of(ctx), (Builder *)b._lst); }

// HPyTracker: handles to close together on error paths.
HPyTracker hn_Tracker_New(HPyContext *ctx, HPy_ssize_t size) {
  auto *t = new std::vector<HPy>();
  t->reserve(size > 0 ? (size_t)size : 4);
  (void)ctx;
  return HPyTracker{(intptr_t)t};
}

int hn_Tracker_Add(HPyContext *ctx, HPyTracker ht, HPy h) {
  auto *t = (std::vector<HPy> *)ht._i;
  if (!t) {
    Env::of(ctx)->set_system_error("HPyTracker_Add on a NULL tracker");
    return -1;
  }
  t->push_back(h);
  return 0;
}

void hn_Tracker_ForgetAll(HPyContext *ctx, HPyTracker ht) {
  (void)ctx;
  if (auto *t = (std::vector<HPy> *)ht._i) t->clear();
}

void hn_Tracker_Close(HPyContext *ctx, HPyTracker ht) {
  auto *t = (std::vector<HPy> *)ht._i;
  if (!t) return;
  Env *e = Env::of(ctx);
  for (HPy h : *t) e->close(h);
  delete t;
}
