/* rt_feedback.c — feedback vectors: allocation from a function's slot
 * layout, the hint of one execution, GC tracing, and --print-feedback.
 * The layout mirrors V8's FeedbackVector: one slot per instruction that
 * profits from feedback, its kind fixed by the front end (bf->slot_kinds).
 */
#include <stdlib.h>
#include <string.h>
#include "rt_frame.h"

static const char *const binary_hint_names[] = {
#define X(n) #n,
    RT_BINARY_HINTS(X)
#undef X
};
static const char *const compare_hint_names[] = {
#define X(n) #n,
    RT_COMPARE_HINTS(X)
#undef X
};
static const char *const ic_state_names[] = {
#define X(n) #n,
    RT_IC_STATES(X)
#undef X
};
static const char *const ic_handler_names[] = {
#define X(n, s) s,
    RT_IC_HANDLERS(X)
#undef X
};
static const char *const slot_kind_names[] = {
#define X(n) #n,
    RT_FEEDBACK_KINDS(X)
#undef X
};

const char *rt_binary_hint_name(BinaryOpHint h) { return (unsigned)h < BH__COUNT ? binary_hint_names[h] : "?"; }
const char *rt_compare_hint_name(CompareHint h) { return (unsigned)h < CH__COUNT ? compare_hint_names[h] : "?"; }
const char *rt_ic_state_name(ICState s) { return (unsigned)s < IC__COUNT ? ic_state_names[s] : "?"; }
const char *rt_ic_handler_name(ICHandler h) { return (unsigned)h < ICH__COUNT ? ic_handler_names[h] : "?"; }

static bool is_prop_kind(int k) {
    return k == FS_Load || k == FS_Store || k == FS_KeyedLoad || k == FS_KeyedStore;
}

FeedbackVector *rt_feedback_new(Runtime *rt, BytecodeFunction *bf) {
    (void)rt;
    uint32_t n = bf->slot_count, nprop = 0;
    for (uint32_t i = 0; i < n; i++)
        if (is_prop_kind(bf->slot_kinds[i])) nprop++;
    size_t bytes = sizeof(FeedbackVector) + (size_t)n * sizeof(FeedbackSlot) +
                   (size_t)nprop * sizeof(PropertyFeedback);
    FeedbackVector *fv = calloc(1, bytes);
    if (!fv) return NULL;
    fv->bf = bf;
    fv->slot_count = n;
    PropertyFeedback *pf = (PropertyFeedback *)(fv->slots + n);
    for (uint32_t i = 0; i < n; i++) {
        FeedbackSlot *s = &fv->slots[i];
        s->kind = bf->slot_kinds[i];
        if (is_prop_kind(s->kind)) {
            s->u.prop = pf++;
            s->u.prop->name = RT_UNDEFINED;
        }
    }
    return fv;
}

void rt_feedback_free(FeedbackVector *fv) { free(fv); }

void rt_feedback_trace(Runtime *rt, FeedbackVector *fv) {
    if (!fv) return;
    for (uint32_t i = 0; i < fv->slot_count; i++) {
        FeedbackSlot *s = &fv->slots[i];
        if (is_prop_kind(s->kind)) {
            PropertyFeedback *p = s->u.prop;
            rt_gc_mark_value(rt, p->name);
            for (int j = 0; j < p->count && j < RT_IC_POLY_MAX; j++) {
                ICEntry *e = &p->e[j];
                rt_gc_mark_ptr(rt, e->shape);
                rt_gc_mark_ptr(rt, e->new_shape);
                rt_gc_mark_ptr(rt, e->holder);
                for (int k = 0; k < e->depth && k < RT_IC_CHAIN_MAX; k++) rt_gc_mark_ptr(rt, e->chain[k]);
            }
        } else if (s->kind == FS_Call || s->kind == FS_InstanceOf) {
            rt_gc_mark_ptr(rt, s->u.call.target);
        } else if (s->kind == FS_Global) {
            rt_gc_mark_ptr(rt, s->u.global.shape);
        }
    }
}

/* ---- hints of one execution ------------------------------------------------------------ */
static inline bool is_oddball(Value v) {
    return v == RT_UNDEFINED || v == RT_NULL || v == RT_TRUE || v == RT_FALSE;
}

int rt_binary_hint_of(int op, Value lhs, Value rhs, Value result) {
    if (rt_is_int(lhs) && rt_is_int(rhs))
        return rt_is_int(result) ? BH_SignedSmall : BH_Number;
    if (rt_is_number(lhs) && rt_is_number(rhs)) return BH_Number;
    if ((rt_is_number(lhs) || is_oddball(lhs)) && (rt_is_number(rhs) || is_oddball(rhs)))
        return BH_NumberOrOddball;
    if (op == BC_Add && rt_is_string(lhs) && rt_is_string(rhs)) return BH_String;
    return BH_Any;
}

int rt_compare_hint_of(Value lhs, Value rhs) {
    if (rt_is_int(lhs) && rt_is_int(rhs)) return CH_SignedSmall;
    if (rt_is_number(lhs) && rt_is_number(rhs)) return CH_Number;
    if ((rt_is_number(lhs) || is_oddball(lhs)) && (rt_is_number(rhs) || is_oddball(rhs)))
        return CH_NumberOrOddball;
    if (rt_is_string(lhs) && rt_is_string(rhs)) {
        bool in = (rt_as_string(lhs)->h.aux & 1) && (rt_as_string(rhs)->h.aux & 1);
        return in ? CH_InternalizedString : CH_String;
    }
    if (rt_is_object(lhs) && rt_is_object(rhs)) return CH_Receiver;
    return CH_Any;
}

/* ---- printing ---------------------------------------------------------------------------- */
static void print_key(Value k, FILE *f) {
    if (rt_is_int(k)) {
        fprintf(f, "%d", rt_as_int(k));
    } else if (rt_is_string(k)) {
        char *u = rt_string_to_utf8(k, NULL);
        fputs(u ? u : "?", f);
        free(u);
    } else if (rt_is_symbol(k)) {
        fputs("@@symbol", f);
    } else {
        fputs("?", f);
    }
}

void rt_shape_print(Shape *s, FILE *f) {
    if (!s) {
        fputs("string", f);
        return;
    }
    if (s->dictionary) {
        fputs("{dictionary}", f);
        return;
    }
    fputc('{', f);
    uint32_t n = s->prop_count;
    for (uint32_t i = 0; i < n && i < 8; i++) {
        if (i) fputc(',', f);
        print_key(s->props[i].key, f);
    }
    if (n > 8) fprintf(f, ",...+%u", n - 8);
    fputc('}', f);
}

static void print_fn_name(Value name, FILE *f) {
    if (rt_is_string(name) && rt_as_string(name)->len) print_key(name, f);
    else fputs("(anonymous)", f);
}

static void print_prop(PropertyFeedback *p, int kind, FILE *f) {
    if (kind == FS_KeyedLoad || kind == FS_KeyedStore) {
        fputs("elements [", f);
        bool first = true;
        for (int k = 0; k < EK__COUNT; k++)
            if (p->elements_kinds & (1u << k)) {
                fprintf(f, "%s%s", first ? "" : ",", rt_elements_kind_name((ElementsKind)k));
                first = false;
            }
        fputs("] keys [", f);
        fprintf(f, "%s%s%s]", p->key_kinds & KEY_SMI ? "smi " : "", p->key_kinds & KEY_NAME ? "name " : "",
                p->key_kinds & KEY_OTHER ? "other" : "");
        if (p->elem_flags & EF_OUT_OF_BOUNDS) fputs(" out-of-bounds", f);
        if (p->elem_flags & EF_HOLE) fputs(" hole", f);
        if (p->elem_flags & EF_GROWING) fputs(" growing", f);
        if (p->elem_flags & EF_NON_ARRAY) fputs(" non-array", f);
        if (p->elem_flags & EF_TRANSITION) fputs(" kind-transition", f);
        fputs("; named ", f);
        if (rt_is_string(p->name)) {
            print_key(p->name, f);
            fputc(' ', f);
        }
    }
    fputs(rt_ic_state_name((ICState)p->state), f);
    for (int j = 0; j < p->count; j++) {
        ICEntry *e = &p->e[j];
        fputs(j ? ", " : " [", f);
        rt_shape_print(e->shape, f);
        fprintf(f, " -> %s", rt_ic_handler_name((ICHandler)e->handler));
        if (e->handler != ICH_ArrayLength && e->handler != ICH_StringLength && e->handler != ICH_Nonexistent)
            fprintf(f, " %u", e->slot);
        if (e->depth) fprintf(f, " (proto depth %u)", e->depth);
        if (e->handler == ICH_StoreTransition) {
            fputs(" to ", f);
            rt_shape_print(e->new_shape, f);
        }
    }
    if (p->count) fputc(']', f);
}

void rt_feedback_print(Runtime *rt, BytecodeFunction *bf, FILE *f) {
    (void)rt;
    FeedbackVector *fv = bf->feedback;
    fputs("function ", f);
    print_fn_name(bf->name, f);
    const char *file = bf->script && bf->script->filename ? bf->script->filename : "?";
    fprintf(f, " (%s:%u:%u): invocations %u, back edges %u\n", file, bf->line, bf->col,
            bf->invocation_count, fv ? fv->backedge_count : 0);
    if (!fv) return;
    for (uint32_t i = 0; i < fv->slot_count; i++) {
        FeedbackSlot *s = &fv->slots[i];
        fprintf(f, "  slot %u %s: ", i, s->kind < FS__COUNT ? slot_kind_names[s->kind] : "?");
        switch (s->kind) {
        case FS_BinaryOp: fputs(rt_binary_hint_name((BinaryOpHint)s->hint), f); break;
        case FS_Compare: fputs(rt_compare_hint_name((CompareHint)s->hint), f); break;
        case FS_Load: case FS_Store: case FS_KeyedLoad: case FS_KeyedStore:
            print_prop(s->u.prop, s->kind, f);
            break;
        case FS_Global:
            fputs(rt_ic_state_name((ICState)s->u.global.state), f);
            if (s->u.global.state == IC_monomorphic) fprintf(f, " [global property #%u]", s->u.global.index);
            break;
        case FS_Call: case FS_InstanceOf: {
            CallFeedback *c = &s->u.call;
            if (c->megamorphic) fputs("megamorphic", f);
            else if (!c->target) fputs("uninitialized", f);
            else {
                fputs("target ", f);
                Value name = RT_UNDEFINED;
                if (c->target->cls == CLS_FUNCTION && ((JSFunction *)c->target)->bc)
                    name = ((JSFunction *)c->target)->bc->name;
                else {
                    PropRef r;
                    if (rt_get_own_property(rt, c->target, rt_atom(rt, ATOM_name), &r) && !(r.attrs & PROP_ACCESSOR))
                        name = r.value;
                }
                print_fn_name(name, f);
            }
            fprintf(f, " count %u", c->count);
            break;
        }
        default: break;
        }
        fputc('\n', f);
    }
}

void rt_feedback_print_all(Runtime *rt, FILE *f) {
    size_t n = 0;
    for (BytecodeFunction *bf = rt->code_list; bf; bf = bf->next_in_runtime) n++;
    BytecodeFunction **v = malloc((n ? n : 1) * sizeof *v);
    if (!v) return;
    size_t i = 0;
    for (BytecodeFunction *bf = rt->code_list; bf; bf = bf->next_in_runtime) v[i++] = bf;
    /* code_list is newest first; print in creation order */
    for (size_t j = n; j-- > 0;)
        if (v[j]->feedback) rt_feedback_print(rt, v[j], f);
    free(v);
}
