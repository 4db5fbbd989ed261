// bench_napi -- the hand-written Node-API (node-addon-api) twin of
// ../ext/bench_hpy.c: the same functions doing the same work on JS values,
// written the way a careful addon author would, with no HPy layer.
//
// Value conventions follow hpy-node's mapping so that results compare
// one-to-one: None -> null, tuple -> frozen Array, dict -> plain object.
// Where JS has no equivalent of a Python feature the closest idiom is used:
//   keywords(a, {b, c})   options object instead of keyword arguments
//   v.add(w)              method instead of the nb_add slot
//   dup_close(obj)        napi_create_reference + napi_delete_reference
#include <napi.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#define BARRIER() __asm__ __volatile__("" ::: "memory")

namespace {

void RequireArgs(const Napi::CallbackInfo& info, size_t n, const char* msg) {
  if (info.Length() != n) throw Napi::TypeError::New(info.Env(), msg);
}

Napi::Number RequireNumber(const Napi::Value& v) {
  if (!v.IsNumber()) throw Napi::TypeError::New(v.Env(), "expected a number");
  return v.As<Napi::Number>();
}

// ---------------------------------------------------------------- calls --

Napi::Value Noop(const Napi::CallbackInfo& info) { return info.Env().Null(); }

Napi::Value OneArg(const Napi::CallbackInfo& info) {
  RequireArgs(info, 1, "onearg() takes exactly 1 argument");
  return info.Env().Null();
}

Napi::Value VarArgs(const Napi::CallbackInfo& info) {
  RequireArgs(info, 3, "varargs() takes exactly 3 arguments");
  return info.Env().Null();
}

// keywords(a, {b = 0, c = 0}) -> a + b + c
Napi::Value Keywords(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || info.Length() > 2)
    throw Napi::TypeError::New(env, "keywords() takes 1 or 2 arguments");
  int64_t a = RequireNumber(info[0]).Int64Value(), b = 0, c = 0;
  if (info.Length() == 2 && info[1].IsObject()) {
    Napi::Object opts = info[1].As<Napi::Object>();
    Napi::Value vb = opts.Get("b");
    if (!vb.IsUndefined()) b = RequireNumber(vb).Int64Value();
    Napi::Value vc = opts.Get("c");
    if (!vc.IsUndefined()) c = RequireNumber(vc).Int64Value();
  }
  return Napi::Number::New(env, static_cast<double>(a + b + c));
}

Napi::Value RetInt(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), 12345);
}

Napi::Value RetFloat(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), 1.5);
}

Napi::Value RetStr(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), "hello world");
}

Napi::Value Identity(const Napi::CallbackInfo& info) {
  RequireArgs(info, 1, "identity() takes exactly 1 argument");
  return info[0];
}

// ----------------------------------------------------------- primitives --

Napi::Value AddInts(const Napi::CallbackInfo& info) {
  RequireArgs(info, 2, "add_ints() takes exactly 2 arguments");
  int64_t a = RequireNumber(info[0]).Int64Value();
  int64_t b = RequireNumber(info[1]).Int64Value();
  return Napi::Number::New(info.Env(), static_cast<double>(a + b));
}

Napi::Value AddFloats(const Napi::CallbackInfo& info) {
  RequireArgs(info, 2, "add_floats() takes exactly 2 arguments");
  double a = RequireNumber(info[0]).DoubleValue();
  double b = RequireNumber(info[1]).DoubleValue();
  return Napi::Number::New(info.Env(), a + b);
}

// Code points: Node-API only exposes UTF-16 (or UTF-8/Latin-1) copies, so
// copy out the UTF-16 units and subtract the surrogate pairs.
Napi::Value StrLen(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireArgs(info, 1, "str_len() takes exactly 1 argument");
  if (!info[0].IsString()) throw Napi::TypeError::New(env, "str_len() expects a str");
  size_t units = 0;
  NAPI_THROW_IF_FAILED(env, napi_get_value_string_utf16(env, info[0], nullptr, 0, &units),
                       Napi::Value());
  char16_t stackbuf[256];
  std::unique_ptr<char16_t[]> heapbuf;
  char16_t* buf = stackbuf;
  if (units + 1 > 256) {
    heapbuf.reset(new char16_t[units + 1]);
    buf = heapbuf.get();
  }
  size_t copied = 0;
  NAPI_THROW_IF_FAILED(env, napi_get_value_string_utf16(env, info[0], buf, units + 1, &copied),
                       Napi::Value());
  size_t pairs = 0;
  for (size_t i = 0; i + 1 < copied; i++) {
    if (buf[i] >= 0xD800 && buf[i] <= 0xDBFF && buf[i + 1] >= 0xDC00 && buf[i + 1] <= 0xDFFF) {
      pairs++;
      i++;
    }
  }
  return Napi::Number::New(env, static_cast<double>(copied - pairs));
}

// UTF-8 bytes: get the length, then the bytes (as an extension that wants to
// read them must).
Napi::Value Utf8Len(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireArgs(info, 1, "utf8_len() takes exactly 1 argument");
  if (!info[0].IsString()) throw Napi::TypeError::New(env, "utf8_len() expects a str");
  size_t len = 0;
  NAPI_THROW_IF_FAILED(env, napi_get_value_string_utf8(env, info[0], nullptr, 0, &len),
                       Napi::Value());
  char stackbuf[512];
  std::unique_ptr<char[]> heapbuf;
  char* buf = stackbuf;
  if (len + 1 > sizeof stackbuf) {
    heapbuf.reset(new char[len + 1]);
    buf = heapbuf.get();
  }
  size_t copied = 0;
  NAPI_THROW_IF_FAILED(env, napi_get_value_string_utf8(env, info[0], buf, len + 1, &copied),
                       Napi::Value());
  return Napi::Number::New(env, static_cast<double>(copied));
}

// ----------------------------------------------------------- containers --

// make_tuple() -> frozen [1, 2, 3]
Napi::Value MakeTuple(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Array t = Napi::Array::New(env, 3);
  t.Set(uint32_t(0), Napi::Number::New(env, 1));
  t.Set(uint32_t(1), Napi::Number::New(env, 2));
  t.Set(uint32_t(2), Napi::Number::New(env, 3));
  t.Freeze();
  return t;
}

Napi::Value TupleIndex(const Napi::CallbackInfo& info) {
  RequireArgs(info, 1, "tuple_index() takes exactly 1 argument");
  if (!info[0].IsObject()) throw Napi::TypeError::New(info.Env(), "expected a tuple");
  return info[0].As<Napi::Object>().Get(uint32_t(2));
}

Napi::Value SumList(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireArgs(info, 1, "sum_list() takes exactly 1 argument");
  if (!info[0].IsArray()) throw Napi::TypeError::New(env, "sum_list() expects a list");
  Napi::Array arr = info[0].As<Napi::Array>();
  uint32_t n = arr.Length();
  int64_t total = 0;
  for (uint32_t i = 0; i < n; i++) total += RequireNumber(arr.Get(i)).Int64Value();
  return Napi::Number::New(env, static_cast<double>(total));
}

Napi::Value BuildList(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireArgs(info, 1, "build_list() takes exactly 1 argument");
  int64_t n = RequireNumber(info[0]).Int64Value();
  if (n < 0 || n > UINT32_MAX) throw Napi::TypeError::New(env, "build_list() expects n >= 0");
  Napi::Array arr = Napi::Array::New(env, static_cast<size_t>(n));
  for (uint32_t i = 0; i < n; i++) arr.Set(i, Napi::Number::New(env, i));
  return arr;
}

// The 100 C-string keys "key0" .. "key99", filled once in Init.
constexpr int kDictN = 100;
char dict_keys[kDictN][8];

void FillDictKeys() {
  for (int i = 0; i < kDictN; i++) snprintf(dict_keys[i], sizeof dict_keys[i], "key%d", i);
}

// build_dict() -> {key0: 0, ..., key99: 99}, keys given as C strings
Napi::Value BuildDict(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object d = Napi::Object::New(env);
  for (int i = 0; i < kDictN; i++) d.Set(dict_keys[i], Napi::Number::New(env, i));
  return d;
}

// dict_get(d) -> sum of d[key0] .. d[key99], keys as C strings
Napi::Value DictGet(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireArgs(info, 1, "dict_get() takes exactly 1 argument");
  if (!info[0].IsObject()) throw Napi::TypeError::New(env, "dict_get() expects a dict");
  Napi::Object d = info[0].As<Napi::Object>();
  int64_t total = 0;
  for (int i = 0; i < kDictN; i++) {
    Napi::Value v = d.Get(dict_keys[i]);
    if (v.IsUndefined()) throw Napi::Error::New(env, "KeyError");
    total += RequireNumber(v).Int64Value();
  }
  return Napi::Number::New(env, static_cast<double>(total));
}

Napi::Value BuildDictObj(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireArgs(info, 1, "build_dict_obj() takes exactly 1 argument");
  if (!info[0].IsArray()) throw Napi::TypeError::New(env, "build_dict_obj() expects a list");
  Napi::Array keys = info[0].As<Napi::Array>();
  uint32_t n = keys.Length();
  Napi::Object d = Napi::Object::New(env);
  for (uint32_t i = 0; i < n; i++) d.Set(keys.Get(i), Napi::Number::New(env, i));
  return d;
}

Napi::Value DictGetObj(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireArgs(info, 2, "dict_get_obj() takes exactly 2 arguments");
  if (!info[0].IsObject() || !info[1].IsArray())
    throw Napi::TypeError::New(env, "dict_get_obj() expects (dict, list)");
  Napi::Object d = info[0].As<Napi::Object>();
  Napi::Array keys = info[1].As<Napi::Array>();
  uint32_t n = keys.Length();
  int64_t total = 0;
  for (uint32_t i = 0; i < n; i++) {
    Napi::Value v = d.Get(keys.Get(i));
    if (v.IsUndefined()) throw Napi::Error::New(env, "KeyError");
    total += RequireNumber(v).Int64Value();
  }
  return Napi::Number::New(env, static_cast<double>(total));
}

// ------------------------------------------------------- host callbacks --

Napi::Value CallBack(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireArgs(info, 1, "call_back() takes exactly 1 argument");
  if (!info[0].IsFunction()) throw Napi::TypeError::New(env, "call_back() expects a function");
  Napi::Function f = info[0].As<Napi::Function>();
  int64_t total = 0;
  for (int i = 0; i < 1000; i++) {
    Napi::Value r = f.Call({Napi::Number::New(env, i)});
    total += RequireNumber(r).Int64Value();
  }
  return Napi::Number::New(env, static_cast<double>(total));
}

Napi::Value GetattrX(const Napi::CallbackInfo& info) {
  RequireArgs(info, 1, "getattr_x() takes exactly 1 argument");
  if (!info[0].IsObject()) throw Napi::TypeError::New(info.Env(), "expected an object");
  return info[0].As<Napi::Object>().Get("x");
}

// -------------------------------------------------------------- handles --

// The Node-API counterpart of a handle that outlives the native frame is a
// reference: create and delete one 1000 times.
Napi::Value DupClose(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireArgs(info, 1, "dup_close() takes exactly 1 argument");
  if (!info[0].IsObject()) throw Napi::TypeError::New(env, "dup_close() expects an object");
  napi_value obj = info[0];
  for (int i = 0; i < 1000; i++) {
    napi_ref ref;
    NAPI_THROW_IF_FAILED(env, napi_create_reference(env, obj, 1, &ref), Napi::Value());
    BARRIER();
    NAPI_THROW_IF_FAILED(env, napi_delete_reference(env, ref), Napi::Value());
  }
  return env.Null();
}

// 10 M values created in one call: a new int, a new double, the argument
// again (Node-API's "dup" is a plain copy of the napi_value).  A careful addon
// opens a HandleScope per chunk so that memory stays flat.
Napi::Value Handles10M(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireArgs(info, 1, "handles_10m() takes exactly 1 argument");
  napi_value obj = info[0];
  const long total = 10000000, chunk = 4096;
  long count = 0;
  for (long start = 0; start < total; start += chunk) {
    Napi::HandleScope scope(env);
    long end = start + chunk < total ? start + chunk : total;
    for (long i = start; i < end; i++) {
      napi_value h;
      switch (i % 3) {
        case 0: h = Napi::Number::New(env, static_cast<double>(i)); break;
        case 1: h = Napi::Number::New(env, static_cast<double>(i) + 0.5); break;
        default: h = obj; break;
      }
      BARRIER();
      (void)h;
      count++;
    }
  }
  return Napi::Number::New(env, static_cast<double>(count));
}

// ------------------------------------------------------ extension type --

class Vec : public Napi::ObjectWrap<Vec> {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "Vec",
                       {InstanceAccessor<&Vec::GetX, &Vec::SetX>("x"),
                        InstanceAccessor<&Vec::GetY, &Vec::SetY>("y"),
                        InstanceMethod<&Vec::Norm2>("norm2"),
                        InstanceMethod<&Vec::Add>("add")});
  }

  Vec(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Vec>(info) {
    if (info.Length() > 2) throw Napi::TypeError::New(info.Env(), "Vec() takes at most 2 arguments");
    if (info.Length() > 0) x_ = RequireNumber(info[0]).DoubleValue();
    if (info.Length() > 1) y_ = RequireNumber(info[1]).DoubleValue();
  }

 private:
  Napi::Value GetX(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), x_); }
  Napi::Value GetY(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), y_); }
  void SetX(const Napi::CallbackInfo& info, const Napi::Value& v) { x_ = RequireNumber(v).DoubleValue(); }
  void SetY(const Napi::CallbackInfo& info, const Napi::Value& v) { y_ = RequireNumber(v).DoubleValue(); }

  Napi::Value Norm2(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), x_ * x_ + y_ * y_);
  }

  // the nb_add slot's counterpart: a + b -> new Vec
  Napi::Value Add(const Napi::CallbackInfo& info);

  double x_ = 0.0, y_ = 0.0;
};

struct AddonData {
  Napi::FunctionReference vec_ctor;
};

Napi::Value Vec::Add(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 1 || !info[0].IsObject())
    throw Napi::TypeError::New(env, "add() expects a Vec");
  AddonData* data = env.GetInstanceData<AddonData>();
  Napi::Object other_obj = info[0].As<Napi::Object>();
  if (!other_obj.InstanceOf(data->vec_ctor.Value()))
    throw Napi::TypeError::New(env, "add() expects a Vec");
  Vec* other = Vec::Unwrap(other_obj);
  Napi::Object r = data->vec_ctor.New({});
  Vec* rv = Vec::Unwrap(r);
  rv->x_ = x_ + other->x_;
  rv->y_ = y_ + other->y_;
  return r;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  struct Entry {
    const char* name;
    Napi::Value (*fn)(const Napi::CallbackInfo&);
  };
  static const Entry entries[] = {
      {"noop", Noop},           {"onearg", OneArg},         {"varargs", VarArgs},
      {"keywords", Keywords},   {"ret_int", RetInt},        {"ret_float", RetFloat},
      {"ret_str", RetStr},      {"identity", Identity},     {"add_ints", AddInts},
      {"add_floats", AddFloats}, {"str_len", StrLen},       {"utf8_len", Utf8Len},
      {"make_tuple", MakeTuple}, {"tuple_index", TupleIndex}, {"sum_list", SumList},
      {"build_list", BuildList}, {"build_dict", BuildDict},  {"dict_get", DictGet},
      {"build_dict_obj", BuildDictObj}, {"dict_get_obj", DictGetObj},
      {"call_back", CallBack},  {"getattr_x", GetattrX},    {"dup_close", DupClose},
      {"handles_10m", Handles10M},
  };
  FillDictKeys();
  for (const Entry& e : entries) exports.Set(e.name, Napi::Function::New(env, e.fn, e.name));

  Napi::Function vec = Vec::Init(env);
  AddonData* data = new AddonData();
  data->vec_ctor = Napi::Persistent(vec);
  env.SetInstanceData(data);
  exports.Set("Vec", vec);
  return exports;
}

}  // namespace

NODE_API_MODULE(bench_napi, Init)
