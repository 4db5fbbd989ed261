// str: JS strings. UTF-8 views are cached per handle slot and live as long as the handle.
#include <cstdlib>
#include <string>
#include "../env.h"
#include "../str_index.h"

using hn::Env;

namespace {

// Where and why bytes are not UTF-8, as CPython's decoder reports it.
struct DecodeFault {
  HPy_ssize_t start, end;
  const char *reason;
};

// Length of the valid UTF-8 sequence at s[i] (Python's strict rules), or 0 with the fault.
size_t utf8_sequence(const unsigned char *s, size_t n, size_t i, DecodeFault *f) {
  unsigned char c = s[i];
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no encoded surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *f = {(HPy_ssize_t)i, (HPy_ssize_t)i + 1, "invalid start byte"};
    return 0;
  }
  for (size_t k = 1; k < len; k++) {
    if (i + k >= n) {
      *f = {(HPy_ssize_t)i, (HPy_ssize_t)n, "unexpected end of data"};
      return 0;
    }
    unsigned char b = s[i + k];
    if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) {
      *f = {(HPy_ssize_t)i, (HPy_ssize_t)(i + k), "invalid continuation byte"};
      return 0;
    }
  }
  return len;
}

// True when all of s is UTF-8; else the first fault.
bool utf8_valid(const unsigned char *s, size_t n, DecodeFault *f) {
  for (size_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      i++;
      continue;
    }
    size_t len = utf8_sequence(s, n, i, f);
    if (!len) return false;
    i += len;
  }
  return true;
}

void put_code_point(std::u16string &out, uint32_t cp) {
  if (cp >= 0x10000) {
    cp -= 0x10000;
    out.push_back((char16_t)(0xD800 + (cp >> 10)));
    out.push_back((char16_t)(0xDC00 + (cp & 0x3FF)));
  } else {
    out.push_back((char16_t)cp);
  }
}

enum class Handler { Strict, Replace, Ignore, SurrogateEscape, BackslashReplace, Unknown };

Handler handler_of(const char *errors) {
  std::string h = errors ? errors : "strict";
  if (h == "strict") return Handler::Strict;
  if (h == "replace") return Handler::Replace;
  if (h == "ignore") return Handler::Ignore;
  if (h == "surrogateescape") return Handler::SurrogateEscape;
  if (h == "backslashreplace") return Handler::BackslashReplace;
  return Handler::Unknown;
}

// What an error handler puts in place of the undecodable bytes data[start:end].
void handle_bad_bytes(std::u16string &out, Handler h, const unsigned char *data, HPy_ssize_t start, HPy_ssize_t end) {
  static const char hex[] = "0123456789abcdef";
  for (HPy_ssize_t i = start; i < end; i++) {
    if (h == Handler::Replace) {
      out.push_back(u'\uFFFD');
      return;  // one replacement character per fault
    }
    if (h == Handler::SurrogateEscape) out.push_back((char16_t)(0xDC00 + data[i]));
    if (h == Handler::BackslashReplace) {
      for (char c : {'\\', 'x', hex[data[i] >> 4], hex[data[i] & 15]}) out.push_back((char16_t)c);
    }
  }
}

// The JS string of a str: a string, or the value of an instance of a str subclass.
bool is_string(Env *e, HPy h, napi_value *js) {
  if (!hn::is_slot(h) || h._i == 0) return false;
  napi_valuetype t = e->type_of(h);
  if (t == napi_string) {
    *js = e->to_js(h);
    return true;
  }
  if (t != napi_object) return false;
  napi_value obj = e->to_js(h);
  if (!e->helper(hn::X_primitiveOf, 1, &obj, js)) return false;
  napi_typeof(e->env, *js, &t);
  return t == napi_string;
}

// Raises UnicodeDecodeError(codec, bytes, start, end, reason) with CPython's message.
HPy decode_error(Env *e, const char *codec, const char *data, size_t size, const DecodeFault &f) {
  napi_value argv[5], tuple;
  void *copy;
  argv[0] = e->js_string(codec);
  napi_create_buffer_copy(e->env, size, size ? data : "", &copy, &argv[1]);
  argv[2] = e->js_number((double)f.start);
  argv[3] = e->js_number((double)f.end);
  argv[4] = e->js_string(f.reason);
  if (!e->helper(hn::X_tupleFrom, 5, argv, &tuple)) return HPy{0};
  HPy t = e->new_slot(tuple);
  e->err_set_object(e->h(hn::C_UnicodeDecodeError), t);
  e->close(t);
  return HPy{0};
}

HPy lookup_error(Env *e, const char *errors) {
  e->set_error(e->h(hn::C_LookupError), std::string("unknown error handler name '") + (errors ? errors : "") + "'");
  return HPy{0};
}

HPy new_utf16(Env *e, const std::u16string &s) {
  napi_value v;
  napi_create_string_utf16(e->env, s.data(), s.size(), &v);
  return e->new_slot(v, 0, napi_string);
}

// UTF-8 with an error handler (the slow path, once the bytes proved not to be plain UTF-8).
HPy decode_utf8_with(Env *e, const char *data, size_t n, const char *errors) {
  const unsigned char *s = (const unsigned char *)data;
  Handler h = handler_of(errors);
  std::u16string out;
  out.reserve(n);
  DecodeFault f;
  for (size_t i = 0; i < n;) {
    size_t len = utf8_sequence(s, n, i, &f);
    if (len == 0) {
      if (h == Handler::Strict) return decode_error(e, "utf-8", data, n, f);
      if (h == Handler::Unknown) return lookup_error(e, errors);
      handle_bad_bytes(out, h, s, f.start, f.end);
      i = (size_t)f.end;
      continue;
    }
    uint32_t cp = s[i];
    if (len > 1) {
      cp &= 0x7F >> len;
      for (size_t k = 1; k < len; k++) cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    put_code_point(out, cp);
    i += len;
  }
  return new_utf16(e, out);
}

// Position (in code points) of a lone surrogate in s, or -1.
HPy_ssize_t lone_surrogate(Env *e, napi_value s, uint32_t *unit) {
  hn::Utf16Units units(e, s);
  const char16_t *buf = units.data();
  size_t n = units.size();
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
  hn::Tick tick(e);
  DecodeFault f;
  if (!utf8_valid((const unsigned char *)utf8, n, &f)) return decode_error(e, "utf-8", utf8, n, f);
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

namespace {
const char *no_memory(Env *e) {
  e->set_error(e->h(hn::C_MemoryError), "");
  return nullptr;
}
}  // namespace

const char *hn_Unicode_AsUTF8AndSize(HPyContext *ctx, HPy h, HPy_ssize_t *size) {
  Env *e = Env::of(ctx);
  hn::Slot *slot = e->slot_of(h);
  size_t n = 0;
  // A str whose UTF-8 was made before (a permanent keyword name, say): not even its value is needed.
  if (slot && slot->rc > 0 && slot->vtype == napi_string + 1) {
    if (const char *cached = hn::aux_data(slot, &n)) {
      if (size) *size = (HPy_ssize_t)n;
      return cached;
    }
  }
  napi_value js;
  if (!slot || !is_string(e, h, &js)) {
    e->set_error(e->h(hn::C_TypeError), "bad argument type for built-in operation");
    return nullptr;
  }
  if (const char *cached = hn::aux_data(slot, &n)) {
    if (size) *size = (HPy_ssize_t)n;
    return cached;
  }
  // A short str takes one Node-API call, into a stack buffer: it is complete when it ends more than
  // one UTF-8 sequence short of the end. A longer one: its length, then one copy (at most 3 bytes
  // per UTF-16 unit).
  char stack[512];
  size_t units = 0;
  char *buf;
  napi_get_value_string_utf8(e->env, js, stack, sizeof stack, &n);
  if (n + 4 < sizeof stack) {
    if (!(buf = hn::aux_alloc(slot, n))) return no_memory(e);
    std::memcpy(buf, stack, n);
  } else {
    napi_get_value_string_utf16(e->env, js, nullptr, 0, &units);
    if (!(buf = hn::aux_alloc(slot, units * 3))) return no_memory(e);
    napi_get_value_string_utf8(e->env, js, buf, units * 3 + 1, &n);
    hn::aux_set_length(slot, n);
  }
  // Node writes U+FFFD for a lone surrogate; Python refuses to encode one. (n == units: all
  // ASCII, nothing to look for; no 0xEF byte: no U+FFFD either, and memchr is the faster scan.)
  if (n != units && memchr(buf, 0xEF, n) && memmem(buf, n, "\xEF\xBF\xBD", 3)) {
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

// The file system encoding is UTF-8 with surrogateescape, as CPython has it on Linux.
HPy hn_Unicode_DecodeFSDefaultAndSize(HPyContext *ctx, const char *v, HPy_ssize_t size) {
  Env *e = Env::of(ctx);
  if (!v || size < 0) {
    e->set_system_error("HPyUnicode_DecodeFSDefaultAndSize: bad arguments");
    return HPy{0};
  }
  hn::Tick tick(e);
  DecodeFault f;
  if (!utf8_valid((const unsigned char *)v, (size_t)size, &f)) return decode_utf8_with(e, v, (size_t)size, "surrogateescape");
  napi_value s;
  napi_create_string_utf8(e->env, v, (size_t)size, &s);
  return e->new_slot(s, 0, napi_string);
}

HPy hn_Unicode_DecodeFSDefault(HPyContext *ctx, const char *v) {
  if (!v) {
    Env::of(ctx)->set_system_error("HPyUnicode_DecodeFSDefault: NULL string");
    return HPy{0};
  }
  return hn_Unicode_DecodeFSDefaultAndSize(ctx, v, (HPy_ssize_t)std::strlen(v));
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
      char msg[80];
      snprintf(msg, sizeof msg, "character U+%x is not in range [U+0000; U+10ffff]", c);
      e->set_error(e->h(hn::C_ValueError), msg);
      return HPy{0};
    }
    put_code_point(out, c);
  }
  hn::Tick tick(e);
  napi_value s;
  napi_create_string_utf16(e->env, out.data(), out.size(), &s);
  return e->new_slot(s, 0, napi_string);
}

// ASCII and Latin-1 decoders. The error handler is only looked up when a byte needs it.
static HPy decode_8bit(HPyContext *ctx, const char *data, HPy_ssize_t size, const char *errors, bool ascii) {
  Env *e = Env::of(ctx);
  if (!data || size < 0) {
    e->set_system_error("bad arguments to an HPyUnicode_Decode function");
    return HPy{0};
  }
  hn::Tick tick(e);
  const unsigned char *s = (const unsigned char *)data;
  HPy_ssize_t first_bad = -1;
  for (HPy_ssize_t i = 0; ascii && i < size && first_bad < 0; i++)
    if (s[i] >= 0x80) first_bad = i;
  if (first_bad < 0) {  // Latin-1, or ASCII that is valid: V8 takes the bytes as they are
    napi_value v;
    napi_create_string_latin1(e->env, data, (size_t)size, &v);
    return e->new_slot(v, 0, napi_string);
  }
  Handler h = handler_of(errors);
  if (h == Handler::Strict) {
    return decode_error(e, "ascii", data, (size_t)size, DecodeFault{first_bad, first_bad + 1, "ordinal not in range(128)"});
  }
  if (h == Handler::Unknown) return lookup_error(e, errors);
  std::u16string out;
  out.reserve((size_t)size);
  for (HPy_ssize_t i = 0; i < size; i++) {
    if (s[i] < 0x80) out.push_back((char16_t)s[i]);
    else handle_bad_bytes(out, h, s, i, i + 1);
  }
  return new_utf16(e, out);
}

HPy hn_Unicode_DecodeASCII(HPyContext *ctx, const char *s, HPy_ssize_t size, const char *errors) {
  return decode_8bit(ctx, s, size, errors, true);
}

HPy hn_Unicode_DecodeLatin1(HPyContext *ctx, const char *s, HPy_ssize_t size, const char *errors) {
  return decode_8bit(ctx, s, size, errors, false);
}

// A C loop reading a str char by char reads it from its index (str_index.h), not from a copy or a
// JS scan of the whole string per char.
HPy_UCS4 hn_Unicode_ReadChar(HPyContext *ctx, HPy h, HPy_ssize_t index) {
  Env *e = Env::of(ctx);
  if (!hn::is_slot(h) || h._i == 0 || e->type_of(h) != napi_string) return js_Unicode_ReadChar(ctx, h, index);
  const hn::StrIndex *x = hn::str_index_if_worth(e, h, e->to_js(h));
  if (!x) return e->err_occurred() ? (HPy_UCS4)-1 : js_Unicode_ReadChar(ctx, h, index);
  if (index < 0 || index >= (HPy_ssize_t)x->cps) {
    e->set_error(e->h(hn::C_IndexError), "string index out of range");
    return (HPy_UCS4)-1;
  }
  return x->code_point((uint32_t)index);
}
