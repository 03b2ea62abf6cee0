/* rt_error.c — throwing, error objects, stack traces and the report of an
 * uncaught exception.
 *
 * Error objects are CLS_ERROR JSWrappers whose proto is the intrinsic
 * prototype of their kind (ECMA-262 §20.5). Like V8 they carry an own,
 * non-enumerable `stack` string: "TypeError: msg" and then one line
 * "    at NAME (file:line:col)" per interpreter frame, innermost first, at most
 * ten. The wrapper's value keeps the frame lines alone, so an uncaught report
 * can rebuild the header from the error's current name and message, which is
 * what V8's lazily formatted stack shows. Uncaught exceptions print the way
 * Node.js prints them: the throw site with a caret, then the stack.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "rt_frame.h"
#include "rt_tier.h"

#define STACK_TRACE_LIMIT 10

/* ---- a small growable byte buffer -------------------------------------------------- */
typedef struct { char *p; size_t len, cap; } Buf;

static void buf_add(Buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 128;
        while (cap < b->len + n + 1) cap *= 2;
        char *q = realloc(b->p, cap);
        if (!q) return;            /* keep what fits: these are diagnostics */
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}
static void buf_str(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }
static void buf_fmt(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_fmt(Buf *b, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}
static void buf_value(Buf *b, Value s) {   /* a JS string, as UTF-8 */
    if (!rt_is_string(s)) return;
    size_t n;
    char *u = rt_string_to_utf8(s, &n);
    if (u) buf_add(b, u, n);
    free(u);
}
static Value buf_to_string(Runtime *rt, Buf *b) {
    Value s = rt_string_from_utf8(rt, b->p ? b->p : "", b->len);
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    return s;
}

/* Reads a data property along the prototype chain without running any JS
 * (getters are skipped): safe inside error reporting. */
static Value data_lookup(Runtime *rt, Value obj, Value key) {
    for (int depth = 0; rt_is_object(obj) && depth < 64; depth++) {
        PropRef r;
        JSObject *o = rt_as_object(obj);
        if (rt_get_own_property(rt, o, key, &r)) {
            if (r.attrs & PROP_ACCESSOR) return RT_UNDEFINED;
            return r.value;
        }
        obj = o->shape ? o->shape->proto : RT_NULL;
    }
    return RT_UNDEFINED;
}

/* ---- throwing ------------------------------------------------------------------------ */
void rt_error_note_throw_site(Runtime *rt) {
    Interp *ip = rt->interp;
    if (!ip) return;
    if (ip->top) {
        ip->throw_bf = ip->top->bf;
        ip->throw_pc = ip->top->pc;
        ip->throw_pos_valid = true;
    } else {
        ip->throw_pos_valid = false;
    }
}

Value rt_throw(Runtime *rt, Value exc) {
    rt->exception = exc;
    rt_error_note_throw_site(rt);
    return RT_EXCEPTION;
}

Value rt_throw_error(Runtime *rt, ErrorKind kind, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    Value msg;
    if (n >= (int)sizeof small) {
        char *big = malloc((size_t)n + 1);
        if (big) {
            va_start(ap, fmt);
            vsnprintf(big, (size_t)n + 1, fmt, ap);
            va_end(ap);
            msg = rt_string_from_utf8(rt, big, (size_t)n);
            free(big);
        } else {
            msg = rt_string_from_utf8(rt, small, sizeof small - 1);
        }
    } else {
        msg = rt_string_from_utf8(rt, small, n > 0 ? (size_t)n : 0);
    }
    if (rt_is_exception(msg)) return msg;
    return rt_throw(rt, rt_new_error(rt, kind, msg));
}

Value rt_take_exception(Runtime *rt) {
    Value e = rt->exception;
    rt->exception = RT_UNDEFINED;
    return e;
}

/* ---- stack traces ---------------------------------------------------------------------- */
static void frame_line(Buf *b, BytecodeFunction *bf, uint32_t pc, bool construct) {
    const SourcePos *p = rt_bc_position(bf, pc);
    uint32_t line = p ? p->line : bf->line, col = p ? p->col : bf->col;
    const char *file = bf->script && bf->script->filename ? bf->script->filename : "<anonymous>";
    bool named = rt_is_string(bf->name) && rt_as_string(bf->name)->len > 0;
    buf_str(b, "\n    at ");
    if (named && !(bf->flags & BFF_TOPLEVEL)) {
        if (construct) buf_str(b, "new ");
        buf_value(b, bf->name);
        buf_fmt(b, " (%s:%u:%u)", file, line, col);
    } else {
        buf_fmt(b, "%s:%u:%u", file, line, col);
    }
}

/* Is f a frame of the constructor chain building an object whose prototype
 * is proto (new.target.prototype)? Those frames are left out of an error's
 * stack, as V8 leaves out everything up to new.target's frame. */
static bool constructing(Runtime *rt, Frame *f, Value proto) {
    if (!(f->flags & FRAME_CONSTRUCT) || !rt_is_object(f->new_target) || !rt_is_object(proto)) return false;
    return data_lookup(rt, f->new_target, rt_atom(rt, ATOM_prototype)) == proto;
}

static Value capture(Runtime *rt, int skip, Value proto) {
    Buf b = {0};
    int n = 0;
    Frame *f = rt->interp ? rt->interp->top : NULL;
    while (f && constructing(rt, f, proto)) f = f->caller;
    for (; f && n < STACK_TRACE_LIMIT; f = f->caller) {
        if (skip > 0) {
            skip--;
            continue;
        }
        /* frames optimized code inlined into f come first */
        const RtTierInfo *ti = f->pad ? f->bf->tier : NULL;
        for (uint32_t e = f->pad, k = 0; ti && e && e <= ti->ninl && k < 64 && n < STACK_TRACE_LIMIT; k++) {
            frame_line(&b, ti->inl[e - 1].fn, ti->inl[e - 1].pc, false);
            n++;
            e = ti->inl[e - 1].outer;
        }
        if (n == STACK_TRACE_LIMIT) break;
        frame_line(&b, f->bf, f->pc, (f->flags & FRAME_CONSTRUCT) != 0);
        n++;
    }
    return buf_to_string(rt, &b);
}

/* The frame lines, each starting with "\n    at ". */
Value rt_capture_stack(Runtime *rt, int skip) { return capture(rt, skip, RT_UNDEFINED); }

/* "Name: message", "Name" or "message", as Error.prototype.toString says;
 * data properties only. */
static void error_header(Runtime *rt, Value err, Buf *b) {
    Value name = data_lookup(rt, err, rt_atom(rt, ATOM_name));
    Value msg = data_lookup(rt, err, rt_atom(rt, ATOM_message));
    bool has_name = rt_is_string(name) && rt_as_string(name)->len > 0;
    bool has_msg = rt_is_string(msg) && rt_as_string(msg)->len > 0;
    if (!rt_is_string(name) && !rt_is_undefined(name)) has_name = false;
    if (rt_is_undefined(name)) {
        buf_str(b, "Error");
        has_name = true;
    } else if (has_name) {
        buf_value(b, name);
    }
    if (has_name && has_msg) buf_str(b, ": ");
    if (has_msg) buf_value(b, msg);
}

static Value make_error(Runtime *rt, Value proto, Value message, Value options) {
    JSWrapper *w = (JSWrapper *)rt_object_new_class(rt, proto, CLS_ERROR, sizeof(JSWrapper));
    w->value = RT_UNDEFINED;
    Value err = rt_ptr(w);
    if (!rt_is_undefined(message)) {
        Value m = rt_is_string(message) ? message : rt_to_string(rt, message);
        if (rt_is_exception(m)) return m;
        rt_define_data(rt, &w->base, rt_atom(rt, ATOM_message), m, PROP_HIDDEN);
    }
    if (rt_is_object(options)) {
        int has = rt_has_property(rt, options, rt_atom(rt, ATOM_cause));
        if (has < 0) return RT_EXCEPTION;
        if (has) {
            Value c = rt_get(rt, options, rt_atom(rt, ATOM_cause));
            if (rt_is_exception(c)) return c;
            rt_define_data(rt, &w->base, rt_atom(rt, ATOM_cause), c, PROP_HIDDEN);
        }
    }
    Value frames = capture(rt, 0, proto);
    w->value = frames;
    Buf b = {0};
    error_header(rt, err, &b);
    buf_value(&b, frames);
    rt_define_data(rt, &w->base, rt_atom(rt, ATOM_stack), buf_to_string(rt, &b), PROP_HIDDEN);
    return err;
}

static Value kind_proto(Runtime *rt, ErrorKind kind) {
    if ((unsigned)kind >= ERR__COUNT) kind = ERR_Error;
    Value p = rt_intrinsic(rt, (IntrinsicId)(INTR_ErrorPrototype + kind));
    return rt_is_object(p) ? p : rt_intrinsic(rt, INTR_ObjectPrototype);
}

Value rt_new_error(Runtime *rt, ErrorKind kind, Value message) {
    return make_error(rt, kind_proto(rt, kind), message, RT_UNDEFINED);
}

Value rt_error_construct(Runtime *rt, ErrorKind kind, Value message, Value options) {
    return make_error(rt, kind_proto(rt, kind), message, options);
}

Value rt_error_construct_proto(Runtime *rt, Value proto, Value message, Value options) {
    if (!rt_is_object(proto)) proto = kind_proto(rt, ERR_Error);
    return make_error(rt, proto, message, options);
}

/* ---- the uncaught report ------------------------------------------------------------------- */
static void print_site(Runtime *rt, FILE *f) {
    Interp *ip = rt->interp;
    if (!ip || !ip->throw_pos_valid || !ip->throw_bf) return;
    BytecodeFunction *bf = ip->throw_bf;
    const SourcePos *p = rt_bc_position(bf, ip->throw_pc);
    Script *s = bf->script;
    if (!p || !s || !s->source) return;
    const char *src = s->source, *end = src + s->source_len;
    uint32_t line = 1;
    const char *ls = src;
    while (ls < end && line < p->line) {
        if (*ls++ == '\n') line++;
    }
    if (line != p->line) return;
    const char *le = ls;
    while (le < end && *le != '\n') le++;
    if (le > ls && le[-1] == '\r') le--;
    fprintf(f, "%s:%u\n%.*s\n", s->filename ? s->filename : "<anonymous>", p->line, (int)(le - ls), ls);
    for (uint32_t c = 1; c < p->col && c < 4096; c++) fputc(ls + c - 1 < le && ls[c - 1] == '\t' ? '\t' : ' ', f);
    fputs("^\n", f);
}

static bool is_error_object(Value v) {
    return rt_is_class(v, CLS_ERROR);
}

void rt_report_exception(Runtime *rt, Value exc, FILE *f) {
    print_site(rt, f);
    if (is_error_object(exc)) {
        fputc('\n', f);
        Value frames = ((JSWrapper *)rt_as_object(exc))->value;
        Value stack = data_lookup(rt, exc, rt_atom(rt, ATOM_stack));
        Buf b = {0};
        /* The stack as this error's constructor left it: rebuild its header
         * from the current name and message, as V8's lazy formatting does. */
        bool original = false;
        if (rt_is_string(stack) && rt_is_string(frames)) {
            JSString *st = rt_as_string(stack), *fr = rt_as_string(frames);
            original = st->len >= fr->len &&
                       memcmp(st->chars + (st->len - fr->len), fr->chars, fr->len * 2) == 0;
        }
        if (original) {
            error_header(rt, exc, &b);
            buf_value(&b, frames);
        } else if (rt_is_string(stack)) {
            buf_value(&b, stack);
        } else {
            error_header(rt, exc, &b);
        }
        fprintf(f, "%s\n", b.p ? b.p : "");
        free(b.p);
        return;
    }
    Value s;
    if (rt_is_string(exc)) s = exc;
    else s = rt_inspect(rt, exc);
    if (rt_is_exception(s) || !rt_is_string(s)) {
        rt_take_exception(rt);
        fputs("Uncaught exception\n", f);
        return;
    }
    size_t n;
    char *u = rt_string_to_utf8(s, &n);
    if (u) fprintf(f, "%s\n", u);
    free(u);
}

/* ---- value descriptions for messages ------------------------------------------------------- */
void rt_value_desc(Runtime *rt, Value v, char *buf, size_t n) {
    if (n == 0) return;
    buf[0] = 0;
    if (rt_is_undefined(v)) { snprintf(buf, n, "undefined"); return; }
    if (rt_is_null(v)) { snprintf(buf, n, "null"); return; }
    if (v == RT_TRUE) { snprintf(buf, n, "true"); return; }
    if (v == RT_FALSE) { snprintf(buf, n, "false"); return; }
    if (rt_is_number(v)) {
        char d[40];
        rt_double_to_cstr(rt_to_double_unchecked(v), d);
        snprintf(buf, n, "%s", d);
        return;
    }
    if (rt_is_string(v)) {
        size_t len;
        char *u = rt_string_to_utf8(v, &len);
        snprintf(buf, n, "%s", u ? u : "");
        free(u);
        return;
    }
    if (rt_is_symbol(v)) {
        Value d = ((JSSymbol *)rt_as_ptr(v))->description;
        char *u = rt_is_string(d) ? rt_string_to_utf8(d, NULL) : NULL;
        snprintf(buf, n, "Symbol(%s)", u ? u : "");
        free(u);
        return;
    }
    if (rt_is_object(v)) {
        JSObject *o = rt_as_object(v);
        if (o->cls == CLS_FUNCTION || o->cls == CLS_NATIVE || o->cls == CLS_BOUND) {
            Value name = data_lookup(rt, v, rt_atom(rt, ATOM_name));
            char *u = rt_is_string(name) ? rt_string_to_utf8(name, NULL) : NULL;
            if (o->cls == CLS_FUNCTION && ((JSFunction *)o)->bc &&
                (((JSFunction *)o)->bc->flags & BFF_CLASS_CTOR))
                snprintf(buf, n, "class %s", u && *u ? u : "(anonymous)");
            else
                snprintf(buf, n, "function %s", u && *u ? u : "(anonymous)");
            free(u);
            return;
        }
        Value ctor = data_lookup(rt, v, rt_atom(rt, ATOM_constructor));
        Value name = rt_is_object(ctor) ? data_lookup(rt, ctor, rt_atom(rt, ATOM_name)) : RT_UNDEFINED;
        char *u = rt_is_string(name) ? rt_string_to_utf8(name, NULL) : NULL;
        snprintf(buf, n, "#<%s>", u && *u ? u : "Object");
        free(u);
        return;
    }
    snprintf(buf, n, "value");
}
