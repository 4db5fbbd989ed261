// Native memory of instances of HPy types. Blocks come from per-thread chunks in size classes (an
// env, its instances and their finalizers all live on one thread): no malloc per instance, and
// whether a pointer is one of our blocks — napi_unwrap can hand out what another addon wrapped —
// is a range check over the thread's chunks instead of a hash set with a node per instance.
#pragma once
#include <cstddef>
#include <cstdint>

namespace hn {

// A zeroed block of `size` bytes, or null when out of memory.
void *block_alloc(size_t size);
// Gives back a block of block_alloc(size).
void block_free(void *p, size_t size);
// True when p lies in one of this thread's chunks or is one of its large blocks: a block of
// block_alloc (a JS object wrapping one is alive, so its block is not freed). For a chunk's
// block, *chunk receives the chunk: a chunk stays this thread's until the thread ends, so a
// caller may remember it and take its blocks as owned without the search (a thread-local
// lookup and a binary search were ~5% of a method call).
bool block_owned(const void *p, uintptr_t *chunk);
// The chunk a small block would lie in.
uintptr_t block_chunk(const void *p);

}  // namespace hn
