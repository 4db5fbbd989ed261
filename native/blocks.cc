// See blocks.h.
#include "blocks.h"
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <unordered_set>
#include <vector>

namespace hn {

namespace {

constexpr size_t kGrain = 16;                 // block sizes are multiples of this
constexpr size_t kMaxSmall = 2048;            // larger blocks come from calloc
constexpr size_t kChunk = 256 * 1024;         // chunks are this big and aligned to it
constexpr size_t kClasses = kMaxSmall / kGrain + 1;

struct FreeBlock {
  FreeBlock *next;
};

struct Arena {
  FreeBlock *free[kClasses] = {};
  char *bump[kClasses] = {};  // the unused end of each class's newest chunk
  char *bump_end[kClasses] = {};
  std::vector<uintptr_t> chunks;  // sorted chunk addresses
  std::unordered_set<const void *> large;
  size_t live = 0;

  ~Arena() {
    // Threads end after their env (and its finalizers); should a block still be live, keep all.
    if (live) return;
    for (uintptr_t c : chunks) std::free(reinterpret_cast<void *>(c));
  }

  bool new_chunk(size_t cls) {
    void *c = std::aligned_alloc(kChunk, kChunk);
    if (!c) return false;
    uintptr_t a = reinterpret_cast<uintptr_t>(c);
    chunks.insert(std::upper_bound(chunks.begin(), chunks.end(), a), a);
    bump[cls] = static_cast<char *>(c);
    bump_end[cls] = bump[cls] + kChunk;
    return true;
  }
};

thread_local Arena arena;

size_t class_of(size_t size) { return (size + kGrain - 1) / kGrain; }

}  // namespace

void *block_alloc(size_t size) {
  Arena &a = arena;
  if (size > kMaxSmall) {
    void *p = std::calloc(1, size);
    if (p) {
      a.large.insert(p);
      a.live++;
    }
    return p;
  }
  size_t cls = class_of(size);
  size_t bytes = cls * kGrain;
  void *p;
  if (FreeBlock *f = a.free[cls]) {
    a.free[cls] = f->next;
    p = f;
  } else {
    if (a.bump_end[cls] - a.bump[cls] < (ptrdiff_t)bytes && !a.new_chunk(cls)) return nullptr;
    p = a.bump[cls];
    a.bump[cls] += bytes;
  }
  std::memset(p, 0, bytes);
  a.live++;
  return p;
}

void block_free(void *p, size_t size) {
  Arena &a = arena;
  a.live--;
  if (size > kMaxSmall) {
    a.large.erase(p);
    std::free(p);
    return;
  }
  size_t cls = class_of(size);
  auto *f = static_cast<FreeBlock *>(p);
  f->next = a.free[cls];
  a.free[cls] = f;
}

uintptr_t block_chunk(const void *p) { return reinterpret_cast<uintptr_t>(p) & ~(uintptr_t)(kChunk - 1); }

bool block_owned(const void *p, uintptr_t *chunk) {
  Arena &a = arena;
  uintptr_t base = block_chunk(p);
  if (std::binary_search(a.chunks.begin(), a.chunks.end(), base)) {
    *chunk = base;
    return true;
  }
  return !a.large.empty() && a.large.count(p) > 0;
}

}  // namespace hn
