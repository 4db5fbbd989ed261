// Trace mode: the context's function pointers are swapped for generated wrappers that count and
// time each call (native/gen/ctx_init.cc); the figures are read from JS with traceCounts().
#include <chrono>
#include "env.h"

namespace hn {

static uint64_t now_ns() {
  return (uint64_t)std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

TraceTimer::TraceTimer(HPyContext *ctx, int id) : e_(Env::of(ctx)), id_(id), t0_(now_ns()) {}

TraceTimer::~TraceTimer() {
  Env::TraceCount &c = e_->trace_counts[id_];
  c.calls++;
  c.ns += now_ns() - t0_;
}

void Env::set_trace(bool on) {
  if (trace_counts.empty()) trace_counts.resize(context_member_count);
  fill_trace_context(&ctx, on);
}

}  // namespace hn
