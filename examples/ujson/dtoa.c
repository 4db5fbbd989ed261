/*
 * dtoa.c -- double to decimal text for the encoder.
 *
 * Shortest round-trip digits come from Grisu3 (F. Loitsch, "Printing
 * floating-point numbers quickly and accurately with integers", PLDI 2010):
 * 64-bit arithmetic with a cached power of ten, plus a safety test that
 * rejects the ~0.5 % of inputs it cannot decide.  Those fall back to the C
 * library (%.{15,16,17}e, first precision that reads back to the same
 * double), which is exact but slower.  The text layout follows Python's
 * repr(float) -- fixed notation for 1e-4 <= |v| < 1e16, exponent otherwise --
 * with an unpadded exponent, as ultrajson prints it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "ujson.h"

typedef struct { uint64_t f; int e; } diyfp;

/* 10^k ~= f * 2^e, k = -348, -340, ..., 340 (gen_cached_powers.py). */
static const struct { uint64_t f; int16_t e; int16_t k; } cached_powers[] = {
    {0xfa8fd5a0081c0288ULL, -1220, -348},
    {0xbaaee17fa23ebf76ULL, -1193, -340},
    {0x8b16fb203055ac76ULL, -1166, -332},
    {0xcf42894a5dce35eaULL, -1140, -324},
    {0x9a6bb0aa55653b2dULL, -1113, -316},
    {0xe61acf033d1a45dfULL, -1087, -308},
    {0xab70fe17c79ac6caULL, -1060, -300},
    {0xff77b1fcbebcdc4fULL, -1034, -292},
    {0xbe5691ef416bd60cULL, -1007, -284},
    {0x8dd01fad907ffc3cULL,  -980, -276},
    {0xd3515c2831559a83ULL,  -954, -268},
    {0x9d71ac8fada6c9b5ULL,  -927, -260},
    {0xea9c227723ee8bcbULL,  -901, -252},
    {0xaecc49914078536dULL,  -874, -244},
    {0x823c12795db6ce57ULL,  -847, -236},
    {0xc21094364dfb5637ULL,  -821, -228},
    {0x9096ea6f3848984fULL,  -794, -220},
    {0xd77485cb25823ac7ULL,  -768, -212},
    {0xa086cfcd97bf97f4ULL,  -741, -204},
    {0xef340a98172aace5ULL,  -715, -196},
    {0xb23867fb2a35b28eULL,  -688, -188},
    {0x84c8d4dfd2c63f3bULL,  -661, -180},
    {0xc5dd44271ad3cdbaULL,  -635, -172},
    {0x936b9fcebb25c996ULL,  -608, -164},
    {0xdbac6c247d62a584ULL,  -582, -156},
    {0xa3ab66580d5fdaf6ULL,  -555, -148},
    {0xf3e2f893dec3f126ULL,  -529, -140},
    {0xb5b5ada8aaff80b8ULL,  -502, -132},
    {0x87625f056c7c4a8bULL,  -475, -124},
    {0xc9bcff6034c13053ULL,  -449, -116},
    {0x964e858c91ba2655ULL,  -422, -108},
    {0xdff9772470297ebdULL,  -396, -100},
    {0xa6dfbd9fb8e5b88fULL,  -369,  -92},
    {0xf8a95fcf88747d94ULL,  -343,  -84},
    {0xb94470938fa89bcfULL,  -316,  -76},
    {0x8a08f0f8bf0f156bULL,  -289,  -68},
    {0xcdb02555653131b6ULL,  -263,  -60},
    {0x993fe2c6d07b7facULL,  -236,  -52},
    {0xe45c10c42a2b3b06ULL,  -210,  -44},
    {0xaa242499697392d3ULL,  -183,  -36},
    {0xfd87b5f28300ca0eULL,  -157,  -28},
    {0xbce5086492111aebULL,  -130,  -20},
    {0x8cbccc096f5088ccULL,  -103,  -12},
    {0xd1b71758e219652cULL,   -77,   -4},
    {0x9c40000000000000ULL,   -50,    4},
    {0xe8d4a51000000000ULL,   -24,   12},
    {0xad78ebc5ac620000ULL,     3,   20},
    {0x813f3978f8940984ULL,    30,   28},
    {0xc097ce7bc90715b3ULL,    56,   36},
    {0x8f7e32ce7bea5c70ULL,    83,   44},
    {0xd5d238a4abe98068ULL,   109,   52},
    {0x9f4f2726179a2245ULL,   136,   60},
    {0xed63a231d4c4fb27ULL,   162,   68},
    {0xb0de65388cc8ada8ULL,   189,   76},
    {0x83c7088e1aab65dbULL,   216,   84},
    {0xc45d1df942711d9aULL,   242,   92},
    {0x924d692ca61be758ULL,   269,  100},
    {0xda01ee641a708deaULL,   295,  108},
    {0xa26da3999aef774aULL,   322,  116},
    {0xf209787bb47d6b85ULL,   348,  124},
    {0xb454e4a179dd1877ULL,   375,  132},
    {0x865b86925b9bc5c2ULL,   402,  140},
    {0xc83553c5c8965d3dULL,   428,  148},
    {0x952ab45cfa97a0b3ULL,   455,  156},
    {0xde469fbd99a05fe3ULL,   481,  164},
    {0xa59bc234db398c25ULL,   508,  172},
    {0xf6c69a72a3989f5cULL,   534,  180},
    {0xb7dcbf5354e9beceULL,   561,  188},
    {0x88fcf317f22241e2ULL,   588,  196},
    {0xcc20ce9bd35c78a5ULL,   614,  204},
    {0x98165af37b2153dfULL,   641,  212},
    {0xe2a0b5dc971f303aULL,   667,  220},
    {0xa8d9d1535ce3b396ULL,   694,  228},
    {0xfb9b7cd9a4a7443cULL,   720,  236},
    {0xbb764c4ca7a44410ULL,   747,  244},
    {0x8bab8eefb6409c1aULL,   774,  252},
    {0xd01fef10a657842cULL,   800,  260},
    {0x9b10a4e5e9913129ULL,   827,  268},
    {0xe7109bfba19c0c9dULL,   853,  276},
    {0xac2820d9623bf429ULL,   880,  284},
    {0x80444b5e7aa7cf85ULL,   907,  292},
    {0xbf21e44003acdd2dULL,   933,  300},
    {0x8e679c2f5e44ff8fULL,   960,  308},
    {0xd433179d9c8cb841ULL,   986,  316},
    {0x9e19db92b4e31ba9ULL,  1013,  324},
    {0xeb96bf6ebadf77d9ULL,  1039,  332},
    {0xaf87023b9bf0ee6bULL,  1066,  340},
};
#define N_CACHED (int)(sizeof(cached_powers) / sizeof(cached_powers[0]))

/* Window for the binary exponent of the scaled values (Grisu's alpha/gamma). */
#define TARGET_EXP_MIN (-60)
#define TARGET_EXP_MAX (-32)

static inline diyfp diy_mul(diyfp a, diyfp b)
{
    __uint128_t p = (__uint128_t)a.f * b.f;
    diyfp r;
    r.f = (uint64_t)(p >> 64) + (uint64_t)((p >> 63) & 1);  /* round */
    r.e = a.e + b.e + 64;
    return r;
}

static inline diyfp diy_normalize(diyfp x)
{
    int s = __builtin_clzll(x.f);
    x.f <<= s;
    x.e -= s;
    return x;
}

/* Adjust the last digit towards w while that keeps the result inside the
 * safe interval; then check the result is provably the closest shortest. */
static int round_weed(char *buf, int len, uint64_t dist_high_w,
                      uint64_t unsafe, uint64_t rest, uint64_t ten_kappa,
                      uint64_t unit)
{
    uint64_t small_d = dist_high_w - unit;
    uint64_t big_d = dist_high_w + unit;
    while (rest < small_d && unsafe - rest >= ten_kappa &&
           (rest + ten_kappa < small_d ||
            small_d - rest >= rest + ten_kappa - small_d)) {
        buf[len - 1]--;
        rest += ten_kappa;
    }
    if (rest < big_d && unsafe - rest >= ten_kappa &&
        (rest + ten_kappa < big_d ||
         big_d - rest > rest + ten_kappa - big_d))
        return 0;
    return 2 * unit <= rest && rest <= unsafe - 4 * unit;
}

static const uint32_t pow10_u32[] = {
    1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
    100000000u, 1000000000u
};

/* Digits of the shortest decimal in (low, high), all scaled, same exponent.
 * On success *kappa is the decimal exponent of the last digit. */
static int digit_gen(diyfp low, diyfp w, diyfp high, char *buf, int *len,
                     int *kappa)
{
    uint64_t unit = 1;
    uint64_t too_low = low.f - unit;
    uint64_t too_high = high.f + unit;
    uint64_t unsafe = too_high - too_low;
    int shift = -w.e;
    uint64_t one = (uint64_t)1 << shift;
    uint32_t integrals = (uint32_t)(too_high >> shift);
    uint64_t fractionals = too_high & (one - 1);
    int ndig = 0;
    while (ndig < 9 && integrals >= pow10_u32[ndig + 1])
        ndig++;
    ndig++;                            /* digits in integrals (>= 1) */
    int k = ndig;
    int n = 0;
    while (k > 0) {
        uint32_t div = pow10_u32[k - 1];
        buf[n++] = (char)('0' + integrals / div);
        integrals %= div;
        k--;
        uint64_t rest = ((uint64_t)integrals << shift) + fractionals;
        if (rest < unsafe) {
            *len = n;
            *kappa = k;
            return round_weed(buf, n, too_high - w.f, unsafe, rest,
                              (uint64_t)div << shift, unit);
        }
    }
    for (;;) {
        fractionals *= 10;
        unit *= 10;
        unsafe *= 10;
        buf[n++] = (char)('0' + (fractionals >> shift));
        fractionals &= one - 1;
        k--;
        if (fractionals < unsafe) {
            *len = n;
            *kappa = k;
            return round_weed(buf, n, (too_high - w.f) * unit, unsafe,
                              fractionals, one, unit);
        }
        if (n >= 18)                   /* cannot happen for valid input */
            return 0;
    }
}

/* Shortest digits of v > 0 (finite): returns the digit count, stores the
 * position of the decimal point (v = 0.DIGITS * 10^decpt). */
static int grisu3(double v, char *digits, int *decpt)
{
    uint64_t bits;
    memcpy(&bits, &v, 8);
    uint64_t frac = bits & 0x000FFFFFFFFFFFFFULL;
    int bexp = (int)((bits >> 52) & 0x7FF);
    diyfp w;
    if (bexp) {
        w.f = frac | 0x0010000000000000ULL;
        w.e = bexp - 1075;
    } else {
        w.f = frac;
        w.e = -1074;
    }
    /* boundaries m- and m+ */
    diyfp mp = { (w.f << 1) + 1, w.e - 1 };
    mp = diy_normalize(mp);
    diyfp mm;
    if (frac == 0 && bexp > 1) {       /* lower neighbour is closer */
        mm.f = (w.f << 2) - 1;
        mm.e = w.e - 2;
    } else {
        mm.f = (w.f << 1) - 1;
        mm.e = w.e - 1;
    }
    mm.f <<= mm.e - mp.e;
    mm.e = mp.e;
    w = diy_normalize(w);

    /* cached power c with TARGET_EXP_MIN <= w.e + c.e + 64 <= TARGET_EXP_MAX */
    int min_ce = TARGET_EXP_MIN - (w.e + 64);
    /* estimate the index from log10(2), then correct */
    double dk = ceil((min_ce + 63) * 0.30102999566398114);
    int idx = ((int)dk + 348 + 7) / 8;
    if (idx < 0) idx = 0;
    if (idx >= N_CACHED) idx = N_CACHED - 1;
    while (idx > 0 && cached_powers[idx - 1].e >= min_ce)
        idx--;
    while (idx < N_CACHED - 1 && cached_powers[idx].e < min_ce)
        idx++;
    diyfp c = { cached_powers[idx].f, cached_powers[idx].e };
    int ck = cached_powers[idx].k;
    if (w.e + c.e + 64 < TARGET_EXP_MIN || w.e + c.e + 64 > TARGET_EXP_MAX)
        return 0;

    diyfp sw = diy_mul(w, c);
    diyfp slow = diy_mul(mm, c);
    diyfp shigh = diy_mul(mp, c);
    int len, kappa;
    if (!digit_gen(slow, sw, shigh, digits, &len, &kappa))
        return 0;
    *decpt = len + kappa - ck;
    return len;
}

/* Exact fallback through the C library. */
static int fallback_digits(double v, char *digits, int *decpt)
{
    char tmp[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (prec == 17 || strtod(tmp, NULL) == v)
            break;
    }
    /* tmp = d.ddddde[+-]XX */
    int n = 0;
    const char *p = tmp;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[n++] = *p;
    int ex = atoi(p + 1);
    while (n > 1 && digits[n - 1] == '0')
        n--;
    *decpt = ex + 1;
    return n;
}

static int write_uint(char *out, unsigned v)
{
    char t[12];
    int n = 0;
    do { t[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    for (int i = 0; i < n; i++)
        out[i] = t[n - 1 - i];
    return n;
}

/* Lay out digits[0..n) with point position decpt, Python repr style. */
static int layout(const char *d, int n, int decpt, char *out)
{
    int o = 0;
    if (decpt <= -4 || decpt > 16) {
        out[o++] = d[0];
        if (n > 1) {
            out[o++] = '.';
            memcpy(out + o, d + 1, n - 1);
            o += n - 1;
        }
        int ex = decpt - 1;
        out[o++] = 'e';
        if (ex < 0) { out[o++] = '-'; ex = -ex; }
        else out[o++] = '+';
        o += write_uint(out + o, (unsigned)ex);
    } else if (decpt <= 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = 0; i < -decpt; i++)
            out[o++] = '0';
        memcpy(out + o, d, n);
        o += n;
    } else if (decpt >= n) {
        memcpy(out + o, d, n);
        o += n;
        for (int i = n; i < decpt; i++)
            out[o++] = '0';
        out[o++] = '.';
        out[o++] = '0';
    } else {
        memcpy(out + o, d, decpt);
        o += decpt;
        out[o++] = '.';
        memcpy(out + o, d + decpt, n - decpt);
        o += n - decpt;
    }
    return o;
}

int ujson_dtoa_shortest(double v, char *out)
{
    int o = 0;
    if (signbit(v)) {
        out[o++] = '-';
        v = -v;
    }
    if (v == 0.0) {
        memcpy(out + o, "0.0", 3);
        return o + 3;
    }
    /* integral values below 2^53: exact integer digits */
    if (v < 9007199254740992.0 && v == (double)(uint64_t)v) {
        uint64_t u = (uint64_t)v;
        char t[24];
        int n = 0;
        do { t[n++] = (char)('0' + u % 10); u /= 10; } while (u);
        for (int i = 0; i < n; i++)
            out[o + i] = t[n - 1 - i];
        o += n;
        out[o++] = '.';
        out[o++] = '0';
        return o;
    }
    char digits[24];
    int decpt;
    int n = grisu3(v, digits, &decpt);
    if (n <= 0)
        n = fallback_digits(v, digits, &decpt);
    while (n > 1 && digits[n - 1] == '0')
        n--;
    return o + layout(digits, n, decpt, out + o);
}

int ujson_dtoa_fixed(double v, int decimals, char *out)
{
    if (fabs(v) >= 1e16)
        return ujson_dtoa_shortest(v, out);
    int n = snprintf(out, 64, "%.*f", decimals, v);
    if (n <= 0 || n >= 64)
        return ujson_dtoa_shortest(v, out);
    char *dot = memchr(out, '.', (size_t)n);
    if (dot) {
        while (out[n - 1] == '0')
            n--;
        if (out[n - 1] == '.')
            n++;                      /* keep one zero: "1.0" */
    }
    return n;
}
