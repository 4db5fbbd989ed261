#!/usr/bin/env python3
"""Print the table of cached powers of ten used by dtoa.c.

Entry i approximates 10**(FIRST + 8*i) as f * 2**e with f a 64-bit integer
whose top bit is set, rounded to nearest.  Exact integer arithmetic only.
Usage: python3 gen_cached_powers.py > cached_powers.inc  (then paste)
"""
from fractions import Fraction

FIRST, LAST, STEP = -348, 340, 8


def approx(k):
    x = Fraction(10) ** k
    e = x.numerator.bit_length() - x.denominator.bit_length() - 64
    while Fraction(2) ** e * 2 ** 64 <= x:
        e += 1
    while Fraction(2) ** e * 2 ** 63 > x:
        e -= 1
    q = x / Fraction(2) ** e
    f = q.numerator // q.denominator
    if q - f >= Fraction(1, 2):
        f += 1
    if f == 2 ** 64:
        f //= 2
        e += 1
    assert 2 ** 63 <= f < 2 ** 64
    return f, e


for k in range(FIRST, LAST + 1, STEP):
    f, e = approx(k)
    print("    {0x%016xULL, %5d, %4d}," % (f, e, k))
