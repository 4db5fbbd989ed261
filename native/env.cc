// The handle table, scope rolling, errors and dispatch of an Env. See env.h.
#include "env.h"
#include "str_index.h"
#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <unordered_set>

namespace hn {

const char *const helper_names[X__count] = {
#define HN_HELPER_NAME(name) #name,
    HN_HELPERS(HN_HELPER_NAME)
#undef HN_HELPER_NAME
};

// Node-API values created per scope before it is rolled over.
constexpr uint32_t kTicksPerScope = 1024;
constexpr uint32_t kSerialNever = UINT32_MAX;

namespace {
std::mutex live_mutex;
std::unordered_set<Env *> live_envs;
}  // namespace

bool Env::alive(Env *e) {
  std::lock_guard<std::mutex> lock(live_mutex);
  return live_envs.count(e) > 0;
}

Env::Env(napi_env e) : env(e) {
  {
    std::lock_guard<std::mutex> lock(live_mutex);
    live_envs.insert(this);
  }
  std::memset(&ctx, 0, sizeof ctx);
  ctx.name = "hpy-node";
  ctx._private = this;
  ctx.abi_version = HPY_ABI_VERSION;
  slots_.reserve(1024);
  slots_.push_back(Slot{nullptr, 1, kSerialDurable, -1, kPermanent, 0, 0, 0, 0, nullptr, nullptr, nullptr, nullptr});  // index 0 = HPy_NULL
  napi_value arr;
  napi_create_array(env, &arr);
  napi_create_reference(env, arr, 1, &durable_ref_);
  constants.assign(context_member_count, HPy{0});
}

Env::~Env() {
  {
    std::lock_guard<std::mutex> lock(live_mutex);
    live_envs.erase(this);
  }
  for (Slot &s : slots_) {
    if (s.flags & kLazyDict) delete static_cast<std::vector<HPy> *>(s.aux);
    else if (s.flags & kLazyIter) delete static_cast<LazyIter *>(s.aux);
    else std::free(s.aux);
    str_index_free(s.str_index);
  }
}

// ---- scopes and frames -------------------------------------------------------------------------

Tick::Tick(Env *e) {
  e->absorb_pending();  // nothing may stay pending from an earlier context call
  if (++e->ticks_ >= kTicksPerScope) e->roll();
}

// The slow half of exit_frame (env.h): release the call's argument handles, promote the others.
void Env::exit_frame_slots() {
  FrameRec &f = frames_.back();
  std::vector<uint32_t> survivors;
  for (size_t i = f.created_start; i < created_.size(); i++) {
    uint32_t idx = created_[i];
    Slot &s = slots_[idx];
    if (s.rc == 0) continue;
    if (s.flags & kArg) {  // the call's own reference; duplicates of the argument live on
      s.flags &= ~kArg;
      if (--s.rc == 0) {
        free_slot(idx);
        continue;
      }
    }
    // A handle that outlives its call (leaked, or kept on purpose).
    if (s.durable < 0 && s.serial >= f.base_serial) survivors.push_back(idx);
  }
  if (!survivors.empty()) promote_all(survivors);
  created_.resize(f.created_start);
  if (f.own) napi_close_handle_scope(env, f.own);
  pop_frame();
}

void Env::roll() {
  ticks_ = 0;
  if (frames_.empty()) return;
  unroll();
  FrameRec &f = frames_.back();
  napi_open_handle_scope(env, &f.own);
  f.own_serial = ++serial_counter_;
  top_serial_ = f.own_serial;
}

// Closes the frame's rolled scope (env.h's unroll), promoting the handles made in it.
void Env::unroll_scope() {
  FrameRec &f = frames_.back();
  std::vector<uint32_t> survivors;
  size_t out = f.created_start;
  for (size_t i = f.created_start; i < created_.size(); i++) {
    uint32_t idx = created_[i];
    Slot &s = slots_[idx];
    if (s.rc == 0) continue;
    // A lazy iterator has no JS value to keep: it stays lazy across rolls, so that a long loop
    // keeps stepping it natively (the sequence it holds is a handle of its own).
    if (s.durable < 0 && s.serial == f.own_serial && !(s.flags & kLazyIter)) survivors.push_back(idx);
    else if (s.durable < 0) created_[out++] = idx;  // still tied to the frame (base scope, or lazy)
  }
  created_.resize(out);
  promote_all(survivors);
  napi_close_handle_scope(env, f.own);
  f.own = nullptr;
  top_serial_ = f.base_serial;
}

bool Env::number_buffer(size_t n, napi_value *buf, double **data) {
  if (numbers_ref_ && n <= numbers_cap_) {
    napi_get_reference_value(env, numbers_ref_, buf);
    *data = numbers_data_;
    return true;
  }
  size_t cap = std::max(n, 2 * numbers_cap_);
  void *p = nullptr;
  if (napi_create_arraybuffer(env, cap * sizeof(double), &p, buf) != napi_ok) return false;
  if (numbers_ref_) napi_delete_reference(env, numbers_ref_);
  napi_create_reference(env, *buf, 1, &numbers_ref_);
  numbers_data_ = *data = static_cast<double *>(p);
  numbers_cap_ = cap;
  return true;
}

napi_value Env::durable_array() {
  napi_value arr;
  napi_get_reference_value(env, durable_ref_, &arr);
  return arr;
}

namespace {
// Sets a pending JS exception aside while hpy-node's own bookkeeping calls Node-API (a call that
// is throwing keeps its handles too), and throws it again after.
class PendingAside {
 public:
  explicit PendingAside(napi_env env) : env_(env) {
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) napi_get_and_clear_last_exception(env, &exc_);
  }
  ~PendingAside() {
    if (exc_) napi_throw(env_, exc_);
  }
 private:
  napi_env env_;
  napi_value exc_ = nullptr;
};
}  // namespace

int32_t Env::take_durable_index() {
  if (durable_free_.empty()) return durable_next_++;
  int32_t d = durable_free_.back();
  durable_free_.pop_back();
  return d;
}

void Env::promote(uint32_t idx) {
  PendingAside aside(env);
  if (slots_[idx].flags & (kLazyDict | kLazyIter)) materialize(idx);
  Slot &s = slots_[idx];
  if (s.durable >= 0) return;
  s.durable = take_durable_index();
  durable_store(1, &s.durable, &s.v);
}

void Env::promote_all(const std::vector<uint32_t> &idxs) {
  if (idxs.empty()) return;
  PendingAside aside(env);
  std::vector<uint32_t> promoted;
  for (uint32_t idx : idxs) {
    if (slots_[idx].rc == 0) continue;  // an item of a lazy dict made before it: freed with it
    if (slots_[idx].flags & (kLazyDict | kLazyIter)) materialize(idx);
    Slot &s = slots_[idx];
    if (s.durable >= 0) continue;
    s.durable = take_durable_index();
    promoted.push_back(idx);
  }
  // Stored after the loop, and only for the slots still alive with that entry: a later
  // materialize may have freed one (and its entry may even be taken again).
  std::vector<int32_t> ds;
  std::vector<napi_value> vs;
  for (uint32_t idx : promoted) {
    const Slot &s = slots_[idx];
    if (s.rc == 0 || s.durable < 0) continue;
    ds.push_back(s.durable);
    vs.push_back(s.v);
  }
  durable_store(ds.size(), ds.data(), vs.data());
}

// Element stores into the durable array. Many at once (a scope rolled over thousands of live
// handles, say) go through one helper call, as Node-API stores elements one call each (~90 ns).
void Env::durable_store(size_t n, const int32_t *idx, const napi_value *vals) {
  if (n == 0) return;
  constexpr size_t kBulkMin = 8, kBulkMax = 4096;
  PendingAside aside(env);
  napi_value arr = durable_array(), fn = nullptr;
  size_t i = 0;
  if (n >= kBulkMin && helpers_[X_durableSet]) napi_get_reference_value(env, helpers_[X_durableSet], &fn);
  std::vector<napi_value> argv;
  while (fn && i < n) {
    size_t m = std::min(n - i, kBulkMax);
    argv.assign(1, arr);
    for (size_t k = i; k < i + m; k++) {
      napi_value d;
      napi_create_int32(env, idx[k], &d);
      argv.push_back(d);
      argv.push_back(vals[k]);
    }
    napi_value ignored;
    if (napi_call_function(env, undefined(), fn, argv.size(), argv.data(), &ignored) != napi_ok) {
      napi_get_and_clear_last_exception(env, &ignored);  // out of stack, say: the rest one by one
      break;
    }
    i += m;
  }
  for (; i < n; i++) napi_set_element(env, arr, (uint32_t)idx[i], vals[i]);
}

// Freed durable entries keep their value until cleared here in bulk (when enough are waiting,
// and when the outermost call returns), then become reusable.
void Env::flush_durable_clears() {
  std::vector<napi_value> undef(durable_dirty_.size(), undefined());
  durable_store(durable_dirty_.size(), durable_dirty_.data(), undef.data());
  durable_free_.insert(durable_free_.end(), durable_dirty_.begin(), durable_dirty_.end());
  durable_dirty_.clear();
}

void Env::refresh(Slot &s) {
  if (s.ref) napi_get_reference_value(env, s.ref, &s.v);
  else napi_get_element(env, durable_array(), (uint32_t)s.durable, &s.v);
  s.serial = frames_.empty() ? kSerialNever : top_serial_;  // outside a call nothing can be cached
}

// ---- slots -------------------------------------------------------------------------------------

HPy Env::new_slot(napi_value v, uint32_t flags, int vtype) {
  uint32_t idx;
  if (free_head_) {
    idx = free_head_;
    free_head_ = slots_[idx].flags;
  } else {
    idx = (uint32_t)slots_.size();
    slots_.push_back(Slot{});
  }
  Slot &s = slots_[idx];
  s.v = v;
  s.rc = 1;
  s.serial = top_serial_;
  s.durable = -1;
  s.flags = flags;
  s.vtype = (uint8_t)(vtype + 1);
  s.shape = 0;
  s.slow_reads = 0;
  s.short_epoch = 0;
  s.aux = nullptr;
  s.ref = nullptr;
  s.str_index = nullptr;
  if (frames_.empty() || (flags & kPermanent)) {
    promote(idx);
    Slot &p = slots_[idx];
    p.serial = frames_.empty() ? kSerialNever : top_serial_;
    if (flags & kPermanent) {  // read in every call that uses it: a reference is the cheaper way back
      napi_valuetype t = vtype >= 0 ? (napi_valuetype)vtype : type_of_js(v);
      if (t == napi_object || t == napi_function) napi_create_reference(env, v, 1, &p.ref);
    }
  } else {
    created_.push_back(idx);
  }
  return mk(idx);
}

void Env::free_slot_resources(uint32_t idx) {
  Slot &s = slots_[idx];
  if (s.ref) {
    napi_delete_reference(env, s.ref);
    s.ref = nullptr;
  }
  if (s.durable >= 0) {
    durable_dirty_.push_back(s.durable);
    s.durable = -1;
    if (durable_dirty_.size() >= 1024) flush_durable_clears();
  }
  if (s.flags & kLazyDict) {  // never looked at: just drop its items
    auto *items = static_cast<std::vector<HPy> *>(s.aux);
    s.aux = nullptr;
    for (HPy x : *items) close(x);
    delete items;
  }
  if (s.flags & kLazyIter) {
    auto *li = static_cast<LazyIter *>(s.aux);
    s.aux = nullptr;
    if (li->seq._i) close(li->seq);
    delete li;
  }
  if (s.aux) {
    std::free(s.aux);
    s.aux = nullptr;
  }
  if (s.str_index) {
    str_index_free(s.str_index);
    s.str_index = nullptr;
  }
  s.v = nullptr;
  if (debug && !(s.flags & kInternal)) {  // keep it closed and unused for a while: misuse shows
    s.flags = kClosed;
    constexpr size_t kQuarantine = 1 << 16;
    if (quarantine_.size() < kQuarantine) {
      quarantine_.push_back(idx);
      return;
    }
    uint32_t old = quarantine_[quarantine_head_];
    quarantine_[quarantine_head_] = idx;
    quarantine_head_ = (quarantine_head_ + 1) % kQuarantine;
    if (!(slots_[old].flags & kClosed) || slots_[old].rc != 0) return;
    idx = old;
  }
  slots_[idx].flags = free_head_;
  free_head_ = idx;
}

const char *Env::intern(const std::string &s) {
  auto &slot = interned_[s];
  if (!slot) slot.reset(new std::string(s));
  return slot->c_str();
}

size_t Env::live_slots() const {
  size_t n = 0;
  for (const Slot &s : slots_) n += s.rc > 0;
  return n;
}

HPy Env::dup(HPy h) {
  Slot *s = slot_of(h);
  if (!s || s->rc == 0 || (s->flags & kPermanent)) return h;
  if (debug) return copy_slot(h, 0);  // distinct handles, so misuse of each can be told apart
  s->rc++;
  return h;  // immediates, constants and table handles alike: the handle is shared
}

HPy Env::hold(HPy h) {
  Slot *s = slot_of(h);
  if (debug && s && s->rc > 0 && !(s->flags & kPermanent)) return copy_slot(h, kInternal);
  return dup(h);
}

HPy Env::copy_slot(HPy h, uint32_t flags) {
  napi_value v = to_js(h);
  Slot &src = slots_[bits(h)];
  int vtype = (int)src.vtype - 1;
  return new_slot(v, flags, vtype);
}

void Env::release_permanent(HPy h) {
  Slot *s = slot_of(h);
  if (!s || s->rc == 0 || !(s->flags & kPermanent)) return;
  s->rc = 0;
  free_slot((uint32_t)bits(h));
}

void Env::close(HPy h) {
  if (debug) return debug_close(h);
  Slot *s = slot_of(h);
  if (!s || s->rc == 0 || (s->flags & kPermanent)) return;
  // The call owns one reference to an argument: closing that one (an extension bug) is ignored.
  if ((s->flags & kArg) && s->rc == 1) return;
  if (--s->rc == 0) free_slot((uint32_t)bits(h));
}

napi_value Env::slot_to_js(HPy h) {
  uint64_t b = bits(h);
  if (b == 0 || b >= slots_.size() || slots_[b].rc == 0) {
    if (debug && b != 0 && b < slots_.size() && (slots_[b].flags & kClosed)) debug_issue("use of a closed handle");
    return undefined();
  }
  if (slots_[b].flags & (kLazyDict | kLazyIter)) materialize((uint32_t)b);
  Slot &s = slots_[b];
  if (s.durable >= 0 && s.serial != top_serial_) refresh(s);
  return s.v;
}

napi_value Env::imm_to_js(HPy h) {
  uint64_t b = bits(h);
  uint64_t t = b >> 48;
  napi_value r;
  if (t == 0xFFFF) {
    napi_create_int64(env, imm_int_value(h), &r);
  } else if (t == 1) {
    if (b == kNone) napi_get_null(env, &r);
    else napi_get_boolean(env, b == kTrue, &r);
  } else {
    napi_create_double(env, imm_double_value(h), &r);
  }
  return r;
}

HPy Env::new_handle(napi_value v) {
  napi_valuetype t;
  napi_typeof(env, v, &t);
  return new_handle(v, t);
}

HPy Env::new_handle(napi_value v, napi_valuetype t) {
  switch (t) {
    case napi_number: {
      double d;
      napi_get_value_double(env, v, &d);
      if (!number_is_int(d)) return imm_double(d);
      int64_t i = (int64_t)d;
      return fits_imm_int(i) ? imm_int(i) : new_slot(v, 0, napi_number);
    }
    case napi_boolean: {
      bool b;
      napi_get_value_bool(env, v, &b);
      return bool_handle(b);
    }
    case napi_null:
    case napi_undefined:
      return mk(kNone);
    case napi_bigint: {
      int64_t i;
      bool lossless;
      napi_get_value_bigint_int64(env, v, &i, &lossless);
      if (lossless && i >= -kSafeIntMax && i <= kSafeIntMax) {
        if (fits_imm_int(i)) return imm_int(i);
        napi_value n;
        napi_create_int64(env, i, &n);
        return new_slot(n, 0, napi_number);
      }
      return new_slot(v, 0, napi_bigint);
    }
    default:
      return new_slot(v, 0, t);
  }
}

HPy Env::new_lazy_dict() {
  napi_value none;
  napi_get_null(env, &none);
  HPy h = new_slot(none, 0, napi_object);
  Slot &s = slots_[bits(h)];
  s.flags |= kLazyDict;
  s.shape = 2;  // Shape::Dict (containers.h)
  auto *items = new std::vector<HPy>();
  items->reserve(32);  // 16 items without growing: most dicts built in C are small
  s.aux = items;
  return h;
}

HPy Env::new_lazy_iter(HPy seq) {
  napi_value none;
  napi_get_null(env, &none);
  HPy h = new_slot(none, 0, napi_object);
  Slot &s = slots_[bits(h)];
  s.flags |= kLazyIter;
  s.shape = 1;  // Shape::Other (containers.h): no need to make it in JS to know it
  s.aux = new LazyIter{hold(seq), 0};
  return h;
}

void Env::lazy_dict_set(HPy dict, HPy key, HPy value) {
  auto *items = static_cast<std::vector<HPy> *>(slots_[bits(dict)].aux);
  items->push_back(hold(key));
  items->push_back(hold(value));
}

void Env::materialize(uint32_t idx) {
  if (slots_[idx].flags & kLazyIter) return materialize_iter(idx);
  Slot &s0 = slots_[idx];
  auto *items = static_cast<std::vector<HPy> *>(s0.aux);
  s0.aux = nullptr;
  s0.flags &= ~kLazyDict;
  uint32_t created_in = s0.serial;
  napi_value inline_argv[32];
  std::vector<napi_value> heap_argv;
  napi_value *argv = items->size() <= 32 ? inline_argv : (heap_argv.resize(items->size()), heap_argv.data());
  for (size_t i = 0; i < items->size(); i++) argv[i] = to_js((*items)[i]);  // nested dicts first
  napi_value obj = nullptr;
  if (!helper_chunked(X_dictFrom, X_dictExtend, items->size(), argv, &obj)) {
    err_clear();
    napi_create_object(env, &obj);  // cannot happen short of running out of memory
  }
  for (HPy x : *items) close(x);
  delete items;
  made_in_js(idx, obj, created_in);
}

void Env::materialize_iter(uint32_t idx) {
  Slot &s0 = slots_[idx];
  auto *li = static_cast<LazyIter *>(s0.aux);
  s0.aux = nullptr;
  s0.flags &= ~kLazyIter;
  uint32_t created_in = s0.serial;
  napi_value argv[2] = {to_js_or_undefined(li->seq), js_number(li->index)}, it = nullptr;
  if (!helper(X_iterAt, 2, argv, &it)) {
    err_clear();
    napi_get_undefined(env, &it);  // cannot happen short of running out of memory
  }
  if (li->seq._i) close(li->seq);
  delete li;
  made_in_js(idx, it, created_in);
}

// A lazy slot's JS value, just made: it lives in the current scope; when the handle was made in an
// outer one it must outlive this scope too.
void Env::made_in_js(uint32_t idx, napi_value v, uint32_t created_in) {
  Slot &s = slots_[idx];  // close() may not move the table, but stay safe
  s.v = v;
  s.serial = top_serial_;
  if (created_in != top_serial_ && s.durable < 0 && !frames_.empty()) promote(idx);
}

HPy Env::arg_handle(napi_value v) {
  napi_valuetype t;
  napi_typeof(env, v, &t);
  return arg_handle(v, t);
}

HPy Env::arg_handle(napi_value v, napi_valuetype t) {
  HPy h = new_handle(v, t);
  if (is_slot(h)) slots_[bits(h)].flags |= kArg;
  return h;
}

napi_valuetype Env::type_of(HPy h) {
  uint64_t t = tag(h);
  if (t == 0xFFFF || (t >= 2 && t <= 0xFFF2)) return napi_number;
  if (t == 1) return bits(h) == kNone ? napi_null : napi_boolean;
  if (h._i == 0) return napi_undefined;
  Slot *s = slot_of(h);
  if (!s || s->rc == 0) return napi_undefined;
  if (s->vtype) return (napi_valuetype)(s->vtype - 1);
  napi_valuetype vt;
  napi_typeof(env, to_js(h), &vt);
  s->vtype = (uint8_t)(vt + 1);
  return vt;
}

napi_value Env::js_string(const char *s) {
  napi_value r;
  napi_create_string_utf8(env, s ? s : "", NAPI_AUTO_LENGTH, &r);
  return r;
}

napi_value Env::key_string(const char *s) {
  if (!s[0] || !s[1]) return js_string(s);  // V8 keeps one-character strings made already
  constexpr size_t kSets = 512;
  if (keys_.empty()) {
    keys_.resize(2 * kSets);
    keys_mru_.assign(kSets, 0);
  }
  size_t set = ((uintptr_t)s * 0x9E3779B97F4A7C15ull) >> 55;  // the top 9 bits
  for (size_t way = 0; way < 2; way++) {
    KeyEntry &k = keys_[2 * set + way];
    if (k.ptr != s || !k.h._i) continue;
    if (std::strcmp(k.text.c_str(), s) != 0) return js_string(s);  // a buffer C refills with key after key: not cached
    keys_mru_[set] = (uint8_t)way;
    return to_js(k.h);
  }
  napi_value r = js_string(s);
  if (frames_.empty()) return r;  // no call to cache for (module init runs in one)
  size_t way = keys_mru_[set] ^ 1;
  keys_mru_[set] = (uint8_t)way;
  KeyEntry &k = keys_[2 * set + way];
  release_permanent(k.h);
  k.ptr = s;
  k.text = s;
  k.h = new_slot(r, kPermanent, napi_string);
  return r;
}

std::string Env::type_name_of(HPy h) {
  napi_value v = to_js_or_undefined(h), r;
  if (!helper(X_tpName, 1, &v, &r)) {
    err_clear();
    return "object";
  }
  return utf8(r);
}

std::string Env::utf8(napi_value s) {
  size_t n = 0;
  if (napi_get_value_string_utf8(env, s, nullptr, 0, &n) != napi_ok) return std::string();
  std::string out(n, '\0');
  napi_get_value_string_utf8(env, s, &out[0], n + 1, &n);
  return out;
}

int64_t Env::result_int(napi_value v) {
  napi_valuetype t;
  napi_typeof(env, v, &t);
  if (t == napi_boolean) {
    bool b;
    napi_get_value_bool(env, v, &b);
    return b;
  }
  if (t == napi_bigint) {
    int64_t i;
    bool lossless;
    napi_get_value_bigint_int64(env, v, &i, &lossless);
    return i;
  }
  int64_t i = 0;
  napi_get_value_int64(env, v, &i);
  return i;
}

// ---- errors ------------------------------------------------------------------------------------

void Env::err_clear() {
  if (err_kind_ == kErrLazy || err_kind_ == kErrObject) {
    close(err_type_);
    close(err_value_);
  }
  err_kind_ = kErrNone;
  err_type_ = err_value_ = HPy{0};
  err_msg_.clear();
}

void Env::err_set_lazy(HPy type, const char *msg) {
  err_clear();
  err_kind_ = kErrLazy;
  err_type_ = hold(type);
  err_msg_ = msg ? msg : "";
}

void Env::err_set_object(HPy type, HPy value) {
  err_clear();
  err_kind_ = kErrObject;
  err_type_ = hold(type);
  err_value_ = hold(value);
}

// V8's stack overflow is a RangeError; Python code (and C matching h_RecursionError) expects
// a RecursionError.
static bool is_stack_overflow(napi_env env, napi_value exc) {
  bool is_error = false;
  if (napi_is_error(env, exc, &is_error) != napi_ok || !is_error) return false;
  napi_value name, message;
  char buf[40];
  size_t n = 0;
  if (napi_get_named_property(env, exc, "name", &name) != napi_ok ||
      napi_get_value_string_utf8(env, name, buf, sizeof buf, &n) != napi_ok || std::string(buf, n) != "RangeError")
    return false;
  if (napi_get_named_property(env, exc, "message", &message) != napi_ok ||
      napi_get_value_string_utf8(env, message, buf, sizeof buf, &n) != napi_ok)
    return false;
  return std::string(buf, n).rfind("Maximum call stack size exceeded", 0) == 0;
}

void Env::err_set_js(napi_value exc) {
  if (is_stack_overflow(env, exc)) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);  // a getter may have thrown
    err_set_lazy(h(C_RecursionError), "maximum recursion depth exceeded");
    return;
  }
  err_clear();
  napi_set_element(env, durable_array(), 0, exc);
  err_kind_ = kErrJs;
}

void Env::err_from_pending() {
  napi_value exc;
  if (napi_get_and_clear_last_exception(env, &exc) == napi_ok) err_set_js(exc);
}

void Env::set_system_error(const std::string &msg) { err_set_lazy(h(C_SystemError), msg.c_str()); }

napi_value Env::err_take() {
  napi_value result = nullptr;
  switch (err_kind_) {
    case kErrNone:
      return nullptr;
    case kErrJs:
      napi_get_element(env, durable_array(), 0, &result);
      napi_set_element(env, durable_array(), 0, undefined());
      break;
    case kErrLazy:
    case kErrObject: {
      napi_value argv[2] = {to_js(err_type_), err_kind_ == kErrLazy ? js_string(err_msg_.c_str())
                                                                    : to_js_or_undefined(err_value_)};
      napi_value fn;
      js_may_run();
      napi_get_reference_value(env, helpers_[X_makeError], &fn);
      if (napi_call_function(env, undefined(), fn, 2, argv, &result) != napi_ok) {
        napi_get_and_clear_last_exception(env, &result);  // the error building the error wins
      }
      break;
    }
  }
  err_clear();
  err_kind_ = kErrNone;
  return result;
}

bool Env::err_matches(HPy exc) {
  if (err_kind_ == kErrNone) return false;
  if ((err_kind_ == kErrLazy || err_kind_ == kErrObject) && bits(err_type_) == bits(exc)) return true;
  napi_value err;
  if (err_kind_ == kErrJs) {
    napi_get_element(env, durable_array(), 0, &err);
  } else {
    err = to_js(err_type_);
  }
  napi_value argv[2] = {err, to_js(exc)};
  napi_value fn, r;
  js_may_run();
  napi_get_reference_value(env, helpers_[X_errMatches], &fn);
  if (napi_call_function(env, undefined(), fn, 2, argv, &r) != napi_ok) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
    return false;
  }
  return result_int(r) != 0;
}

void Env::absorb_pending(bool drop) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) return;
  if (drop || err_occurred()) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  } else {
    err_from_pending();
  }
}

void Env::throw_pending() {
  absorb_pending();
  napi_value exc = err_take();
  if (!exc) return;
  napi_value ignored;
  if (!helper(X_fillStack, 1, &exc, &ignored)) err_clear();  // a quiet exception: the stack of this call
  napi_throw(env, exc);
}

// ---- dispatch ----------------------------------------------------------------------------------

void Env::set_dispatch(napi_value table) {
  for (int i = 0; i < D__count; i++) {
    napi_value fn;
    napi_valuetype t = napi_undefined;
    if (napi_get_named_property(env, table, dispatch_names[i], &fn) == napi_ok) napi_typeof(env, fn, &t);
    if (t == napi_function) napi_create_reference(env, fn, 1, &dispatch_[i]);
  }
  for (int i = 0; i < X__count; i++) {
    napi_value fn;
    napi_valuetype t = napi_undefined;
    if (napi_get_named_property(env, table, helper_names[i], &fn) == napi_ok) napi_typeof(env, fn, &t);
    if (t == napi_function) napi_create_reference(env, fn, 1, &helpers_[i]);
  }
}

bool Env::call_js(napi_value fn, napi_value recv, size_t argc, const napi_value *argv, napi_value *result) {
  js_may_run();
  if (napi_call_function(env, recv ? recv : undefined(), fn, argc, argv, result) == napi_ok) return true;
  err_from_pending();
  if (!err_occurred()) set_system_error("a JavaScript call failed without an exception");
  return false;
}

bool Env::dispatch(DispatchId id, size_t argc, const napi_value *argv, napi_value *result) {
  if (!dispatch_[id]) {
    unsupported(&ctx, dispatch_public_names[id]);
    return false;
  }
  return call_model(dispatch_[id], argc, argv, result);
}

bool Env::helper(HelperId id, size_t argc, const napi_value *argv, napi_value *result) {
  if (!helpers_[id]) {
    set_system_error(std::string("hpy-node internal helper missing: ") + helper_names[id]);
    return false;
  }
  return call_model(helpers_[id], argc, argv, result);
}

// A call into the object model for C: the exceptions it makes skip their JS stack (quiet_counter).
bool Env::call_model(napi_ref fn_ref, size_t argc, const napi_value *argv, napi_value *result) {
  napi_value fn;
  napi_get_reference_value(env, fn_ref, &fn);
  if (quiet_) ++*quiet_;
  bool ok = call_js(fn, nullptr, argc, argv, result);
  if (quiet_) --*quiet_;
  return ok;
}

bool Env::helper_chunked(HelperId first, HelperId more, size_t argc, const napi_value *argv, napi_value *result) {
  constexpr size_t kPerCall = 8192;  // even: dict items come in pairs
  if (!helper(first, std::min(argc, kPerCall), argv, result)) return false;
  std::vector<napi_value> chunk;
  for (size_t at = kPerCall; at < argc; at += kPerCall) {
    size_t n = std::min(kPerCall, argc - at);
    chunk.assign(1, *result);
    chunk.insert(chunk.end(), argv + at, argv + at + n);
    napi_value ignored;
    if (!helper(more, chunk.size(), chunk.data(), &ignored)) return false;
  }
  return true;
}

napi_value Env::quiet_counter() {
  napi_value buf;
  if (quiet_ref_) {
    napi_get_reference_value(env, quiet_ref_, &buf);
    return buf;
  }
  void *data = nullptr;
  if (napi_create_arraybuffer(env, sizeof(int32_t), &data, &buf) != napi_ok) return undefined();
  napi_create_reference(env, buf, 1, &quiet_ref_);
  quiet_ = static_cast<int32_t *>(data);
  *quiet_ = 0;
  return buf;
}

char *aux_alloc(Slot *s, size_t n) {
  aux_free(s);
  char *base = (char *)std::malloc(sizeof(size_t) + n + 1);
  if (!base) return nullptr;
  std::memcpy(base, &n, sizeof n);
  base[sizeof(size_t) + n] = 0;
  s->aux = base;
  return base + sizeof(size_t);
}

const char *aux_data(Slot *s, size_t *n) {
  if (!s->aux) return nullptr;
  std::memcpy(n, s->aux, sizeof *n);
  return (const char *)s->aux + sizeof(size_t);
}

void aux_set_length(Slot *s, size_t n) {
  std::memcpy(s->aux, &n, sizeof n);
  ((char *)s->aux)[sizeof(size_t) + n] = 0;
}

void aux_free(Slot *s) {
  std::free(s->aux);
  s->aux = nullptr;
}

void unsupported(HPyContext *ctx, const char *name) {
  Env::of(ctx)->set_system_error(std::string("HPy function ") + name + " is not supported by hpy-node");
}

void needs_cpython(HPyContext *ctx, const char *name) {
  Env::of(ctx)->set_system_error(std::string("HPy function ") + name +
                                 " needs CPython (legacy PyObject* interop) and is not available in hpy-node");
}

}  // namespace hn
