/* Optional compiled kernels for FarmHash Fingerprint64 (farmhashna::Hash64) and SipHash-2-4
 * (TF StringToHashBucketStrong) over str/bytes held in a list/tuple (hashed with the GIL
 * held), a NumPy object array (its strings' bytes copied with the GIL, then hashed without
 * it) or an Arrow string/binary array's buffers. No Python object is ever read without the
 * GIL. Written from the scalar
 * reference in tests/hashing/_reference.py. Each returns a (writable)
 * bytearray of n little-endian uint64 values. */
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

/* Hash n str/bytes objects into a new bytearray of little-endian uint64.
   kind 0: fingerprint64, 1: siphash24. */
static inline u64 hash_one(const unsigned char *buf, size_t len, int kind, u64 k0, u64 k1) {
    return kind == 0 ? fp64(buf, len) : sip24(buf, len, k0, k1);
}

static inline void store64(unsigned char *o, u64 h) {
    for (int b = 0; b < 8; b++) o[b] = (unsigned char)(h >> (8 * b));
}

/* The UTF-8 bytes of a str (its cached UTF-8, no copy for ASCII) or a bytes object; -1 with
   an exception set for anything else (TypeError naming the type and index i) or a str
   without UTF-8 form (UnicodeEncodeError). */
static int text_of(PyObject *it, Py_ssize_t i, const char **buf, Py_ssize_t *len) {
    if (it != NULL && PyUnicode_Check(it)) {
        *buf = PyUnicode_AsUTF8AndSize(it, len);
        return *buf == NULL ? -1 : 0;
    }
    if (it != NULL && PyBytes_Check(it)) {
        *buf = PyBytes_AS_STRING(it);
        *len = PyBytes_GET_SIZE(it);
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "Expected str or bytes elements; got %.200s at index %zd.",
                 it == NULL ? "NULL" : Py_TYPE(it)->tp_name, i);
    return -1;
}

/* Hash the elements of `fast` (a list or tuple from PySequence_Fast) into a new bytearray of
   little-endian uint64, with the GIL held throughout. Each element is held by a new reference
   while its bytes are read and hashed, and the items are re-read at every step: encoding a
   str may run the garbage collector, hence arbitrary code that could replace, free or resize
   the list's items. */
static PyObject *hash_fast(PyObject *fast, int kind, u64 k0, u64 k1) {
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    PyObject *out = PyByteArray_FromStringAndSize(NULL, n * 8);
    if (out == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i >= PySequence_Fast_GET_SIZE(fast)) {
            PyErr_SetString(PyExc_RuntimeError, "the sequence changed size while being hashed");
            goto fail;
        }
        PyObject *it = PySequence_Fast_ITEMS(fast)[i];
        const char *buf;
        Py_ssize_t len;
        Py_XINCREF(it);
        if (text_of(it, i, &buf, &len) < 0) {
            Py_XDECREF(it);
            goto fail;
        }
        u64 h = hash_one((const unsigned char *)buf, (size_t)len, kind, k0, k1);
        Py_DECREF(it);
        store64((unsigned char *)PyByteArray_AS_STRING(out) + 8 * i, h);
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyObject *hash_seq(PyObject *seq, int kind, u64 k0, u64 k1) {
    PyObject *fast = PySequence_Fast(seq, "expected a sequence of str or bytes");
    if (fast == NULL) return NULL;
    PyObject *out = hash_fast(fast, kind, k0, k1);
    Py_DECREF(fast);
    return out;
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

/* ---- Object arrays and Arrow buffers: gather with the GIL, hash without it. ---- */

/* Parse the (out, lo, hi, kind, k0, k1) tail shared by the hash_* functions. */
static int out_range(Py_buffer *ob, Py_ssize_t lo, Py_ssize_t hi, int kind) {
    if (kind != 0 && kind != 1) {
        PyErr_SetString(PyExc_ValueError, "kind must be 0 (fingerprint64) or 1 (siphash24)");
        return 0;
    }
    if (lo < 0 || hi < lo || (size_t)ob->len / 8 < (size_t)hi) {
        PyErr_SetString(PyExc_ValueError, "output range out of bounds");
        return 0;
    }
    return 1;
}

/* text_bytes(arr, data_address, n, stride) -> (data, offsets, size): the UTF-8 bytes of each
   element of a 1-D NumPy object array of str/bytes (read in place, any stride; the caller
   passes the array itself with its __array_interface__ address, length and stride in bytes),
   COPIED with the GIL held into one buffer: `data` (a bytearray whose first `size` bytes are
   the concatenated strings) and `offsets` (a bytearray of n + 1 native int64) -- the layout
   hash_arrow reads. Hashing then reads only these buffers, owned by the caller, so nothing
   another thread does to the array or its strings afterwards (a[i] = other frees the old
   string) can affect it: strings are never read without the GIL. Copying is cheaper than
   holding a reference to each string (whose release is a second pass of cache misses), and
   the hash pass then reads contiguous memory. TypeError names the first element that is not
   str/bytes; a str without UTF-8 form raises UnicodeEncodeError. */
static PyObject *py_text_bytes(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *owner;
    Py_ssize_t addr, n, stride;
    if (!PyArg_ParseTuple(args, "Onnn", &owner, &addr, &n, &stride)) return NULL;
    if (n < 0 || (n > 0 && addr == 0) || stride % (Py_ssize_t)sizeof(PyObject *) != 0 ||
        n > PY_SSIZE_T_MAX / 64) {
        PyErr_SetString(PyExc_ValueError, "invalid object array address, length or stride");
        return NULL;
    }
    PyObject *offsets = PyByteArray_FromStringAndSize(NULL, (n + 1) * 8);
    if (offsets == NULL) return NULL;
    Py_ssize_t cap = n < 4096 ? 65536 : n * 32, used = 0;
    PyObject *data = PyByteArray_FromStringAndSize(NULL, cap);
    if (data == NULL) {
        Py_DECREF(offsets);
        return NULL;
    }
    int64_t *off = (int64_t *)PyByteArray_AS_STRING(offsets);
    char *d = PyByteArray_AS_STRING(data);
    off[0] = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = *(PyObject **)((char *)addr + i * stride);
        const char *buf;
        Py_ssize_t len;
        if (it != NULL && PyUnicode_CheckExact(it) && PyUnicode_IS_COMPACT_ASCII(it)) {
            buf = (const char *)(((PyASCIIObject *)it) + 1);
            len = PyUnicode_GET_LENGTH(it);
        } else {
            Py_XINCREF(it);
            int bad = text_of(it, i, &buf, &len) < 0;
            Py_XDECREF(it);
            if (bad) goto fail;
        }
        if (len > cap - used) {
            Py_ssize_t want = used + len;
            Py_ssize_t grown = cap > PY_SSIZE_T_MAX / 2 ? want : 2 * cap;
            cap = grown > want ? grown : want;
            if (PyByteArray_Resize(data, cap) < 0) goto fail;
            d = PyByteArray_AS_STRING(data);
        }
        memcpy(d + used, buf, (size_t)len);
        used += len;
        off[i + 1] = (int64_t)used;
    }
    PyObject *ret = Py_BuildValue("(OOn)", data, offsets, used);
    Py_DECREF(data);
    Py_DECREF(offsets);
    return ret;
fail:
    Py_DECREF(data);
    Py_DECREF(offsets);
    return NULL;
}

/* hash_arrow(offsets, data, offset, wide, out, lo, hi, kind, k0, k1): hash elements lo..hi
   of a null-free Arrow string/binary array, given its offsets and data buffers (element i is
   data[offsets[offset + i] .. offsets[offset + i + 1]); `wide`: int64 offsets, else int32),
   into out[lo:hi], without the GIL. Every offset used is checked against the buffers. */
static PyObject *py_hash_arrow(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *off_obj, *data_obj, *out_obj;
    Py_ssize_t offset, lo, hi;
    int wide, kind;
    unsigned long long k0, k1;
    if (!PyArg_ParseTuple(args, "OOnpOnniKK", &off_obj, &data_obj, &offset, &wide, &out_obj,
                          &lo, &hi, &kind, &k0, &k1))
        return NULL;
    if (offset < 0) {
        PyErr_SetString(PyExc_ValueError, "negative Arrow offset");
        return NULL;
    }
    Py_buffer offb, db, ob;
    db.buf = NULL;
    db.len = 0;
    int have_data = data_obj != Py_None;
    if (PyObject_GetBuffer(off_obj, &offb, PyBUF_SIMPLE) < 0) return NULL;
    if (have_data && PyObject_GetBuffer(data_obj, &db, PyBUF_SIMPLE) < 0) {
        PyBuffer_Release(&offb);
        return NULL;
    }
    if (PyObject_GetBuffer(out_obj, &ob, PyBUF_WRITABLE) < 0) {
        PyBuffer_Release(&offb);
        if (have_data) PyBuffer_Release(&db);
        return NULL;
    }
    PyObject *ret = NULL;
    size_t width = wide ? 8 : 4;
    if (!out_range(&ob, lo, hi, kind)) goto done;
    if (hi > lo && (size_t)offb.len / width < (size_t)(offset + hi + 1)) {
        PyErr_SetString(PyExc_ValueError, "Arrow offsets buffer too short");
        goto done;
    }
    unsigned char *o = (unsigned char *)ob.buf;
    const unsigned char *data = (const unsigned char *)db.buf;
    const unsigned char *offs = (const unsigned char *)offb.buf;
    Py_ssize_t bad = -1;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = lo; i < hi; i++) {
        int64_t a, b;
        if (wide) {
            memcpy(&a, offs + 8 * (offset + i), 8);
            memcpy(&b, offs + 8 * (offset + i + 1), 8);
        } else {
            int32_t a32, b32;
            memcpy(&a32, offs + 4 * (offset + i), 4);
            memcpy(&b32, offs + 4 * (offset + i + 1), 4);
            a = a32;
            b = b32;
        }
        if (a < 0 || b < a || b > (int64_t)db.len) {
            bad = i;
            break;
        }
        store64(o + 8 * i, hash_one(data + a, (size_t)(b - a), kind, (u64)k0, (u64)k1));
    }
    Py_END_ALLOW_THREADS
    if (bad >= 0) {
        PyErr_Format(PyExc_ValueError, "Arrow offsets out of bounds at element %zd", bad);
        goto done;
    }
    ret = Py_None;
    Py_INCREF(ret);
done:
    PyBuffer_Release(&offb);
    if (have_data) PyBuffer_Release(&db);
    PyBuffer_Release(&ob);
    return ret;
}

static PyMethodDef methods[] = {
    {"fingerprint64", py_fingerprint64, METH_O,
     "fingerprint64(seq) -> bytearray of little-endian uint64 FarmHash Fingerprint64 values."},
    {"siphash24", py_siphash24, METH_VARARGS,
     "siphash24(seq, k0, k1) -> bytearray of little-endian uint64 SipHash-2-4 values "
     "(k0, k1 as unsigned 64-bit ints)."},
    {"text_bytes", py_text_bytes, METH_VARARGS,
     "text_bytes(arr, data_address, n, stride) -> (data, offsets, size): the UTF-8 bytes of a "
     "1-D NumPy object array's str/bytes elements copied into one bytearray, with n + 1 int64 "
     "offsets (the layout hash_arrow reads)."},
    {"hash_arrow", py_hash_arrow, METH_VARARGS,
     "hash_arrow(offsets, data, offset, wide, out, lo, hi, kind, k0, k1): hash elements "
     "lo..hi of a null-free Arrow string/binary array from its buffers; releases the GIL."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_hashkernel",
                                       "Compiled string hash kernels (optional).", -1, methods};

PyMODINIT_FUNC PyInit__hashkernel(void) {
    return PyModule_Create(&moduledef);
}
