// HPyGlobal. The extension's global variable exists once per process (dlopen shares it), so it
// holds a process-wide id; each Env keeps the object stored under that id.
#include <atomic>
#include <unordered_map>
#include "../env.h"

using hn::Env;

namespace {
std::atomic<intptr_t> next_global_id{1};
}

void hn_Global_Store(HPyContext *ctx, HPyGlobal *global, HPy h) {
  Env *e = Env::of(ctx);
  intptr_t id = __atomic_load_n(&global->_i, __ATOMIC_ACQUIRE);
  if (id == 0) {
    intptr_t fresh = next_global_id.fetch_add(1);
    intptr_t expected = 0;
    id = __atomic_compare_exchange_n(&global->_i, &expected, fresh, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)
             ? fresh
             : expected;
  }
  HPy &slot = e->globals[id];
  HPy old = slot;
  slot = hn::is_slot(h) && h._i ? e->new_slot(e->to_js(h), hn::kPermanent) : h;
  e->release_permanent(old);
}

HPy hn_Global_Load(HPyContext *ctx, HPyGlobal global) {
  Env *e = Env::of(ctx);
  auto it = e->globals.find(global._i);
  if (it == e->globals.end() || it->second._i == 0) {
    e->set_system_error("HPyGlobal_Load: the global was never stored in this context");
    return HPy{0};
  }
  HPy g = it->second;
  return hn::is_slot(g) ? e->new_slot(e->to_js(g)) : g;
}
