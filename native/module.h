#pragma once
#include <string>
#include "env.h"

namespace hn {
// Loads NAME from the shared object at path into `module` (a fresh JS object), or into the object
// HPy_mod_create returns (given `spec`). Returns the module, or throws a JS error and returns null.
napi_value load_module(Env *e, const std::string &path, const std::string &name, napi_value module,
                       napi_value spec);
}
