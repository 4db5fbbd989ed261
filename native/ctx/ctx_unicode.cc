// str: JS strings. UTF-8 views are cached per handle slot and live as long as the handle.
#include <cstdlib>
#include <string>
#include "../env.h"

using hn::Env;

namespace {

// Index of the first byte that is not valid UTF-8 (Python's strict decoder), or -1.
HPy_ssize_t invalid_utf8(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) { i++; continue; }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return (HPy_ssize_t)i;
    if (i + len > n) return (HPy_ssize_t)i;
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return (HPy_ssize_t)i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return (HPy_ssize_t)i;
    i += len;
  }
  return -1;
}

bool is_string(Env *e, HPy h, napi_value *js) {
  if (!hn::is_slot(h) || h._i == 0 || e->type_of(h) != napi_string) return false;
  *js = e->to_js(h);
  return true;
}

HPy decode_error(Env *e, const char *codec, const char *data, size_t size, HPy_ssize_t pos, const char *why) {
  char msg[200];
  snprintf(msg, sizeof msg, "'%s' codec can't decode byte 0x%02x in position %zd: %s", codec,
           (unsigned char)data[pos], (ssize_t)pos, why);
  (void)size;
  e->set_error(e->h(hn::C_UnicodeDecodeError), msg);
  return HPy{0};
}

// Position (in code points) of a lone surrogate in s, or -1.
HPy_ssize_t lone_surrogate(Env *e, napi_value s, uint32_t *unit) {
  size_t n = 0;
  napi_get_value_string_utf16(e->env, s, nullptr, 0, &n);
  std::u16string buf(n + 1, u'\0');
  napi_get_value_string_utf16(e->env, s, (char16_t *)&buf[0], n + 1, &n);
  HPy_ssize_t cp = 0;
  for (size_t i = 0; i < n; i++, cp++) {
    char16_t c = buf[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && buf[i + 1] >= 0xDC00 && buf[i + 1] <= 0xDFFF) { i++; continue; }
    if (c >= 0xD800 && c <= 0xDFFF) { *unit = c; return cp; }
  }
  return -1;
}

}  // namespace

HPy hn_Unicode_FromString(HPyContext *ctx, const char *utf8) {
  Env *e = Env::of(ctx);
  if (!utf8) {
    e->set_system_error("HPyUnicode_FromString: NULL string");
    return HPy{0};
  }
  size_t n = std::strlen(utf8);
  HPy_ssize_t bad = invalid_utf8((const unsigned char *)utf8, n);
  if (bad >= 0) return decode_error(e, "utf-8", utf8, n, bad, "invalid start byte");
  hn::Tick tick(e);
  napi_value s;
  napi_create_string_utf8(e->env, utf8, n, &s);
  return e->new_slot(s, 0, napi_string);
}

int hn_Unicode_Check(HPyContext *ctx, HPy h) {
  Env *e = Env::of(ctx);
  napi_valuetype t = e->type_of(h);
  if (t == napi_string) return 1;
  if (t != napi_object && t != napi_function) return 0;
  return hn_TypeCheck(ctx, h, e->h(hn::C_UnicodeType));
}

const char *hn_Unicode_AsUTF8AndSize(HPyContext *ctx, HPy h, HPy_ssize_t *size) {
  Env *e = Env::of(ctx);
  hn::Slot *slot = e->slot_of(h);
  napi_value js;
  if (!slot || !is_string(e, h, &js)) {
    e->set_error(e->h(hn::C_TypeError), "bad argument type for built-in operation");
    return nullptr;
  }
  size_t n = 0;
  if (const char *cached = hn::aux_data(slot, &n)) {
    if (size) *size = (HPy_ssize_t)n;
    return cached;
  }
  // One copy: at most 3 UTF-8 bytes per UTF-16 unit.
  size_t units = 0;
  napi_get_value_string_utf16(e->env, js, nullptr, 0, &units);
  char *buf = hn::aux_alloc(slot, units * 3);
  if (!buf) {
    e->set_error(e->h(hn::C_MemoryError), "");
    return nullptr;
  }
  napi_get_value_string_utf8(e->env, js, buf, units * 3 + 1, &n);
  hn::aux_set_length(slot, n);
  // Node writes U+FFFD for a lone surrogate; Python refuses to encode one.
  if (memmem(buf, n, "\xEF\xBF\xBD", 3)) {
    uint32_t unit = 0;
    HPy_ssize_t pos = lone_surrogate(e, js, &unit);
    if (pos >= 0) {
      hn::aux_free(slot);
      char msg[160];
      snprintf(msg, sizeof msg, "'utf-8' codec can't encode character '\\u%04x' in position %zd: surrogates not allowed",
               unit, (ssize_t)pos);
      e->set_error(e->h(hn::C_UnicodeEncodeError), msg);
      return nullptr;
    }
  }
  if (size) *size = (HPy_ssize_t)n;
  return buf;
}

HPy hn_Unicode_DecodeFSDefault(HPyContext *ctx, const char *v) { return hn_Unicode_FromString(ctx, v); }

HPy hn_Unicode_DecodeFSDefaultAndSize(HPyContext *ctx, const char *v, HPy_ssize_t size) {
  Env *e = Env::of(ctx);
  if (!v || size < 0) {
    e->set_system_error("HPyUnicode_DecodeFSDefaultAndSize: bad arguments");
    return HPy{0};
  }
  HPy_ssize_t bad = invalid_utf8((const unsigned char *)v, (size_t)size);
  if (bad >= 0) return decode_error(e, "utf-8", v, (size_t)size, bad, "invalid start byte");
  hn::Tick tick(e);
  napi_value s;
  napi_create_string_utf8(e->env, v, (size_t)size, &s);
  return e->new_slot(s, 0, napi_string);
}

HPy hn_Unicode_FromWideChar(HPyContext *ctx, const wchar_t *w, HPy_ssize_t size) {
  Env *e = Env::of(ctx);
  if (!w) {
    e->set_system_error("HPyUnicode_FromWideChar: NULL string");
    return HPy{0};
  }
  if (size < 0) size = (HPy_ssize_t)wcslen(w);
  std::u16string out;
  out.reserve((size_t)size);
  for (HPy_ssize_t i = 0; i < size; i++) {
    uint32_t c = (uint32_t)w[i];
    if (c > 0x10FFFF) {
      e->set_error(e->h(hn::C_ValueError), "character U+" + std::to_string(c) + " is not in range [U+0000; U+10ffff]");
      return HPy{0};
    }
    if (c >= 0x10000) {
      c -= 0x10000;
      out.push_back((char16_t)(0xD800 + (c >> 10)));
      out.push_back((char16_t)(0xDC00 + (c & 0x3FF)));
    } else {
      out.push_back((char16_t)c);
    }
  }
  hn::Tick tick(e);
  napi_value s;
  napi_create_string_utf16(e->env, out.data(), out.size(), &s);
  return e->new_slot(s, 0, napi_string);
}

// ASCII and Latin-1 decoders with the error handlers strict, replace and ignore.
static HPy decode_8bit(HPyContext *ctx, const char *data, HPy_ssize_t size, const char *errors, bool ascii) {
  Env *e = Env::of(ctx);
  std::string mode = errors ? errors : "strict";
  if (mode != "strict" && mode != "replace" && mode != "ignore") {
    e->set_error(e->h(hn::C_LookupError), "unknown error handler name '" + mode + "'");
    return HPy{0};
  }
  if (!data || size < 0) {
    e->set_system_error("bad arguments to an HPyUnicode_Decode function");
    return HPy{0};
  }
  bool plain = true;
  for (HPy_ssize_t i = 0; ascii && i < size && plain; i++) plain = (unsigned char)data[i] < 0x80;
  if (plain) {  // Latin-1, or ASCII that is valid: V8 takes the bytes as they are
    hn::Tick tick(e);
    napi_value s;
    napi_create_string_latin1(e->env, data, (size_t)size, &s);
    return e->new_slot(s, 0, napi_string);
  }
  std::u16string out;
  out.reserve((size_t)size);
  for (HPy_ssize_t i = 0; i < size; i++) {
    unsigned char c = (unsigned char)data[i];
    if (ascii && c >= 0x80) {
      if (mode == "strict") return decode_error(e, "ascii", data, (size_t)size, i, "ordinal not in range(128)");
      if (mode == "replace") out.push_back(u'\uFFFD');
      continue;
    }
    out.push_back((char16_t)c);
  }
  hn::Tick tick(e);
  napi_value s;
  napi_create_string_utf16(e->env, out.data(), out.size(), &s);
  return e->new_slot(s, 0, napi_string);
}

HPy hn_Unicode_DecodeASCII(HPyContext *ctx, const char *s, HPy_ssize_t size, const char *errors) {
  return decode_8bit(ctx, s, size, errors, true);
}

HPy hn_Unicode_DecodeLatin1(HPyContext *ctx, const char *s, HPy_ssize_t size, const char *errors) {
  return decode_8bit(ctx, s, size, errors, false);
}
