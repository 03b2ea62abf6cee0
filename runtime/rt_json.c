/* rt_json.c — the JSON object (ECMA-262 §25.5): a recursive-descent parser
 * over UTF-16 with V8's error messages (so programs that print
 * `e.message` match Node.js), the reviver walk (InternalizeJSONProperty),
 * and stringify (SerializeJSONProperty: toJSON, replacer function or
 * property list, gap, cycle detection with V8's multi-line "Converting
 * circular structure to JSON" message).
 */
#include <math.h>
#include <stdlib.h>
#include "rt_builtins.h"

#define JSON_MAX_DEPTH 5000

/* ---- parse ------------------------------------------------------------------------------------ */

typedef struct JP {
    Runtime *rt;
    Value src;
    const uint16_t *s;
    uint32_t n, i;
    int depth;
} JP;

static void jp_ws(JP *p) {
    while (p->i < p->n) {
        uint16_t c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        p->i++;
    }
}

static Value jp_error_at(JP *p, const char *what, uint32_t pos) {
    return rt_throw_error(p->rt, ERR_SyntaxError, "%s in JSON at position %u", what, pos);
}

/* "Unexpected token 'x', <context> is not valid JSON", or end of input. */
static Value jp_unexpected(JP *p) {
    Runtime *rt = p->rt;
    if (p->i >= p->n) return rt_throw_error(rt, ERR_SyntaxError, "Unexpected end of JSON input");
    static const char *const special[] = { "undefined", "NaN", "Infinity", "[object Object]" };
    for (size_t k = 0; k < sizeof special / sizeof special[0]; k++)
        if (rt_string_equals_cstr(p->src, special[k]))
            return rt_throw_error(rt, ERR_SyntaxError, "\"%s\" is not valid JSON", special[k]);
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "Unexpected token '");
    sb_putc(&sb, p->s[p->i]);
    sb_puts(&sb, "', ");
    const uint32_t ctx = 10;
    if (p->n < 2 * ctx + 1) {
        sb_putc(&sb, '"');
        sb_put16(&sb, p->s, p->n);
        sb_putc(&sb, '"');
    } else {
        uint32_t start, end;
        if (p->i < ctx) { start = 0; end = p->i + ctx; }
        else if (p->i >= p->n - ctx) { start = p->i - ctx; end = p->n; }
        else { start = p->i - ctx; end = p->i + ctx; }
        if (start > 0) sb_puts(&sb, "...");
        sb_putc(&sb, '"');
        sb_put16(&sb, p->s + start, end - start);
        sb_putc(&sb, '"');
        if (end < p->n) sb_puts(&sb, "...");
    }
    sb_puts(&sb, " is not valid JSON");
    Value msg = sb_finish(rt, &sb);
    TRYV(msg);
    return rt_throw(rt, rt_new_error(rt, ERR_SyntaxError, msg));
}

static int hexval(uint16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static Value jp_string(JP *p) {
    p->i++;  /* opening quote */
    uint32_t start = p->i;
    while (p->i < p->n && p->s[p->i] != '"' && p->s[p->i] != '\\' && p->s[p->i] >= 0x20) p->i++;
    if (p->i < p->n && p->s[p->i] == '"') {
        Value r = rt_string_from_utf16(p->rt, p->s + start, p->i - start);
        p->i++;
        return r;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_put16(&sb, p->s + start, p->i - start);
    for (;;) {
        if (p->i >= p->n) { sb_free(&sb); return jp_error_at(p, "Unterminated string", p->i); }
        uint16_t c = p->s[p->i];
        if (c == '"') { p->i++; break; }
        if (c < 0x20) { sb_free(&sb); return jp_error_at(p, "Bad control character in string literal", p->i); }
        if (c != '\\') { sb_putc(&sb, c); p->i++; continue; }
        if (p->i + 1 >= p->n) { sb_free(&sb); return jp_error_at(p, "Unterminated string", p->i + 1); }
        uint16_t e = p->s[p->i + 1];
        switch (e) {
        case '"': sb_putc(&sb, '"'); break;
        case '\\': sb_putc(&sb, '\\'); break;
        case '/': sb_putc(&sb, '/'); break;
        case 'b': sb_putc(&sb, '\b'); break;
        case 'f': sb_putc(&sb, '\f'); break;
        case 'n': sb_putc(&sb, '\n'); break;
        case 'r': sb_putc(&sb, '\r'); break;
        case 't': sb_putc(&sb, '\t'); break;
        case 'u': {
            uint32_t v = 0;
            for (int k = 0; k < 4; k++) {
                uint32_t pos = p->i + 2 + (uint32_t)k;
                int h = pos < p->n ? hexval(p->s[pos]) : -1;
                if (h < 0) {
                    sb_free(&sb);
                    if (pos >= p->n) return jp_error_at(p, "Unterminated string", pos);
                    return jp_error_at(p, "Bad Unicode escape", pos);
                }
                v = v * 16 + (uint32_t)h;
            }
            sb_putc(&sb, (uint16_t)v);
            p->i += 4;
            break;
        }
        default:
            sb_free(&sb);
            return jp_error_at(p, "Bad escaped character", p->i + 1);
        }
        p->i += 2;
    }
    return sb_finish(p->rt, &sb);
}

static Value jp_number(JP *p) {
    uint32_t start = p->i;
    if (p->s[p->i] == '-') {
        p->i++;
        if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9') return jp_error_at(p, "No number after minus sign", p->i);
    }
    if (p->s[p->i] == '0') {
        p->i++;
        if (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') return jp_error_at(p, "Unexpected number", p->i);
    } else {
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
    }
    bool is_int = true;
    if (p->i < p->n && p->s[p->i] == '.') {
        is_int = false;
        p->i++;
        if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9') return jp_error_at(p, "Unterminated fractional number", p->i);
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        is_int = false;
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-')) p->i++;
        if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9') return jp_error_at(p, "Exponent part is missing a number", p->i);
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
    }
    uint32_t len = p->i - start;
    if (is_int && len < 10) {
        int32_t v = 0;
        bool neg = p->s[start] == '-';
        for (uint32_t k = start + neg; k < p->i; k++) v = v * 10 + (p->s[k] - '0');
        if (neg && v == 0) return rt_double(-0.0);
        return rt_int(neg ? -v : v);
    }
    char small[64], *buf = len < sizeof small ? small : malloc(len + 1);
    if (!buf) return rt_throw_error(p->rt, ERR_RangeError, "Out of memory");
    for (uint32_t k = 0; k < len; k++) buf[k] = (char)p->s[start + k];
    buf[len] = 0;
    double d = strtod(buf, NULL);
    if (buf != small) free(buf);
    return rt_number(d);
}

static Value jp_value(JP *p);

static Value jp_literal(JP *p, const char *word, Value v) {
    for (uint32_t k = 0; word[k]; k++) {
        if (p->i >= p->n) return jp_unexpected(p);
        if (p->s[p->i] != (uint16_t)word[k]) return jp_unexpected(p);
        p->i++;
    }
    return v;
}

static Value jp_value(JP *p) {
    Runtime *rt = p->rt;
    jp_ws(p);
    if (p->i >= p->n) return jp_unexpected(p);
    uint16_t c = p->s[p->i];
    if (c == '"') return jp_string(p);
    if (c == '-' || (c >= '0' && c <= '9')) return jp_number(p);
    if (c == 't') return jp_literal(p, "true", RT_TRUE);
    if (c == 'f') return jp_literal(p, "false", RT_FALSE);
    if (c == 'n') return jp_literal(p, "null", RT_NULL);
    if (c != '[' && c != '{') return jp_unexpected(p);
    if (++p->depth > JSON_MAX_DEPTH) return rt_throw_error(rt, ERR_RangeError, "Maximum call stack size exceeded");
    p->i++;
    if (c == '[') {
        JSObject *a = rt_array_new(rt, 0);
        jp_ws(p);
        if (p->i < p->n && p->s[p->i] == ']') { p->i++; p->depth--; return rt_ptr(a); }
        for (;;) {
            Value v = jp_value(p);
            TRYV(v);
            rt_array_push(rt, a, v);
            jp_ws(p);
            if (p->i < p->n && p->s[p->i] == ',') { p->i++; continue; }
            if (p->i < p->n && p->s[p->i] == ']') { p->i++; break; }
            return jp_error_at(p, "Expected ',' or ']' after array element", p->i);
        }
        p->depth--;
        return rt_ptr(a);
    }
    JSObject *o = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    jp_ws(p);
    if (p->i < p->n && p->s[p->i] == '}') { p->i++; p->depth--; return rt_ptr(o); }
    bool first = true;
    for (;;) {
        jp_ws(p);
        if (p->i >= p->n || p->s[p->i] != '"')
            return jp_error_at(p, first ? "Expected property name or '}'" : "Expected double-quoted property name", p->i);
        first = false;
        Value k = jp_string(p);
        TRYV(k);
        k = rt_to_property_key(rt, k);
        TRYV(k);
        jp_ws(p);
        if (p->i >= p->n || p->s[p->i] != ':') return jp_error_at(p, "Expected ':' after property name", p->i);
        p->i++;
        Value v = jp_value(p);
        TRYV(v);
        if (rt_define_data(rt, o, k, v, PROP_DEFAULT) < 0) return RT_EXCEPTION;
        jp_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') { p->i++; continue; }
        if (p->i < p->n && p->s[p->i] == '}') { p->i++; break; }
        return jp_error_at(p, "Expected ',' or '}' after property value", p->i);
    }
    p->depth--;
    return rt_ptr(o);
}

/* InternalizeJSONProperty (§25.5.1.1). */
static Value internalize(Runtime *rt, Value holder, Value name, Value reviver, int depth) {
    if (depth > JSON_MAX_DEPTH) return rt_throw_error(rt, ERR_RangeError, "Maximum call stack size exceeded");
    Value key = rt_to_property_key(rt, name);
    TRYV(key);
    Value val = rt_get(rt, holder, key);
    TRYV(val);
    if (rt_is_object(val)) {
        JSObject *keys;
        if (rt_is_array(val)) {
            double len;
            TRY(rt_length_of_array_like(rt, val, &len));
            keys = rt_array_new(rt, 0);
            for (double i = 0; i < len; i++) rt_array_push(rt, keys, rt_number_to_string(rt, i));
        } else {
            keys = rt_own_keys(rt, rt_as_object(val), RT_KEYS_STRINGS | RT_KEYS_ENUMERABLE_ONLY);
            if (!keys) return RT_EXCEPTION;
        }
        for (uint32_t i = 0; i < keys->length; i++) {
            Value k = rt_get_index(rt, rt_ptr(keys), i);
            Value ne = internalize(rt, val, k, reviver, depth + 1);
            TRYV(ne);
            Value pk = rt_to_property_key(rt, k);
            TRYV(pk);
            if (rt_is_undefined(ne)) {
                TRY(rt_delete(rt, val, pk, false));
            } else {
                TRY(rt_define_data(rt, rt_as_object(val), pk, ne, PROP_DEFAULT));
            }
        }
    }
    Value args[2] = { rt_is_string(name) ? name : rt_key_to_string(rt, name), val };
    return rt_call(rt, reviver, holder, 2, args);
}

Value rt_json_parse(Runtime *rt, Value text, Value reviver) {
    Value sv = rt_to_string(rt, text);
    TRYV(sv);
    JP p = { rt, sv, rt_as_string(sv)->chars, rt_as_string(sv)->len, 0, 0 };
    Value v = jp_value(&p);
    TRYV(v);
    jp_ws(&p);
    if (p.i < p.n)
        return rt_throw_error(rt, ERR_SyntaxError, "Unexpected non-whitespace character after JSON at position %u", p.i);
    if (rt_is_callable(reviver)) {
        JSObject *root = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
        rt_define_data(rt, root, rt_atom(rt, ATOM_empty), v, PROP_DEFAULT);
        return internalize(rt, rt_ptr(root), rt_atom(rt, ATOM_empty), reviver, 0);
    }
    return v;
}

/* ---- stringify ------------------------------------------------------------------------------------ */

typedef struct JS {
    Runtime *rt;
    Value replacer;          /* function or undefined */
    JSObject *plist;         /* property list or NULL */
    StrBuf gap, indent;
    JSObject *stack;         /* holders being serialized */
    JSObject *stack_keys;    /* the key under which each was reached */
    StrBuf *out;
} JS;

static void quote(StrBuf *out, JSString *s) {
    sb_putc(out, '"');
    for (uint32_t i = 0; i < s->len; i++) {
        uint16_t c = s->chars[i];
        switch (c) {
        case '"': sb_puts(out, "\\\""); continue;
        case '\\': sb_puts(out, "\\\\"); continue;
        case '\b': sb_puts(out, "\\b"); continue;
        case '\f': sb_puts(out, "\\f"); continue;
        case '\n': sb_puts(out, "\\n"); continue;
        case '\r': sb_puts(out, "\\r"); continue;
        case '\t': sb_puts(out, "\\t"); continue;
        default: break;
        }
        if (c < 0x20) { sb_printf(out, "\\u%04x", c); continue; }
        if (c >= 0xD800 && c <= 0xDFFF) {
            bool paired = c <= 0xDBFF ? (i + 1 < s->len && s->chars[i + 1] >= 0xDC00 && s->chars[i + 1] <= 0xDFFF)
                                      : (i > 0 && s->chars[i - 1] >= 0xD800 && s->chars[i - 1] <= 0xDBFF);
            if (!paired) { sb_printf(out, "\\u%04x", c); continue; }
        }
        sb_putc(out, c);
    }
    sb_putc(out, '"');
}

static Value ctor_name_of(Runtime *rt, Value o) {
    Value c = rt_get(rt, o, rt_atom(rt, ATOM_constructor));
    if (rt_is_exception(c)) { rt_take_exception(rt); return rt_string_from_cstr(rt, "Object"); }
    if (rt_is_callable(c)) {
        Value n = rt_get(rt, c, rt_atom(rt, ATOM_name));
        if (rt_is_exception(n)) { rt_take_exception(rt); n = RT_UNDEFINED; }
        if (rt_is_string(n) && rt_as_string(n)->len) return n;
    }
    return rt_string_from_cstr(rt, "Object");
}

static void describe_key(StrBuf *sb, Value key) {
    if (rt_is_int(key)) { sb_printf(sb, "index %d", rt_as_int(key)); return; }
    if (rt_is_string(key) && rt_string_array_index(rt_as_string(key)) >= 0) {
        sb_puts(sb, "index ");
        sb_putstr(sb, key);
        return;
    }
    sb_puts(sb, "property '");
    if (rt_is_string(key)) sb_putstr(sb, key);
    sb_putc(sb, '\'');
}

static int circular_error(JS *j, uint32_t start, Value closing_key) {
    Runtime *rt = j->rt;
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "Converting circular structure to JSON\n    --> starting at object with constructor '");
    sb_putstr(&sb, ctor_name_of(rt, rt_get_index(rt, rt_ptr(j->stack), start)));
    sb_putc(&sb, '\'');
    uint32_t n = j->stack->length;
    uint32_t lines = n - start - 1;
    for (uint32_t i = start + 1; i < n; i++) {
        uint32_t li = i - start - 1;
        if (lines > 3 && li >= 2 && li < lines - 1) {
            if (li == 2) sb_puts(&sb, "\n    |     ...");
            continue;
        }
        sb_puts(&sb, "\n    |     ");
        describe_key(&sb, rt_get_index(rt, rt_ptr(j->stack_keys), i));
        sb_puts(&sb, " -> object with constructor '");
        sb_putstr(&sb, ctor_name_of(rt, rt_get_index(rt, rt_ptr(j->stack), i)));
        sb_putc(&sb, '\'');
    }
    sb_puts(&sb, "\n    --- ");
    describe_key(&sb, closing_key);
    sb_puts(&sb, " closes the circle");
    Value msg = sb_finish(rt, &sb);
    if (!rt_is_exception(msg)) rt_throw(rt, rt_new_error(rt, ERR_TypeError, msg));
    return -1;
}

static int ser_property(JS *j, Value holder, Value key, Value value);

static void newline_indent(JS *j) {
    sb_putc(j->out, '\n');
    sb_put16(j->out, j->indent.b, j->indent.len);
}

static int ser_object(JS *j, Value v, Value key) {
    Runtime *rt = j->rt;
    for (uint32_t i = 0; i < j->stack->length; i++)
        if (rt_get_index(rt, rt_ptr(j->stack), i) == v) return circular_error(j, i, key);
    if (j->stack->length > JSON_MAX_DEPTH) {
        rt_throw_error(rt, ERR_RangeError, "Maximum call stack size exceeded");
        return -1;
    }
    rt_array_push(rt, j->stack, v);
    rt_array_push(rt, j->stack_keys, key);
    size_t saved_indent = j->indent.len;
    sb_put16(&j->indent, j->gap.b, j->gap.len);
    bool arr = rt_is_array(v);
    sb_putc(j->out, arr ? '[' : '{');
    bool any = false;
    if (arr) {
        double len;
        if (rt_length_of_array_like(rt, v, &len) < 0) return -1;
        for (double i = 0; i < len; i++) {
            if (any) sb_putc(j->out, ',');
            if (j->gap.len) newline_indent(j);
            Value k = rt_key_from_double(rt, i);
            Value e = rt_get(rt, v, k);
            if (rt_is_exception(e)) return -1;
            int r = ser_property(j, v, k, e);
            if (r < 0) return -1;
            if (r == 1) sb_puts(j->out, "null");
            any = true;
        }
    } else {
        JSObject *keys = j->plist;
        if (!keys) {
            keys = rt_own_keys(rt, rt_as_object(v), RT_KEYS_STRINGS | RT_KEYS_ENUMERABLE_ONLY);
            if (!keys) return -1;
        }
        for (uint32_t i = 0; i < keys->length; i++) {
            Value ks = rt_get_index(rt, rt_ptr(keys), i);
            Value k = rt_to_property_key(rt, ks);
            if (rt_is_exception(k)) return -1;
            Value e = rt_get(rt, v, k);
            if (rt_is_exception(e)) return -1;
            size_t mark = j->out->len;
            if (any) sb_putc(j->out, ',');
            if (j->gap.len) newline_indent(j);
            quote(j->out, rt_as_string(rt_is_string(ks) ? ks : rt_key_to_string(rt, ks)));
            sb_putc(j->out, ':');
            if (j->gap.len) sb_putc(j->out, ' ');
            int r = ser_property(j, v, k, e);
            if (r < 0) return -1;
            if (r == 1) { j->out->len = mark; continue; }
            any = true;
        }
    }
    j->indent.len = saved_indent;
    if (any && j->gap.len) newline_indent(j);
    sb_putc(j->out, arr ? ']' : '}');
    rt_array_set_length(rt, j->stack, j->stack->length - 1, false);
    rt_array_set_length(rt, j->stack_keys, j->stack_keys->length - 1, false);
    return 0;
}

/* Writes the serialization of value; returns 1 (writing nothing) when it is undefined. */
static int ser_property(JS *j, Value holder, Value key, Value value) {
    Runtime *rt = j->rt;
    if (rt_is_object(value)) {
        Value tj = rt_get(rt, value, rt_atom(rt, ATOM_toJSON));
        if (rt_is_exception(tj)) return -1;
        if (rt_is_callable(tj)) {
            Value ks = rt_is_string(key) ? key : rt_key_to_string(rt, key);
            value = rt_call(rt, tj, value, 1, &ks);
            if (rt_is_exception(value)) return -1;
        }
    }
    if (!rt_is_undefined(j->replacer)) {
        Value args[2] = { rt_is_string(key) ? key : rt_key_to_string(rt, key), value };
        value = rt_call(rt, j->replacer, holder, 2, args);
        if (rt_is_exception(value)) return -1;
    }
    if (rt_is_object(value)) {
        JSObject *o = rt_as_object(value);
        if (o->cls == CLS_NUMBER) {
            double d;
            if (rt_to_number(rt, value, &d) < 0) return -1;
            value = rt_number(d);
        } else if (o->cls == CLS_STRING) {
            value = rt_to_string(rt, value);
            if (rt_is_exception(value)) return -1;
        } else if (o->cls == CLS_BOOLEAN) {
            value = ((JSWrapper *)o)->value;
        }
    }
    if (rt_is_null(value)) { sb_puts(j->out, "null"); return 0; }
    if (value == RT_TRUE) { sb_puts(j->out, "true"); return 0; }
    if (value == RT_FALSE) { sb_puts(j->out, "false"); return 0; }
    if (rt_is_string(value)) { quote(j->out, rt_as_string(value)); return 0; }
    if (rt_is_number(value)) {
        double d = rt_to_double_unchecked(value);
        if (!isfinite(d)) { sb_puts(j->out, "null"); return 0; }
        char buf[40];
        rt_double_to_cstr(d, buf);
        sb_puts(j->out, buf);
        return 0;
    }
    if (rt_is_object(value) && !rt_is_callable(value)) return ser_object(j, value, key);
    return 1;
}

Value rt_json_stringify(Runtime *rt, Value v, Value replacer, Value space) {
    JS j = { rt, RT_UNDEFINED, NULL, { 0 }, { 0 }, rt_array_new(rt, 0), rt_array_new(rt, 0), NULL };
    if (rt_is_callable(replacer)) {
        j.replacer = replacer;
    } else if (rt_is_array(replacer)) {
        double len;
        TRY(rt_length_of_array_like(rt, replacer, &len));
        j.plist = rt_array_new(rt, 0);
        for (double i = 0; i < len; i++) {
            Value e = rt_get(rt, replacer, rt_key_from_double(rt, i));
            TRYV(e);
            Value item = RT_UNDEFINED;
            if (rt_is_string(e)) item = e;
            else if (rt_is_number(e) || rt_is_class(e, CLS_NUMBER) || rt_is_class(e, CLS_STRING)) {
                item = rt_to_string(rt, e);
                TRYV(item);
            }
            if (rt_is_undefined(item)) continue;
            bool dup = false;
            for (uint32_t k = 0; k < j.plist->length && !dup; k++)
                dup = rt_string_equal(rt_as_string(rt_get_index(rt, rt_ptr(j.plist), k)), rt_as_string(item));
            if (!dup) rt_array_push(rt, j.plist, item);
        }
    }
    if (rt_is_class(space, CLS_NUMBER)) {
        double d;
        TRY(rt_to_number(rt, space, &d));
        space = rt_number(d);
    } else if (rt_is_class(space, CLS_STRING)) {
        space = rt_to_string(rt, space);
        TRYV(space);
    }
    sb_init(&j.gap);
    sb_init(&j.indent);
    if (rt_is_number(space)) {
        double d;
        TRY(rt_to_integer_or_infinity(rt, space, &d));
        if (d > 10) d = 10;
        for (int i = 0; i < (int)d; i++) sb_putc(&j.gap, ' ');
    } else if (rt_is_string(space)) {
        JSString *s = rt_as_string(space);
        sb_put16(&j.gap, s->chars, s->len < 10 ? s->len : 10);
    }
    JSObject *wrapper = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt_define_data(rt, wrapper, rt_atom(rt, ATOM_empty), v, PROP_DEFAULT);
    StrBuf out;
    sb_init(&out);
    j.out = &out;
    int r = ser_property(&j, rt_ptr(wrapper), rt_atom(rt, ATOM_empty), v);
    sb_free(&j.gap);
    sb_free(&j.indent);
    if (r < 0) { sb_free(&out); return RT_EXCEPTION; }
    if (r == 1) { sb_free(&out); return RT_UNDEFINED; }
    return sb_finish(rt, &out);
}

RT_NATIVE(json_parse) { return rt_json_parse(rt, ARG(0), ARG(1)); }
RT_NATIVE(json_stringify) { return rt_json_stringify(rt, ARG(0), ARG(1), ARG(2)); }

void rt_init_json(Runtime *rt) {
    JSObject *j = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt->intrinsics[INTR_JSON] = rt_ptr(j);
    rt_define_native(rt, j, "parse", json_parse, 2, 0);
    rt_define_native(rt, j, "stringify", json_stringify, 3, 0);
    rt_define_data(rt, j, rt->intrinsics[INTR_Sym_toStringTag], rt_string_from_cstr(rt, "JSON"), PROP_CONFIGURABLE);
    rt_define_cstr(rt, rt->global, "JSON", rt_ptr(j), PROP_HIDDEN);
}
