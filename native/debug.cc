// Debug mode of the handle table (see Env::debug in env.h). The same extension binary runs; the
// context functions stay the real ones, with stricter bookkeeping of handles.
#include "env.h"

namespace hn {

void Env::debug_issue(const std::string &what) {
  if (debug_issues_.size() < 20) debug_issues_.push_back(what);
}

void Env::debug_close(HPy h) {
  Slot *s = slot_of(h);
  if (!s) {
    if (is_slot(h) && h._i != 0) debug_issue("HPy_Close of an invalid handle");
    return;
  }
  if (s->flags & kClosed) return debug_issue("HPy_Close of a handle that is already closed");
  if (s->rc == 0 || (s->flags & kPermanent)) return;
  if ((s->flags & kArg) && s->rc == 1) return debug_issue("HPy_Close of an argument handle, which the caller owns");
  if (--s->rc == 0) free_slot((uint32_t)bits(h));
}

// At the end of a call: the handles the call opened and did not close are leaks (a handle kept
// across calls must be an HPyGlobal or an HPyField instead).
bool Env::debug_report() {
  if (frames_.empty()) return false;
  size_t leaked = 0;
  for (size_t i = frames_.back().created_start; i < created_.size(); i++) {
    const Slot &s = slots_[created_[i]];
    if (s.rc > 0 && !(s.flags & (kArg | kInternal | kPermanent))) leaked++;
  }
  if (leaked) debug_issue(std::to_string(leaked) + " handle(s) opened by the call were never closed (leak)");
  if (debug_issues_.empty()) return false;
  std::string msg = "HPy debug mode:";
  for (const std::string &s : debug_issues_) msg += "\n  - " + s;
  debug_issues_.clear();
  napi_value m = js_string(msg.c_str()), exc;
  if (helper(X_debugError, 1, &m, &exc)) {
    napi_throw(env, exc);
  } else {
    throw_pending();
  }
  return true;
}

}  // namespace hn
