// The buffer protocol for JS: see buffer.cc.
#pragma once
#include "env.h"

namespace hn {
// obj.__buffer__(flags): calls bf_getbuffer and returns a typed array over the buffer, or throws.
napi_value get_buffer(Env *e, HPy self, HPyFunc_getbufferproc get, HPyFunc_releasebufferproc release, int flags,
                      const char *what);
// obj.__release_buffer__(view): false with an error set when `view` is not a live exported view.
bool release_buffer(Env *e, napi_value view);
}  // namespace hn
