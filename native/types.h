// Extension types: what hpy-node keeps for each type made by HPyType_FromSpec, and the layout of
// an instance's native memory.
#pragma once
#include <vector>
#include <string>
#include "env.h"

namespace hn {

struct InstanceHeader;

struct ExtType {
  ~ExtType();
  Env *env;
  std::string name;      // __name__ (after the last dot of the spec's name)
  std::string qualname;  // the spec's name, "module.Name"
  int basicsize;         // bytes of the instance struct (the base's when the spec says 0)
  unsigned long flags;
  int shape;             // of the instances: the builtin base's (object, int, list, ...)
  int spec_shape;        // the spec's builtin_shape, what HPyType_GetBuiltinShape reports
  ExtType *base;  // the nearest HPy base type, or null
  std::vector<ExtType *> extra_bases;  // HPy types among the further bases (multiple inheritance)
  HPyFunc_newfunc tp_new;
  HPyFunc_initproc tp_init;
  HPyFunc_destroyfunc tp_destroy;
  HPyFunc_destructor tp_finalize;
  HPyFunc_keywords tp_call;
  HPy_ssize_t vectorcall_offset;  // of an HPyCallFunction in the instance struct, or 0
  HPy handle;  // permanent handle of the type object
  InstanceHeader *meta_block;  // the type object's struct when its metaclass is an HPy metatype
  napi_ref proto;      // the type object's prototype
  napi_ref allocator;  // `new allocator()` makes a bare object with the type's prototype (object shape)
};

// Each instance owns one block: this header, then `basicsize` zeroed bytes (what AsStruct returns).
struct InstanceHeader {
  ExtType *type;
  HPyFunc_keywords call;  // HPy_SetCallFunction
  uint64_t pad;           // keeps the data 16-byte aligned after the 24-byte header
};

inline void *instance_data(InstanceHeader *h) { return h + 1; }
inline size_t block_size(const ExtType *t) { return sizeof(InstanceHeader) + (size_t)t->basicsize; }

// The ExtType of a type object, or null when it is no HPy type.
ExtType *ext_type_of(Env *e, napi_value type);
// The bases of a new type from its HPyType_SpecParams: the one that gives the instances their
// layout (primary) and the others, which add behaviour only.
struct SpecBases {
  napi_value primary;
  ExtType *primary_ext;  // when primary is an HPy type
  int shape;             // of the instances
  std::vector<napi_value> all;  // as declared
  std::vector<napi_value> extra;
  std::vector<ExtType *> extra_ext;
  napi_value metaclass;
  HPy metaclass_h;
};
bool spec_bases(Env *e, HPyType_Spec *spec, HPyType_SpecParam *params, SpecBases *out);
// Is t owner, or a subtype of it along its base and extra bases?
bool derives_from(const ExtType *t, const ExtType *owner);

// The ExtType of an HPy type object itself (not of a JS class extending one), or null.
ExtType *own_ext_type(Env *e, napi_value type);
// The HPy type of an instance whose prototype is that type's own (not a JS subclass's, not changed
// since), or null.
ExtType *exact_instance_type(Env *e, HPy h);
// `self` (the `this` of a method, member, getset or slot of `owner`) as an instance of owner or
// of a subtype; else null with TypeError("descriptor 'name' for 'T' objects doesn't apply to ...").
// With `instance`: whether the answer is self's own instance header (not a metatype's struct).
InstanceHeader *self_of(Env *e, napi_value self, ExtType *owner, const char *name, bool *instance = nullptr);
// The handle of a method's `this`, which self_of found: knows its instance header from the start.
HPy self_handle(Env *e, napi_value self, InstanceHeader *ih, bool instance);
// While a method, getset or slot runs: its self handle and header, so that AsStruct on self (what
// nearly every method does first) needs no second napi_unwrap.
class SelfScope {
 public:
  SelfScope(Env *e, HPy self, InstanceHeader *ih) : e_(e), saved_h_(e->self_h), saved_ih_(e->self_ih) {
    e->self_h = self;
    e->self_ih = ih;
  }
  ~SelfScope() {
    e_->self_h = saved_h_;
    e_->self_ih = saved_ih_;
  }
 private:
  Env *e_;
  HPy saved_h_;
  void *saved_ih_;
};
// The native block behind h: an instance's, or the metatype struct of a type made with an HPy
// metatype; null for anything else.
InstanceHeader *struct_owner(Env *e, HPy h);
// The header of an instance of an HPy type, or null.
InstanceHeader *instance_of(Env *e, napi_value obj);
// The same for a handle: looked up once per handle (TypeCheck, HPy_Type and AsStruct on the same
// argument would each cost a napi_unwrap), and known from the start for HPy_New's.
InstanceHeader *instance_of(Env *e, HPy h);
void set_instance_of(Env *e, HPy h, InstanceHeader *ih);
// Allocates an instance of `t` (zeroed memory, tp_destroy on collection).
// Tuple- and list-shaped instances take their items from `args` (the type's call arguments).
// `type_js`, when given, is the class actually instantiated (a JS subclass of t's type object):
// the object gets its prototype; `t` (the nearest HPy type) gives size and tp_destroy.
// The ExtType of a JS subclass is found by ext_type_of walking the constructor's prototype chain.
// `kw` (a dict) goes with `args` to the builtin base's __new__.
napi_value new_instance(Env *e, ExtType *t, void **data, napi_value args = nullptr, napi_value type_js = nullptr,
                        napi_value kw = nullptr, InstanceHeader **header = nullptr);
// HPyType_SpecParam_Metaclass: checks the metaclass (a subtype of type, no tp_new) and, for an
// HPy metatype, allocates the new type object's struct (*block).
bool metaclass_block(Env *e, HPy metaclass, InstanceHeader **block);
// The struct of a type object made with an HPy metatype by HPyType_FromSpec, or null.
InstanceHeader *type_meta_block(Env *e, napi_value type);

}  // namespace hn
