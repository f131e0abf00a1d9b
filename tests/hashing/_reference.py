"""Scalar pure-Python FarmHash Fingerprint64 / SipHash-2-4, written straight from the
published reference algorithms, to cross-check the vectorised kernels."""

M = (1 << 64) - 1
K0, K1, K2 = 0xC3A5C85C97CB3127, 0xB492B66FBE98F273, 0x9AE16A3B2F90404F


def f64(s, i):
    return int.from_bytes(s[i : i + 8], "little")


def f32(s, i):
    return int.from_bytes(s[i : i + 4], "little")


def rot(v, r):
    return ((v >> r) | (v << (64 - r))) & M


def smix(v):
    return v ^ (v >> 47)


def len16(u, v, mul):
    a = ((u ^ v) * mul) & M
    a ^= a >> 47
    b = ((v ^ a) * mul) & M
    b ^= b >> 47
    return (b * mul) & M


def weak32(s, i, a, b):
    w, x, y, z = f64(s, i), f64(s, i + 8), f64(s, i + 16), f64(s, i + 24)
    a = (a + w) & M
    b = rot((b + a + z) & M, 21)
    c = a
    a = (a + x + y) & M
    b = (b + rot(a, 44)) & M
    return (a + z) & M, (b + c) & M


def fingerprint64(s: bytes) -> int:
    n = len(s)
    mul = (K2 + 2 * n) & M
    if n == 0:
        return K2
    if n < 4:
        y = s[0] + (s[n >> 1] << 8)
        z = n + (s[n - 1] << 2)
        return (smix(((y * K2) ^ (z * K0)) & M) * K2) & M
    if n < 8:
        return len16(n + (f32(s, 0) << 3), f32(s, n - 4), mul)
    if n <= 16:
        a = (f64(s, 0) + K2) & M
        b = f64(s, n - 8)
        c = (rot(b, 37) * mul + a) & M
        d = ((rot(a, 25) + b) * mul) & M
        return len16(c, d, mul)
    if n <= 32:
        a = (f64(s, 0) * K1) & M
        b = f64(s, 8)
        c = (f64(s, n - 8) * mul) & M
        d = (f64(s, n - 16) * K2) & M
        return len16(
            (rot((a + b) & M, 43) + rot(c, 30) + d) & M, (a + rot((b + K2) & M, 18) + c) & M, mul
        )
    if n <= 64:
        a = (f64(s, 0) * K2) & M
        b = f64(s, 8)
        c = (f64(s, n - 8) * mul) & M
        d = (f64(s, n - 16) * K2) & M
        y = (rot((a + b) & M, 43) + rot(c, 30) + d) & M
        z = len16(y, (a + rot((b + K2) & M, 18) + c) & M, mul)
        e = (f64(s, 16) * mul) & M
        f = f64(s, 24)
        g = ((y + f64(s, n - 32)) * mul) & M
        h = ((z + f64(s, n - 24)) * mul) & M
        return len16(
            (rot((e + f) & M, 43) + rot(g, 30) + h) & M, (e + rot((f + a) & M, 18) + g) & M, mul
        )
    seed = 81
    x = seed
    y = (seed * K1 + 113) & M
    z = (smix((y * K2 + 113) & M) * K2) & M
    v, w = (0, 0), (0, 0)
    x = (x * K2 + f64(s, 0)) & M
    end = ((n - 1) // 64) * 64
    last64 = end + ((n - 1) & 63) - 63
    i = 0
    while True:
        x = (rot((x + y + v[0] + f64(s, i + 8)) & M, 37) * K1) & M
        y = (rot((y + v[1] + f64(s, i + 48)) & M, 42) * K1) & M
        x ^= w[1]
        y = (y + v[0] + f64(s, i + 40)) & M
        z = (rot((z + w[0]) & M, 33) * K1) & M
        v = weak32(s, i, (v[1] * K1) & M, (x + w[0]) & M)
        w = weak32(s, i + 32, (z + w[1]) & M, (y + f64(s, i + 16)) & M)
        z, x = x, z
        i += 64
        if i == end:
            break
    mul = (K1 + ((z & 0xFF) << 1)) & M
    i = last64
    w = ((w[0] + ((n - 1) & 63)) & M, w[1])
    v = ((v[0] + w[0]) & M, v[1])
    w = ((w[0] + v[0]) & M, w[1])
    x = (rot((x + y + v[0] + f64(s, i + 8)) & M, 37) * mul) & M
    y = (rot((y + v[1] + f64(s, i + 48)) & M, 42) * mul) & M
    x ^= (w[1] * 9) & M
    y = (y + v[0] * 9 + f64(s, i + 40)) & M
    z = (rot((z + w[0]) & M, 33) * mul) & M
    v = weak32(s, i, (v[1] * mul) & M, (x + w[0]) & M)
    w = weak32(s, i + 32, (z + w[1]) & M, (y + f64(s, i + 16)) & M)
    z, x = x, z
    return len16(
        (len16(v[0], w[0], mul) + smix(y) * K0 + z) & M,
        (len16(v[1], w[1], mul) + x) & M,
        mul,
    )


def _rotl(v, r):
    return ((v << r) | (v >> (64 - r))) & M


def siphash24(s: bytes, k0: int, k1: int) -> int:
    k0, k1 = k0 & M, k1 & M
    v = [k0 ^ 0x736F6D6570736575, k1 ^ 0x646F72616E646F6D, k0 ^ 0x6C7967656E657261]
    v.append(k1 ^ 0x7465646279746573)

    def rnd():
        v[0] = (v[0] + v[1]) & M
        v[1] = _rotl(v[1], 13) ^ v[0]
        v[0] = _rotl(v[0], 32)
        v[2] = (v[2] + v[3]) & M
        v[3] = _rotl(v[3], 16) ^ v[2]
        v[0] = (v[0] + v[3]) & M
        v[3] = _rotl(v[3], 21) ^ v[0]
        v[2] = (v[2] + v[1]) & M
        v[1] = _rotl(v[1], 17) ^ v[2]
        v[2] = _rotl(v[2], 32)

    n = len(s)
    words = [f64(s, i) for i in range(0, n - n % 8, 8)]
    words.append(int.from_bytes(s[n - n % 8 :], "little") | ((n & 0xFF) << 56))
    for m in words:
        v[3] ^= m
        rnd()
        rnd()
        v[0] ^= m
    v[2] ^= 0xFF
    for _ in range(4):
        rnd()
    return v[0] ^ v[1] ^ v[2] ^ v[3]


def fingerprint_cat64(a: int, b: int) -> int:
    kmul = 0xC6A4A7935BD1E995
    r = (a & M) ^ kmul
    r ^= (smix(((b & M) * kmul) & M) * kmul) & M
    r = (r * kmul) & M
    r = (smix(r) * kmul) & M
    return smix(r)
