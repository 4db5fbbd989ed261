// bytes: Buffer out, any Uint8Array in. Raw pointers point into a NUL-terminated copy owned by
// the handle's slot (made once per handle while the bytes stay the same).
#include "../env.h"

using hn::Env;

namespace {

bool bytes_view(Env *e, HPy h, uint8_t **data, size_t *len) {
  if (!hn::is_slot(h) || h._i == 0) return false;
  napi_value js = e->to_js(h);
  bool is_ta = false;
  napi_is_typedarray(e->env, js, &is_ta);
  if (!is_ta) return false;
  napi_typedarray_type type;
  void *p = nullptr;
  napi_get_typedarray_info(e->env, js, &type, len, &p, nullptr, nullptr);
  if (type != napi_uint8_array) return false;
  *data = (uint8_t *)p;
  return true;
}

}  // namespace

int hn_Bytes_Check(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  if (!hn::is_slot(h) || h._i == 0) return 0;
  uint8_t *d;
  size_t len;
  return bytes_view(e, h, &d, &len);
}

const char *hn_Bytes_AsString(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  uint8_t *d = nullptr;
  size_t len = 0;
  hn::Slot *slot = e->slot_of(h);
  if (!slot || !bytes_view(e, h, &d, &len)) {
    e->set_error(e->h(hn::C_TypeError), "expected bytes, " + e->type_name_of(h) + " found");
    return nullptr;
  }
  // Always a copy: a NUL found just past the bytes may belong to another buffer of Node's pool,
  // which JS can overwrite while C still reads the string.
  size_t n;
  if (const char *cached = hn::aux_data(slot, &n)) {
    if (n == len && std::memcmp(cached, d, len) == 0) return cached;
  }
  char *copy = hn::aux_alloc(slot, len);
  if (!copy) {
    e->set_error(e->h(hn::C_MemoryError), "");
    return nullptr;
  }
  if (len) std::memcpy(copy, d, len);
  return copy;
}

const char *hn_Bytes_AS_STRING(HPyContext *ctx, HPy h) { return hn_Bytes_AsString(ctx, h); }

HPy hn_Bytes_FromStringAndSize(HPyContext *ctx, const char *bytes, HPy_ssize_t len) {
  Env *e = Env::of(ctx);
  if (len < 0) {
    e->set_error(e->h(hn::C_SystemError), "Negative size passed to HPyBytes_FromStringAndSize");
    return HPy{0};
  }
  if (!bytes && len > 0) {
    e->set_error(e->h(hn::C_ValueError), "NULL char * passed to HPyBytes_FromStringAndSize");
    return HPy{0};
  }
  hn::Tick tick(e);
  napi_value buf;
  void *out = nullptr;
  if (napi_create_buffer_copy(e->env, (size_t)len, len ? bytes : "", &out, &buf) != napi_ok) {
    e->err_from_pending();
    if (!e->err_occurred()) e->set_error(e->h(hn::C_MemoryError), "");
    return HPy{0};
  }
  return e->new_slot(buf);
}

HPy hn_Bytes_FromString(HPyContext *ctx, const char *bytes) {
  if (!bytes) {
    Env::of(ctx)->set_error(Env::of(ctx)->h(hn::C_ValueError), "NULL char * passed to HPyBytes_FromString");
    return HPy{0};
  }
  return hn_Bytes_FromStringAndSize(ctx, bytes, (HPy_ssize_t)std::strlen(bytes));
}
