'use strict';
// Deterministic generators for the JSON benchmark documents (seeded PRNG, no dependencies).
//
//   api     : one ~1 MB API-style response (a page of user records with nested objects):
//             ~10k objects, ~20k strings (unicode, escapes), ~14k floats, ~10k ints, bools, nulls
//   small   : 10k small documents of ~100 bytes each (event messages)
//   numbers : ~1 MB of int and float arrays
//   unicode : ~1 MB of mostly non-ASCII strings
//
// Every generator returns JS values only (plain objects, arrays, strings, finite numbers, booleans,
// null).  Floats are never integral (an integral float would read back as an int in hpy-node and
// be written "1" by JSON.stringify but "1.0" by Python), and ints stay within ±2^53.

function prng(seed) {
  // 32-bit state, xorshift-multiply output: small, fast and the same on every platform.
  let s = (seed ^ 0x9e3779b9) >>> 0;
  const u32 = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  const next = () => u32() / 4294967296;
  const int = (n) => Math.floor(next() * n);
  const range = (lo, hi) => lo + int(hi - lo + 1);
  const pick = (xs) => xs[int(xs.length)];
  const chance = (p) => next() < p;
  return { u32, next, int, range, pick, chance };
}

// Floats that are not integral, in a few realistic shapes.
function nonIntegral(x) {
  return Number.isInteger(x) ? x + 0.5 : x;
}
function money(r, max) { // two decimals
  let cents = r.int(max * 100);
  if (cents % 100 === 0) cents += 1 + r.int(99);
  return cents / 100;
}
function fixed(r, lo, hi, decimals) {
  const f = 10 ** decimals;
  return nonIntegral(Math.round((lo + r.next() * (hi - lo)) * f) / f);
}
function fullPrecision(r, scale) { // ~17 significant digits
  return nonIntegral((r.next() + r.next() / 4294967296) * scale);
}

const FIRST = ['James', 'Mary', 'José', 'Zoë', 'Łukasz', 'Søren', 'Amélie', 'Jürgen', 'Chloé', 'Ana',
  'Mohammed', 'Wei', 'Yuki', 'Olga', 'Nguyễn', 'François', 'Björn', 'Priya', 'Dmitri', 'Ali',
  '王伟', '李娜', 'さくら', '太郎', '민준', 'Алексей', 'Мария', 'محمد', 'Σοφία', 'Ζωή'];
const LAST = ['Smith', 'García', 'Müller', 'Dubois', 'Rossi', 'Kowalski', 'Andersson', 'Ødegård',
  'O\'Brien', 'Nakamura', 'Chen', 'Kim', 'Ivanova', 'Papadopoulos', 'Núñez', 'Çelik', 'Đặng',
  '张', '佐藤', '김', 'Петров', 'عبد الله', 'Γεωργίου', 'Smith-Jones', 'van der Berg'];
const CITIES = ['Berlin', 'München', 'Zürich', 'São Paulo', 'Kraków', 'Reykjavík', 'Montréal',
  'New York', 'London', 'Paris', 'Tōkyō', '東京', '北京', '서울', 'Москва', 'القاهرة', 'Αθήνα',
  'İstanbul', 'Hà Nội', 'Malmö', 'Córdoba', 'Lisboa'];
const COUNTRIES = ['DE', 'CH', 'BR', 'PL', 'IS', 'CA', 'US', 'GB', 'FR', 'JP', 'CN', 'KR', 'RU', 'EG',
  'GR', 'TR', 'VN', 'SE', 'AR', 'PT'];
const TAGS = ['admin', 'beta', 'premium', 'trial', 'vip', 'café', 'naïve', '日本', '東京', 'früh',
  'ñandú', 'emoji-😀', 'test', 'legacy', 'eu-west-1', 'a/b', 'x<y>', 'R&D', 'ok', 'news'];
const STREETS = ['Hauptstraße', 'Rue de l\'Église', 'Main St.', 'Calle Mayor', 'ul. Długa',
  '銀座通り', 'Тверская ул.', 'Ἀκαδημίας', 'Baker Street', 'Avenida Paulista'];
const WORDS = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog', 'lorem', 'ipsum',
  'dolor', 'sit', 'amet', 'données', 'über', 'façade', 'niño', 'страница', 'δεδομένα', '数据',
  'テスト', '데이터', 'بيانات', '😀', '🎉', '👍🏽', '→', '—', '…', '€5', '“quoted”'];
const ESCAPES = ['"', '\\', '\n', '\t', '\r', '/', '\b', '\f', '\u0001', '\u001f', '<', '>', '&',
  '\u2028', '\u2029'];
const SKUS = ['SKU', 'ITM', 'PRD', 'ART'];

function hex(r, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(16)];
  return s;
}
function pad(n, w) { return String(n).padStart(w, '0'); }
function timestamp(r) {
  return `20${pad(r.range(15, 24), 2)}-${pad(r.range(1, 12), 2)}-${pad(r.range(1, 28), 2)}T` +
    `${pad(r.int(24), 2)}:${pad(r.int(60), 2)}:${pad(r.int(60), 2)}${r.chance(0.5) ? 'Z' : `.${pad(r.int(1000), 3)}+02:00`}`;
}
function sentence(r, nWords, escapeP) {
  const parts = [];
  for (let i = 0; i < nWords; i++) {
    let w = r.pick(WORDS);
    if (r.chance(escapeP)) w += r.pick(ESCAPES);
    parts.push(w);
  }
  let s = parts.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + r.pick(['.', '!', '?', ' :)', '\n']);
}

function apiRecord(r, i) {
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const nOrders = r.int(5); // 0..4
  const orders = [];
  for (let k = 0; k < nOrders; k++) {
    orders.push({
      sku: `${r.pick(SKUS)}-${r.range(10000, 99999)}`,
      qty: r.range(1, 12),
      price: money(r, 500),
      discount: r.chance(0.4) ? fixed(r, 0.01, 0.5, 2) : null,
      gift: r.chance(0.1),
    });
  }
  const tags = [];
  for (let k = r.int(4); k > 0; k--) tags.push(r.pick(TAGS));
  return {
    id: 100000 + i * 7 + r.int(7),
    ref: hex(r, 12),
    name: `${first} ${last}`,
    email: `${first.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'user'}.${i}@example.com`,
    active: r.chance(0.8),
    score: fullPrecision(r, 100),
    balance: (r.chance(0.1) ? -1 : 1) * money(r, 10000),
    created_at: timestamp(r),
    tags,
    address: {
      street: r.pick(STREETS),
      city: r.pick(CITIES),
      country: r.pick(COUNTRIES),
      geo: { lat: fixed(r, -90, 90, 6), lng: fixed(r, -180, 180, 6) },
    },
    bio: r.chance(0.75) ? sentence(r, r.range(2, 8), 0.15) : null,
    manager_id: r.chance(0.5) ? 100000 + r.int(i * 7 + 1) : null,
    stats: {
      logins: r.int(5000),
      posts: r.int(200),
      karma: fullPrecision(r, 1000),
      last_seen: r.chance(0.7) ? timestamp(r) : null,
    },
    orders,
  };
}

/** ~1 MB API-style response: {status, page, ..., data: [records], links}. */
function apiDocument(seed = 5, nRecords = 1800) {
  const r = prng(seed);
  const data = [];
  for (let i = 0; i < nRecords; i++) data.push(apiRecord(r, i));
  return {
    status: 'ok',
    page: 3,
    per_page: nRecords,
    total: nRecords * 41 + 17,
    generated_at: '2024-05-17T09:30:00Z',
    took_ms: 12.75,
    data,
    links: {
      self: `https://api.example.com/v2/users?page=3&per_page=${nRecords}`,
      next: `https://api.example.com/v2/users?page=4&per_page=${nRecords}`,
      prev: null,
    },
  };
}

/** n small documents (~100 bytes each) like event messages. */
function smallDocuments(seed = 6, n = 10000) {
  const r = prng(seed);
  const EVENTS = ['click', 'view', 'purchase', 'signup', 'logout', 'error'];
  const docs = [];
  for (let i = 0; i < n; i++) {
    const d = {
      event: r.pick(EVENTS),
      user_id: r.range(1, 5000000),
      ts: 1714000000 + r.int(10000000) + r.range(1, 999) / 1000,
      ok: r.chance(0.9),
      tags: [r.pick(TAGS), r.pick(TAGS)],
      msg: sentence(r, r.range(1, 3), 0.1),
    };
    if (r.chance(0.3)) d.ref = null;
    docs.push(d);
  }
  return docs;
}

/** ~1 MB of int and float arrays. */
function numbersDocument(seed = 7, n = 19000) {
  const r = prng(seed);
  const ts = [];
  const counts = [];
  const values = [];
  const ratios = [];
  let t = 1700000000000;
  for (let i = 0; i < n; i++) {
    t += r.range(1, 60000);
    ts.push(t);
    counts.push(r.chance(0.5) ? r.int(1000) : r.range(-2147483648, 2147483647));
    values.push(r.chance(0.5) ? fixed(r, -1000, 1000, 3) : fullPrecision(r, r.pick([1, 1e3, 1e-3, 1e6])));
    ratios.push(fullPrecision(r, 1));
  }
  return { ts, counts, values, ratios };
}

/** ~1 MB of mostly non-ASCII strings. */
function unicodeDocument(seed = 8, n = 9800) {
  const r = prng(seed);
  const ALPHABETS = [
    'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГД',
    'αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔ',
    '的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年',
    'あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコ',
    '가나다라마바사아자차카타파하한국어데이터',
    'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
    'àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ',
    '😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰😍🤩🎉👍🏽→←↑↓€£¥',
  ];
  const out = [];
  for (let i = 0; i < n; i++) {
    const alpha = [...r.pick(ALPHABETS)];
    const len = r.range(5, 80);
    let s = '';
    for (let k = 0; k < len; k++) {
      const c = r.next();
      s += c < 0.08 ? ' ' : c < 0.1 ? r.pick(['"', '\\', '\n', '.', ',', '1']) : r.pick(alpha);
    }
    out.push(s);
  }
  return out;
}

/** Counts of each JSON value kind (objects, arrays, strings as values, keys, floats, ints, ...). */
function census(v, c = { objects: 0, arrays: 0, strings: 0, keys: 0, floats: 0, ints: 0, bools: 0, nulls: 0 }) {
  if (v === null) c.nulls++;
  else if (typeof v === 'boolean') c.bools++;
  else if (typeof v === 'number') { if (Number.isInteger(v)) c.ints++; else c.floats++; }
  else if (typeof v === 'string') c.strings++;
  else if (Array.isArray(v)) { c.arrays++; for (const x of v) census(x, c); }
  else { c.objects++; for (const k of Object.keys(v)) { c.keys++; census(v[k], c); } }
  return c;
}

module.exports = { prng, apiDocument, smallDocuments, numbersDocument, unicodeDocument, census };
