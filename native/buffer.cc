// The buffer protocol (HPy_bf_getbuffer / HPy_bf_releasebuffer) as PEP 688 dunders:
// `obj.__buffer__(flags = 0)` returns a typed array over the exporter's native memory (its
// element type from the buffer's format), and `obj.__release_buffer__(view)` releases it; a view
// that is collected without an explicit release is released after the GC.
#include "buffer.h"
#include <cstring>
#include "call.h"

namespace hn {

namespace {

struct BufferExport {
  Env *env;
  HPyFunc_releasebufferproc release;
  HPy_buffer view;
  bool released;
};

const napi_type_tag kViewTag = {0x6870796275666665ull, 0x722d686e6f64652eull};

void do_release(Env *e, BufferExport *x) {
  if (x->released) return;
  x->released = true;
  Frame frame(e);
  if (x->release) x->release(&e->ctx, x->view.obj, &x->view);
  e->close(x->view.obj);
  e->err_clear();  // nobody can receive an error from here
}

// The arraybuffer died (data is the buffer memory, hint our record). Finalizers run on the event
// loop after the GC, where calling the extension's bf_releasebuffer is allowed.
void view_collected(napi_env env, void *data, void *hint) {
  (void)env;
  (void)data;
  auto *x = static_cast<BufferExport *>(hint);
  if (Env::alive(x->env)) do_release(x->env, x);  // not during the environment's teardown
  delete x;
}

napi_typedarray_type array_type(const HPy_buffer &b, size_t *itemsize) {
  const char *f = b.format ? b.format : "B";
  if (*f == '@' || *f == '=' || *f == '<') f++;
  *itemsize = 1;
  if (std::strlen(f) != 1) return napi_uint8_array;
  switch (*f) {
    case 'b': return napi_int8_array;
    case 'h': *itemsize = 2; return napi_int16_array;
    case 'H': *itemsize = 2; return napi_uint16_array;
    case 'i': *itemsize = 4; return napi_int32_array;
    case 'I': *itemsize = 4; return napi_uint32_array;
    case 'l': case 'q': case 'n': *itemsize = 8; return napi_bigint64_array;
    case 'L': case 'Q': case 'N': *itemsize = 8; return napi_biguint64_array;
    case 'f': *itemsize = 4; return napi_float32_array;
    case 'd': *itemsize = 8; return napi_float64_array;
    default: return napi_uint8_array;
  }
}

void set_prop(Env *e, napi_value obj, const char *name, napi_value v) {
  napi_property_descriptor d = {name, nullptr, nullptr, nullptr, nullptr, v, napi_default, nullptr};
  napi_define_properties(e->env, obj, 1, &d);
}

}  // namespace

napi_value get_buffer(Env *e, HPy self, HPyFunc_getbufferproc get, HPyFunc_releasebufferproc release, int flags,
                      const char *what) {
  auto *x = new BufferExport{e, release, {}, false};
  int rc = get(&e->ctx, self, &x->view, flags);
  if (rc < 0 || e->err_occurred()) {
    delete x;
    if (!e->err_occurred()) e->set_system_error(std::string(what) + " failed without setting an exception");
    e->throw_pending();
    return nullptr;
  }
  if (x->view.obj._i == 0) x->view.obj = e->hold(self);
  // The exporter stays alive while the view is: its handle is kept until the release.
  e->promote_handle(x->view.obj);
  size_t itemsize;
  napi_typedarray_type type = array_type(x->view, &itemsize);
  size_t len = x->view.len > 0 ? (size_t)x->view.len : 0;
  if (len % itemsize) {
    type = napi_uint8_array;
    itemsize = 1;
  }
  napi_value ab, view;
  if (napi_create_external_arraybuffer(e->env, x->view.buf, len, view_collected, x, &ab) != napi_ok) {
    napi_value ignored;
    napi_get_and_clear_last_exception(e->env, &ignored);
    do_release(e, x);
    delete x;
    e->set_error(e->h(C_BufferError), "cannot expose this buffer to JavaScript (external buffers are disabled)");
    e->throw_pending();
    return nullptr;
  }
  napi_create_typedarray(e->env, type, len / itemsize, ab, 0, &view);
  napi_type_tag_object(e->env, view, &kViewTag);
  napi_wrap(e->env, view, x, nullptr, nullptr, nullptr);
  napi_value v;
  napi_get_boolean(e->env, x->view.readonly != 0, &v);
  set_prop(e, view, "readonly", v);
  set_prop(e, view, "format", e->js_string(x->view.format ? x->view.format : "B"));
  set_prop(e, view, "itemsize", e->js_number((double)x->view.itemsize));
  set_prop(e, view, "ndim", e->js_number(x->view.ndim));
  if (x->view.shape && x->view.ndim > 0) {
    napi_value shape;
    napi_create_array_with_length(e->env, (size_t)x->view.ndim, &shape);
    for (int i = 0; i < x->view.ndim; i++)
      napi_set_element(e->env, shape, (uint32_t)i, e->js_number((double)x->view.shape[i]));
    set_prop(e, view, "shape", shape);
  }
  return view;
}

bool release_buffer(Env *e, napi_value view) {
  bool tagged = false;
  napi_valuetype t;
  napi_typeof(e->env, view, &t);
  if (t == napi_object) napi_check_object_type_tag(e->env, view, &kViewTag, &tagged);
  if (!tagged) {
    e->set_error(e->h(C_TypeError), "__release_buffer__ expects a view returned by __buffer__");
    return false;
  }
  void *p = nullptr;
  napi_unwrap(e->env, view, &p);
  auto *x = static_cast<BufferExport *>(p);
  if (x->released) {
    e->set_error(e->h(C_ValueError), "the buffer view was already released");
    return false;
  }
  do_release(e, x);
  return true;
}

}  // namespace hn
