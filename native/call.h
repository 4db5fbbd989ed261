// Calling extension C functions from JS: argument handles, keyword arguments, the result.
#pragma once
#include <algorithm>
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

// The handles of a call's arguments: the usual few on the stack (a malloc per call was ~5% of a
// keyword call), more on the heap. HPy_NULL past the end, so an extension reading too far gets
// an error rather than garbage.
class HandleArray {
 public:
  void push_back(HPy h) {
    if (n_ == cap_) grow();
    data_[n_++] = h;
  }
  HPy *data() { return data_; }
  size_t size() const { return n_; }

 private:
  static constexpr size_t kInline = 8;
  void grow() {
    std::vector<HPy> bigger(cap_ * 2, HPy{0});
    std::copy(data_, data_ + n_, bigger.begin());
    heap_.swap(bigger);
    data_ = heap_.data();
    cap_ *= 2;
  }
  HPy inline_[kInline] = {};
  std::vector<HPy> heap_;
  HPy *data_ = inline_;
  size_t n_ = 0, cap_ = kInline;
};

// Appends the values of a kw({...}) object to `args` (vectorcall layout: positional values,
// then keyword values) and gives the tuple of their names. False with an error set on failure.
bool push_keywords(Env *e, napi_value marker, HandleArray &args, HPy *kwnames);

// Converts the C result to JS (throwing the pending error for NULL), with CPython's
// SystemError checks. `what` names the function in messages.
napi_value finish_call(Env *e, HPy result, const char *what);

// Makes the JS function for a method definition. The MethodInfo lives as long as the function.
napi_value make_method(Env *e, const HPyMeth *m, HPy self, ExtType *owner = nullptr);

}  // namespace hn
