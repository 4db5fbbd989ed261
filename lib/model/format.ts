// format(value, spec), str.format(), and printf-style str % args.

/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyTuple, PyComplex, special, isPlainDict, isInt } from './core';
import * as E from './exceptions';
import { tpName } from './types';
import * as F from './float';
import * as I from './int';
import * as S from './str';
import { repr, str, ascii } from './repr';
import { toInt, toFloat, index } from './number';
import { getitem } from './sequence';

interface Spec {
  fill: string; align: string; sign: string; z: boolean; alt: boolean; zero: boolean;
  width: number; grouping: string; precision: number; type: string;
}

const SPEC_RE = /^(?:([\s\S])?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([\s\S])?$/u;

function parseSpec(spec: string): Spec {
  const m = SPEC_RE.exec(spec);
  if (!m) throw new E.ValueError('Invalid format specifier');
  return {
    fill: m[1] ?? '', align: m[2] ?? '', sign: m[3] ?? '', z: !!m[4], alt: !!m[5], zero: !!m[6],
    width: m[7] ? parseInt(m[7], 10) : -1, grouping: m[8] ?? '', precision: m[9] !== undefined ? parseInt(m[9], 10) : -1,
    type: m[10] ?? '',
  };
}

function group(digits: string, sep: string, size: number): string {
  let out = '';
  let n = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    out = digits[i] + out;
    if (++n % size === 0 && i > 0) out = sep + out;
  }
  return out;
}

function pad(s: string, width: number, fill: string, align: string): string {
  const n = S.cpLength(s);
  if (width <= n) return s;
  const k = width - n;
  switch (align) {
    case '<': return s + fill.repeat(k);
    case '^': return fill.repeat(k >> 1) + s + fill.repeat(k - (k >> 1));
    default: return fill.repeat(k) + s;
  }
}

/** assemble sign/prefix/number with padding (handles '=' and grouping) */
function finish(sp: Spec, sign: string, prefix: string, intPart: string, rest: string, defaultAlign: string, gsize: number): string {
  const fill = sp.fill || (sp.zero && !sp.align ? '0' : ' ');
  const align = sp.align || (sp.zero && !sp.fill ? '=' : defaultAlign);
  if (sp.grouping) {
    if (align === '=' && fill === '0' && sp.width > 0) {
      const need = sp.width - sign.length - prefix.length - rest.length;
      let d = intPart;
      while (group(d, sp.grouping, gsize).length < need) d = '0' + d;
      intPart = group(d, sp.grouping, gsize);
    } else intPart = group(intPart, sp.grouping, gsize);
  }
  const body = intPart + rest;
  if (align === '=') {
    const n = sign.length + prefix.length + S.cpLength(body);
    return sign + prefix + (sp.width > n ? fill.repeat(sp.width - n) : '') + body;
  }
  return pad(sign + prefix + body, sp.width, fill, align);
}

function signStr(neg: boolean, sign: string): string {
  return neg ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
}

function formatIntSpec(n: number | bigint, sp: Spec, typeName = 'int'): string {
  if (sp.precision >= 0) throw new E.ValueError('Precision not allowed in integer format specifier');
  if (sp.z) throw new E.ValueError('Negative zero coercion (z) not allowed in integer format specifier');
  const neg = n < 0;
  const mag = typeof n === 'bigint' ? (neg ? -n : n) : Math.abs(n);
  let digits: string, prefix = '', gsize = 3;
  switch (sp.type) {
    case '': case 'd': case 'n': digits = mag.toString(10); break;
    case 'b': digits = mag.toString(2); prefix = sp.alt ? '0b' : ''; gsize = 4; break;
    case 'o': digits = mag.toString(8); prefix = sp.alt ? '0o' : ''; gsize = 4; break;
    case 'x': digits = mag.toString(16); prefix = sp.alt ? '0x' : ''; gsize = 4; break;
    case 'X': digits = mag.toString(16).toUpperCase(); prefix = sp.alt ? '0X' : ''; gsize = 4; break;
    case 'c': {
      if (sp.sign) throw new E.ValueError("Sign not allowed with integer format specifier 'c'");
      if (mag >= 2n ** 63n) throw new E.OverflowError('Python int too large to convert to C long');
      if (mag > 0x10ffff || neg) throw new E.OverflowError('%c arg not in range(0x110000)');
      return pad(String.fromCodePoint(Number(n)), sp.width, sp.fill || ' ', sp.align || '<');
    }
    default: throw new E.ValueError(`Unknown format code '${sp.type}' for object of type '${typeName}'`);
  }
  if (sp.grouping === ',' && gsize === 4) throw new E.ValueError(`Cannot specify ',' with '${sp.type}'.`);
  return finish(sp, signStr(neg, sp.sign), prefix, digits, '', '>', gsize);
}

function formatFloatSpec(x: number, sp: Spec, typeName = 'float'): string {
  const t = sp.type;
  if (t !== '' && !'eEfFgGn%'.includes(t)) throw new E.ValueError(`Unknown format code '${t}' for object of type '${typeName}'`);
  let neg = x < 0 || Object.is(x, -0);
  const prec = sp.precision;
  let body: string;
  const ax = Math.abs(x);
  const upper = t === 'E' || t === 'F' || t === 'G';
  if (x !== x || !Number.isFinite(x)) {
    body = x !== x ? 'nan' : 'inf';
    if (upper) body = body.toUpperCase();
    if (x !== x) neg = false;
    if (t === '%') body += '%';
    return finish({ ...sp, grouping: '' }, signStr(neg, sp.sign), '', body, '', '>', 3);
  }
  switch (t) {
    case 'e': case 'E': body = F.formatExp(ax, prec < 0 ? 6 : prec, sp.alt, upper); break;
    case 'f': case 'F': body = F.formatFixed(ax, prec < 0 ? 6 : prec); if (sp.alt && !body.includes('.')) body += '.'; break;
    case 'g': case 'G': case 'n': body = F.formatGeneral(ax, prec < 0 ? 6 : prec, sp.alt, upper); break;
    case '%': body = F.formatFixed(ax * 100, prec < 0 ? 6 : prec) + '%'; if (sp.alt && !body.includes('.')) body = body.slice(0, -1) + '.%'; break;
    default:
      if (prec < 0) body = F.repr(ax);
      else body = F.formatGeneral(ax, prec, sp.alt, false, true);
  }
  if (sp.z && neg && !/[1-9]/.test(body.replace(/[eE][+-]?\d+/, ''))) neg = false;
  // split into integer digits and the rest for grouping
  const m = /^(\d*)([\s\S]*)$/.exec(body)!;
  return finish(sp, signStr(neg, sp.sign), '', m[1], m[2], '>', 3);
}

function formatStrSpec(s: string, sp: Spec): string {
  if (sp.type !== '' && sp.type !== 's') throw new E.ValueError(`Unknown format code '${sp.type}' for object of type 'str'`);
  if (sp.sign) throw new E.ValueError('Sign not allowed in string format specifier');
  if (sp.alt) throw new E.ValueError('Alternate form (#) not allowed in string format specifier');
  if (sp.align === '=') throw new E.ValueError("'=' alignment not allowed in string format specifier");
  if (sp.grouping) throw new E.ValueError(`Cannot specify '${sp.grouping}' with 's'.`);
  if (sp.precision >= 0 && S.cpLength(s) > sp.precision) s = S.cpArray(s).slice(0, sp.precision).join('');
  return pad(s, sp.width, sp.fill || ' ', sp.align || '<');
}

/** Python format(value, spec) */
export function format(v: any, spec: any = ''): string {
  if (typeof spec !== 'string') throw new E.TypeError(`format() argument 2 must be str, not ${tpName(spec)}`);
  if (typeof v === 'string') return spec === '' ? v : formatStrSpec(v, parseSpec(spec));
  if (typeof v === 'boolean') {
    if (spec === '') return v ? 'True' : 'False';
    const sp = parseSpec(spec);
    if ('eEfFgG%'.includes(sp.type) && sp.type !== '') return formatFloatSpec(v ? 1 : 0, sp, 'bool');
    if (sp.type === 's') throw new E.ValueError(`Unknown format code 's' for object of type 'bool'`);
    return formatIntSpec(v ? 1 : 0, sp, 'bool');
  }
  if (isInt(v)) {
    if (spec === '') return String(v);
    const sp = parseSpec(spec);
    if ('eEfFgG%'.includes(sp.type) && sp.type !== '') return formatFloatSpec(I.toFloat(v), sp, 'int');
    return formatIntSpec(v, sp);
  }
  if (typeof v === 'number') {
    if (spec === '') return F.repr(v);
    return formatFloatSpec(v, parseSpec(spec));
  }
  const f = special(v, '__format__');
  if (f) {
    const r = f.call(v, spec);
    if (typeof r !== 'string') throw new E.TypeError(`__format__ must return a str, not ${tpName(r)}`);
    return r;
  }
  if (v instanceof PyComplex && spec === '') return str(v);
  if (spec !== '') throw new E.TypeError(`unsupported format string passed to ${tpName(v)}.__format__`);
  return str(v);
}

// ---------------------------------------------------------------------------
// str.format

function convert(v: any, conv: string): any {
  switch (conv) {
    case '': return v;
    case 'r': return repr(v);
    case 's': return str(v);
    case 'a': return ascii(v);
  }
  throw new E.ValueError(`Unknown conversion specifier ${conv}`);
}

/** template.format(*args, **kwargs) */
export function strFormat(template: string, args: any[], kwargs: Record<string, any> | null, depth = 2): string {
  if (depth < 0) throw new E.ValueError('Max string recursion exceeded');
  let out = '';
  let auto = 0;
  let mode: '' | 'auto' | 'manual' = '';
  let i = 0;
  const n = template.length;
  while (i < n) {
    const c = template[i];
    if (c === '}') {
      if (template[i + 1] === '}') { out += '}'; i += 2; continue; }
      throw new E.ValueError("Single '}' encountered in format string");
    }
    if (c !== '{') { out += c; i++; continue; }
    if (template[i + 1] === '{') { out += '{'; i += 2; continue; }
    // find the matching '}' (nested braces in the spec)
    let j = i + 1, level = 1;
    while (j < n && level > 0) {
      if (template[j] === '{') level++;
      else if (template[j] === '}') level--;
      if (level > 0) j++;
    }
    if (j >= n) throw new E.ValueError("Single '{' encountered in format string");
    const field = template.slice(i + 1, j);
    i = j + 1;
    // split field: name[!conv][:spec]
    let name = field, conv = '', spec = '';
    let k = 0, bracket = false;
    for (; k < field.length; k++) {
      const ch = field[k];
      if (ch === '[') bracket = true;
      else if (ch === ']') bracket = false;
      else if (!bracket && (ch === '!' || ch === ':')) break;
    }
    name = field.slice(0, k);
    let rest = field.slice(k);
    if (rest.startsWith('!')) {
      conv = rest[1] ?? '';
      rest = rest.slice(2);
      if (rest !== '' && !rest.startsWith(':')) throw new E.ValueError('expected \':\' after conversion specifier');
    }
    if (rest.startsWith(':')) spec = rest.slice(1);
    // resolve the field name
    const m = /^([^.[]*)([\s\S]*)$/.exec(name)!;
    let first = m[1];
    let value: any;
    if (first === '') {
      if (mode === 'manual') throw new E.ValueError('cannot switch from manual field specification to automatic field numbering');
      mode = 'auto';
      first = String(auto++);
    } else if (/^\d+$/.test(first)) {
      if (mode === 'auto') throw new E.ValueError('cannot switch from automatic field numbering to manual field specification');
      mode = 'manual';
    }
    if (/^\d+$/.test(first)) {
      const idx = parseInt(first, 10);
      if (idx >= args.length) throw new E.IndexError(`Replacement index ${idx} out of range for positional args tuple`);
      value = args[idx];
    } else {
      if (!kwargs || !Object.prototype.hasOwnProperty.call(kwargs, first)) throw new E.KeyError(first);
      value = kwargs[first];
    }
    let tail = m[2];
    while (tail) {
      let mm: RegExpExecArray | null;
      if ((mm = /^\.([^.[]+)/.exec(tail))) {
        value = require('./attr').getattr(value, mm[1]);
      } else if ((mm = /^\[([^\]]+)\]/.exec(tail))) {
        const key = /^\d+$/.test(mm[1]) ? parseInt(mm[1], 10) : mm[1];
        value = getitem(value, key);
      } else throw new E.ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier');
      tail = tail.slice(mm[0].length);
    }
    if (spec.includes('{')) {
      spec = strFormat(spec, args, kwargs, depth - 1);
    }
    out += format(convert(value, conv), spec);
  }
  return out;
}

// ---------------------------------------------------------------------------
// printf-style formatting

const PCT_RE = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([\s\S])?/y;

/** CPython treats any non-tuple, non-str object with __getitem__ as the mapping argument */
function isMapping(v: any): boolean {
  if (typeof v !== 'object' || v === null || v instanceof PyTuple) return false;
  return isPlainDict(v) || v instanceof Map || Array.isArray(v) || v instanceof Uint8Array || !!special(v, '__getitem__');
}

/** fmt % args */
export function percentFormat(fmtIn: string | Uint8Array, args: any): any {
  const isBytes = fmtIn instanceof Uint8Array;
  const fmt = isBytes ? Buffer.from(fmtIn.buffer, fmtIn.byteOffset, fmtIn.byteLength).toString('latin1') : fmtIn as string;
  const bytesArg = (v: any, t: string): string => {
    if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
    if (special(v, '__bytes__')) return require('./bytes').bytesOf(v).toString('latin1');
    throw new E.TypeError(`%${t} requires a bytes-like object, or an object that implements __bytes__, not '${tpName(v)}'`);
  };
  const list: any[] = args instanceof PyTuple ? Array.from(args) : [args];
  const mapping = isMapping(args) ? args : null;
  let argi = 0;
  let usedMapping = false;
  const nextArg = (): any => {
    if (argi >= list.length) throw new E.TypeError('not enough arguments for format string');
    return list[argi++];
  };
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const p = fmt.indexOf('%', i);
    if (p < 0) { out += fmt.slice(i); break; }
    out += fmt.slice(i, p);
    PCT_RE.lastIndex = p;
    const m = PCT_RE.exec(fmt)!;
    const [whole, key, flags, w, pr, type] = m;
    if (type === undefined) throw new E.ValueError('incomplete format');
    i = p + whole.length;
    if (type === '%' && key === undefined && !flags && !w && !pr) { out += '%'; continue; }
    let value: any;
    if (key !== undefined) {
      if (!mapping) throw new E.TypeError('format requires a mapping');
      usedMapping = true;
      value = getitem(mapping, key);
    }
    let width = -1, prec = -1;
    if (w === '*') width = Number(index(nextArg())); else if (w) width = parseInt(w, 10);
    if (pr === '*') prec = Number(index(nextArg())); else if (pr !== undefined) prec = parseInt(pr, 10);
    if (key === undefined && type !== '%') value = nextArg();
    const left = flags.includes('-') || width < 0 && w === '*';
    if (width < 0) width = Math.abs(width);
    const zero = flags.includes('0') && !left;
    const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    const alt = flags.includes('#');
    let s: string;
    let numeric = false;
    switch (type) {
      case 's': s = isBytes ? bytesArg(value, 's') : str(value); if (prec >= 0) s = S.cpArray(s).slice(0, prec).join(''); break;
      case 'b': if (!isBytes) throw new E.ValueError(`unsupported format character 'b' (0x62) at index ${i - 1}`);
        s = bytesArg(value, 'b'); if (prec >= 0) s = s.slice(0, prec); break;
      case 'r': s = isBytes ? ascii(value) : repr(value); if (prec >= 0) s = S.cpArray(s).slice(0, prec).join(''); break;
      case 'a': s = ascii(value); if (prec >= 0) s = S.cpArray(s).slice(0, prec).join(''); break;
      case 'd': case 'i': case 'u': {
        let n: any;
        if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') n = toInt(value);
        else if (special(value, '__int__') || special(value, '__index__')) n = toInt(value);
        else throw new E.TypeError(`%${type} format: a real number is required, not ${tpName(value)}`);
        s = formatIntSpec(n, { fill: '', align: '', sign, z: false, alt: false, zero: false, width: -1, grouping: '', precision: -1, type: 'd' });
        if (prec >= 0) s = padDigits(s, prec);
        numeric = true;
        break;
      }
      case 'o': case 'x': case 'X': {
        let n: any;
        try { n = index(value); } catch (e) {
          if (e instanceof E.TypeError) throw new E.TypeError(`%${type} format: an integer is required, not ${tpName(value)}`);
          throw e;
        }
        const neg = n < 0;
        const mag = typeof n === 'bigint' ? (neg ? -n : n) : Math.abs(n);
        let d = mag.toString(type === 'o' ? 8 : 16);
        if (type === 'X') d = d.toUpperCase();
        if (prec >= 0) d = d.padStart(prec, '0');
        const prefix = alt ? (type === 'o' ? '0o' : type === 'x' ? '0x' : '0X') : '';
        s = (neg ? '-' : sign) + prefix + d;
        numeric = true;
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        let x: number;
        if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || special(value, '__float__') || special(value, '__index__')) x = toFloat(value);
        else throw new E.TypeError(`must be real number, not ${tpName(value)}`);
        s = formatFloatSpec(x, { fill: '', align: '', sign, z: false, alt, zero: false, width: -1, grouping: '', precision: prec < 0 ? 6 : prec, type });
        numeric = true;
        break;
      }
      case 'c': {
        if (isBytes) {
          if (value instanceof Uint8Array && value.length === 1) { s = String.fromCharCode(value[0]); break; }
          let n: any;
          try { n = index(value); } catch (e) {
            if (e instanceof E.TypeError) throw new E.TypeError('%c requires an integer in range(256) or a single byte');
            throw e;
          }
          if (!(n >= 0 && n < 256)) throw new E.OverflowError('%c arg not in range(256)');
          s = String.fromCharCode(Number(n));
          break;
        }
        if (typeof value === 'string') {
          if (S.cpLength(value) !== 1) throw new E.TypeError('%c requires int or char');
          s = value;
        } else {
          let n: any;
          try { n = index(value); } catch (e) {
            if (e instanceof E.TypeError) throw new E.TypeError('%c requires int or char');
            throw e;
          }
          if (!(n >= 0 && n <= 0x10ffff)) throw new E.OverflowError('%c arg not in range(0x110000)');
          s = String.fromCodePoint(Number(n));
        }
        break;
      }
      case '%': s = '%'; break;
      default:
        throw new E.ValueError(`unsupported format character '${type}' (0x${type.codePointAt(0)!.toString(16)}) at index ${i - 1}`);
    }
    if (width > 0 && S.cpLength(s) < width) {
      if (left) s = s + ' '.repeat(width - S.cpLength(s));
      else if (zero && numeric && !/^[-+ ]?(?:0[xXo])?(?:nan|inf)$/i.test(s)) {
        const m2 = /^([-+ ]?(?:0[xXo])?)([\s\S]*)$/.exec(s)!;
        s = m2[1] + '0'.repeat(width - s.length) + m2[2];
      } else s = ' '.repeat(width - S.cpLength(s)) + s;
    }
    out += s;
  }
  if (!usedMapping && argi < list.length && !(mapping && list.length === 1)) {
    throw new E.TypeError(`not all arguments converted during ${isBytes ? 'bytes' : 'string'} formatting`);
  }
  return isBytes ? Buffer.from(out, 'latin1') : out;
}

function padDigits(s: string, prec: number): string {
  const m = /^([-+ ]?)(\d+)$/.exec(s);
  if (!m) return s;
  return m[1] + m[2].padStart(prec, '0');
}

