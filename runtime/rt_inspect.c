/* rt_inspect.c — console.log formatting, as Node.js 20's util.inspect
 * prints values (depth 2, breakLength 80, compact 3, at most 100 array
 * items), and util.format's %s %d %i %f %j %o %O %c %% directives.
 *
 * The layout rules reproduce Node's observable behaviour: an object's
 * entries go on one line when `entries + start + their lengths` stay within
 * breakLength (start = entries + indentation + opening brace + prefix + 10)
 * and the innermost nesting below it is less than `compact` levels deep;
 * arrays of more than six short items are grouped into aligned columns
 * (about 2.5 characters high per character wide, at most 15 columns, numbers
 * right-aligned). Strings are quoted with ', then ", then ` — whichever
 * needs no escaping. util.format lives in rt_builtins_console.c. Entry lengths count UTF-16 code units except in column
 * alignment, which counts display width (wide East Asian characters as 2).
 */
#include <math.h>
#include <stdlib.h>
#include "rt_builtins.h"

#define INSPECT_MAX_ARRAY 100
#define INSPECT_MIN_LINE_WIDTH 16

typedef struct OutList {
    StrBuf *v;
    size_t n, cap;
} OutList;

typedef struct Insp {
    Runtime *rt;
    int indent;
    int current_depth;
    int depth;             /* objects nested deeper print as [Object] */
    int break_length;
    int compact;
    bool show_hidden;
    ValueArray *seen;      /* stack of objects being formatted (cycle detection) */
    uint32_t seen_n;
    ValueArray *circular;  /* objects that are referenced circularly; index+1 is the ref number */
    uint32_t circular_n;
} Insp;

enum { K_OBJECT, K_ARRAY, K_ARRAY_EXTRAS };

static int format_value(Insp *c, Value v, int recurse, StrBuf *out, bool top);

/* ---- small utilities ---------------------------------------------------------------- */

static StrBuf *ol_push(OutList *l) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        StrBuf *nv = realloc(l->v, cap * sizeof *nv);
        if (!nv) return NULL;
        l->v = nv;
        l->cap = cap;
    }
    sb_init(&l->v[l->n]);
    return &l->v[l->n++];
}

static void ol_free(OutList *l) {
    for (size_t i = 0; i < l->n; i++) sb_free(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static void values_push(Runtime *rt, ValueArray **arr, uint32_t *n, Value v) {
    if (!*arr || *n == (*arr)->capacity) {
        uint32_t cap = *arr ? (*arr)->capacity * 2 : 16;
        ValueArray *na = rt_values_new(rt, cap);
        for (uint32_t i = 0; i < *n; i++) na->v[i] = (*arr)->v[i];
        *arr = na;
    }
    (*arr)->v[(*n)++] = v;
}

static bool str_has(const uint16_t *s, uint32_t len, uint16_t c) {
    for (uint32_t i = 0; i < len; i++) if (s[i] == c) return true;
    return false;
}

static bool str_has_dollar_brace(const uint16_t *s, uint32_t len) {
    for (uint32_t i = 0; i + 1 < len; i++) if (s[i] == '$' && s[i + 1] == '{') return true;
    return false;
}

/* Display width of a code point (Node's getStringWidth: East Asian wide and
 * fullwidth characters take two columns, combining marks none). */
static int cp_width(uint32_t cp) {
    if (cp < 32 || (cp >= 0x7F && cp < 0xA0)) return 0;
    if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x20D0 && cp <= 0x20FF)) return 0;
    if (cp >= 0x1100 &&
        (cp <= 0x115F || cp == 0x2329 || cp == 0x232A ||
         (cp >= 0x2E80 && cp <= 0x3247 && cp != 0x303F) ||
         (cp >= 0x3250 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0xA4C6) ||
         (cp >= 0xA960 && cp <= 0xA97C) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19) ||
         (cp >= 0xFE30 && cp <= 0xFE6B) || (cp >= 0xFF01 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1B000 && cp <= 0x1B001) ||
         (cp >= 0x1F200 && cp <= 0x1F251) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F680 && cp <= 0x1F6FF) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
         (cp >= 0x20000 && cp <= 0x3FFFD)))
        return 2;
    return 1;
}

static size_t sb_width(const StrBuf *sb) {
    size_t w = 0;
    for (size_t i = 0; i < sb->len; i++) {
        uint32_t c = sb->b[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < sb->len && sb->b[i + 1] >= 0xDC00 && sb->b[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (sb->b[i + 1] - 0xDC00);
            i++;
        }
        w += (size_t)cp_width(c);
    }
    return w;
}

/* ---- strings ----------------------------------------------------------------------- */

/* Quotes and escapes a string the way Node's strEscape does. */
static void str_escape(StrBuf *out, const uint16_t *s, uint32_t len) {
    uint16_t quote = '\'';
    if (str_has(s, len, '\'')) {
        if (!str_has(s, len, '"')) quote = '"';
        else if (!str_has(s, len, '`') && !str_has_dollar_brace(s, len)) quote = '`';
    }
    sb_putc(out, quote);
    for (uint32_t i = 0; i < len; i++) {
        uint16_t c = s[i];
        if (c == quote && quote == '\'') { sb_puts(out, "\\'"); continue; }
        if (c == '\\') { sb_puts(out, "\\\\"); continue; }
        if (c < 32 || (c > 126 && c < 160)) {
            switch (c) {
            case '\b': sb_puts(out, "\\b"); break;
            case '\t': sb_puts(out, "\\t"); break;
            case '\n': sb_puts(out, "\\n"); break;
            case '\f': sb_puts(out, "\\f"); break;
            case '\r': sb_puts(out, "\\r"); break;
            default: sb_printf(out, "\\x%02X", c); break;
            }
            continue;
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && i + 1 < len && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
                sb_putc(out, c);
                sb_putc(out, s[++i]);
                continue;
            }
            sb_printf(out, "\\u%x", c);
            continue;
        }
        sb_putc(out, c);
    }
    sb_putc(out, quote);
}

static void format_string(Insp *c, Value v, StrBuf *out) {
    JSString *s = rt_as_string(v);
    if (s->len > INSPECT_MIN_LINE_WIDTH && (int64_t)s->len > c->break_length - c->indent - 4) {
        /* Long strings are split after each newline: 'line\n' +\n  'next'. */
        uint32_t start = 0;
        while (start < s->len) {
            uint32_t end = start;
            while (end < s->len && s->chars[end] != '\n') end++;
            if (end < s->len) end++;
            if (start) {
                sb_puts(out, " +\n");
                sb_repeat(out, ' ', (size_t)c->indent + 2);
            }
            str_escape(out, s->chars + start, end - start);
            start = end;
        }
        return;
    }
    str_escape(out, s->chars, s->len);
}

void rt_inspect_number(StrBuf *out, Value v) {
    double d = rt_to_double_unchecked(v);
    if (d == 0 && signbit(d)) { sb_puts(out, "-0"); return; }
    char buf[40];
    rt_double_to_cstr(d, buf);
    sb_puts(out, buf);
}

void rt_inspect_symbol(StrBuf *out, Value sym) {
    JSSymbol *s = rt_as_ptr(sym);
    sb_puts(out, "Symbol(");
    if (rt_is_string(s->description)) sb_putstr(out, s->description);
    sb_putc(out, ')');
}

static int format_primitive(Insp *c, Value v, StrBuf *out) {
    if (rt_is_number(v)) rt_inspect_number(out, v);
    else if (rt_is_string(v)) format_string(c, v, out);
    else if (v == RT_TRUE) sb_puts(out, "true");
    else if (v == RT_FALSE) sb_puts(out, "false");
    else if (v == RT_NULL) sb_puts(out, "null");
    else if (rt_is_symbol(v)) rt_inspect_symbol(out, v);
    else sb_puts(out, "undefined");
    return 0;
}

/* ---- keys and names ------------------------------------------------------------------ */

static bool is_ident_key(JSString *s) {
    if (s->len == 0) return false;
    for (uint32_t i = 0; i < s->len; i++) {
        uint16_t ch = s->chars[i];
        bool alpha = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
        if (!alpha && !(i > 0 && ch >= '0' && ch <= '9')) return false;
    }
    return true;
}

/* Own keys to show: enumerable string keys then enumerable symbols (all with showHidden). */
static JSObject *get_keys(Insp *c, JSObject *o) {
    int flags = RT_KEYS_STRINGS | RT_KEYS_SYMBOLS | (c->show_hidden ? 0 : RT_KEYS_ENUMERABLE_ONLY);
    return rt_own_keys(c->rt, o, flags);
}

static Value key_at(Runtime *rt, JSObject *keys, uint32_t i) {
    return rt_get_index(rt, rt_ptr(keys), i);
}

/* The name Node calls the constructor: the first `constructor` own data
 * property along the prototype chain that names a function of which the
 * value is an instance. RT_NULL for a null-prototype chain. */
static Value constructor_name(Insp *c, JSObject *o, int recurse, int *err);

static const char *class_builtin_name(JSObject *o) {
    switch ((ObjectClass)o->cls) {
    case CLS_ARRAY: return "Array";
    case CLS_FUNCTION: case CLS_NATIVE: case CLS_BOUND: return "Function";
    case CLS_ERROR: return "Error";
    case CLS_BOOLEAN: return "Boolean";
    case CLS_NUMBER: return "Number";
    case CLS_STRING: return "String";
    case CLS_SYMBOL: return "Symbol";
    case CLS_DATE: return "Date";
    default: return "Object";
    }
}

static int inspect_into(Insp *parent, Value v, int depth, StrBuf *out);

static Value constructor_name(Insp *c, JSObject *o, int recurse, int *err) {
    Runtime *rt = c->rt;
    JSObject *cur = o;
    Value first_proto = RT_HOLE;
    int guard = 0;
    while (cur && guard++ < 10000) {
        PropDesc d;
        int f = rt_get_own_desc(rt, cur, rt_atom(rt, ATOM_constructor), &d);
        if (f < 0) { *err = 1; return RT_NULL; }
        if (f && !(d.attrs & PROP_ACCESSOR) && rt_is_callable(d.value)) {
            Value name = rt_get(rt, d.value, rt_atom(rt, ATOM_name));
            if (rt_is_exception(name)) { *err = 1; return RT_NULL; }
            if (!rt_is_string(name) || rt_as_string(name)->len != 0) {
                int inst = rt_instance_of(rt, rt_ptr(o), d.value);
                if (inst < 0) { rt_take_exception(rt); inst = 0; }
                if (inst) {
                    if (!rt_is_string(name)) {
                        name = rt_to_string(rt, name);
                        if (rt_is_exception(name)) { *err = 1; return RT_NULL; }
                    }
                    return name;
                }
            }
        }
        Value p = rt_get_prototype_of(rt, cur);
        if (rt_is_exception(p)) { *err = 1; return RT_NULL; }
        if (first_proto == RT_HOLE) first_proto = p;
        cur = rt_is_object(p) ? rt_as_object(p) : NULL;
    }
    if (first_proto == RT_NULL || first_proto == RT_HOLE) return RT_NULL;
    /* "Object <Proto>" for chains that name no constructor. */
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, class_builtin_name(o));
    if (recurse > c->depth) {
        sb_puts(&sb, " <Complex prototype>");
    } else {
        Value pc = constructor_name(c, rt_as_object(first_proto), recurse + 1, err);
        if (*err) { sb_free(&sb); return RT_NULL; }
        sb_puts(&sb, " <");
        if (rt_is_null(pc)) {
            if (inspect_into(c, first_proto, -1, &sb) < 0) { *err = 1; sb_free(&sb); return RT_NULL; }
        } else {
            sb_putstr(&sb, pc);
        }
        sb_putc(&sb, '>');
    }
    Value r = sb_finish(rt, &sb);
    if (rt_is_exception(r)) { *err = 1; return RT_NULL; }
    return r;
}

/* Node's getPrefix: "Ctor [tag] ", "[fallback: null prototype] ", … */
static void put_prefix(StrBuf *sb, Value ctor, Value tag, const char *fallback, const char *size) {
    bool has_tag = rt_is_string(tag) && rt_as_string(tag)->len > 0;
    if (rt_is_null(ctor)) {
        sb_printf(sb, "[%s%s: null prototype] ", fallback, size);
        if (has_tag && !rt_string_equals_cstr(tag, fallback)) {
            sb->len--;
            sb_putc(sb, ' ');
            sb_putc(sb, '[');
            sb_putstr(sb, tag);
            sb_puts(sb, "] ");
        }
        return;
    }
    sb_putstr(sb, ctor);
    sb_puts(sb, size);
    sb_putc(sb, ' ');
    if (has_tag && !rt_string_equal(rt_as_string(tag), rt_as_string(ctor))) {
        sb_putc(sb, '[');
        sb_putstr(sb, tag);
        sb_puts(sb, "] ");
    }
}

/* ---- properties ---------------------------------------------------------------------- */

static int format_property(Insp *c, JSObject *o, int recurse, Value key, int type, StrBuf *out) {
    Runtime *rt = c->rt;
    Value pkey = rt_is_symbol(key) ? key : rt_to_property_key(rt, key);
    if (rt_is_exception(pkey)) return -1;
    PropDesc d;
    int f = rt_get_own_desc(rt, o, pkey, &d);
    if (f < 0) return -1;
    if (!f) {
        d.attrs = PROP_ENUMERABLE;
        d.value = rt_get(rt, rt_ptr(o), pkey);
        if (rt_is_exception(d.value)) return -1;
    }
    StrBuf str;
    sb_init(&str);
    if (!(d.attrs & PROP_ACCESSOR)) {
        c->indent += 2;
        int r = format_value(c, d.value, recurse, &str, false);
        c->indent -= 2;
        if (r < 0) { sb_free(&str); return -1; }
    } else if (!rt_is_undefined(d.getter)) {
        sb_puts(&str, rt_is_undefined(d.setter) ? "[Getter]" : "[Getter/Setter]");
    } else if (!rt_is_undefined(d.setter)) {
        sb_puts(&str, "[Setter]");
    } else {
        sb_puts(&str, "undefined");
    }
    if (type == K_ARRAY) {
        sb_put16(out, str.b, str.len);
        sb_free(&str);
        return 0;
    }
    if (rt_is_symbol(key)) {
        sb_putc(out, '[');
        StrBuf tmp;
        sb_init(&tmp);
        rt_inspect_symbol(&tmp, key);
        sb_put16(out, tmp.b, tmp.len);
        sb_free(&tmp);
        sb_putc(out, ']');
    } else {
        Value ks = rt_is_string(key) ? key : rt_key_to_string(rt, key);
        JSString *s = rt_as_string(ks);
        if (rt_string_equals_cstr(ks, "__proto__")) {
            sb_puts(out, "['__proto__']");
        } else if (!(d.attrs & PROP_ENUMERABLE)) {
            sb_putc(out, '[');
            sb_putstr(out, ks);
            sb_putc(out, ']');
        } else if (is_ident_key(s)) {
            sb_putstr(out, ks);
        } else {
            str_escape(out, s->chars, s->len);
        }
    }
    sb_puts(out, ": ");
    sb_put16(out, str.b, str.len);
    sb_free(&str);
    return 0;
}

/* ---- arrays ---------------------------------------------------------------------------- */

static bool is_canonical_index(JSString *s) {
    if (s->len == 0 || s->len > 10) return false;
    if (s->chars[0] == '0') return s->len == 1;
    for (uint32_t i = 0; i < s->len; i++) if (s->chars[i] < '0' || s->chars[i] > '9') return false;
    return true;
}

static void push_empty_items(OutList *ol, double n) {
    StrBuf *e = ol_push(ol);
    if (!e) return;
    sb_printf(e, "<%.0f empty item%s>", n, n > 1 ? "s" : "");
}

static void push_more_items(OutList *ol, double n) {
    StrBuf *e = ol_push(ol);
    if (!e) return;
    sb_printf(e, "... %.0f more item%s", n, n > 1 ? "s" : "");
}

static int format_array(Insp *c, JSObject *a, int recurse, OutList *ol) {
    Runtime *rt = c->rt;
    double vlen = a->length;
    uint32_t len = vlen < INSPECT_MAX_ARRAY ? (uint32_t)vlen : INSPECT_MAX_ARRAY;
    for (uint32_t i = 0; i < len; i++) {
        int has = rt_has_own_property(rt, a, rt_int((int32_t)i));
        if (has < 0) return -1;
        if (!has) {
            /* Sparse from here: walk the enumerable index keys (formatSpecialArray). */
            JSObject *keys = rt_own_keys(rt, a, RT_KEYS_STRINGS | RT_KEYS_ENUMERABLE_ONLY);
            if (!keys) return -1;
            double index = i;
            uint32_t nkeys = keys->length;
            for (uint32_t k = i; k < nkeys && ol->n < len; k++) {
                Value key = key_at(rt, keys, k);
                if (rt_is_exception(key)) return -1;
                JSString *ks = rt_as_string(rt_is_string(key) ? key : rt_key_to_string(rt, key));
                if (!is_canonical_index(ks)) break;
                double t = rt_string_to_number(ks);
                if (t > 4294967294.0) break;
                if (t != index) {
                    push_empty_items(ol, t - index);
                    index = t;
                    if (ol->n == len) break;
                }
                StrBuf *e = ol_push(ol);
                if (!e || format_property(c, a, recurse, key, K_ARRAY, e) < 0) return -1;
                index++;
            }
            double remaining = vlen - index;
            if (ol->n != len) {
                if (remaining > 0) push_empty_items(ol, remaining);
            } else if (remaining > 0) {
                push_more_items(ol, remaining);
            }
            return 0;
        }
        StrBuf *e = ol_push(ol);
        if (!e || format_property(c, a, recurse, rt_int((int32_t)i), K_ARRAY, e) < 0) return -1;
    }
    if (vlen > len) push_more_items(ol, vlen - len);
    return 0;
}

/* Node's groupArrayElements: short items of long arrays in aligned columns. */
static void group_array_elements(Insp *c, OutList *ol, JSObject *value) {
    size_t total = 0, maxlen = 0;
    size_t outlen = ol->n;
    if (ol->n > INSPECT_MAX_ARRAY) outlen--;  /* leaves "... n more items" out */
    const size_t sep = 2;
    size_t *data_len = malloc((outlen ? outlen : 1) * sizeof(size_t));
    if (!data_len) return;
    for (size_t i = 0; i < outlen; i++) {
        size_t len = sb_width(&ol->v[i]);
        data_len[i] = len;
        total += len + sep;
        if (maxlen < len) maxlen = len;
    }
    size_t actual_max = maxlen + sep;
    if (actual_max * 3 + (size_t)c->indent < (size_t)c->break_length &&
        ((double)total / (double)actual_max > 5 || maxlen <= 6)) {
        double approx_char_heights = 2.5, average_bias = sqrt((double)actual_max - (double)total / (double)ol->n);
        double biased_max = fmax((double)actual_max - 3 - average_bias, 1);
        double cols = fmin(fmin(round(sqrt(approx_char_heights * biased_max * (double)outlen) / biased_max),
                                floor((double)(c->break_length - c->indent) / (double)actual_max)),
                           fmin((double)c->compact * 4, 15));
        if (cols <= 1) { free(data_len); return; }
        size_t columns = (size_t)cols;
        size_t *max_line = malloc(columns * sizeof(size_t));
        if (!max_line) { free(data_len); return; }
        for (size_t i = 0; i < columns; i++) {
            size_t line = 0;
            for (size_t j = i; j < outlen; j += columns) if (data_len[j] > line) line = data_len[j];
            max_line[i] = line + sep;
        }
        /* Numbers are right-aligned, anything else left-aligned. */
        bool pad_start = true;
        for (size_t i = 0; i < ol->n && value; i++) {
            Value e = RT_UNDEFINED;
            if (rt_has_own_property(c->rt, value, rt_int((int32_t)i)) > 0) {
                PropDesc d;
                if (rt_get_own_desc(c->rt, value, rt_int((int32_t)i), &d) > 0 && !(d.attrs & PROP_ACCESSOR))
                    e = d.value;
            }
            if (!rt_is_number(e)) { pad_start = false; break; }
        }
        if (!value) pad_start = false;
        OutList tmp = { 0 };
        for (size_t i = 0; i < outlen; i += columns) {
            size_t max = i + columns < outlen ? i + columns : outlen;
            StrBuf *line = ol_push(&tmp);
            if (!line) break;
            size_t j = i;
            for (; j < max - 1; j++) {
                size_t w = data_len[j] + sep;
                size_t target = max_line[j - i];
                if (pad_start) sb_repeat(line, ' ', target > w ? target - w : 0);
                sb_put16(line, ol->v[j].b, ol->v[j].len);
                sb_puts(line, ", ");
                if (!pad_start) sb_repeat(line, ' ', target > w ? target - w : 0);
            }
            if (pad_start) {
                size_t target = max_line[j - i] - sep;
                sb_repeat(line, ' ', target > data_len[j] ? target - data_len[j] : 0);
            }
            sb_put16(line, ol->v[j].b, ol->v[j].len);
        }
        if (outlen < ol->n) {
            StrBuf *more = ol_push(&tmp);
            if (more) sb_put16(more, ol->v[outlen].b, ol->v[outlen].len);
        }
        free(max_line);
        ol_free(ol);
        *ol = tmp;
    }
    free(data_len);
}

/* ---- putting entries together (Node's reduceToSingleString) ---------------------------- */

static bool below_break_length(Insp *c, OutList *ol, size_t start, const StrBuf *base) {
    size_t total = ol->n + start;
    if (total + ol->n > (size_t)c->break_length) return false;
    for (size_t i = 0; i < ol->n; i++) {
        total += ol->v[i].len;
        if (total > (size_t)c->break_length) return false;
    }
    for (size_t i = 0; i < base->len; i++) if (base->b[i] == '\n') return false;
    return true;
}

static void reduce_to_single(Insp *c, OutList *ol, StrBuf *base, const StrBuf *brace0,
                             const char *brace1, int type, int recurse, JSObject *value, StrBuf *out) {
    size_t entries = ol->n;
    if (type == K_ARRAY_EXTRAS && entries > 6) group_array_elements(c, ol, value);
    if (c->current_depth - recurse < c->compact && entries == ol->n) {
        size_t start = ol->n + (size_t)c->indent + brace0->len + base->len + 10;
        if (below_break_length(c, ol, start, base)) {
            bool nl = false;
            for (size_t i = 0; i < ol->n && !nl; i++)
                for (size_t k = 0; k < ol->v[i].len; k++) if (ol->v[i].b[k] == '\n') { nl = true; break; }
            if (!nl) {
                if (base->len) { sb_put16(out, base->b, base->len); sb_putc(out, ' '); }
                sb_put16(out, brace0->b, brace0->len);
                sb_putc(out, ' ');
                for (size_t i = 0; i < ol->n; i++) {
                    if (i) sb_puts(out, ", ");
                    sb_put16(out, ol->v[i].b, ol->v[i].len);
                }
                sb_putc(out, ' ');
                sb_puts(out, brace1);
                return;
            }
        }
    }
    if (base->len) { sb_put16(out, base->b, base->len); sb_putc(out, ' '); }
    sb_put16(out, brace0->b, brace0->len);
    for (size_t i = 0; i < ol->n; i++) {
        if (i) sb_putc(out, ',');
        sb_putc(out, '\n');
        sb_repeat(out, ' ', (size_t)c->indent + 2);
        sb_put16(out, ol->v[i].b, ol->v[i].len);
    }
    sb_putc(out, '\n');
    sb_repeat(out, ' ', (size_t)c->indent);
    sb_puts(out, brace1);
}

/* ---- functions, errors, boxed primitives ------------------------------------------------ */

static bool is_class_ctor(JSObject *o) {
    if (o->cls != CLS_FUNCTION) return false;
    JSFunction *f = (JSFunction *)o;
    return f->bc && (f->bc->flags & BFF_CLASS_CTOR);
}

static int function_base(Insp *c, JSObject *o, Value ctor, Value tag, StrBuf *base) {
    Runtime *rt = c->rt;
    Value fv = rt_ptr(o);
    bool has_tag = rt_is_string(tag) && rt_as_string(tag)->len > 0;
    if (is_class_ctor(o)) {
        Value name = RT_UNDEFINED;
        int own = rt_has_own_property(rt, o, rt_atom(rt, ATOM_name));
        if (own < 0) return -1;
        if (own) {
            name = rt_get(rt, fv, rt_atom(rt, ATOM_name));
            if (rt_is_exception(name)) return -1;
        }
        sb_puts(base, "[class ");
        if (rt_to_boolean(name)) {
            Value ns = rt_to_string(rt, name);
            if (rt_is_exception(ns)) return -1;
            sb_putstr(base, ns);
        } else {
            sb_puts(base, "(anonymous)");
        }
        if (!rt_is_null(ctor) && !rt_string_equals_cstr(ctor, "Function")) {
            sb_puts(base, " [");
            sb_putstr(base, ctor);
            sb_putc(base, ']');
        }
        if (has_tag && (rt_is_null(ctor) || !rt_string_equal(rt_as_string(ctor), rt_as_string(tag)))) {
            sb_puts(base, " [");
            sb_putstr(base, tag);
            sb_putc(base, ']');
        }
        if (!rt_is_null(ctor)) {
            Value sup = rt_get_prototype_of(rt, o);
            if (rt_is_exception(sup)) return -1;
            if (rt_is_object(sup)) {
                Value sn = rt_get(rt, sup, rt_atom(rt, ATOM_name));
                if (rt_is_exception(sn)) return -1;
                if (rt_to_boolean(sn)) {
                    Value ss = rt_to_string(rt, sn);
                    if (rt_is_exception(ss)) return -1;
                    sb_puts(base, " extends ");
                    sb_putstr(base, ss);
                }
            }
        } else {
            sb_puts(base, " extends [null prototype]");
        }
        sb_putc(base, ']');
        return 0;
    }
    sb_puts(base, "[Function");
    if (rt_is_null(ctor)) sb_puts(base, " (null prototype)");
    Value name = rt_get(rt, fv, rt_atom(rt, ATOM_name));
    if (rt_is_exception(name)) return -1;
    if (rt_is_string(name) && rt_as_string(name)->len == 0) {
        sb_puts(base, " (anonymous)");
    } else {
        Value ns = rt_is_symbol(name) ? rt_symbol_descriptive_string(rt, name) : rt_to_string(rt, name);
        if (rt_is_exception(ns)) return -1;
        sb_puts(base, ": ");
        sb_putstr(base, ns);
    }
    sb_putc(base, ']');
    if (!rt_is_null(ctor) && !rt_string_equals_cstr(ctor, "Function")) {
        sb_putc(base, ' ');
        sb_putstr(base, ctor);
    }
    if (has_tag && (rt_is_null(ctor) || !rt_string_equal(rt_as_string(ctor), rt_as_string(tag)))) {
        sb_puts(base, " [");
        sb_putstr(base, tag);
        sb_putc(base, ']');
    }
    return 0;
}

static bool str_contains_value(Value hay, Value needle) {
    if (!rt_is_string(hay) || !rt_is_string(needle)) return false;
    JSString *h = rt_as_string(hay), *n = rt_as_string(needle);
    if (n->len == 0) return true;
    for (uint32_t i = 0; i + n->len <= h->len; i++)
        if (memcmp(h->chars + i, n->chars, n->len * 2) == 0) return true;
    return false;
}

static int64_t sb_index_of(const StrBuf *sb, const uint16_t *n, size_t nlen, size_t from) {
    for (size_t i = from; i + nlen <= sb->len; i++)
        if (memcmp(sb->b + i, n, nlen * 2) == 0) return (int64_t)i;
    return -1;
}

static Value stack_string(Runtime *rt, Value err) {
    Value st = rt_get(rt, err, rt_atom(rt, ATOM_stack));
    if (rt_is_exception(st)) return st;
    if (rt_to_boolean(st)) return rt_to_string(rt, st);
    return rt_error_to_string(rt, err);
}

/* Splits "    at …" lines into an OutList. */
static void split_lines(const uint16_t *s, size_t n, OutList *ol) {
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\n') {
            StrBuf *e = ol_push(ol);
            if (e) sb_put16(e, s + st, i - st);
            st = i + 1;
        }
    }
}

static bool sb_eq(const StrBuf *a, const StrBuf *b) {
    return a->len == b->len && (a->len == 0 || memcmp(a->b, b->b, a->len * 2) == 0);
}

static int format_error(Insp *c, JSObject *o, Value ctor, Value tag, JSObject **keys_io,
                        uint32_t *key_skip, StrBuf *out) {
    Runtime *rt = c->rt;
    Value ev = rt_ptr(o);
    Value name = rt_get(rt, ev, rt_atom(rt, ATOM_name));
    if (rt_is_exception(name)) return -1;
    name = rt_is_nullish(name) ? rt_string_from_cstr(rt, "Error") : rt_to_string(rt, name);
    if (rt_is_exception(name)) return -1;
    Value stack = stack_string(rt, ev);
    if (rt_is_exception(stack)) return -1;
    (void)key_skip;
    /* Hide name/message/stack keys already shown by the stack; add [cause]. */
    JSObject *keys = *keys_io;
    JSObject *nk = rt_array_new(rt, 0);
    bool has_cause_key = false;
    for (uint32_t i = 0; i < keys->length; i++) {
        Value k = key_at(rt, keys, i);
        if (rt_is_exception(k)) return -1;
        if (rt_is_string(k) && (rt_string_equals_cstr(k, "name") || rt_string_equals_cstr(k, "message") ||
                                rt_string_equals_cstr(k, "stack")) && !c->show_hidden) {
            Value pv = rt_get(rt, ev, k);
            if (rt_is_exception(pv)) return -1;
            Value ps = rt_is_string(pv) ? pv : rt_is_symbol(pv) ? RT_UNDEFINED : rt_to_string(rt, pv);
            if (rt_is_exception(ps)) return -1;
            if (str_contains_value(stack, ps)) continue;
        }
        if (rt_is_string(k) && rt_string_equals_cstr(k, "cause")) has_cause_key = true;
        rt_array_push(rt, nk, k);
    }
    int hc = rt_has_property(rt, ev, rt_atom(rt, ATOM_cause));
    if (hc < 0) return -1;
    if (hc && !has_cause_key) rt_array_push(rt, nk, rt_atom(rt, ATOM_cause));
    *keys_io = nk;

    StrBuf st;
    sb_init(&st);
    sb_putstr(&st, stack);
    /* improveStack: name the actual constructor when the stack names a plain Error. */
    JSString *ns = rt_as_string(name);
    size_t len = ns->len;
    bool ends_error = len >= 5 && memcmp(ns->chars + len - 5, u"Error", 10) == 0;
    bool starts = st.len >= len && memcmp(st.b, ns->chars, len * 2) == 0;
    if (rt_is_null(ctor) || (ends_error && starts && (st.len == len || st.b[len] == ':' || st.b[len] == '\n'))) {
        StrBuf prefix;
        sb_init(&prefix);
        put_prefix(&prefix, ctor, tag, "Error", "");
        if (prefix.len) prefix.len--;
        bool same = prefix.len == len && memcmp(prefix.b, ns->chars, len * 2) == 0;
        if (!same && !rt_is_null(ctor)) {
            StrBuf ns2;
            sb_init(&ns2);
            bool includes = sb_index_of(&prefix, ns->chars, len, 0) >= 0;
            sb_put16(&ns2, prefix.b, prefix.len);
            if (!includes) {
                sb_puts(&ns2, " [");
                sb_put16(&ns2, ns->chars, len);
                sb_putc(&ns2, ']');
            }
            sb_put16(&ns2, st.b + len, st.len - len);
            sb_free(&st);
            st = ns2;
        }
        sb_free(&prefix);
    }
    /* Frames start after the message; no frames: [Error: msg]. */
    Value msg = rt_get(rt, ev, rt_atom(rt, ATOM_message));
    if (rt_is_exception(msg)) { sb_free(&st); return -1; }
    int64_t pos = -1;
    if (rt_is_string(msg) && rt_as_string(msg)->len) {
        pos = sb_index_of(&st, rt_as_string(msg)->chars, rt_as_string(msg)->len, 0);
        if (pos == 0) pos = -1;  /* Node's `(indexOf || -1)` treats 0 as absent */
        if (pos != -1) pos += rt_as_string(msg)->len;
    }
    static const uint16_t at_marker[] = { '\n', ' ', ' ', ' ', ' ', 'a', 't' };
    int64_t ss = sb_index_of(&st, at_marker, 7, pos < 0 ? 0 : (size_t)pos);
    StrBuf res;
    sb_init(&res);
    if (ss < 0) {
        sb_putc(&res, '[');
        sb_put16(&res, st.b, st.len);
        sb_putc(&res, ']');
    } else {
        sb_put16(&res, st.b, (size_t)ss);
        OutList frames = { 0 };
        split_lines(st.b + ss + 1, st.len - (size_t)ss - 1, &frames);
        /* Frames shared with the cause's stack collapse into one line. */
        Value cause = rt_get(rt, ev, rt_atom(rt, ATOM_cause));
        if (rt_is_exception(cause)) { rt_take_exception(rt); cause = RT_UNDEFINED; }
        if (rt_is_class(cause, CLS_ERROR)) {
            Value cs = stack_string(rt, cause);
            if (rt_is_exception(cs)) { rt_take_exception(rt); cs = RT_UNDEFINED; }
            if (rt_is_string(cs)) {
                StrBuf cst;
                sb_init(&cst);
                sb_putstr(&cst, cs);
                int64_t cstart = sb_index_of(&cst, at_marker, 7, 0);
                if (cstart >= 0) {
                    OutList cf = { 0 };
                    split_lines(cst.b + cstart + 1, cst.len - (size_t)cstart - 1, &cf);
                    size_t flen = 0, off = 0;
                    for (size_t i = 0; i + 3 < frames.n && !flen; i++) {
                        size_t p;
                        for (p = 0; p < cf.n; p++) if (sb_eq(&cf.v[p], &frames.v[i])) break;
                        if (p == cf.n) continue;
                        size_t rest = cf.n - p;
                        if (rest <= 3) continue;
                        size_t l = 1, maxl = frames.n - i < rest ? frames.n - i : rest;
                        while (maxl > l && sb_eq(&frames.v[i + l], &cf.v[p + l])) l++;
                        if (l > 3) { flen = l; off = i; }
                    }
                    if (flen) {
                        size_t skipped = flen - 2;
                        OutList nf = { 0 };
                        for (size_t i = 0; i < frames.n; i++) {
                            if (i == off + 1) {
                                StrBuf *e = ol_push(&nf);
                                if (e) sb_printf(e, "    ... %zu lines matching cause stack trace ...", skipped);
                                i += skipped - 1;
                                continue;
                            }
                            StrBuf *e = ol_push(&nf);
                            if (e) sb_put16(e, frames.v[i].b, frames.v[i].len);
                        }
                        ol_free(&frames);
                        frames = nf;
                    }
                    ol_free(&cf);
                }
                sb_free(&cst);
            }
        }
        for (size_t i = 0; i < frames.n; i++) {
            sb_putc(&res, '\n');
            sb_put16(&res, frames.v[i].b, frames.v[i].len);
        }
        ol_free(&frames);
    }
    sb_free(&st);
    if (c->indent) {
        for (size_t i = 0; i < res.len; i++) {
            sb_putc(out, res.b[i]);
            if (res.b[i] == '\n') sb_repeat(out, ' ', (size_t)c->indent);
        }
    } else {
        sb_put16(out, res.b, res.len);
    }
    sb_free(&res);
    return 0;
}

static int boxed_base(Insp *c, JSObject *o, Value ctor, Value tag, StrBuf *base) {
    const char *type = o->cls == CLS_NUMBER ? "Number" : o->cls == CLS_STRING ? "String"
                     : o->cls == CLS_BOOLEAN ? "Boolean" : "Symbol";
    sb_printf(base, "[%s", type);
    if (rt_is_null(ctor)) sb_puts(base, " (null prototype)");
    else if (!rt_string_equals_cstr(ctor, type)) {
        sb_puts(base, " (");
        sb_putstr(base, ctor);
        sb_putc(base, ')');
    }
    sb_puts(base, ": ");
    Insp plain = *c;
    plain.indent = 0;
    format_primitive(&plain, ((JSWrapper *)o)->value, base);
    sb_putc(base, ']');
    if (rt_is_string(tag) && rt_as_string(tag)->len &&
        (rt_is_null(ctor) || !rt_string_equal(rt_as_string(tag), rt_as_string(ctor)))) {
        sb_puts(base, " [");
        sb_putstr(base, tag);
        sb_putc(base, ']');
    }
    return 0;
}

/* ---- objects --------------------------------------------------------------------------- */

static int seen_index(Insp *c, Value v) {
    for (uint32_t i = 0; i < c->seen_n; i++) if (c->seen->v[i] == v) return (int)i;
    return -1;
}

static int circular_ref(Insp *c, Value v, bool add) {
    for (uint32_t i = 0; i < c->circular_n; i++) if (c->circular->v[i] == v) return (int)i + 1;
    if (!add) return 0;
    values_push(c->rt, &c->circular, &c->circular_n, v);
    return (int)c->circular_n;
}

static int format_raw(Insp *c, JSObject *o, int recurse, StrBuf *out) {
    Runtime *rt = c->rt;
    Value ov = rt_ptr(o);
    int err = 0;
    Value ctor = constructor_name(c, o, recurse, &err);
    if (err) return -1;
    Value tag = rt_get(rt, ov, rt->intrinsics[INTR_Sym_toStringTag]);
    if (rt_is_exception(tag)) return -1;
    if (rt_is_string(tag) && rt_as_string(tag)->len) {
        PropDesc d;
        int f = rt_get_own_desc(rt, o, rt->intrinsics[INTR_Sym_toStringTag], &d);
        if (f < 0) return -1;
        if (f && (c->show_hidden || (d.attrs & PROP_ENUMERABLE))) tag = RT_UNDEFINED;
    } else {
        tag = RT_UNDEFINED;
    }
    StrBuf base, brace0;
    sb_init(&base);
    sb_init(&brace0);
    const char *brace1 = "}";
    int type = K_OBJECT;
    bool is_array = o->cls == CLS_ARRAY;
    JSObject *keys;
    int rc = -1;
    OutList ol = { 0 };
    if (is_array) {
        JSObject *all = get_keys(c, o);
        if (!all) return -1;
        keys = rt_array_new(rt, 0);
        for (uint32_t i = 0; i < all->length; i++) {
            Value k = key_at(rt, all, i);
            if (rt_is_exception(k)) return -1;
            if (rt_is_string(k) && rt_string_array_index(rt_as_string(k)) >= 0) continue;
            rt_array_push(rt, keys, k);
        }
        if (c->show_hidden) {
            JSObject *nk = rt_array_new(rt, 0);
            rt_array_push(rt, nk, rt_atom(rt, ATOM_length));
            for (uint32_t i = 0; i < keys->length; i++) {
                Value k = key_at(rt, keys, i);
                if (!(rt_is_string(k) && rt_string_equals_cstr(k, "length"))) rt_array_push(rt, nk, k);
            }
            keys = nk;
        }
        bool plain = !rt_is_null(ctor) && rt_string_equals_cstr(ctor, "Array") && rt_is_undefined(tag);
        if (!plain) {
            char size[32];
            snprintf(size, sizeof size, "(%u)", o->length);
            put_prefix(&brace0, ctor, tag, "Array", size);
        }
        sb_putc(&brace0, '[');
        brace1 = "]";
        if (o->length == 0 && keys->length == 0) {
            sb_put16(out, brace0.b, brace0.len);
            sb_putc(out, ']');
            rc = 0;
            goto done;
        }
        type = K_ARRAY_EXTRAS;
    } else {
        keys = get_keys(c, o);
        if (!keys) return -1;
        bool ctor_is_object = !rt_is_null(ctor) && rt_string_equals_cstr(ctor, "Object");
        if (o->cls == CLS_STRING) {
            /* Boxed strings hide their index keys. */
            uint32_t slen = rt_is_string(((JSWrapper *)o)->value) ? rt_as_string(((JSWrapper *)o)->value)->len : 0;
            JSObject *nk = rt_array_new(rt, 0);
            for (uint32_t i = 0; i < keys->length; i++) {
                Value k = key_at(rt, keys, i);
                if (rt_is_string(k)) {
                    int64_t idx = rt_string_array_index(rt_as_string(k));
                    if (idx >= 0 && idx < slen) continue;
                }
                if (c->show_hidden && rt_is_string(k) && rt_string_equals_cstr(k, "length")) continue;
                rt_array_push(rt, nk, k);
            }
            keys = nk;
        }
        sb_putc(&brace0, '{');
        if (ctor_is_object && o->cls != CLS_ERROR && !rt_is_callable(ov) && o->cls != CLS_DATE &&
            o->cls != CLS_NUMBER && o->cls != CLS_STRING && o->cls != CLS_BOOLEAN && o->cls != CLS_SYMBOL) {
            if (o->cls == CLS_ARGUMENTS) {
                brace0.len = 0;
                sb_puts(&brace0, "[Arguments] {");
            } else if (!rt_is_undefined(tag)) {
                brace0.len = 0;
                put_prefix(&brace0, ctor, tag, "Object", "");
                sb_putc(&brace0, '{');
            }
            if (keys->length == 0) {
                sb_put16(out, brace0.b, brace0.len);
                sb_putc(out, '}');
                rc = 0;
                goto done;
            }
        } else if (rt_is_callable(ov)) {
            if (function_base(c, o, ctor, tag, &base) < 0) goto done;
            if (keys->length == 0) { sb_put16(out, base.b, base.len); rc = 0; goto done; }
        } else if (o->cls == CLS_DATE) {
            double t = rt_to_double_unchecked(((JSWrapper *)o)->value);
            Value s = isnan(t) ? rt_date_to_string(rt, t) : rt_date_to_iso_string(rt, t);
            if (rt_is_exception(s)) goto done;
            StrBuf pre;
            sb_init(&pre);
            put_prefix(&pre, ctor, tag, "Date", "");
            bool plain = pre.len == 5 && memcmp(pre.b, u"Date ", 10) == 0;
            if (!plain) sb_put16(&base, pre.b, pre.len);
            sb_free(&pre);
            sb_putstr(&base, s);
            if (keys->length == 0) { sb_put16(out, base.b, base.len); rc = 0; goto done; }
        } else if (o->cls == CLS_ERROR) {
            if (format_error(c, o, ctor, tag, &keys, NULL, &base) < 0) goto done;
            if (keys->length == 0) { sb_put16(out, base.b, base.len); rc = 0; goto done; }
        } else if (o->cls == CLS_NUMBER || o->cls == CLS_STRING || o->cls == CLS_BOOLEAN ||
                   o->cls == CLS_SYMBOL) {
            boxed_base(c, o, ctor, tag, &base);
            if (keys->length == 0) { sb_put16(out, base.b, base.len); rc = 0; goto done; }
        } else {
            brace0.len = 0;
            put_prefix(&brace0, ctor, tag, "Object", "");
            if (keys->length == 0) {
                sb_put16(out, brace0.b, brace0.len);
                sb_puts(out, "{}");
                rc = 0;
                goto done;
            }
            sb_putc(&brace0, '{');
        }
    }
    if (recurse > c->depth) {
        StrBuf pre;
        sb_init(&pre);
        put_prefix(&pre, ctor, tag, "Object", "");
        if (pre.len) pre.len--;
        if (!rt_is_null(ctor)) sb_putc(out, '[');
        sb_put16(out, pre.b, pre.len);
        if (!rt_is_null(ctor)) sb_putc(out, ']');
        sb_free(&pre);
        rc = 0;
        goto done;
    }
    recurse++;
    values_push(rt, &c->seen, &c->seen_n, ov);
    c->current_depth = recurse;
    if (is_array) {
        if (format_array(c, o, recurse, &ol) < 0) { c->seen_n--; goto done; }
    }
    for (uint32_t i = 0; i < keys->length; i++) {
        Value k = key_at(rt, keys, i);
        if (rt_is_exception(k)) { c->seen_n--; goto done; }
        StrBuf *e = ol_push(&ol);
        if (!e || format_property(c, o, recurse, k, type, e) < 0) { c->seen_n--; goto done; }
    }
    int ref = circular_ref(c, ov, false);
    if (ref) {
        StrBuf nb;
        sb_init(&nb);
        sb_printf(&nb, "<ref *%d>", ref);
        if (base.len) { sb_putc(&nb, ' '); sb_put16(&nb, base.b, base.len); }
        sb_free(&base);
        base = nb;
    }
    c->seen_n--;
    reduce_to_single(c, &ol, &base, &brace0, brace1, type, recurse, is_array ? o : NULL, out);
    rc = 0;
done:
    ol_free(&ol);
    sb_free(&base);
    sb_free(&brace0);
    return rc;
}

static int format_value(Insp *c, Value v, int recurse, StrBuf *out, bool top) {
    (void)top;
    if (!rt_is_object(v)) return format_primitive(c, v, out);
    if (seen_index(c, v) >= 0) {
        int idx = circular_ref(c, v, true);
        sb_printf(out, "[Circular *%d]", idx);
        return 0;
    }
    return format_raw(c, rt_as_object(v), recurse, out);
}

static void insp_init(Insp *c, Runtime *rt) {
    memset(c, 0, sizeof *c);
    c->rt = rt;
    c->depth = 2;
    c->break_length = 80;
    c->compact = 3;
}

/* A nested inspect with another depth (constructor names of odd prototypes). */
static int inspect_into(Insp *parent, Value v, int depth, StrBuf *out) {
    Insp c;
    insp_init(&c, parent->rt);
    c.depth = depth;
    return format_value(&c, v, 0, out, true);
}

int rt_inspect_into(Runtime *rt, Value v, int depth, bool show_hidden, StrBuf *out) {
    Insp c;
    insp_init(&c, rt);
    c.depth = depth;
    c.show_hidden = show_hidden;
    return format_value(&c, v, 0, out, true);
}

Value rt_inspect(Runtime *rt, Value v) {
    StrBuf sb;
    sb_init(&sb);
    if (rt_inspect_into(rt, v, 2, false, &sb) < 0) { sb_free(&sb); return RT_EXCEPTION; }
    return sb_finish(rt, &sb);
}

