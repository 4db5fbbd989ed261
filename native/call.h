// Calling extension C functions from JS: argument handles, keyword arguments, the result.
#pragma once
#include <vector>
#include "env.h"

namespace hn {

// What a JS function object made for an HPyMeth needs at call time.
struct ExtType;

struct MethodInfo {
  Env *env;
  HPyCFunction impl;
  HPyFunc_Signature sig;
  HPy self;          // the module for module functions; HPy_NULL for methods (self = this)
  std::string name;  // for error messages: "name()"
  ExtType *owner;    // for methods: their type, which `this` must be an instance of
};

// Appends the values of a kw({...}) object to `args` (vectorcall layout: positional values,
// then keyword values) and gives the tuple of their names. False with an error set on failure.
bool push_keywords(Env *e, napi_value marker, std::vector<HPy> &args, HPy *kwnames);

// Converts the C result to JS (throwing the pending error for NULL), with CPython's
// SystemError checks. `what` names the function in messages.
napi_value finish_call(Env *e, HPy result, const char *what);

// Makes the JS function for a method definition. The MethodInfo lives as long as the function.
napi_value make_method(Env *e, const HPyMeth *m, HPy self, ExtType *owner = nullptr);

}  // namespace hn
