/* Optional compiled kernels for FarmHash Fingerprint64 (farmhashna::Hash64) and SipHash-2-4
 * (TF StringToHashBucketStrong) over a sequence of str/bytes. Written from the scalar
 * reference in tests/hashing/_reference.py (SPEC section 7.3). Returns a (writable) bytearray of n
 * little-endian uint64 values. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t u64;

static const u64 K0 = 0xC3A5C85C97CB3127ULL;
static const u64 K1 = 0xB492B66FBE98F273ULL;
static const u64 K2 = 0x9AE16A3B2F90404FULL;

static inline u64 ld64(const unsigned char *p) {
    u64 v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static inline u64 ld32(const unsigned char *p) {
    return (u64)p[0] | ((u64)p[1] << 8) | ((u64)p[2] << 16) | ((u64)p[3] << 24);
}

static inline u64 rotr(u64 v, int r) { return (v >> r) | (v << (64 - r)); }
static inline u64 rotl(u64 v, int r) { return (v << r) | (v >> (64 - r)); }
static inline u64 smix(u64 v) { return v ^ (v >> 47); }

static inline u64 len16(u64 u, u64 v, u64 mul) {
    u64 a = (u ^ v) * mul;
    a ^= a >> 47;
    u64 b = (v ^ a) * mul;
    b ^= b >> 47;
    return b * mul;
}

static inline void weak32(const unsigned char *s, u64 a, u64 b, u64 *o1, u64 *o2) {
    u64 w = ld64(s), x = ld64(s + 8), y = ld64(s + 16), z = ld64(s + 24);
    a += w;
    b = rotr(b + a + z, 21);
    u64 c = a;
    a += x + y;
    b += rotr(a, 44);
    *o1 = a + z;
    *o2 = b + c;
}

static u64 fp64(const unsigned char *s, size_t n) {
    u64 mul = K2 + 2 * (u64)n;
    if (n == 0) return K2;
    if (n < 4) {
        u64 y = (u64)s[0] + ((u64)s[n >> 1] << 8);
        u64 z = (u64)n + ((u64)s[n - 1] << 2);
        return smix((y * K2) ^ (z * K0)) * K2;
    }
    if (n < 8) return len16((u64)n + (ld32(s) << 3), ld32(s + n - 4), mul);
    if (n <= 16) {
        u64 a = ld64(s) + K2, b = ld64(s + n - 8);
        u64 c = rotr(b, 37) * mul + a;
        u64 d = (rotr(a, 25) + b) * mul;
        return len16(c, d, mul);
    }
    if (n <= 32) {
        u64 a = ld64(s) * K1, b = ld64(s + 8);
        u64 c = ld64(s + n - 8) * mul, d = ld64(s + n - 16) * K2;
        return len16(rotr(a + b, 43) + rotr(c, 30) + d, a + rotr(b + K2, 18) + c, mul);
    }
    if (n <= 64) {
        u64 a = ld64(s) * K2, b = ld64(s + 8);
        u64 c = ld64(s + n - 8) * mul, d = ld64(s + n - 16) * K2;
        u64 y = rotr(a + b, 43) + rotr(c, 30) + d;
        u64 z = len16(y, a + rotr(b + K2, 18) + c, mul);
        u64 e = ld64(s + 16) * mul, f = ld64(s + 24);
        u64 g = (y + ld64(s + n - 32)) * mul;
        u64 h = (z + ld64(s + n - 24)) * mul;
        return len16(rotr(e + f, 43) + rotr(g, 30) + h, e + rotr(f + a, 18) + g, mul);
    }
    const u64 seed = 81;
    u64 x = seed, y = seed * K1 + 113, z = smix(y * K2 + 113) * K2;
    u64 v0 = 0, v1 = 0, w0 = 0, w1 = 0, t;
    x = x * K2 + ld64(s);
    size_t end = ((n - 1) / 64) * 64;
    size_t last64 = end + ((n - 1) & 63) - 63;
    size_t i = 0;
    do {
        const unsigned char *p = s + i;
        x = rotr(x + y + v0 + ld64(p + 8), 37) * K1;
        y = rotr(y + v1 + ld64(p + 48), 42) * K1;
        x ^= w1;
        y += v0 + ld64(p + 40);
        z = rotr(z + w0, 33) * K1;
        weak32(p, v1 * K1, x + w0, &v0, &v1);
        weak32(p + 32, z + w1, y + ld64(p + 16), &w0, &w1);
        t = z; z = x; x = t;
        i += 64;
    } while (i != end);
    mul = K1 + ((z & 0xFF) << 1);
    const unsigned char *p = s + last64;
    w0 += (u64)((n - 1) & 63);
    v0 += w0;
    w0 += v0;
    x = rotr(x + y + v0 + ld64(p + 8), 37) * mul;
    y = rotr(y + v1 + ld64(p + 48), 42) * mul;
    x ^= w1 * 9;
    y += v0 * 9 + ld64(p + 40);
    z = rotr(z + w0, 33) * mul;
    weak32(p, v1 * mul, x + w0, &v0, &v1);
    weak32(p + 32, z + w1, y + ld64(p + 16), &w0, &w1);
    t = z; z = x; x = t;
    return len16(len16(v0, w0, mul) + smix(y) * K0 + z, len16(v1, w1, mul) + x, mul);
}

#define SIPROUND                                                                   \
    do {                                                                           \
        v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);                  \
        v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;                                     \
        v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;                                     \
        v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);                  \
    } while (0)

static u64 sip24(const unsigned char *s, size_t n, u64 k0, u64 k1) {
    u64 v0 = k0 ^ 0x736F6D6570736575ULL, v1 = k1 ^ 0x646F72616E646F6DULL;
    u64 v2 = k0 ^ 0x6C7967656E657261ULL, v3 = k1 ^ 0x7465646279746573ULL;
    size_t full = n - (n & 7), i;
    for (i = 0; i < full; i += 8) {
        u64 m = ld64(s + i);
        v3 ^= m;
        SIPROUND; SIPROUND;
        v0 ^= m;
    }
    u64 m = ((u64)(n & 0xFF)) << 56;
    size_t r = n & 7;
    for (size_t j = 0; j < r; j++) m |= (u64)s[full + j] << (8 * j);
    v3 ^= m;
    SIPROUND; SIPROUND;
    v0 ^= m;
    v2 ^= 0xFF;
    SIPROUND; SIPROUND; SIPROUND; SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

/* kind 0: fingerprint64, 1: siphash24 */
static PyObject *hash_seq(PyObject *seq, int kind, u64 k0, u64 k1) {
    PyObject *fast = PySequence_Fast(seq, "expected a sequence of str or bytes");
    if (fast == NULL) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    PyObject **items = PySequence_Fast_ITEMS(fast);
    PyObject *out = PyByteArray_FromStringAndSize(NULL, n * 8);
    if (out == NULL) { Py_DECREF(fast); return NULL; }
    unsigned char *o = (unsigned char *)PyByteArray_AS_STRING(out);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = items[i];
        const char *buf;
        Py_ssize_t len;
        if (PyUnicode_Check(it)) {
            buf = PyUnicode_AsUTF8AndSize(it, &len);
            if (buf == NULL) goto fail;
        } else if (PyBytes_Check(it)) {
            buf = PyBytes_AS_STRING(it);
            len = PyBytes_GET_SIZE(it);
        } else {
            PyErr_Format(PyExc_TypeError,
                         "Expected str or bytes elements; got %.200s at index %zd.",
                         Py_TYPE(it)->tp_name, i);
            goto fail;
        }
        u64 h = kind == 0 ? fp64((const unsigned char *)buf, (size_t)len)
                          : sip24((const unsigned char *)buf, (size_t)len, k0, k1);
        for (int b = 0; b < 8; b++) o[8 * i + b] = (unsigned char)(h >> (8 * b));
    }
    Py_DECREF(fast);
    return out;
fail:
    Py_DECREF(fast);
    Py_DECREF(out);
    return NULL;
}

static PyObject *py_fingerprint64(PyObject *self, PyObject *arg) {
    (void)self;
    return hash_seq(arg, 0, 0, 0);
}

static PyObject *py_siphash24(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *seq;
    unsigned long long k0, k1;
    if (!PyArg_ParseTuple(args, "OKK", &seq, &k0, &k1)) return NULL;
    return hash_seq(seq, 1, (u64)k0, (u64)k1);
}

static PyMethodDef methods[] = {
    {"fingerprint64", py_fingerprint64, METH_O,
     "fingerprint64(seq) -> bytearray of little-endian uint64 FarmHash Fingerprint64 values."},
    {"siphash24", py_siphash24, METH_VARARGS,
     "siphash24(seq, k0, k1) -> bytearray of little-endian uint64 SipHash-2-4 values "
     "(k0, k1 as unsigned 64-bit ints)."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_hashkernel",
                                       "Compiled string hash kernels (optional).", -1, methods};

PyMODINIT_FUNC PyInit__hashkernel(void) { return PyModule_Create(&moduledef); }
