/* fe_codegen_expr.c — expressions to accumulator bytecode: every value
 * ends in acc; binary operators put their left operand in a register
 * (`acc = R op acc`), each operation with its own feedback slot. Tests
 * in conditions jump directly (no boolean materialised for && || !),
 * optional chains jump to one nullish exit per chain, and calls lay out
 * receiver + arguments in consecutive registers as Call expects.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "fe_codegen.h"

/* ---- small helpers -------------------------------------------------------------------- */
static bool is_int32_num(Node *n, int32_t *out) {
    if (n->kind != N_NUM) return false;
    double d = n->num;
    if (!(d >= -2147483648.0 && d <= 2147483647.0)) return false;
    int32_t i = (int32_t)d;
    if ((double)i != d || (i == 0 && signbit(d))) return false;
    *out = i;
    return true;
}

/* A register local whose value can be used in place (no TDZ check). */
static bool local_reg(Node *n, uint32_t *r) {
    if (n->kind != N_IDENT || !n->binding || n->binding->loc != LOC_REG || (n->flags & (FL_TDZ | FL_WITH))) return false;
    *r = n->binding->index;
    return true;
}

/* Evaluating it cannot change any local variable. */
static bool no_side_effects(Node *n) {
    if (!n) return true;
    switch (n->kind) {
    case N_NUM: case N_STR: case N_NULL: case N_TRUE: case N_FALSE: case N_THIS: case N_IDENT:
        return true;
    default:
        return false;
    }
}

/* Puts the value of n in a register: its own register if it is a stable
 * local (given `then` has no side effects), else a fresh temporary. */
static uint32_t value_in_reg(Gen *g, Node *n, Node *then) {
    uint32_t r;
    if (local_reg(n, &r) && (!then || no_side_effects(then))) return r;
    fe_gen_expr(g, n);
    r = fe_reg(g);
    fe_emit(g, BC_Star, r);
    return r;
}

static bool is_undefined_ident(Gen *g, Node *n) {
    return n->kind == N_IDENT && n->name == g->fc->a_undefined && !n->binding && !(n->flags & FL_WITH);
}

/* Array index keys ("0".."4294967294") must go through keyed access. */
static bool str_is_index(FeStr s) {
    if (s.len == 0 || s.len > 10) return false;
    if (s.len > 1 && s.s[0] == '0') return false;
    uint64_t v = 0;
    for (uint32_t i = 0; i < s.len; i++) {
        if (s.s[i] < '0' || s.s[i] > '9') return false;
        v = v * 10 + (s.s[i] - '0');
    }
    return v < 4294967295ull;
}

bool fe_key_is_named(Node *prop) {
    if (prop->flags & FL_COMPUTED) return false;
    return prop->a->kind == N_STR && !str_is_index(prop->a->str);
}

void fe_gen_property_key(Gen *g, Node *prop, uint32_t key_reg) {
    Node *k = prop->a;
    int32_t i;
    if (prop->flags & FL_COMPUTED) {
        fe_gen_expr(g, k);
        fe_emit(g, BC_ToPropertyKey);
    } else if (k->kind == N_STR) {
        fe_emit(g, BC_LdaConstant, fe_const_str(g, k->str));
    } else if (is_int32_num(k, &i) && i >= 0) {
        fe_emit(g, BC_LdaSmi, i);
    } else {
        char buf[40];
        rt_double_to_cstr(k->num, buf);
        fe_emit(g, BC_LdaConstant, fe_const_atom(g, fe_atom(g->fc, buf, strlen(buf))));
    }
    fe_emit(g, BC_Star, key_reg);
}

static Bytecode binop_code(int tok, FeedbackSlotKind *kind) {
    *kind = FS_BinaryOp;
    switch (tok) {
    case T_PLUS: case T_ADD_ASSIGN: return BC_Add;
    case T_MINUS: case T_SUB_ASSIGN: return BC_Sub;
    case T_STAR: case T_MUL_ASSIGN: return BC_Mul;
    case T_SLASH: case T_DIV_ASSIGN: return BC_Div;
    case T_PERCENT: case T_MOD_ASSIGN: return BC_Mod;
    case T_STARSTAR: case T_EXP_ASSIGN: return BC_Exp;
    case T_PIPE: case T_OR_ASSIGN: return BC_BitwiseOr;
    case T_CARET: case T_XOR_ASSIGN: return BC_BitwiseXor;
    case T_AMP: case T_AND_ASSIGN: return BC_BitwiseAnd;
    case T_SHL: case T_SHL_ASSIGN: return BC_ShiftLeft;
    case T_SAR: case T_SAR_ASSIGN: return BC_ShiftRight;
    case T_SHR: case T_SHR_ASSIGN: return BC_ShiftRightLogical;
    }
    *kind = FS_Compare;
    switch (tok) {
    case T_EQ: case T_NE: return BC_TestEqual;
    case T_EQ_STRICT: case T_NE_STRICT: return BC_TestEqualStrict;
    case T_LT: return BC_TestLessThan;
    case T_GT: return BC_TestGreaterThan;
    case T_LE: return BC_TestLessThanOrEqual;
    case T_GE: return BC_TestGreaterThanOrEqual;
    case T_IN: return BC_TestIn;
    case T_INSTANCEOF: *kind = FS_InstanceOf; return BC_TestInstanceOf;
    }
    return BC_Nop;
}

/* acc = R op acc */
static void emit_binop(Gen *g, int tok, uint32_t r) {
    FeedbackSlotKind kind;
    Bytecode op = binop_code(tok, &kind);
    fe_emit(g, op, r, fe_slot(g, kind));
    if (tok == T_NE || tok == T_NE_STRICT) fe_emit(g, BC_LogicalNot);
}

static bool is_compare(int tok) {
    switch (tok) {
    case T_EQ: case T_NE: case T_EQ_STRICT: case T_NE_STRICT: case T_LT: case T_GT: case T_LE:
    case T_GE: case T_IN: case T_INSTANCEOF:
        return true;
    default:
        return false;
    }
}

static bool yields_boolean(Node *n) {
    if (n->kind == N_BINARY && is_compare(n->op)) return true;
    if (n->kind == N_UNARY && (n->op == T_BANG || n->op == T_DELETE)) return true;
    return n->kind == N_TRUE || n->kind == N_FALSE;
}

/* ---- conditions ----------------------------------------------------------------------------- */
void fe_gen_jump_if_false(Gen *g, Node *n, Label l) {
    if (n->kind == N_UNARY && n->op == T_BANG) { fe_gen_jump_if_true(g, n->a, l); return; }
    if (n->kind == N_TRUE) return;
    if (n->kind == N_FALSE) { fe_emit(g, BC_Jump, l); return; }
    if (n->kind == N_LOGICAL && n->op == T_AND) {
        fe_gen_jump_if_false(g, n->a, l);
        fe_gen_jump_if_false(g, n->b, l);
        return;
    }
    if (n->kind == N_LOGICAL && n->op == T_OR) {
        Label m = fe_label(g);
        fe_gen_jump_if_true(g, n->a, m);
        fe_gen_jump_if_false(g, n->b, l);
        fe_bind(g, m);
        return;
    }
    fe_gen_expr(g, n);
    fe_emit(g, yields_boolean(n) ? BC_JumpIfFalse : BC_JumpIfToBooleanFalse, l);
}

void fe_gen_jump_if_true(Gen *g, Node *n, Label l) {
    if (n->kind == N_UNARY && n->op == T_BANG) { fe_gen_jump_if_false(g, n->a, l); return; }
    if (n->kind == N_FALSE) return;
    if (n->kind == N_TRUE) { fe_emit(g, BC_Jump, l); return; }
    if (n->kind == N_LOGICAL && n->op == T_OR) {
        fe_gen_jump_if_true(g, n->a, l);
        fe_gen_jump_if_true(g, n->b, l);
        return;
    }
    if (n->kind == N_LOGICAL && n->op == T_AND) {
        Label m = fe_label(g);
        fe_gen_jump_if_false(g, n->a, m);
        fe_gen_jump_if_true(g, n->b, l);
        fe_bind(g, m);
        return;
    }
    fe_gen_expr(g, n);
    fe_emit(g, yields_boolean(n) ? BC_JumpIfTrue : BC_JumpIfToBooleanTrue, l);
}

/* ---- property access ---------------------------------------------------------------------------- */
static void optional_check(Gen *g, Node *n) {
    if ((n->flags & FL_OPTIONAL) && g->opt_label != UINT32_MAX) fe_emit(g, BC_JumpIfNullish, g->opt_label);
}

static void load_this(Gen *g, Node *at) {
    if (at && at->binding) {
        fe_gen_load_binding(g, at->binding, g->fc->a_this, false);
        return;
    }
    fe_emit(g, BC_LdaThis);
    if (g->fn->flags & FN_DERIVED) fe_emit(g, BC_ThrowSuperNotCalled);
}

/* The object of a member expression in a register (super: this). */
static uint32_t member_object(Gen *g, Node *m, Node *then) {
    if (m->a->kind == N_SUPER) {
        uint32_t r = fe_reg(g);
        load_this(g, NULL);
        fe_emit(g, BC_Star, r);
        return r;
    }
    uint32_t r;
    if (local_reg(m->a, &r) && (!then || no_side_effects(then)) && !(m->flags & FL_OPTIONAL)) return r;
    fe_gen_expr(g, m->a);
    optional_check(g, m);
    r = fe_reg(g);
    fe_emit(g, BC_Star, r);
    return r;
}

/* acc = super[key in register] */
static void super_get(Gen *g, Node *m, uint32_t key) {
    fe_pos_node(g, m, false);
    fe_emit(g, BC_GetSuperProperty, key);
}

static uint32_t super_key(Gen *g, Node *m) {
    uint32_t k = fe_reg(g);
    if (g->fn->flags & FN_DERIVED) {            /* super.x needs an initialised this */
        fe_emit(g, BC_LdaThis);
        fe_emit(g, BC_ThrowSuperNotCalled);
    }
    if (m->kind == N_MEMBER) fe_emit(g, BC_LdaConstant, fe_const_atom(g, m->name));
    else { fe_gen_expr(g, m->b); fe_emit(g, BC_ToPropertyKey); }
    fe_emit(g, BC_Star, k);
    return k;
}

static void gen_member(Gen *g, Node *n) {
    uint32_t mark = fe_reg_mark(g);
    if (n->a->kind == N_SUPER) {
        super_get(g, n, super_key(g, n));
    } else if (n->kind == N_MEMBER) {
        uint32_t obj = member_object(g, n, NULL);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_GetNamedProperty, obj, fe_const_atom(g, n->name), fe_slot(g, FS_Load));
    } else if (n->b->kind == N_STR && !str_is_index(n->b->str)) {
        uint32_t obj = member_object(g, n, NULL);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_GetNamedProperty, obj, fe_const_str(g, n->b->str), fe_slot(g, FS_Load));
    } else {
        uint32_t obj = member_object(g, n, n->b);
        fe_gen_expr(g, n->b);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_GetKeyedProperty, obj, fe_slot(g, FS_KeyedLoad));
    }
    fe_reg_release(g, mark);
}

/* ---- calls -------------------------------------------------------------------------------------- */
static bool has_spread(NodeList *args) {
    for (uint32_t i = 0; i < args->count; i++)
        if (args->items[i]->kind == N_SPREAD) return true;
    return false;
}

/* An array of the arguments (spread calls): returns its register. */
static uint32_t spread_array(Gen *g, NodeList *args) {
    uint32_t arr = fe_reg(g);
    fe_emit(g, BC_CreateArray, arr, 0);
    fe_emit(g, BC_Star, arr);
    for (uint32_t i = 0; i < args->count; i++) {
        Node *a = args->items[i];
        if (a->kind == N_SPREAD) {
            fe_gen_expr(g, a->a);
            fe_pos_node(g, a, false);
            fe_emit(g, BC_ArraySpread, arr);
        } else {
            fe_gen_expr(g, a);
            fe_emit(g, BC_ArrayPush, arr);
        }
    }
    return arr;
}

/* The template object of a tagged template: made once, at compile time, so
 * that every evaluation of this site passes the same object (§13.2.8.4
 * GetTemplateObject caches per site). */
static uint32_t template_object(Gen *g, Node *tpl) {
    uint32_t n = (tpl->list.count + 1) / 2;
    Value *cooked = calloc(n ? n : 1, sizeof *cooked), *raw = calloc(n ? n : 1, sizeof *raw);
    if (!cooked || !raw) abort();
    for (uint32_t i = 0; i < n; i++) {
        Node *chunk = tpl->list.items[2 * i];
        cooked[i] = (chunk->flags & FL_NO_COOKED) ? RT_UNDEFINED : rt_intern_utf16(g->rt, chunk->str.s, chunk->str.len);
        raw[i] = rt_intern_utf16(g->rt, chunk->a->str.s, chunk->a->str.len);
    }
    JSObject *raw_arr = rt_array_from(g->rt, raw, n);
    JSObject *arr = rt_array_from(g->rt, cooked, n);
    rt_define_data(g->rt, arr, rt_atom(g->rt, ATOM_raw), rt_ptr(raw_arr), 0);
    rt_prevent_extensions(g->rt, raw_arr);
    rt_prevent_extensions(g->rt, arr);
    free(cooked);
    free(raw);
    return fe_const(g, rt_ptr(arr));
}

/* tag`a${x}b`: the arguments are the template object and the substitutions. */
static uint32_t tagged_args(Gen *g, Node *tpl, uint32_t base) {
    fe_emit(g, BC_LdaConstant, template_object(g, tpl));
    fe_emit(g, BC_Star, base);
    uint32_t argc = 1;
    for (uint32_t i = 1; i < tpl->list.count; i += 2) {
        fe_gen_expr(g, tpl->list.items[i]);
        fe_emit(g, BC_Star, base + argc++);
    }
    return argc;
}

void fe_gen_call_args(Gen *g, NodeList *args, uint32_t base) {
    for (uint32_t i = 0; i < args->count; i++) {
        fe_gen_expr(g, args->items[i]);
        fe_emit(g, BC_Star, base + i);
    }
}

void fe_gen_super_call(Gen *g, Node *call) {
    uint32_t mark = fe_reg_mark(g);
    if (has_spread(&call->list)) {
        uint32_t arr = spread_array(g, &call->list);
        fe_pos_node(g, call, false);
        fe_emit(g, BC_SuperCallSpread, arr, fe_slot(g, FS_Call));
    } else {
        uint32_t base = fe_regs(g, call->list.count);
        fe_gen_call_args(g, &call->list, base);
        fe_pos_node(g, call, false);
        fe_emit(g, BC_SuperCall, base, call->list.count, fe_slot(g, FS_Call));
    }
    fe_gen_after_super(g);
    fe_reg_release(g, mark);
}

static void gen_call(Gen *g, Node *n) {
    Node *callee = n->a;
    if (callee->kind == N_SUPER) { fe_gen_super_call(g, n); return; }
    uint32_t mark = fe_reg_mark(g);
    bool spread = has_spread(&n->list);
    uint32_t argc = n->list.count;
    if (n->flags & FL_TAGGED) argc = (n->list.items[0]->list.count + 1) / 2;
    uint32_t fn = fe_reg(g);
    uint32_t recv = spread ? fe_reg(g) : fe_regs(g, argc + 1);
    if (callee->kind == N_MEMBER || callee->kind == N_INDEX) {
        if (callee->a->kind == N_SUPER) {
            load_this(g, NULL);
            fe_emit(g, BC_Star, recv);
            uint32_t k = super_key(g, callee);
            super_get(g, callee, k);
        } else {
            fe_gen_expr(g, callee->a);
            optional_check(g, callee);
            fe_emit(g, BC_Star, recv);
            if (callee->kind == N_MEMBER) {
                fe_pos_node(g, callee, false);
                fe_emit(g, BC_GetNamedProperty, recv, fe_const_atom(g, callee->name), fe_slot(g, FS_Load));
            } else {
                fe_gen_expr(g, callee->b);
                fe_pos_node(g, callee, false);
                fe_emit(g, BC_GetKeyedProperty, recv, fe_slot(g, FS_KeyedLoad));
            }
        }
        fe_emit(g, BC_Star, fn);
    } else if (callee->kind == N_IDENT && (callee->flags & FL_WITH)) {
        /* f() inside with (o): o.f() when o has f */
        Label plain = fe_label(g), done = fe_label(g);
        fe_gen_with_base(g, callee, recv);
        fe_gen_with_load(g, callee, recv, false);
        fe_emit(g, BC_Star, fn);
        fe_emit(g, BC_Ldar, recv);
        fe_emit(g, BC_JumpIfHole, plain);
        fe_emit(g, BC_Jump, done);
        fe_bind(g, plain);
        fe_emit(g, BC_LdaUndefined);
        fe_emit(g, BC_Star, recv);
        fe_bind(g, done);
    } else {
        fe_gen_expr(g, callee);
        fe_emit(g, BC_Star, fn);
        fe_emit(g, BC_LdaUndefined);
        fe_emit(g, BC_Star, recv);
    }
    if ((n->flags & FL_OPTIONAL) && g->opt_label != UINT32_MAX) {
        fe_emit(g, BC_Ldar, fn);
        fe_emit(g, BC_JumpIfNullish, g->opt_label);
    }
    if (spread) {
        uint32_t arr = spread_array(g, &n->list);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_CallSpread, fn, recv, arr, fe_slot(g, FS_Call));
    } else {
        if (n->flags & FL_TAGGED) tagged_args(g, n->list.items[0], recv + 1);
        else fe_gen_call_args(g, &n->list, recv + 1);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_Call, fn, recv, argc + 1, fe_slot(g, FS_Call));
    }
    fe_reg_release(g, mark);
}

static void gen_new(Gen *g, Node *n) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t fn = fe_reg(g);
    fe_gen_expr(g, n->a);
    fe_emit(g, BC_Star, fn);
    if (has_spread(&n->list)) {
        uint32_t arr = spread_array(g, &n->list);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_ConstructSpread, fn, arr, fe_slot(g, FS_Call));
    } else {
        uint32_t base = fe_regs(g, n->list.count);
        fe_gen_call_args(g, &n->list, base);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_Construct, fn, base, n->list.count, fe_slot(g, FS_Call));
    }
    fe_reg_release(g, mark);
}

static void gen_native(Gen *g, Node *n) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t base = fe_regs(g, n->list.count);
    for (uint32_t i = 0; i < n->list.count; i++) {
        if (n->list.items[i]->kind == N_SPREAD) { fe_gen_error(g, n->list.items[i], "Spread is not allowed in intrinsic calls"); break; }
        fe_gen_expr(g, n->list.items[i]);
        fe_emit(g, BC_Star, base + i);
    }
    fe_pos_node(g, n, false);
    fe_emit(g, BC_CallRuntime, (uint32_t)n->num, base, n->list.count);
    fe_reg_release(g, mark);
}

/* ---- assignment ------------------------------------------------------------------------------------ */
/* A reference: where an assignment or update reads and writes. */
typedef struct Ref { Node *node; uint32_t obj, key; } Ref;   /* IDENT in with: obj = the base register */

static Ref prepare_ref(Gen *g, Node *t, Node *then, bool to_key) {
    Ref r = {t, 0, 0};
    if (t->kind == N_IDENT && (t->flags & FL_WITH)) {
        r.obj = fe_reg(g);                  /* resolved before the right-hand side runs */
        fe_gen_with_base(g, t, r.obj);
    } else if (t->kind == N_MEMBER || t->kind == N_INDEX) {
        if (t->a->kind == N_SUPER) {
            r.key = super_key(g, t);
        } else {
            r.obj = member_object(g, t, t->kind == N_INDEX ? t->b : then);
            if (t->kind == N_INDEX) {
                uint32_t k;
                if (local_reg(t->b, &k) && no_side_effects(then) && !to_key) {
                    r.key = k;
                } else {
                    fe_gen_expr(g, t->b);
                    r.key = fe_reg(g);
                    /* read and written: convert the key once, but only after
                     * the base passed RequireObjectCoercible (§13.15.2) */
                    if (to_key && t->b->kind != N_NUM && t->b->kind != N_STR) {
                        Label ok = fe_label(g);
                        fe_emit(g, BC_Star, r.key);
                        fe_emit(g, BC_Ldar, r.obj);
                        fe_emit(g, BC_JumpIfNotNullish, ok);
                        fe_pos_node(g, t, false);
                        fe_emit(g, BC_ThrowTypeError, fe_const_atom(g, fe_atom(g->fc, "Cannot read properties of null or undefined", 43)));
                        fe_bind(g, ok);
                        fe_emit(g, BC_Ldar, r.key);
                        fe_emit(g, BC_ToPropertyKey);
                    }
                    fe_emit(g, BC_Star, r.key);
                }
            }
        }
    }
    return r;
}

static void ref_load(Gen *g, Ref *r) {
    Node *t = r->node;
    if (t->kind == N_IDENT && (t->flags & FL_WITH)) { fe_gen_with_load(g, t, r->obj, false); return; }
    if (t->kind == N_IDENT) { fe_gen_load_var(g, t); return; }
    fe_pos_node(g, t, false);
    if (t->a->kind == N_SUPER) { fe_emit(g, BC_GetSuperProperty, r->key); return; }
    if (t->kind == N_MEMBER) {
        fe_emit(g, BC_GetNamedProperty, r->obj, fe_const_atom(g, t->name), fe_slot(g, FS_Load));
    } else {
        fe_emit(g, BC_Ldar, r->key);
        fe_emit(g, BC_GetKeyedProperty, r->obj, fe_slot(g, FS_KeyedLoad));
    }
}

/* Stores acc; acc keeps the value. `loaded`: ref_load already did the TDZ check. */
static void ref_store(Gen *g, Ref *r, bool loaded) {
    Node *t = r->node;
    if (t->kind == N_IDENT) {
        uint16_t saved = t->flags;
        if (loaded) t->flags &= (uint16_t)~FL_TDZ;
        if (t->flags & FL_WITH) fe_gen_with_store(g, t, r->obj, false);
        else fe_gen_store_var(g, t, false);
        t->flags = saved;
        return;
    }
    fe_pos_node(g, t, false);
    if (t->a->kind == N_SUPER) {
        uint32_t mark = fe_reg_mark(g), v = fe_reg(g);
        fe_emit(g, BC_Star, v);
        fe_emit(g, BC_SetSuperProperty, r->key, v);
        fe_emit(g, BC_Ldar, v);
        fe_reg_release(g, mark);
        return;
    }
    if (t->kind == N_MEMBER) fe_emit(g, BC_SetNamedProperty, r->obj, fe_const_atom(g, t->name), fe_slot(g, FS_Store));
    else fe_emit(g, BC_SetKeyedProperty, r->obj, r->key, fe_slot(g, FS_KeyedStore));
}

static void gen_assign(Gen *g, Node *n) {
    Node *t = n->a;
    if (t->kind == N_ARRAY || t->kind == N_OBJECT) {
        uint32_t mark = fe_reg_mark(g), v = fe_reg(g);
        fe_gen_expr(g, n->b);
        fe_emit(g, BC_Star, v);
        fe_gen_assign_to(g, t, v, 0);
        fe_emit(g, BC_Ldar, v);
        fe_reg_release(g, mark);
        return;
    }
    uint32_t mark = fe_reg_mark(g);
    Ref r = prepare_ref(g, t, n->b, n->op != T_ASSIGN);
    if (n->op == T_ASSIGN) {
        fe_gen_expr(g, n->b);
        ref_store(g, &r, false);
    } else if (n->op == T_LAND_ASSIGN || n->op == T_LOR_ASSIGN || n->op == T_NULLISH_ASSIGN) {
        Label end = fe_label(g);
        ref_load(g, &r);
        fe_emit(g, n->op == T_LAND_ASSIGN ? BC_JumpIfToBooleanFalse
                 : n->op == T_LOR_ASSIGN ? BC_JumpIfToBooleanTrue : BC_JumpIfNotNullish, end);
        fe_gen_expr(g, n->b);
        ref_store(g, &r, true);
        fe_bind(g, end);
    } else {
        int32_t imm;
        uint32_t lreg;
        if (local_reg(t, &lreg) && no_side_effects(n->b) && !(n->b->kind == N_NUM && (n->op == T_ADD_ASSIGN || n->op == T_SUB_ASSIGN))) {
            fe_gen_expr(g, n->b);                    /* x op= y with x in a register: acc = x op y */
            fe_pos_node(g, n, false);
            emit_binop(g, n->op, lreg);
            ref_store(g, &r, true);
            fe_reg_release(g, mark);
            return;
        }
        ref_load(g, &r);
        if ((n->op == T_ADD_ASSIGN || n->op == T_SUB_ASSIGN) && is_int32_num(n->b, &imm)) {
            fe_pos_node(g, n, false);
            fe_emit(g, n->op == T_ADD_ASSIGN ? BC_AddSmi : BC_SubSmi, imm, fe_slot(g, FS_BinaryOp));
        } else {
            uint32_t l = fe_reg(g);
            fe_emit(g, BC_Star, l);
            fe_gen_expr(g, n->b);
            fe_pos_node(g, n, false);
            emit_binop(g, n->op, l);
        }
        ref_store(g, &r, true);
    }
    fe_reg_release(g, mark);
}

static void gen_update(Gen *g, Node *n, bool value_used) {
    uint32_t mark = fe_reg_mark(g);
    Ref r = prepare_ref(g, n->a, NULL, true);
    ref_load(g, &r);
    bool postfix = !(n->flags & FL_PREFIX) && value_used;
    uint32_t old = 0;
    fe_pos_node(g, n, false);
    if (postfix) {
        fe_emit(g, BC_ToNumeric, fe_slot(g, FS_BinaryOp));
        old = fe_reg(g);
        fe_emit(g, BC_Star, old);
    }
    fe_emit(g, n->op == T_INC ? BC_Inc : BC_Dec, fe_slot(g, FS_BinaryOp));
    ref_store(g, &r, true);
    if (postfix) fe_emit(g, BC_Ldar, old);
    fe_reg_release(g, mark);
}

/* ---- operators ------------------------------------------------------------------------------------- */
static void gen_delete(Gen *g, Node *n) {
    Node *a = n->a;
    if (a->kind == N_OPTCHAIN) {               /* delete a?.b: a nullish a yields true */
        Label saved = g->opt_label, nullish = fe_label(g), end = fe_label(g);
        Node inner = *n;
        inner.a = a->a;
        g->opt_label = nullish;
        gen_delete(g, &inner);
        g->opt_label = saved;
        fe_emit(g, BC_Jump, end);
        fe_bind(g, nullish);
        fe_emit(g, BC_LdaTrue);
        fe_bind(g, end);
        return;
    }
    uint32_t mark = fe_reg_mark(g);
    if ((a->kind == N_MEMBER || a->kind == N_INDEX) && a->a->kind != N_SUPER) {
        uint32_t obj = member_object(g, a, a->kind == N_INDEX ? a->b : NULL);
        if (a->kind == N_MEMBER) fe_emit(g, BC_LdaConstant, fe_const_atom(g, a->name));
        else fe_gen_expr(g, a->b);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_DeleteProperty, obj);
    } else if (a->kind == N_IDENT && (a->flags & FL_WITH)) {
        Label other = fe_label(g), done = fe_label(g);
        Node plain = *a;
        plain.flags &= (uint16_t)~FL_WITH;
        uint32_t rb = fe_reg(g);
        fe_gen_with_base(g, a, rb);
        fe_emit(g, BC_JumpIfHole, other);
        fe_emit(g, BC_LdaConstant, fe_const_atom(g, a->name));
        fe_emit(g, BC_DeleteProperty, rb);
        fe_emit(g, BC_Jump, done);
        fe_bind(g, other);
        Node del = *n;
        del.a = &plain;
        gen_delete(g, &del);
        fe_bind(g, done);
    } else if (a->kind == N_IDENT) {
        BindingKind bk = a->binding ? a->binding->kind : B_VAR;
        if (!a->binding || (a->binding->loc == LOC_GLOBAL && bk != B_LET && bk != B_CONST && bk != B_CLASS)) {
            uint32_t obj = fe_reg(g);
            fe_emit(g, BC_LdaGlobal, fe_const_atom(g, fe_atom(g->fc, "globalThis", 10)), fe_slot(g, FS_Global));
            fe_emit(g, BC_Star, obj);
            fe_emit(g, BC_LdaConstant, fe_const_atom(g, a->name));
            fe_emit(g, BC_DeleteProperty, obj);
        } else {
            fe_emit(g, BC_LdaFalse);
        }
    } else if (a->kind == N_MEMBER || a->kind == N_INDEX) {
        /* delete super.x / super[e]: `this` and e are evaluated (the key is
         * not converted), then a ReferenceError (§13.5.1.2) */
        load_this(g, NULL);
        if (a->kind == N_INDEX) fe_gen_effect(g, a->b);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_ThrowReferenceError, fe_const_atom(g, fe_atom(g->fc, "Unsupported reference to 'super'", 32)));
    } else {
        fe_gen_effect(g, a);
        fe_emit(g, BC_LdaTrue);
    }
    fe_reg_release(g, mark);
}

static void gen_unary(Gen *g, Node *n) {
    switch (n->op) {
    case T_MINUS: {
        if (n->a->kind == N_NUM) {
            Node lit = *n->a;
            lit.num = -lit.num;
            fe_gen_expr(g, &lit);
            return;
        }
        fe_gen_expr(g, n->a);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_Negate, fe_slot(g, FS_BinaryOp));
        return;
    }
    case T_PLUS:
        fe_gen_expr(g, n->a);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_ToNumeric, fe_slot(g, FS_BinaryOp));
        return;
    case T_TILDE:
        fe_gen_expr(g, n->a);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_BitwiseNot, fe_slot(g, FS_BinaryOp));
        return;
    case T_BANG:
        fe_gen_expr(g, n->a);
        fe_emit(g, BC_LogicalNot);
        return;
    case T_TYPEOF: {
        Node *a = n->a;
        if (a->kind == N_IDENT) {
            fe_gen_load_var_mode(g, a, true);
        } else {
            fe_gen_expr(g, a);
        }
        fe_emit(g, BC_TypeOf);
        return;
    }
    case T_VOID:
        fe_gen_effect(g, n->a);
        fe_emit(g, BC_LdaUndefined);
        return;
    case T_DELETE:
        gen_delete(g, n);
        return;
    }
}

static void gen_binary(Gen *g, Node *n) {
    int32_t imm;
    if ((n->op == T_PLUS || n->op == T_MINUS) && is_int32_num(n->b, &imm)) {
        fe_gen_expr(g, n->a);
        fe_pos_node(g, n, false);
        fe_emit(g, n->op == T_PLUS ? BC_AddSmi : BC_SubSmi, imm, fe_slot(g, FS_BinaryOp));
        return;
    }
    /* x == null, x === undefined: one-operand tests */
    if ((n->op == T_EQ || n->op == T_NE) && (n->b->kind == N_NULL || is_undefined_ident(g, n->b))) {
        fe_gen_expr(g, n->a);
        fe_emit(g, BC_TestNullish);
        if (n->op == T_NE) fe_emit(g, BC_LogicalNot);
        return;
    }
    if ((n->op == T_EQ_STRICT || n->op == T_NE_STRICT) && is_undefined_ident(g, n->b)) {
        fe_gen_expr(g, n->a);
        fe_emit(g, BC_TestUndefined);
        if (n->op == T_NE_STRICT) fe_emit(g, BC_LogicalNot);
        return;
    }
    uint32_t mark = fe_reg_mark(g);
    uint32_t l = value_in_reg(g, n->a, n->b);
    fe_gen_expr(g, n->b);
    fe_pos_node(g, n, false);
    emit_binop(g, n->op, l);
    fe_reg_release(g, mark);
}

static void gen_logical(Gen *g, Node *n) {
    Label end = fe_label(g);
    fe_gen_expr(g, n->a);
    if (n->op == T_AND) fe_emit(g, yields_boolean(n->a) ? BC_JumpIfFalse : BC_JumpIfToBooleanFalse, end);
    else if (n->op == T_OR) fe_emit(g, yields_boolean(n->a) ? BC_JumpIfTrue : BC_JumpIfToBooleanTrue, end);
    else fe_emit(g, BC_JumpIfNotNullish, end);
    fe_gen_expr(g, n->b);
    fe_bind(g, end);
}

static void gen_template(Gen *g, Node *n) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t acc_reg = fe_reg(g);
    bool have = false;
    for (uint32_t i = 0; i < n->list.count; i++) {
        Node *part = n->list.items[i];
        bool chunk = (i % 2) == 0;
        if (chunk && part->str.len == 0) continue;
        if (have) fe_emit(g, BC_Star, acc_reg);
        if (chunk) {
            fe_emit(g, BC_LdaConstant, fe_const_str(g, part->str));
        } else {
            fe_gen_expr(g, part);
            fe_pos_node(g, part, false);
            fe_emit(g, BC_ToString);
        }
        if (have) fe_emit(g, BC_Add, acc_reg, fe_slot(g, FS_BinaryOp));
        have = true;
    }
    if (!have) fe_emit(g, BC_LdaConstant, fe_const_atom(g, g->fc->a_empty));
    fe_reg_release(g, mark);
}

static void gen_optchain(Gen *g, Node *n) {
    Label saved = g->opt_label;
    Label nullish = fe_label(g), end = fe_label(g);
    g->opt_label = nullish;
    fe_gen_expr(g, n->a);
    g->opt_label = saved;
    fe_emit(g, BC_Jump, end);
    fe_bind(g, nullish);
    fe_emit(g, BC_LdaUndefined);
    fe_bind(g, end);
}

/* ---- entry points ------------------------------------------------------------------------------------ */
void fe_gen_expr(Gen *g, Node *n) {
    switch (n->kind) {
    case N_NUM: {
        int32_t i;
        if (is_int32_num(n, &i)) fe_emit(g, BC_LdaSmi, i);
        else fe_emit(g, BC_LdaConstant, fe_const_num(g, n->num));
        return;
    }
    case N_STR: fe_emit(g, BC_LdaConstant, fe_const_str(g, n->str)); return;
    case N_TEMPLATE: gen_template(g, n); return;
    case N_IDENT: fe_gen_load_var(g, n); return;
    case N_THIS: load_this(g, n); return;
    case N_NULL: fe_emit(g, BC_LdaNull); return;
    case N_TRUE: fe_emit(g, BC_LdaTrue); return;
    case N_FALSE: fe_emit(g, BC_LdaFalse); return;
    case N_NEW_TARGET:
        if (n->binding) fe_gen_load_binding(g, n->binding, g->fc->a_newtarget, false);
        else fe_emit(g, BC_LdaNewTarget);
        return;
    case N_ARRAY:
        if (n->flags & FL_COVER_INIT) { fe_gen_error(g, n, "Invalid shorthand property initializer"); return; }
        fe_gen_array(g, n);
        return;
    case N_OBJECT: fe_gen_object(g, n); return;
    case N_FUNC: fe_gen_closure(g, n->func); return;
    case N_CLASS: fe_gen_class(g, n); return;
    case N_UNARY: gen_unary(g, n); return;
    case N_UPDATE: gen_update(g, n, true); return;
    case N_BINARY: gen_binary(g, n); return;
    case N_LOGICAL: gen_logical(g, n); return;
    case N_ASSIGN: gen_assign(g, n); return;
    case N_COND: {
        Label lelse = fe_label(g), end = fe_label(g);
        fe_gen_jump_if_false(g, n->a, lelse);
        fe_gen_expr(g, n->b);
        fe_emit(g, BC_Jump, end);
        fe_bind(g, lelse);
        fe_gen_expr(g, n->c);
        fe_bind(g, end);
        return;
    }
    case N_SEQ:
        for (uint32_t i = 0; i + 1 < n->list.count; i++) fe_gen_effect(g, n->list.items[i]);
        fe_gen_expr(g, n->list.items[n->list.count - 1]);
        return;
    case N_CALL: gen_call(g, n); return;
    case N_NEW: gen_new(g, n); return;
    case N_MEMBER: case N_INDEX: gen_member(g, n); return;
    case N_OPTCHAIN: gen_optchain(g, n); return;
    case N_NATIVE: gen_native(g, n); return;
    default:
        fe_gen_error(g, n, "Unexpected token");
        return;
    }
}

void fe_gen_effect(Gen *g, Node *n) {
    if (n->kind == N_UPDATE) { gen_update(g, n, false); return; }
    fe_gen_expr(g, n);
}
