// Env: everything hpy-node keeps per Node-API environment (main thread, each worker, each
// Electron renderer): the HPyContext, the handle table, the pending error, the dispatch table.
#pragma once
#include <node_api.h>
#include <cmath>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include "gen/ctx_decls.h"
#include "handles.h"

namespace hn {

// Helpers of lib/dispatch.ts that are not context functions themselves: X(name) for each,
// in one list so that the enum and the names cannot disagree.
#define HN_HELPERS(X) \
  X(typeCheck) /* (obj, type) -> bool */ \
  X(makeError) /* (type, message or value) -> exception instance */ \
  X(errMatches) /* (error, typeOrTuple) -> bool */ \
  X(newException) /* (name, base, dict, doc) -> class */ \
  X(warn) /* (category, message, stacklevel) */ \
  X(unraisable) /* (error, obj) */ \
  X(importModule) /* (name) -> module */ \
  X(callKw) /* (callable, args array, kwargs object or undefined) -> result */ \
  X(tupleFrom) /* (...items) -> tuple */ \
  X(listFrom) /* (...items) -> list */ \
  X(osError) /* (type, errno, filename1, filename2, strerror) -> exception instance */ \
  X(typeName) /* (type) -> string */ \
  X(tpName) /* (obj) -> the name of its type, as CPython prints it in messages */ \
  X(sliceUnpack) /* (slice) -> [start, stop, step] as PySlice_Unpack computes them */ \
  X(moduleSpec) /* (name, origin) -> the spec object passed to HPy_mod_create */ \
  X(makeType) /* (ctor, info): make an extension type's constructor a Python type */ \
  X(finishType) /* (ctor): JS protocols (iterator, toString, inspect) from its dunders */ \
  X(allocInstance) /* (type, args, kw) -> a new object with type.prototype; args for the builtin __new__ */ \
  X(initInstance) /* (obj, args, kw): list.__init__ / dict.__init__ of a list- or dict-shaped instance */ \
  X(primitiveOf) /* (obj) -> the int, float or str in an instance of their subclass, or undefined */ \
  X(fieldStore) /* (owner, id, value or undefined) */ \
  X(fieldLoad) /* (owner, id) -> value */ \
  X(iterNext) /* (iterator) -> next value, or undefined when exhausted */ \
  X(contextVarNew) /* (name, default) -> ContextVar */ \
  X(contextVarGet) /* (var, default) -> value, or undefined when it has none */ \
  X(contextVarSet) /* (var, value) -> token */ \
  X(dictFrom) /* (key1, value1, key2, value2, ...) -> a plain-object dict */ \
  X(dictExtend) /* (dict, key1, value1, ...): more items (helper_chunked) */ \
  X(listExtend) /* (array, item1, item2, ...): more items (helper_chunked) */ \
  X(asTuple) /* (array) -> the array itself as a tuple */ \
  X(iterAt) /* (seq or undefined, index) -> an iterator over seq past its first index items (exhausted for undefined) */ \
  X(debugError) /* (message) -> an HPyDebugError */ \
  X(numbersOf) /* (array, n) -> Float64Array: n values, then 1 int / 2 float / 0 other (snapshots) */ \
  X(asDouble) /* (obj) -> number, as PyFloat_AsDouble: __float__ or __index__, else TypeError */ \
  X(durableSet) /* (array, index1, value1, index2, value2, ...): many durable handles in one call */ \
  X(kwNames) /* (id) -> the names tuple kw() interned with that id, or undefined */ \
  X(fromNumbers) /* (ArrayBuffer, n, tuple) -> a list or tuple of its first n doubles */ \
  X(hasSetter) /* (obj, key) -> whether a store of obj[key] goes to a setter (own or inherited) */ \
  X(fillStack) /* (error): a Python exception made without a JS stack gets the current one */

enum HelperId {
#define HN_HELPER_ID(name) X_##name,
  HN_HELPERS(HN_HELPER_ID)
#undef HN_HELPER_ID
  X__count
};

struct Slot {
  napi_value v;      // valid while scope `serial` is open, or cached from the durable array
  uint32_t rc;       // open handles on this slot; 0 = free
  uint32_t serial;   // scope serial of v
  int32_t durable;   // index in the durable array, or -1
  uint32_t flags;    // kArg, kPermanent; the free-list link when free
  uint8_t vtype;     // cached napi_valuetype + 1 of the value, 0 = not yet known
  uint8_t shape;     // cached hn::Shape of the value (containers.h), 0 = not yet known
  uint16_t slow_reads;   // reads of a list's or tuple's items without a snapshot since the last one, or of
                         // a str's code points before its index (str_index.h); saturates
  uint32_t short_epoch;  // a list or tuple found too short for a snapshot in this epoch (low bits), or 0
  void *aux;         // malloc'ed buffer tied to the slot (UTF-8 of a str, NUL-terminated bytes)
  void *inst;        // with kInstKnown: the value's instance header (types.h), or null if none
  napi_ref ref;      // permanent objects (types, globals): read back faster than the durable array
  void *str_index;   // a str read by code point: its UTF-16 copy (str_index.h), or null
};

constexpr uint32_t kArg = 1;        // the current call owns one reference (an argument handle)
constexpr uint32_t kPermanent = 2;  // context constants: never freed
constexpr uint32_t kClosed = 8;     // debug mode: a closed handle kept unusable (quarantine)
constexpr uint32_t kInternal = 16;  // debug mode: hpy-node's own reference, never a leak
constexpr uint32_t kInstKnown = 32;  // Slot::inst holds the napi_unwrap answer for the value
constexpr uint32_t kLazyDict = 4;   // a dict from HPyDict_New not yet made in JS: aux holds its items
constexpr uint32_t kLazyIter = 64;  // HPy_GetIter of a list or tuple not yet made in JS: aux is a LazyIter

// An iterator over a list or tuple that only C has seen: C steps it without calling JS; it becomes
// the JS array iterator, at the same position, once JS needs it.
struct LazyIter {
  HPy seq;         // held; HPy_NULL once exhausted (then it stays exhausted, as in CPython)
  uint32_t index;  // the next item
};

class Env;

constexpr uint32_t kSerialDurable = 0;  // Slot::serial of values only the durable array holds

// RAII: one per native entry point (a JS call into an extension function, module init, ...).
class Frame {
 public:
  explicit inline Frame(Env *e);
  inline ~Frame();
 private:
  Env *e_;
};

// RAII at the start of each context function that creates JS values: rolls the handle scope
// when it is full, so that C loops over millions of handles keep memory flat.
class Tick {
 public:
  explicit Tick(Env *e);
};

class Env {
 public:
  static Env *of(HPyContext *ctx) { return static_cast<Env *>(ctx->_private); }
  // False once the Env was torn down: finalizers that run during teardown must check.
  static bool alive(Env *e);
  Env(napi_env env);
  ~Env();

  napi_env env;
  HPyContext ctx;

  // ---- JS values <-> handles -------------------------------------------------------------
  HPy new_handle(napi_value v);               // any JS value, canonical encoding
  HPy new_handle(napi_value v, napi_valuetype t);  // the same, its typeof known
  HPy new_slot(napi_value v, uint32_t flags = 0, int vtype = -1);  // vtype: napi_typeof if known
  HPy arg_handle(napi_value v);               // for call arguments (borrowed, freed at frame exit)
  HPy arg_handle(napi_value v, napi_valuetype t);  // the same, its typeof known
  // Dicts made by HPyDict_New collect string-keyed items natively and become a JS object in one
  // helper call when first looked at (to_js): building JSON-like data costs far fewer calls.
  HPy new_lazy_dict();
  HPy new_lazy_iter(HPy seq);  // seq: an exact list or tuple
  LazyIter *lazy_iter(HPy h) {
    Slot *s = slot_of(h);
    return s && s->rc > 0 && (s->flags & kLazyIter) ? static_cast<LazyIter *>(s->aux) : nullptr;
  }
  bool is_lazy_dict(HPy h) { Slot *s = slot_of(h); return s && (s->flags & kLazyDict); }
  void lazy_dict_set(HPy dict, HPy key, HPy value);  // key: a str handle
  // Immediates and constants need no table look-up: inline, as most results are such.
  napi_value to_js(HPy h) { return is_slot(h) ? slot_to_js(h) : imm_to_js(h); }
  napi_value to_js_or_undefined(HPy h) { return h._i == 0 ? undefined() : to_js(h); }
  bool valid(HPy h) const { return !is_slot(h) || (bits(h) < slots_.size() && slots_[bits(h)].rc > 0); }
  Slot *slot_of(HPy h) { return (is_slot(h) && h._i != 0 && bits(h) < slots_.size()) ? &slots_[bits(h)] : nullptr; }
  HPy dup(HPy h);
  void close(HPy h);
  HPy hold(HPy h);  // a reference hpy-node keeps for itself (errors, builders, dict items)

  // ---- debug mode (debug.cc): every HPy_Dup is a handle of its own; closing twice, closing an
  // argument, using a closed handle and leaking handles from a call are reported as HPyDebugError
  // at the end of the call.
  bool debug = false;
  uintptr_t owned_chunk = 0;  // a chunk of this thread's instance blocks (blocks.h), 0 before the first
  std::unordered_set<void *> live_builders;  // debug mode: builders not yet built or cancelled

  // ---- trace mode: calls and time of every context function, by member id ------------------
  struct TraceCount {
    uint64_t calls = 0;
    uint64_t ns = 0;
  };
  std::vector<TraceCount> trace_counts;
  void set_trace(bool on);
  void debug_issue(const std::string &what);
  bool debug_report();  // true (and a pending JS exception) when the call had issues
  napi_valuetype type_of(HPy h);  // napi type of the value behind h
  napi_valuetype type_of_js(napi_value v) { napi_valuetype t = napi_undefined; napi_typeof(env, v, &t); return t; }

  napi_value js_string(const char *s);
  // The same for an attribute name or item key from C: cached by pointer (its text checked), so
  // that a name C passes again is neither made again nor looked up again in V8's string table.
  napi_value key_string(const char *s);
  napi_value js_number(double d) { napi_value r; napi_create_double(env, d, &r); return r; }
  napi_value js_int64(int64_t i) {  // a number, or a BigInt beyond 2**53 (exact either way)
    napi_value r;
    if (i >= -kSafeIntMax && i <= kSafeIntMax) napi_create_int64(env, i, &r);
    else napi_create_bigint_int64(env, i, &r);
    return r;
  }
  napi_value undefined() { napi_value r; napi_get_undefined(env, &r); return r; }
  napi_value null() { napi_value r; napi_get_null(env, &r); return r; }
  int64_t result_int(napi_value v);  // number/boolean/bigint result of a dispatch call

  // ---- errors ------------------------------------------------------------------------------
  bool err_occurred() const { return err_kind_ != kErrNone; }
  void err_set_lazy(HPy type, const char *msg);   // type + message; exception made when needed
  void err_set_object(HPy type, HPy value);
  void err_set_js(napi_value exc);                // an exception instance (or any thrown JS value)
  void err_from_pending();                        // the pending JS exception becomes the HPy error
  void err_clear();
  napi_value err_take();                          // materialise the error as a JS value and clear it
  bool err_matches(HPy exc);
  void set_system_error(const std::string &msg);
  void set_error(HPy type, const std::string &msg) { err_set_lazy(type, msg.c_str()); }
  std::string type_name_of(HPy h);  // for messages: 'str', 'NoneType', ...
  std::string utf8(napi_value s);   // a JS string's UTF-8 ('' for a non-string)
  void throw_pending();                           // throw the HPy error into JS
  // A JS exception left pending by a Node-API call (a throwing getter or proxy trap) becomes the
  // HPy error (or is dropped with `drop`, or when an HPy error is already set), so that later
  // Node-API calls of the same context function do not fail on it.
  void absorb_pending(bool drop = false);

  // ---- calls into the TypeScript object model ------------------------------------------------
  bool dispatch(DispatchId id, size_t argc, const napi_value *argv, napi_value *result);
  bool helper(HelperId id, size_t argc, const napi_value *argv, napi_value *result);
  // helper(first) on many values, which V8 cannot take as the arguments of one call (a list of a
  // million items overflowed the stack; a dict of 100,000 came out empty): `first` on the first
  // chunk, then more(result, ...chunk) for the rest. Dict items stay in pairs.
  bool helper_chunked(HelperId first, HelperId more, size_t argc, const napi_value *argv, napi_value *result);
  bool call_js(napi_value fn, napi_value recv, size_t argc, const napi_value *argv, napi_value *result);
  void set_dispatch(napi_value table);
  // A 4-byte ArrayBuffer the object model reads: non-zero while it runs for C (dispatch and
  // helpers), when the Python exceptions it makes skip capturing a JS stack (~5 us each); one that
  // reaches JS through throw_pending gets the stack of the call that raised it then.
  napi_value quiet_counter();

  // ---- scopes ----------------------------------------------------------------------------------
  inline void enter_frame();
  inline void exit_frame();
  void unroll() { if (!frames_.empty() && frames_.back().own) unroll_scope(); }
  // Bumped whenever JS may run or an array may change: array snapshots (containers.h) are only
  // valid within one epoch.
  uint64_t epoch = 1;
  void js_may_run() { epoch++; }
  void promote_handle(HPy h) {  // make a handle durable now (it must outlive every scope)
    Slot *s = slot_of(h);
    if (s && s->rc > 0 && s->durable < 0) promote((uint32_t)bits(h));
  }  // close the frame's rolled scope (promoting survivors) before returning to JS
  size_t live_slots() const;
  size_t durable_count() const { return (size_t)durable_next_ - durable_free_.size(); }

  // Permanent slots for context constants, by member id (0 where the member is a function).
  std::vector<HPy> constants;
  HPy h(int member_id) const { return constants[member_id]; }
  // A scratch ArrayBuffer of doubles (at least n), for handing many numbers to JS in one call.
  bool number_buffer(size_t n, napi_value *buf, double **data);
  napi_ref kw_proto = nullptr;  // KwArgs.prototype, to recognise kw({...})
  std::vector<HPy> kwnames_by_id;  // permanent handles of kw()'s interned names tuples (call.cc)
  napi_ref pykeys = nullptr;  // the object model's symbol for non-string dict keys
  napi_ref object_proto = nullptr, array_proto = nullptr, tuple_proto = nullptr;  // for containers.h
  std::unordered_map<intptr_t, HPy> globals;  // HPyGlobal id -> value (see ctx_global.cc)
  napi_type_tag type_tag = {0x68707974797065ull, 0x6e6f64652d74797eull};  // marks HPy type objects
  const char *intern(const std::string &s);  // a C string that lives as long as the Env
  void *last_type = nullptr;  // the ExtType ext_type_of() found last (types.cc)
  HPy self_h{0};               // the self of the running method and its InstanceHeader (SelfScope)
  void *self_ih = nullptr;
  void release_permanent(HPy h);
  bool is_permanent(HPy h) { Slot *s = slot_of(h); return s && (s->flags & kPermanent); }
  // The context's own constants (h_None ... h_DictType) take the first slots.
  void constants_made() { constants_end_ = (uint32_t)slots_.size(); }
  bool is_constant(HPy h) const { return is_slot(h) && bits(h) < constants_end_; }

 private:
  friend class Frame;
  friend class Tick;
  struct FrameRec {
    uint32_t base_serial;
    size_t created_start;
    napi_handle_scope own;
    uint32_t own_serial;
  };
  void promote(uint32_t idx);
  void promote_all(const std::vector<uint32_t> &idxs);  // the same for many, in one JS call
  void durable_store(size_t n, const int32_t *idx, const napi_value *vals);
  void flush_durable_clears();
  int32_t take_durable_index();
  HPy copy_slot(HPy h, uint32_t flags);
  void debug_close(HPy h);
  std::vector<std::string> debug_issues_;
  std::vector<uint32_t> quarantine_;
  size_t quarantine_head_ = 0;
  void materialize(uint32_t idx);
  void materialize_iter(uint32_t idx);
  void made_in_js(uint32_t idx, napi_value v, uint32_t created_in);
  napi_value slot_to_js(HPy h);
  napi_value imm_to_js(HPy h);
  void exit_frame_slots();
  inline void pop_frame();
  void unroll_scope();
  inline void free_slot(uint32_t idx);
  void free_slot_resources(uint32_t idx);  // free_slot's general case
  void refresh(Slot &s);
  napi_value durable_array();
  void roll();

  std::vector<Slot> slots_;
  uint32_t constants_end_ = 0;
  uint32_t free_head_ = 0;
  napi_ref durable_ref_ = nullptr;
  std::vector<int32_t> durable_free_;
  std::vector<int32_t> durable_dirty_;  // entries freed but still holding their value: cleared in bulk
  struct KeyEntry {
    const char *ptr = nullptr;
    std::string text;
    HPy h{0};  // a permanent str handle
  };
  // key_string's cache by pointer: sets of two entries (two hot keys whose pointers share a set
  // would otherwise replace each other on every call), the less recently used one replaced.
  std::vector<KeyEntry> keys_;
  std::vector<uint8_t> keys_mru_;  // per set: which entry was used last
  bool call_model(napi_ref fn_ref, size_t argc, const napi_value *argv, napi_value *result);
  napi_ref numbers_ref_ = nullptr;  // number_buffer's ArrayBuffer
  napi_ref quiet_ref_ = nullptr;    // quiet_counter()'s ArrayBuffer, and its data
  int32_t *quiet_ = nullptr;
  double *numbers_data_ = nullptr;
  size_t numbers_cap_ = 0;
  int32_t durable_next_ = 1;  // index 0 holds the pending JS error
  std::vector<FrameRec> frames_;
  std::vector<uint32_t> created_;
  uint32_t serial_counter_ = 1;
  uint32_t top_serial_ = 0;
  uint32_t ticks_ = 0;

  enum { kErrNone, kErrLazy, kErrObject, kErrJs } err_kind_ = kErrNone;
  HPy err_type_{0};
  HPy err_value_{0};
  std::string err_msg_;

  std::unordered_map<std::string, std::unique_ptr<std::string>> interned_;
  napi_ref dispatch_[D__count] = {};
  napi_ref helpers_[X__count] = {};
};

// A call enters a frame at every JS -> C crossing: inline, with the common case (the call made
// no table handle that outlives it, no scope was rolled) a pop.
void Env::enter_frame() {
  js_may_run();
  uint32_t s = ++serial_counter_;
  // Filled in place: a record built on the stack and copied stalls on the copy (store forwarding).
  FrameRec &f = frames_.emplace_back();
  f.base_serial = s;
  f.created_start = created_.size();
  f.own = nullptr;
  f.own_serial = 0;
  top_serial_ = s;
  ticks_ = 0;
}

void Env::exit_frame() {
  const FrameRec &f = frames_.back();
  if (f.created_start != created_.size() || f.own) return exit_frame_slots();
  pop_frame();
}

void Env::pop_frame() {
  frames_.pop_back();
  if (frames_.empty() && !durable_dirty_.empty()) flush_durable_clears();  // no stale value outlives a call
  if (frames_.empty()) top_serial_ = kSerialDurable;
  else top_serial_ = frames_.back().own ? frames_.back().own_serial : frames_.back().base_serial;
}

// A slot that kept nothing (no durable entry, reference, buffer; not debug mode) goes straight
// back on the free list: the usual argument at the end of its call.
void Env::free_slot(uint32_t idx) {
  Slot &s = slots_[idx];
  if (s.ref || s.durable >= 0 || s.aux || s.str_index || debug) return free_slot_resources(idx);  // a lazy dict has aux
  s.v = nullptr;
  s.flags = free_head_;
  free_head_ = idx;
}

Frame::Frame(Env *e) : e_(e) { e_->enter_frame(); }
Frame::~Frame() { e_->exit_frame(); }

// Times one context call in trace mode (the generated trace_* wrappers in native/gen).
class TraceTimer {
 public:
  TraceTimer(HPyContext *ctx, int id);
  ~TraceTimer();
 private:
  Env *e_;
  int id_;
  uint64_t t0_;
};
void fill_trace_context(HPyContext *ctx, bool on);
extern const char *const context_public_names[];

// A buffer owned by a slot (UTF-8 of a str, a NUL-terminated copy of bytes): its length is
// stored just before the data, which always has a trailing NUL.
char *aux_alloc(Slot *s, size_t n);
const char *aux_data(Slot *s, size_t *n);
void aux_free(Slot *s);
void aux_set_length(Slot *s, size_t n);  // after writing fewer bytes than allocated

// Raise SystemError for a context function hpy-node does not implement (yet, or at all).
void unsupported(HPyContext *ctx, const char *name);
void needs_cpython(HPyContext *ctx, const char *name);
void fill_context(HPyContext *ctx, const HPy *constants);
void context_layout(size_t *size, size_t *offsets);
extern const int context_member_count;
extern const char *const helper_names[X__count];

}  // namespace hn
