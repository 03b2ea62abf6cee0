/* rt_builtins_console.c — util.format as console.log uses it (%s %d %i %f
 * %j %o %O %c %%, then the remaining arguments joined by spaces, strings
 * bare and everything else through rt_inspect), and writing a line as
 * UTF-8 to the console's stream. The value formatting itself is
 * rt_inspect.c.
 */
#include <math.h>
#include <stdlib.h>
#include "rt_builtins.h"

static bool str_contains_value(Value hay, Value needle) {
    if (!rt_is_string(hay) || !rt_is_string(needle)) return false;
    JSString *h = rt_as_string(hay), *n = rt_as_string(needle);
    if (n->len == 0) return true;
    for (uint32_t i = 0; i + n->len <= h->len; i++)
        if (memcmp(h->chars + i, n->chars, n->len * 2) == 0) return true;
    return false;
}

/* ---- util.format ----------------------------------------------------------------------- */

/* Whether %s should inspect an object rather than call its own toString. */
static int has_builtin_to_string(Runtime *rt, Value v) {
    Value ts = rt_get(rt, v, rt_atom(rt, ATOM_toString));
    if (rt_is_exception(ts)) return -1;
    if (!rt_is_callable(ts)) return 1;
    JSObject *p = rt_as_object(v);
    int own = rt_has_own_property(rt, p, rt_atom(rt, ATOM_toString));
    if (own < 0) return -1;
    if (own) return 0;
    for (;;) {
        Value pv = rt_get_prototype_of(rt, p);
        if (!rt_is_object(pv)) return 1;
        p = rt_as_object(pv);
        own = rt_has_own_property(rt, p, rt_atom(rt, ATOM_toString));
        if (own < 0) return -1;
        if (own) break;
    }
    PropDesc d;
    int f = rt_get_own_desc(rt, p, rt_atom(rt, ATOM_constructor), &d);
    if (f <= 0 || (d.attrs & PROP_ACCESSOR) || !rt_is_class(d.value, CLS_NATIVE)) return f < 0 ? -1 : 0;
    return 1;
}

static int format_num_arg(Runtime *rt, Value v, const char *fn_name, StrBuf *out) {
    if (rt_is_symbol(v)) { sb_puts(out, "NaN"); return 0; }
    double d;
    if (fn_name) {
        Value f = rt_get_cstr(rt, rt_ptr(rt->global), fn_name);
        if (rt_is_exception(f)) return -1;
        Value r = rt_is_callable(f) ? rt_call(rt, f, RT_UNDEFINED, 1, &v) : rt_double(NAN);
        if (rt_is_exception(r)) return -1;
        d = rt_is_number(r) ? rt_to_double_unchecked(r) : NAN;
    } else {
        if (rt_is_object(v) && !rt_is_class(v, CLS_NUMBER)) { sb_puts(out, "NaN"); return 0; }
        if (rt_to_number(rt, v, &d) < 0) return -1;
    }
    rt_inspect_number(out, rt_double(d));
    return 0;
}

static int append_arg(Runtime *rt, Value v, StrBuf *out) {
    if (rt_is_string(v)) { sb_putstr(out, v); return 0; }
    return rt_inspect_into(rt, v, 2, false, out);
}

int rt_console_format(Runtime *rt, int argc, Value *argv, StrBuf *out) {
    int a = 0;
    bool join = false;
    if (argc > 0 && rt_is_string(argv[0])) {
        if (argc == 1) { sb_putstr(out, argv[0]); return 0; }
        JSString *f = rt_as_string(argv[0]);
        uint32_t last = 0;
        for (uint32_t i = 0; i + 1 < f->len; i++) {
            if (f->chars[i] != '%') continue;
            uint16_t nc = f->chars[++i];
            if (a + 1 != argc) {
                StrBuf tmp;
                sb_init(&tmp);
                int r = 0;
                switch (nc) {
                case 's': {
                    Value v = argv[++a];
                    if (rt_is_number(v)) rt_inspect_number(&tmp, v);
                    else if (!rt_is_object(v)) {
                        if (rt_is_symbol(v)) rt_inspect_symbol(&tmp, v);
                        else {
                            Value s = rt_to_string(rt, v);
                            if (rt_is_exception(s)) r = -1; else sb_putstr(&tmp, s);
                        }
                    } else {
                        int b = has_builtin_to_string(rt, v);
                        if (b < 0) r = -1;
                        else if (b) r = rt_inspect_into(rt, v, 0, false, &tmp);
                        else {
                            Value s = rt_to_string(rt, v);
                            if (rt_is_exception(s)) r = -1; else sb_putstr(&tmp, s);
                        }
                    }
                    break;
                }
                case 'j': {
                    Value s = rt_json_stringify(rt, argv[++a], RT_UNDEFINED, RT_UNDEFINED);
                    if (rt_is_exception(s)) {
                        Value exc = rt_take_exception(rt);
                        Value m = rt_is_object(exc) ? rt_get(rt, exc, rt_atom(rt, ATOM_message)) : RT_UNDEFINED;
                        if (rt_is_string(m) && str_contains_value(m, rt_string_from_cstr(rt, "circular")))
                            sb_puts(&tmp, "[Circular]");
                        else { rt_throw(rt, exc); r = -1; }
                    } else if (rt_is_string(s)) sb_putstr(&tmp, s);
                    else sb_puts(&tmp, "undefined");
                    break;
                }
                case 'd': r = format_num_arg(rt, argv[++a], NULL, &tmp); break;
                case 'i': r = format_num_arg(rt, argv[++a], "parseInt", &tmp); break;
                case 'f': r = format_num_arg(rt, argv[++a], "parseFloat", &tmp); break;
                case 'O': r = rt_inspect_into(rt, argv[++a], 2, false, &tmp); break;
                case 'o': r = rt_inspect_into(rt, argv[++a], 4, true, &tmp); break;
                case 'c': a++; break;
                case '%':
                    sb_put16(out, f->chars + last, i - last);
                    last = i + 1;
                    sb_free(&tmp);
                    continue;
                default:
                    sb_free(&tmp);
                    continue;
                }
                if (r < 0) { sb_free(&tmp); return -1; }
                if (last != i - 1) sb_put16(out, f->chars + last, i - 1 - last);
                sb_put16(out, tmp.b, tmp.len);
                sb_free(&tmp);
                last = i + 1;
            } else if (nc == '%') {
                sb_put16(out, f->chars + last, i - last);
                last = i + 1;
            }
        }
        if (last != 0) {
            a++;
            join = true;
            if (last < f->len) sb_put16(out, f->chars + last, f->len - last);
        }
    }
    for (; a < argc; a++) {
        if (join) sb_putc(out, ' ');
        if (append_arg(rt, argv[a], out) < 0) return -1;
        join = true;
    }
    return 0;
}

/* Writes UTF-16 as UTF-8 (lone surrogates as U+FFFD). */
static void write_utf8(FILE *f, const uint16_t *s, size_t n) {
    char buf[4096];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = s[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            i++;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        if (k + 4 >= sizeof buf) { fwrite(buf, 1, k, f); k = 0; }
        if (cp < 0x80) buf[k++] = (char)cp;
        else if (cp < 0x800) { buf[k++] = (char)(0xC0 | (cp >> 6)); buf[k++] = (char)(0x80 | (cp & 63)); }
        else if (cp < 0x10000) {
            buf[k++] = (char)(0xE0 | (cp >> 12));
            buf[k++] = (char)(0x80 | ((cp >> 6) & 63));
            buf[k++] = (char)(0x80 | (cp & 63));
        } else {
            buf[k++] = (char)(0xF0 | (cp >> 18));
            buf[k++] = (char)(0x80 | ((cp >> 12) & 63));
            buf[k++] = (char)(0x80 | ((cp >> 6) & 63));
            buf[k++] = (char)(0x80 | (cp & 63));
        }
    }
    if (k) fwrite(buf, 1, k, f);
}

int rt_console_write(Runtime *rt, FILE *f, int argc, Value *argv) {
    StrBuf sb;
    sb_init(&sb);
    int r = rt_console_format(rt, argc, argv, &sb);
    if (r == 0) {
        if (f == rt->err) fflush(rt->out);
        write_utf8(f, sb.b, sb.len);
        fputc('\n', f);
        if (f == rt->err) fflush(f);
    }
    sb_free(&sb);
    return r;
}

void rt_console_print(Runtime *rt, FILE *f, int argc, Value *argv) {
    if (rt_console_write(rt, f, argc, argv) < 0) rt_take_exception(rt);
}
