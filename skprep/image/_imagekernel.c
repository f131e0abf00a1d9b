/* Optional compiled image kernels: the projective warp, separable resampling, the separable
 * Gaussian blur, window copies (crop / flip) and per-image lookup tables.
 *
 * Each function works on the images [start, stop) of a C-contiguous NHWC batch passed through
 * the buffer protocol (float32, or uint8 where the source may be uint8), and releases the GIL
 * for the whole loop: the Python side (skprep/image/functional/_ckernel.py) splits a batch into
 * chunks and runs them on the shared worker pool. Every function performs, pixel by pixel, the
 * same float32 operations in the same order as the NumPy kernel it replaces (the reference of
 * the differential tests), so the two agree bit for bit. The build must therefore not contract
 * a * b + c into fused multiply-adds (setup.py passes -ffp-contract=off) nor use fast-math. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef Py_ssize_t ssize;

#if defined(__GNUC__)
#define INLINE static inline __attribute__((always_inline))
#else
#define INLINE static __inline
#endif

INLINE float ld(const void *p, ssize i, int u8) {
    return u8 ? (float)((const uint8_t *)p)[i] : ((const float *)p)[i];
}

INLINE float clampf(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }

INLINE uint8_t to_u8(float v) {
    /* numpy's rint (half to even), clip to [0, 255], cast. Clipping first gives the same result
     * (the bounds are integers); then adding and removing 2^23 rounds to the nearest integer,
     * ties to even, in the default rounding mode -- without a libm call, and vectorisable. */
    float c = v > 0.0f ? v : 0.0f;
    c = c < 255.0f ? c : 255.0f;
    return (uint8_t)(int32_t)((c + 8388608.0f) - 8388608.0f);
}

static void floats_to_u8(const float *restrict in, uint8_t *restrict out, ssize n) {
    ssize j = 0;
#if defined(__SSE2__)
    /* the same steps on 16 values at a time (max/min are exact; NaN gives 0 either way) */
    const __m128 zero = _mm_setzero_ps(), top = _mm_set1_ps(255.0f);
    const __m128 big = _mm_set1_ps(8388608.0f);
    for (; j + 16 <= n; j += 16) {
        __m128i q[4];
        for (int k = 0; k < 4; k++) {
            __m128 v = _mm_loadu_ps(in + j + 4 * k);
            v = _mm_min_ps(_mm_max_ps(v, zero), top);
            v = _mm_sub_ps(_mm_add_ps(v, big), big);
            q[k] = _mm_cvttps_epi32(v);
        }
        __m128i lo = _mm_packs_epi32(q[0], q[1]), hi = _mm_packs_epi32(q[2], q[3]);
        _mm_storeu_si128((__m128i *)(out + j), _mm_packus_epi16(lo, hi));
    }
#endif
    for (; j < n; j++) out[j] = to_u8(in[j]);
}

/* floorf / truncf / roundf without a libm call (baseline x86-64 has no rounding instruction):
 * exact for every float, through an int32 conversion when |v| < 2^31 (beyond 2^23 every float
 * is an integer already). */
INLINE float trunc_(float v) {
    return (v > -2147483648.0f && v < 2147483648.0f) ? (float)(int32_t)v : truncf(v);
}

INLINE float floor_(float v) {
    float t = trunc_(v);
    return t > v ? t - 1.0f : t;
}

INLINE float round_(float v) { /* half away from zero */
    float t = trunc_(v), f = v - t;
    return f >= 0.5f ? t + 1.0f : (f <= -0.5f ? t - 1.0f : t);
}

/* Buffers -------------------------------------------------------------------------------- */

typedef struct {
    Py_buffer b[8];
    int n;
} Bufs;

static int get(Bufs *bs, PyObject *o, int writable, ssize need, void **ptr) {
    Py_buffer *b = &bs->b[bs->n];
    if (PyObject_GetBuffer(o, b, writable ? PyBUF_WRITABLE : PyBUF_SIMPLE) < 0) return -1;
    bs->n++;
    if (b->len < need) {
        PyErr_Format(PyExc_ValueError, "buffer too small (%zd bytes, need %zd)", b->len, need);
        return -1;
    }
    *ptr = b->buf;
    return 0;
}

static void release(Bufs *bs) {
    for (int i = 0; i < bs->n; i++) PyBuffer_Release(&bs->b[i]);
    bs->n = 0;
}

/* Projective warp (TF ImageProjectiveTransformV3, in the operation order of _affine.py) ---- */

enum { FILL_REFLECT = 0, FILL_WRAP = 1, FILL_CONSTANT = 2, FILL_NEAREST = 3 };

INLINE float map_coord(float c, ssize n, int mode) {
    float last = (float)(n - 1);
    if (mode == FILL_CONSTANT) return c;
    if (mode == FILL_NEAREST) return clampf(c, 0.0f, last);
    if (n <= 1) return 0.0f;
    if (mode == FILL_REFLECT) {
        float period = (float)(2 * n);
        if (c < 0.0f) {
            float v = period * trunc_(-c / period) + c;
            c = (v < -(float)n) ? v + period : -v - 1.0f;
        } else if (c > last) {
            float v = c - period * trunc_(c / period);
            c = (v >= (float)n) ? period - v - 1.0f : v;
        }
    } else { /* wrap: periods counted with n - 1 */
        if (c < 0.0f) {
            c = c + (float)n * (trunc_(-c / last) + 1.0f);
        } else if (c > last) {
            c = c - (float)n * trunc_(c / last);
        }
    }
    return clampf(c, 0.0f, last);
}

/* Sample positions along one axis for a separable transform: integer position (clipped to
 * [-2, n]) and the two bilinear weights, or the rounded position for nearest. */
INLINE void axis_samples(float scale, float shift, ssize n_out, ssize n, int nearest, int mode,
                         int64_t *pos, float *w0, float *w1) {
    for (ssize i = 0; i < n_out; i++) {
        float c = map_coord(scale * (float)i + shift, n, mode);
        if (nearest) {
            pos[i] = (int64_t)clampf(round_(c), -2.0f, (float)n);
        } else {
            float f = floor_(c);
            w0[i] = (f + 1.0f) - c;
            w1[i] = c - f;
            pos[i] = (int64_t)clampf(f, -2.0f, (float)n);
        }
    }
}

/* Transforms with x' depending on x only and y' on y only (translations, zooms): positions and
 * weights per column and per row, then the same blend per pixel as the general case. */
INLINE int warp_separable(const void *src, int u8, ssize h, ssize w, ssize ch, const float *t,
                          float *out, int nearest, int mode, float fill) {
    int64_t *ix = malloc((size_t)(w + h) * (sizeof(int64_t) + 2 * sizeof(float)));
    if (!ix) return -1;
    int64_t *iy = ix + w;
    float *wx0 = (float *)(iy + h), *wx1 = wx0 + w, *wy0 = wx1 + w, *wy1 = wy0 + h;
    /* (a0 x + a1 0) + a2 is a0 x + a2 exactly (a1 = +-0), likewise for y */
    axis_samples(t[0], t[2], w, w, nearest, mode, ix, wx0, wx1);
    axis_samples(t[4], t[5], h, h, nearest, mode, iy, wy0, wy1);
    for (ssize oy = 0; oy < h; oy++) {
        const ssize yi = iy[oy];
        const int y0in = yi >= 0 && yi < h, y1in = yi + 1 >= 0 && yi + 1 < h;
        for (ssize ox = 0; ox < w; ox++, out += ch) {
            const ssize xi = ix[ox];
            const int x0in = xi >= 0 && xi < w;
            const ssize p = (yi * w + xi) * ch;
            if (nearest) {
                if (y0in && x0in)
                    for (ssize c = 0; c < ch; c++) out[c] = ld(src, p + c, u8);
                else
                    for (ssize c = 0; c < ch; c++) out[c] = fill;
                continue;
            }
            const int x1in = xi + 1 >= 0 && xi + 1 < w;
            const float a0 = wx0[ox], a1 = wx1[ox], b0 = wy0[oy], b1 = wy1[oy];
            const ssize q = p + w * ch;
            if (y0in && y1in && x0in && x1in) {
                for (ssize c = 0; c < ch; c++) {
                    float top = ld(src, p + c, u8) * a0 + ld(src, p + ch + c, u8) * a1;
                    float bot = ld(src, q + c, u8) * a0 + ld(src, q + ch + c, u8) * a1;
                    out[c] = top * b0 + bot * b1;
                }
            } else {
                for (ssize c = 0; c < ch; c++) {
                    float v00 = (y0in && x0in) ? ld(src, p + c, u8) : fill;
                    float v01 = (y0in && x1in) ? ld(src, p + ch + c, u8) : fill;
                    float v10 = (y1in && x0in) ? ld(src, q + c, u8) : fill;
                    float v11 = (y1in && x1in) ? ld(src, q + ch + c, u8) : fill;
                    float top = v00 * a0 + v01 * a1;
                    float bot = v10 * a0 + v11 * a1;
                    out[c] = top * b0 + bot * b1;
                }
            }
        }
    }
    free(ix);
    return 0;
}

/* Branch-free forms of trunc_ / floor_ / round_ / map_coord with the same results, for loops
 * the compiler vectorises. Beyond 2^23 every float is an integer: trunc is the identity. */
INLINE float vtrunc(float v) {
    const float big = 8388608.0f;
    const float a = v < 0.0f ? -v : v;
    const float r = (float)(int32_t)(a < big ? v : 0.0f);
    return a < big ? r : v;
}

INLINE float vfloor(float v) {
    const float t = vtrunc(v);
    return t > v ? t - 1.0f : t;
}

INLINE float vround(float v) {
    const float t = vtrunc(v), f = v - t;
    return f >= 0.5f ? t + 1.0f : (f <= -0.5f ? t - 1.0f : t);
}

/* map_coord for n > 1 (the caller maps n <= 1 with FILL_NEAREST: every point to 0) */
INLINE float vmap(float c, float n, int mode) {
    const float last = n - 1.0f, period = 2.0f * n;
    float r;
    if (mode == FILL_CONSTANT) return c;
    if (mode == FILL_NEAREST) return clampf(c, 0.0f, last);
    if (mode == FILL_REFLECT) {
        const float lv = period * vtrunc(-c / period) + c;
        const float lr = lv < -n ? lv + period : -lv - 1.0f;
        const float hv = c - period * vtrunc(c / period);
        const float hr = hv >= n ? period - hv - 1.0f : hv;
        r = c < 0.0f ? lr : (c > last ? hr : c);
    } else {
        const float lr = c + n * (vtrunc(-c / last) + 1.0f);
        const float hr = c - n * vtrunc(c / last);
        r = c < 0.0f ? lr : (c > last ? hr : c);
    }
    return clampf(r, 0.0f, last);
}

enum { TILE = 32 };

/* Sample positions of one row segment of an affine (not projective) transform of an image of
 * at least 2 x 2 pixels: a loop free of branches and calls. */
INLINE void affine_segment(const float *t, float y0, ssize x_start, ssize len, ssize h, ssize w,
                           int nearest, int mode, int32_t *ix, int32_t *iy, float *wx0,
                           float *wx1, float *wy0, float *wy1) {
    /* locals: the outputs could alias t, which would stop vectorisation */
    const float a0 = t[0], a2 = t[2], b0 = t[3], b2 = t[5];
    const float ay = t[1] * y0, by = t[4] * y0, fw = (float)w, fh = (float)h;
    const int32_t x_first = (int32_t)x_start, n = (int32_t)len;
    for (int32_t i = 0; i < n; i++) {
        const float x0 = (float)(x_first + i);
        const float x = vmap((a0 * x0 + ay) + a2, fw, mode);
        const float y = vmap((b0 * x0 + by) + b2, fh, mode);
        if (nearest) {
            ix[i] = (int32_t)clampf(vround(x), -2.0f, fw);
            iy[i] = (int32_t)clampf(vround(y), -2.0f, fh);
        } else {
            const float xf = vfloor(x), yf = vfloor(y);
            wx0[i] = (xf + 1.0f) - x;
            wx1[i] = x - xf;
            wy0[i] = (yf + 1.0f) - y;
            wy1[i] = y - yf;
            ix[i] = (int32_t)clampf(xf, -2.0f, fw);
            iy[i] = (int32_t)clampf(yf, -2.0f, fh);
        }
    }
}

/* The same for a projective transform (scalar: divisions, zero projections, infinities).
 * zero[i] marks a zero projection (the output is fill). */
INLINE void projective_segment(const float *t, float y0, ssize x_start, ssize len, ssize h,
                               ssize w, int nearest, int mode, int32_t *ix, int32_t *iy,
                               float *wx0, float *wx1, float *wy0, float *wy1, char *zero) {
    const float ay = t[1] * y0, by = t[4] * y0, ky = t[7] * y0, fw = (float)w, fh = (float)h;
    for (ssize i = 0; i < len; i++) {
        const float x0 = (float)(x_start + i);
        float x = (t[0] * x0 + ay) + t[2];
        float y = (t[3] * x0 + by) + t[5];
        const float k = (t[6] * x0 + ky) + 1.0f;
        zero[i] = k == 0.0f;
        if (zero[i]) {
            ix[i] = iy[i] = -2;
            wx0[i] = wx1[i] = wy0[i] = wy1[i] = 0.0f;
            continue;
        }
        x = x / k;
        y = y / k;
        if (!(isfinite(x) && isfinite(y))) x = y = -4.0f;
        x = map_coord(x, w, mode);
        y = map_coord(y, h, mode);
        if (nearest) {
            ix[i] = (int32_t)clampf(round_(x), -2.0f, fw);
            iy[i] = (int32_t)clampf(round_(y), -2.0f, fh);
        } else {
            const float xf = floor_(x), yf = floor_(y);
            wx0[i] = (xf + 1.0f) - x;
            wx1[i] = x - xf;
            wy0[i] = (yf + 1.0f) - y;
            wy1[i] = y - yf;
            ix[i] = (int32_t)clampf(xf, -2.0f, fw);
            iy[i] = (int32_t)clampf(yf, -2.0f, fh);
        }
    }
}

INLINE void warp_image(const void *src, int u8, ssize h, ssize w, ssize ch, const float *t,
                       float *out, int nearest, int mode, float fill) {
    const int projective = t[6] != 0.0f || t[7] != 0.0f;
    if (!projective && t[1] == 0.0f && t[3] == 0.0f &&
        warp_separable(src, u8, h, w, ch, t, out, nearest, mode, fill) == 0)
        return;
    const int scalar = projective || h <= 1 || w <= 1; /* vmap needs n > 1 */
    /* Output tiles of TILE x TILE pixels: the input pixels a rotated tile reads stay in the
     * L1 cache, where a whole output row would sweep diagonally through the input. Per row of
     * a tile, the sample positions first (vectorised), then the reads and blends. */
    int32_t IX[TILE], IY[TILE];
    float WX0[TILE], WX1[TILE], WY0[TILE], WY1[TILE];
    char ZERO[TILE] = {0};
    for (ssize ty = 0; ty < h; ty += TILE)
    for (ssize tx = 0; tx < w; tx += TILE)
    for (ssize oy = ty; oy < ty + TILE && oy < h; oy++) {
        const ssize len = tx + TILE < w ? TILE : w - tx;
        if (scalar)
            projective_segment(t, (float)oy, tx, len, h, w, nearest, mode, IX, IY, WX0, WX1, WY0,
                               WY1, ZERO);
        else
            affine_segment(t, (float)oy, tx, len, h, w, nearest, mode, IX, IY, WX0, WX1, WY0,
                           WY1);
        float *o = out + (oy * w + tx) * ch;
        for (ssize i = 0; i < len; i++, o += ch) {
            const ssize ix = IX[i], iy = IY[i];
            if (scalar && ZERO[i]) {
                for (ssize c = 0; c < ch; c++) o[c] = fill;
                continue;
            }
            if (nearest) {
                if (ix >= 0 && ix < w && iy >= 0 && iy < h) {
                    const ssize base = (iy * w + ix) * ch;
                    for (ssize c = 0; c < ch; c++) o[c] = ld(src, base + c, u8);
                } else {
                    for (ssize c = 0; c < ch; c++) o[c] = fill;
                }
                continue;
            }
            const float wx0 = WX0[i], wx1 = WX1[i], wy0 = WY0[i], wy1 = WY1[i];
            const ssize p = (iy * w + ix) * ch, q = p + w * ch;
            if (ix >= 0 && ix + 1 < w && iy >= 0 && iy + 1 < h) {
                /* all four neighbours inside: the common case */
                for (ssize c = 0; c < ch; c++) {
                    float top = ld(src, p + c, u8) * wx0 + ld(src, p + ch + c, u8) * wx1;
                    float bot = ld(src, q + c, u8) * wx0 + ld(src, q + ch + c, u8) * wx1;
                    o[c] = top * wy0 + bot * wy1;
                }
            } else {
                const int x0in = ix >= 0 && ix < w, x1in = ix + 1 >= 0 && ix + 1 < w;
                const int y0in = iy >= 0 && iy < h, y1in = iy + 1 >= 0 && iy + 1 < h;
                for (ssize c = 0; c < ch; c++) {
                    float v00 = (y0in && x0in) ? ld(src, p + c, u8) : fill;
                    float v01 = (y0in && x1in) ? ld(src, p + ch + c, u8) : fill;
                    float v10 = (y1in && x0in) ? ld(src, q + c, u8) : fill;
                    float v11 = (y1in && x1in) ? ld(src, q + ch + c, u8) : fill;
                    float top = v00 * wx0 + v01 * wx1;
                    float bot = v10 * wx0 + v11 * wx1;
                    o[c] = top * wy0 + bot * wy1;
                }
            }
        }
    }
}

#define WARP(NAME, U8, NEAREST, MODE)                                                        \
    static void NAME(const void *s, ssize h, ssize w, ssize c, const float *t, float *o,       \
                     float f) {                                                                 \
        if (c == 3)                                                                             \
            warp_image(s, U8, h, w, 3, t, o, NEAREST, MODE, f);                                \
        else if (c == 1)                                                                        \
            warp_image(s, U8, h, w, 1, t, o, NEAREST, MODE, f);                                \
        else                                                                                    \
            warp_image(s, U8, h, w, c, t, o, NEAREST, MODE, f);                                \
    }
#define WARP_MODES(U8, NEAREST, SUFFIX)                                                         \
    WARP(warp_reflect_##SUFFIX, U8, NEAREST, FILL_REFLECT)                                      \
    WARP(warp_wrap_##SUFFIX, U8, NEAREST, FILL_WRAP)                                            \
    WARP(warp_constant_##SUFFIX, U8, NEAREST, FILL_CONSTANT)                                    \
    WARP(warp_nearest_##SUFFIX, U8, NEAREST, FILL_NEAREST)
WARP_MODES(0, 0, f32_bilinear)
WARP_MODES(0, 1, f32_nearest)
WARP_MODES(1, 0, u8_bilinear)
WARP_MODES(1, 1, u8_nearest)

typedef void (*warp_fn)(const void *, ssize, ssize, ssize, const float *, float *, float);

/* [u8][nearest][fill mode] */
static const warp_fn WARPS[2][2][4] = {
    {{warp_reflect_f32_bilinear, warp_wrap_f32_bilinear, warp_constant_f32_bilinear,
      warp_nearest_f32_bilinear},
     {warp_reflect_f32_nearest, warp_wrap_f32_nearest, warp_constant_f32_nearest,
      warp_nearest_f32_nearest}},
    {{warp_reflect_u8_bilinear, warp_wrap_u8_bilinear, warp_constant_u8_bilinear,
      warp_nearest_u8_bilinear},
     {warp_reflect_u8_nearest, warp_wrap_u8_nearest, warp_constant_u8_nearest,
      warp_nearest_u8_nearest}},
};

/* affine(src, src_u8, out, transforms, start, stop, h, w, c, nearest, fill_mode, fill) */
static PyObject *affine(PyObject *self, PyObject *args) {
    PyObject *so, *oo, *to;
    int u8, nearest, mode;
    ssize start, stop, h, w, ch;
    float fill;
    if (!PyArg_ParseTuple(args, "OpOOnnnnniif", &so, &u8, &oo, &to, &start, &stop, &h, &w, &ch,
                          &nearest, &mode, &fill))
        return NULL;
    Bufs bs = {.n = 0};
    void *src, *out, *tr;
    ssize img = h * w * ch;
    if (get(&bs, so, 0, stop * img * (u8 ? 1 : 4), &src) < 0 ||
        get(&bs, oo, 1, stop * img * 4, &out) < 0 || get(&bs, to, 0, stop * 8 * 4, &tr) < 0) {
        release(&bs);
        return NULL;
    }
    if (mode < 0 || mode > 3) {
        release(&bs);
        PyErr_SetString(PyExc_ValueError, "fill_mode must be 0..3");
        return NULL;
    }
    warp_fn fn = WARPS[u8 ? 1 : 0][nearest ? 1 : 0][mode];
    Py_BEGIN_ALLOW_THREADS
    for (ssize i = start; i < stop; i++) {
        const void *s = u8 ? (const void *)((const uint8_t *)src + i * img)
                           : (const void *)((const float *)src + i * img);
        fn(s, h, w, ch, (const float *)tr + 8 * i, (float *)out + i * img, fill);
    }
    Py_END_ALLOW_THREADS
    release(&bs);
    Py_RETURN_NONE;
}

/* Separable resampling (_resize.py) -------------------------------------------------------- */

/* One row of a pass along the columns (channel count `ch` known at compile time when inlined
 * with a constant). */
INLINE void resize_row(const float *row, ssize ch, int kind, ssize k, ssize n_out,
                       const int64_t *idx, const float *wt, float *d) {
    for (ssize x = 0; x < n_out; x++, d += ch) {
        if (kind == 1) {
            const float *a = row + idx[2 * x] * ch, *b = row + idx[2 * x + 1] * ch;
            const float f = wt[x];
            for (ssize c = 0; c < ch; c++) d[c] = (b[c] - a[c]) * f + a[c];
        } else {
            const float *a = row + idx[k * x] * ch;
            const float f = wt[k * x];
            for (ssize c = 0; c < ch; c++) d[c] = a[c] * f;
            for (ssize t = 1; t < k; t++) {
                const float *b = row + idx[k * x + t] * ch;
                const float g = wt[k * x + t];
                for (ssize c = 0; c < ch; c++) d[c] += b[c] * g;
            }
        }
    }
}

/* One pass of a resize along `axis` (1: rows, 2: columns) of an (h, w, c) image into dst.
 * kind 1 ("lerp"): idx holds (lo, hi) pairs, wt the fractions: ((b - a) * f) + a.
 * kind 2 ("taps"): idx/wt hold k taps per output index: v0 * w0, then += vk * wk. */
INLINE void resize_pass(const void *src, int u8, ssize h, ssize w, ssize ch, int axis, int kind,
                        ssize k, ssize n_out, const int64_t *idx, const float *wt, float *dst,
                        float *rowbuf) {
    if (axis == 1) {
        const ssize row = w * ch;
        for (ssize y = 0; y < n_out; y++) {
            float *d = dst + y * row;
            if (kind == 1) {
                const ssize a = idx[2 * y] * row, b = idx[2 * y + 1] * row;
                const float f = wt[y];
                for (ssize j = 0; j < row; j++) {
                    float va = ld(src, a + j, u8);
                    d[j] = (ld(src, b + j, u8) - va) * f + va;
                }
            } else {
                const ssize a = idx[k * y] * row;
                const float f = wt[k * y];
                for (ssize j = 0; j < row; j++) d[j] = ld(src, a + j, u8) * f;
                for (ssize t = 1; t < k; t++) {
                    const ssize b = idx[k * y + t] * row;
                    const float g = wt[k * y + t];
                    for (ssize j = 0; j < row; j++) d[j] += ld(src, b + j, u8) * g;
                }
            }
        }
    } else {
        for (ssize y = 0; y < h; y++) {
            const float *row;
            if (u8) { /* one vectorised conversion of the row, then gathers from floats */
                const uint8_t *p = (const uint8_t *)src + y * w * ch;
                for (ssize j = 0; j < w * ch; j++) rowbuf[j] = (float)p[j];
                row = rowbuf;
            } else {
                row = (const float *)src + y * w * ch;
            }
            float *d = dst + y * n_out * ch;
            if (ch == 3)
                resize_row(row, 3, kind, k, n_out, idx, wt, d);
            else if (ch == 1)
                resize_row(row, 1, kind, k, n_out, idx, wt, d);
            else
                resize_row(row, ch, kind, k, n_out, idx, wt, d);
        }
    }
}

static void resize_pass_u8(const void *s, ssize h, ssize w, ssize c, int ax, int kd, ssize k,
                           ssize n, const int64_t *i, const float *wt, float *d, float *rb) {
    resize_pass(s, 1, h, w, c, ax, kd, k, n, i, wt, d, rb);
}

static void resize_pass_f32(const void *s, ssize h, ssize w, ssize c, int ax, int kd, ssize k,
                            ssize n, const int64_t *i, const float *wt, float *d, float *rb) {
    resize_pass(s, 0, h, w, c, ax, kd, k, n, i, wt, d, rb);
}

typedef struct {
    int axis, kind;
    ssize k, n_out;
    const int64_t *idx;
    const float *wt;
} Pass;

static int parse_pass(Bufs *bs, PyObject *tup, Pass *p) {
    PyObject *io, *wo;
    if (!PyArg_ParseTuple(tup, "iinnOO", &p->axis, &p->kind, &p->k, &p->n_out, &io, &wo))
        return -1;
    ssize n_idx = p->kind == 1 ? 2 * p->n_out : p->k * p->n_out;
    ssize n_w = p->kind == 1 ? p->n_out : p->k * p->n_out;
    void *a, *b;
    if (get(bs, io, 0, n_idx * 8, &a) < 0 || get(bs, wo, 0, n_w * 4, &b) < 0) return -1;
    p->idx = a;
    p->wt = b;
    return 0;
}

/* resize(src, src_u8, out, out_u8, start, stop, h, w, c, passes, norm)
 * passes: one or two (axis, kind, k, n_out, idx, wt) applied in order; norm (if != 1) scales
 * the result (area); out_u8 rounds half to even and saturates (Keras's cast back). */
static PyObject *resize(PyObject *self, PyObject *args) {
    PyObject *so, *oo, *po;
    int su8, ou8;
    ssize start, stop, h, w, ch;
    float norm;
    if (!PyArg_ParseTuple(args, "OpOpnnnnnO!f", &so, &su8, &oo, &ou8, &start, &stop, &h, &w,
                          &ch, &PyTuple_Type, &po, &norm))
        return NULL;
    ssize np_ = PyTuple_GET_SIZE(po);
    if (np_ < 1 || np_ > 2) {
        PyErr_SetString(PyExc_ValueError, "one or two passes");
        return NULL;
    }
    Bufs bs = {.n = 0};
    Pass ps[2];
    for (ssize i = 0; i < np_; i++) {
        if (parse_pass(&bs, PyTuple_GET_ITEM(po, i), &ps[i]) < 0) {
            release(&bs);
            return NULL;
        }
    }
    ssize oh = h, ow = w, mid = 0;
    for (ssize i = 0; i < np_; i++) {
        if (ps[i].axis == 1)
            oh = ps[i].n_out;
        else
            ow = ps[i].n_out;
        if (i == 0) mid = oh * ow * ch;
    }
    ssize img = h * w * ch, oimg = oh * ow * ch;
    void *src, *out;
    if (get(&bs, so, 0, stop * img * (su8 ? 1 : 4), &src) < 0 ||
        get(&bs, oo, 1, stop * oimg * (ou8 ? 1 : 4), &out) < 0) {
        release(&bs);
        return NULL;
    }
    int direct = !ou8 && norm == 1.0f; /* the last pass writes straight into out */
    float *mid_buf = np_ == 2 ? malloc(sizeof(float) * (size_t)mid) : NULL;
    float *fin_buf = direct ? NULL : malloc(sizeof(float) * (size_t)oimg);
    float *rowbuf = malloc(sizeof(float) * (size_t)(w * ch));
    if ((np_ == 2 && !mid_buf) || (!direct && !fin_buf) || !rowbuf) {
        free(mid_buf);
        free(fin_buf);
        free(rowbuf);
        release(&bs);
        return PyErr_NoMemory();
    }
    Py_BEGIN_ALLOW_THREADS
    for (ssize i = start; i < stop; i++) {
        float *dst = direct ? (float *)out + i * oimg : fin_buf;
        const void *s = su8 ? (const void *)((const uint8_t *)src + i * img)
                            : (const void *)((const float *)src + i * img);
        float *first = np_ == 2 ? mid_buf : dst;
        if (su8)
            resize_pass_u8(s, h, w, ch, ps[0].axis, ps[0].kind, ps[0].k, ps[0].n_out, ps[0].idx,
                           ps[0].wt, first, rowbuf);
        else
            resize_pass_f32(s, h, w, ch, ps[0].axis, ps[0].kind, ps[0].k, ps[0].n_out,
                            ps[0].idx, ps[0].wt, first, rowbuf);
        if (np_ == 2) {
            ssize mh = ps[0].axis == 1 ? ps[0].n_out : h, mw = ps[0].axis == 2 ? ps[0].n_out : w;
            resize_pass_f32(mid_buf, mh, mw, ch, ps[1].axis, ps[1].kind, ps[1].k, ps[1].n_out,
                            ps[1].idx, ps[1].wt, dst, rowbuf);
        }
        if (!direct) {
            if (norm != 1.0f)
                for (ssize j = 0; j < oimg; j++) fin_buf[j] *= norm;
            if (ou8) {
                floats_to_u8(fin_buf, (uint8_t *)out + i * oimg, oimg);
            } else {
                memcpy((float *)out + i * oimg, fin_buf, sizeof(float) * (size_t)oimg);
            }
        }
    }
    Py_END_ALLOW_THREADS
    free(mid_buf);
    free(fin_buf);
    free(rowbuf);
    release(&bs);
    Py_RETURN_NONE;
}

/* Separable blur (_pointwise.gaussian_blur) ------------------------------------------------ */

/* Zero-padded "same" correlation: acc = 0, then acc += v_j * w_j for every tap j, along the
 * columns into tmp, then along the rows; clipped to [lo, hi]. NumPy adds 0 * w_j for a tap off
 * the image: skipping it changes nothing, as acc starts at +0 and the weights are positive (acc
 * is never -0, and acc + 0 == acc). The loops run over whole rows so that they vectorise. */
INLINE void blur_row(const void *src, int u8, ssize y, ssize w, ssize ch, ssize kx,
                     const float *wx, float *rowf, float *restrict t) {
    const ssize bx = (kx - 1) / 2, row = w * ch;
    const float *r;
    if (u8) { /* one conversion of the row, then the taps on floats */
        const uint8_t *p = (const uint8_t *)src + y * row;
        for (ssize e = 0; e < row; e++) rowf[e] = (float)p[e];
        r = rowf;
    } else {
        r = (const float *)src + y * row;
    }
    if (kx == 3 && row > 2 * ch) { /* the default size: one fused pass, edges apart */
        const float g0 = wx[0], g1 = wx[1], g2 = wx[2];
        for (ssize e = ch; e < row - ch; e++)
            t[e] = ((0.0f + r[e - ch] * g0) + r[e] * g1) + r[e + ch] * g2;
        for (ssize e = 0; e < ch; e++) {
            t[e] = (0.0f + r[e] * g1) + r[e + ch] * g2;
            t[row - ch + e] = (0.0f + r[row - 2 * ch + e] * g0) + r[row - ch + e] * g1;
        }
        return;
    }
    for (ssize e = 0; e < row; e++) t[e] = 0.0f;
    for (ssize j = 0; j < kx; j++) {
        const ssize d = (j - bx) * ch; /* source offset of this tap */
        const ssize e0 = d < 0 ? -d : 0, e1 = d > 0 ? row - d : row;
        const float g = wx[j];
        for (ssize e = e0; e < e1; e++) t[e] += r[e + d] * g;
    }
}

/* The column pass reads the row-pass results from a ring of ky rows, filled as the output
 * rows advance: the working set stays in the L1 cache. */
INLINE void blur_image(const void *src, int u8, ssize h, ssize w, ssize ch, ssize kx,
                       const float *wx, ssize ky, const float *wy, float *ring, float *acc,
                       float *rowf, float lo, float hi, int clip, float *out_f, uint8_t *out_u) {
    const ssize by = (ky - 1) / 2, row = w * ch;
    ssize next = 0; /* the next input row to pass along the columns */
    for (ssize y = 0; y < h; y++) {
        ssize need = y + ky - 1 - by;
        if (need > h - 1) need = h - 1;
        for (; next <= need; next++)
            blur_row(src, u8, next, w, ch, kx, wx, rowf, ring + (next % ky) * row);
        if (ky == 3 && y >= 1 && y + 1 < h) { /* the default size: one fused pass */
            const float *t0 = ring + ((y - 1) % 3) * row, *t1 = ring + (y % 3) * row;
            const float *t2 = ring + ((y + 1) % 3) * row;
            const float g0 = wy[0], g1 = wy[1], g2 = wy[2];
            for (ssize e = 0; e < row; e++)
                acc[e] = ((0.0f + t0[e] * g0) + t1[e] * g1) + t2[e] * g2;
        } else {
            for (ssize e = 0; e < row; e++) acc[e] = 0.0f;
            for (ssize j = 0; j < ky; j++) {
                const ssize yy = y + j - by;
                if (yy < 0 || yy >= h) continue;
                const float *restrict t = ring + (yy % ky) * row;
                const float g = wy[j];
                for (ssize e = 0; e < row; e++) acc[e] += t[e] * g;
            }
        }
        if (clip)
            for (ssize e = 0; e < row; e++) { /* np.clip: NaN stays NaN */
                float v = acc[e] < lo ? lo : acc[e];
                acc[e] = v > hi ? hi : v;
            }
        if (out_f)
            memcpy(out_f + y * row, acc, sizeof(float) * (size_t)row);
        else
            floats_to_u8(acc, out_u + y * row, row);
    }
}

static void blur_u8(const void *s, ssize h, ssize w, ssize c, ssize kx, const float *wx, ssize ky,
                    const float *wy, float *ring, float *acc, float *rowf, float lo, float hi,
                    int clip, float *of, uint8_t *ou) {
    blur_image(s, 1, h, w, c, kx, wx, ky, wy, ring, acc, rowf, lo, hi, clip, of, ou);
}

static void blur_f32(const void *s, ssize h, ssize w, ssize c, ssize kx, const float *wx,
                     ssize ky, const float *wy, float *ring, float *acc, float *rowf, float lo,
                     float hi, int clip, float *of, uint8_t *ou) {
    blur_image(s, 0, h, w, c, kx, wx, ky, wy, ring, acc, rowf, lo, hi, clip, of, ou);
}

/* blur(src, src_u8, out, out_u8, start, stop, h, w, c, kx, wx, ky, wy, clip, lo, hi)
 * wx: (n, kx) and wy: (n, ky) float32 weights, one row per image. */
static PyObject *blur(PyObject *self, PyObject *args) {
    PyObject *so, *oo, *xo, *yo;
    int su8, ou8, clip;
    ssize start, stop, h, w, ch, kx, ky;
    float lo, hi;
    if (!PyArg_ParseTuple(args, "OpOpnnnnnnOnOpff", &so, &su8, &oo, &ou8, &start, &stop, &h, &w,
                          &ch, &kx, &xo, &ky, &yo, &clip, &lo, &hi))
        return NULL;
    Bufs bs = {.n = 0};
    void *src, *out, *wx, *wy;
    ssize img = h * w * ch;
    if (get(&bs, so, 0, stop * img * (su8 ? 1 : 4), &src) < 0 ||
        get(&bs, oo, 1, stop * img * (ou8 ? 1 : 4), &out) < 0 ||
        get(&bs, xo, 0, stop * kx * 4, &wx) < 0 || get(&bs, yo, 0, stop * ky * 4, &wy) < 0) {
        release(&bs);
        return NULL;
    }
    float *tmp = malloc(sizeof(float) * (size_t)((ky + 2) * w * ch));
    float *acc = tmp + ky * w * ch, *rowf = acc + w * ch;
    if (!tmp) {
        release(&bs);
        return PyErr_NoMemory();
    }
    Py_BEGIN_ALLOW_THREADS
    for (ssize i = start; i < stop; i++) {
        float *of = ou8 ? NULL : (float *)out + i * img;
        uint8_t *ou = ou8 ? (uint8_t *)out + i * img : NULL;
        const float *x = (const float *)wx + i * kx, *y = (const float *)wy + i * ky;
        if (su8)
            blur_u8((const uint8_t *)src + i * img, h, w, ch, kx, x, ky, y, tmp, acc, rowf, lo, hi,
                    clip, of, ou);
        else
            blur_f32((const float *)src + i * img, h, w, ch, kx, x, ky, y, tmp, acc, rowf, lo, hi,
                     clip, of, ou);
    }
    Py_END_ALLOW_THREADS
    free(tmp);
    release(&bs);
    Py_RETURN_NONE;
}

/* Window copies: crop and flip, cast to float32 ---------------------------------------------- */

INLINE void window_image(const void *src, int u8, ssize w, ssize ch, ssize oh, ssize ow,
                         ssize top, ssize left, int hflip, int vflip, float *out) {
    for (ssize r = 0; r < oh; r++) {
        const ssize sy = vflip ? top + oh - 1 - r : top + r;
        const ssize s = (sy * w + left) * ch;
        float *o = out + r * ow * ch;
        if (!hflip) {
            if (u8) {
                const uint8_t *p = (const uint8_t *)src + s;
                for (ssize j = 0; j < ow * ch; j++) o[j] = (float)p[j];
            } else {
                memcpy(o, (const float *)src + s, sizeof(float) * (size_t)(ow * ch));
            }
        } else if (ch == 3) {
            for (ssize x = 0; x < ow; x++) {
                const ssize p = s + (ow - 1 - x) * 3;
                o[3 * x] = ld(src, p, u8);
                o[3 * x + 1] = ld(src, p + 1, u8);
                o[3 * x + 2] = ld(src, p + 2, u8);
            }
        } else {
            for (ssize x = 0; x < ow; x++) {
                const ssize p = s + (ow - 1 - x) * ch;
                for (ssize c = 0; c < ch; c++) o[x * ch + c] = ld(src, p + c, u8);
            }
        }
    }
}

/* window(src, src_u8, out, start, stop, h, w, c, oh, ow, tops, lefts, hflips, vflips)
 * tops/lefts int64 and hflips/vflips uint8, one per image. */
static PyObject *window(PyObject *self, PyObject *args) {
    PyObject *so, *oo, *to, *lo_, *ho, *vo;
    int su8;
    ssize start, stop, h, w, ch, oh, ow;
    if (!PyArg_ParseTuple(args, "OpOnnnnnnnOOOO", &so, &su8, &oo, &start, &stop, &h, &w, &ch, &oh,
                          &ow, &to, &lo_, &ho, &vo))
        return NULL;
    Bufs bs = {.n = 0};
    void *src, *out, *tops, *lefts, *hf, *vf;
    ssize img = h * w * ch, oimg = oh * ow * ch;
    if (get(&bs, so, 0, stop * img * (su8 ? 1 : 4), &src) < 0 ||
        get(&bs, oo, 1, stop * oimg * 4, &out) < 0 || get(&bs, to, 0, stop * 8, &tops) < 0 ||
        get(&bs, lo_, 0, stop * 8, &lefts) < 0 || get(&bs, ho, 0, stop, &hf) < 0 ||
        get(&bs, vo, 0, stop, &vf) < 0) {
        release(&bs);
        return NULL;
    }
    for (ssize i = start; i < stop; i++) {
        int64_t t = ((int64_t *)tops)[i], l = ((int64_t *)lefts)[i];
        if (t < 0 || l < 0 || t + oh > h || l + ow > w) {
            release(&bs);
            PyErr_SetString(PyExc_ValueError, "window outside the image");
            return NULL;
        }
    }
    Py_BEGIN_ALLOW_THREADS
    for (ssize i = start; i < stop; i++) {
        const void *s = su8 ? (const void *)((const uint8_t *)src + i * img)
                            : (const void *)((const float *)src + i * img);
        window_image(s, su8, w, ch, oh, ow, ((int64_t *)tops)[i], ((int64_t *)lefts)[i],
                     ((uint8_t *)hf)[i], ((uint8_t *)vf)[i], (float *)out + i * oimg);
    }
    Py_END_ALLOW_THREADS
    release(&bs);
    Py_RETURN_NONE;
}

/* Lookup tables: out[i, p, c] = luts[i, c, src[i, p, c]] for uint8 images ------------------ */

/* lut(src, out, start, stop, pixels, c, luts) */
static PyObject *lut(PyObject *self, PyObject *args) {
    PyObject *so, *oo, *lo_;
    ssize start, stop, pix, ch;
    if (!PyArg_ParseTuple(args, "OOnnnnO", &so, &oo, &start, &stop, &pix, &ch, &lo_)) return NULL;
    Bufs bs = {.n = 0};
    void *src, *out, *luts;
    ssize img = pix * ch;
    if (get(&bs, so, 0, stop * img, &src) < 0 || get(&bs, oo, 1, stop * img, &out) < 0 ||
        get(&bs, lo_, 0, stop * ch * 256, &luts) < 0) {
        release(&bs);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    for (ssize i = start; i < stop; i++) {
        const uint8_t *s = (const uint8_t *)src + i * img;
        uint8_t *o = (uint8_t *)out + i * img;
        const uint8_t *t = (const uint8_t *)luts + i * ch * 256;
        if (ch == 3) {
            for (ssize p = 0; p < pix; p++) {
                o[3 * p] = t[s[3 * p]];
                o[3 * p + 1] = t[256 + s[3 * p + 1]];
                o[3 * p + 2] = t[512 + s[3 * p + 2]];
            }
        } else {
            for (ssize p = 0; p < pix; p++)
                for (ssize c = 0; c < ch; c++) o[p * ch + c] = t[c * 256 + s[p * ch + c]];
        }
    }
    Py_END_ALLOW_THREADS
    release(&bs);
    Py_RETURN_NONE;
}

/* contrast_u8(src, out, start, stop, pixels, c, factors, clip, lo, hi): RandomContrast on
 * uint8 images, image by image (the second read of an image hits the cache): exact channel
 * sums, then per channel the table of the 256 values computed with the float32 operations of
 * _color._contrast_uint8 (mean = sum / pixels, bias = mean * (1 - f), v * f + bias, clip,
 * round half to even, saturate), then the lookups. */
static PyObject *contrast_u8(PyObject *self, PyObject *args) {
    PyObject *so, *oo, *fo;
    ssize start, stop, pix, ch;
    int clip;
    float lo, hi;
    if (!PyArg_ParseTuple(args, "OOnnnnOpff", &so, &oo, &start, &stop, &pix, &ch, &fo, &clip, &lo,
                          &hi))
        return NULL;
    if (ch < 1 || ch > 64) {
        PyErr_SetString(PyExc_ValueError, "1 to 64 channels");
        return NULL;
    }
    Bufs bs = {.n = 0};
    void *src, *out, *fac;
    ssize img = pix * ch;
    if (get(&bs, so, 0, stop * img, &src) < 0 || get(&bs, oo, 1, stop * img, &out) < 0 ||
        get(&bs, fo, 0, stop * 4, &fac) < 0) {
        release(&bs);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    uint8_t lut[64 * 256];
    float vals[256];
    for (ssize i = start; i < stop; i++) {
        const uint8_t *s = (const uint8_t *)src + i * img;
        uint8_t *o = (uint8_t *)out + i * img;
        uint64_t acc[64] = {0};
        if (ch == 3) {
            for (ssize p0 = 0; p0 < pix; p0 += 1 << 24) {
                ssize p1 = p0 + (1 << 24) < pix ? p0 + (1 << 24) : pix;
                uint32_t a0 = 0, a1 = 0, a2 = 0;
                for (ssize p = p0; p < p1; p++) {
                    a0 += s[3 * p];
                    a1 += s[3 * p + 1];
                    a2 += s[3 * p + 2];
                }
                acc[0] += a0;
                acc[1] += a1;
                acc[2] += a2;
            }
        } else {
            for (ssize p = 0; p < pix; p++)
                for (ssize c = 0; c < ch; c++) acc[c] += s[p * ch + c];
        }
        const float f = ((const float *)fac)[i], one_minus = 1.0f - f;
        for (ssize c = 0; c < ch; c++) {
            const float mean = (float)acc[c] / (float)pix;
            const float bias = mean * one_minus;
            for (int v = 0; v < 256; v++) {
                float t = (float)v * f + bias;
                if (clip) {
                    t = t < lo ? lo : t;
                    t = t > hi ? hi : t;
                }
                vals[v] = t;
            }
            floats_to_u8(vals, lut + c * 256, 256);
        }
        if (ch == 3) {
            for (ssize p = 0; p < pix; p++) {
                o[3 * p] = lut[s[3 * p]];
                o[3 * p + 1] = lut[256 + s[3 * p + 1]];
                o[3 * p + 2] = lut[512 + s[3 * p + 2]];
            }
        } else {
            for (ssize p = 0; p < pix; p++)
                for (ssize c = 0; c < ch; c++) o[p * ch + c] = lut[c * 256 + s[p * ch + c]];
        }
    }
    Py_END_ALLOW_THREADS
    release(&bs);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"contrast_u8", contrast_u8, METH_VARARGS, "RandomContrast of uint8 images."},
    {"affine", affine, METH_VARARGS, "Projective warp of images [start, stop)."},
    {"resize", resize, METH_VARARGS, "Separable resize of images [start, stop)."},
    {"blur", blur, METH_VARARGS, "Separable zero-padded blur of images [start, stop)."},
    {"window", window, METH_VARARGS, "Crop/flip window copies to float32."},
    {"lut", lut, METH_VARARGS, "Per-image, per-channel uint8 lookup tables."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_imagekernel",
                                       "Optional compiled image kernels (see _ckernel.py).", -1,
                                       methods};

PyMODINIT_FUNC PyInit__imagekernel(void) { return PyModule_Create(&moduledef); }
