/* fe_codegen.c — bytecode generation for whole functions: the prologue
 * that FunctionDeclarationInstantiation (ECMA-262 §10.2.11) asks for —
 * captured parameters copied into the function Context, `arguments`, the
 * saved `this`/new.target of inner arrows, TDZ holes, parameter defaults and
 * patterns, hoisted function declarations, and for scripts the global
 * declarations (§16.1.7) — then the body and the epilogue. Also variable
 * access (register, context slot at a static depth, or global) and the block
 * scope/control stack plumbing shared by statements and expressions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fe_codegen.h"

/* ---- variables --------------------------------------------------------------------- */
uint32_t fe_ctx_depth(Gen *g, Scope *target) {
    uint32_t d = 0;
    for (Scope *s = g->scope; s && s != target; s = s->parent)
        if (s->has_context) d++;
    return d;
}

void fe_gen_load_binding(Gen *g, Binding *b, const char *name, bool tdz) {
    if (!b) {
        if (name == g->fc->a_undefined) fe_emit(g, BC_LdaUndefined);
        else fe_emit(g, BC_LdaGlobal, fe_const_atom(g, name), fe_slot(g, FS_Global));
        return;
    }
    switch (b->loc) {
    case LOC_REG: fe_emit(g, BC_Ldar, b->index); break;
    case LOC_CTX: fe_emit(g, BC_LdaContextSlot, fe_ctx_depth(g, b->scope), b->index); break;
    default: fe_emit(g, BC_LdaGlobal, fe_const_atom(g, b->name), fe_slot(g, FS_Global)); break;
    }
    if (tdz && b->tdz) fe_emit(g, BC_ThrowIfHole, fe_const_atom(g, b->name));
}

static void store_raw(Gen *g, Binding *b, const char *name) {
    if (!b) {
        fe_emit(g, BC_StaGlobal, fe_const_atom(g, name), fe_slot(g, FS_Global));
        return;
    }
    switch (b->loc) {
    case LOC_REG: fe_emit(g, BC_Star, b->index); break;
    case LOC_CTX: fe_emit(g, BC_StaContextSlot, fe_ctx_depth(g, b->scope), b->index); break;
    default: fe_emit(g, BC_StaGlobal, fe_const_atom(g, b->name), fe_slot(g, FS_Global)); break;
    }
}

static bool global_lexical(Binding *b) {
    return b && b->loc == LOC_GLOBAL && (b->kind == B_LET || b->kind == B_CONST || b->kind == B_CLASS);
}

static void store_checked(Gen *g, Binding *b, const char *name, bool init, bool tdz) {
    if (init && global_lexical(b)) {
        fe_emit(g, BC_StaGlobalLexical, fe_const_atom(g, b->name));
        return;
    }
    if (global_lexical(b)) {                /* StaGlobal checks TDZ and const at run time */
        store_raw(g, b, name);
        return;
    }
    if (b && !init) {
        if (tdz && b->tdz) {
            uint32_t mark = fe_reg_mark(g);
            uint32_t r = fe_reg(g);
            fe_emit(g, BC_Star, r);
            fe_gen_load_binding(g, b, name, true);
            fe_emit(g, BC_Ldar, r);
            fe_reg_release(g, mark);
        }
        if (b->kind == B_CONST || b->kind == B_CLASS_INNER) {
            fe_emit(g, BC_ThrowConstAssign, fe_const_atom(g, b->name));
            return;
        }
        if (b->kind == B_SELF) {
            if (g->fn->flags & FN_STRICT) fe_emit(g, BC_ThrowConstAssign, fe_const_atom(g, b->name));
            return;
        }
    }
    store_raw(g, b, name);
}

void fe_gen_store_binding(Gen *g, Binding *b, const char *name, bool init) {
    store_checked(g, b, name, init, false);
}

static void load_static(Gen *g, Node *id, bool typeof_mode) {
    Binding *b = id->binding;
    if (!b || b->loc == LOC_GLOBAL || (id->flags & FL_TDZ)) fe_pos_node(g, id, false);   /* may throw */
    if (typeof_mode && (!b || b->loc == LOC_GLOBAL)) {
        fe_emit(g, BC_LdaGlobalTypeof, fe_const_atom(g, id->name), fe_slot(g, FS_Global));
        return;
    }
    fe_gen_load_binding(g, id->binding, id->name, (id->flags & FL_TDZ) != 0);
}

static void store_static(Gen *g, Node *id, bool init) {
    Binding *b = id->binding;
    if (!b || b->loc == LOC_GLOBAL || (id->flags & FL_TDZ) || (!init && b->kind == B_CONST)) fe_pos_node(g, id, false);
    store_checked(g, id->binding, id->name, init, (id->flags & FL_TDZ) != 0);
}

/* ---- identifiers inside `with` (FL_WITH) ------------------------------------------------------
 * The reference is resolved at run time: ResolveWith asks each with object
 * between the reference and its static binding, innermost first, and leaves
 * the first that has the name (or the hole) in register rb. Then every access
 * branches: a property of rb, or the static binding. */
void fe_gen_with_base(Gen *g, Node *id, uint32_t rb) {
    Scope *stop = id->binding ? id->binding->scope : NULL;
    uint32_t k = fe_const_atom(g, id->name);
    fe_pos_node(g, id, false);
    fe_emit(g, BC_LdaTheHole);
    for (Scope *s = g->scope; s && s != stop; s = s->parent)
        if (s->kind == SC_WITH) fe_emit(g, BC_ResolveWith, k, fe_ctx_depth(g, s));
    fe_emit(g, BC_Star, rb);
}

void fe_gen_with_load(Gen *g, Node *id, uint32_t rb, bool typeof_mode) {
    Label other = fe_label(g), done = fe_label(g);
    fe_emit(g, BC_Ldar, rb);
    fe_emit(g, BC_JumpIfHole, other);
    fe_emit(g, BC_GetNamedProperty, rb, fe_const_atom(g, id->name), fe_slot(g, FS_Load));
    fe_emit(g, BC_Jump, done);
    fe_bind(g, other);
    load_static(g, id, typeof_mode);
    fe_bind(g, done);
}

void fe_gen_with_store(Gen *g, Node *id, uint32_t rb, bool init) {
    uint32_t mark = fe_reg_mark(g), v = fe_reg(g);
    Label other = fe_label(g), done = fe_label(g);
    fe_emit(g, BC_Star, v);
    fe_emit(g, BC_Ldar, rb);
    fe_emit(g, BC_JumpIfHole, other);
    if (g->fn->flags & FN_STRICT) {         /* SetMutableBinding: gone from the object -> ReferenceError */
        Label ok = fe_label(g);
        char msg[300];
        snprintf(msg, sizeof msg, "%.200s is not defined", id->name);
        uint32_t t = fe_reg(g);
        fe_emit(g, BC_LdaConstant, fe_const_atom(g, id->name));
        fe_emit(g, BC_Star, t);
        fe_emit(g, BC_Ldar, rb);
        fe_emit(g, BC_TestIn, t, fe_slot(g, FS_Compare));
        fe_emit(g, BC_JumpIfTrue, ok);
        fe_pos_node(g, id, false);
        fe_emit(g, BC_ThrowReferenceError, fe_const_atom(g, fe_atom(g->fc, msg, strlen(msg))));
        fe_bind(g, ok);
    }
    fe_emit(g, BC_Ldar, v);
    fe_pos_node(g, id, false);
    fe_emit(g, BC_SetNamedProperty, rb, fe_const_atom(g, id->name), fe_slot(g, FS_Store));
    fe_emit(g, BC_Jump, done);
    fe_bind(g, other);
    fe_emit(g, BC_Ldar, v);
    store_static(g, id, init);
    fe_bind(g, done);
    fe_emit(g, BC_Ldar, v);
    fe_reg_release(g, mark);
}

void fe_gen_load_var(Gen *g, Node *id) {
    fe_gen_load_var_mode(g, id, false);
}

void fe_gen_load_var_mode(Gen *g, Node *id, bool typeof_mode) {
    if (!(id->flags & FL_WITH)) { load_static(g, id, typeof_mode); return; }
    uint32_t mark = fe_reg_mark(g), rb = fe_reg(g);
    fe_gen_with_base(g, id, rb);
    fe_gen_with_load(g, id, rb, typeof_mode);
    fe_reg_release(g, mark);
}

void fe_gen_store_var(Gen *g, Node *id, bool init) {
    if (!(id->flags & FL_WITH)) { store_static(g, id, init); return; }
    uint32_t mark = fe_reg_mark(g), rb = fe_reg(g), v = fe_reg(g);
    fe_emit(g, BC_Star, v);
    fe_gen_with_base(g, id, rb);
    fe_emit(g, BC_Ldar, v);
    fe_gen_with_store(g, id, rb, init);
    fe_reg_release(g, mark);
}

/* ---- scopes and the control stack ---------------------------------------------------------- */
void fe_push_control(Gen *g, Control *c, int kind) {
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->outer = g->ctl;
    g->ctl = c;
}

void fe_pop_control(Gen *g, Control *c) {
    g->ctl = c->outer;
    free(c->jumps);
    c->jumps = NULL;
}

void fe_gen_closure(Gen *g, FuncNode *fn) {
    BytecodeFunction *bf = fe_gen_function(g->fc, fn, g);
    fe_emit(g, BC_CreateClosure, fe_add_function(g, bf));
}

void fe_hoist_functions(Gen *g, NodeList *stmts) {
    for (uint32_t i = 0; i < stmts->count; i++) {
        Node *n = stmts->items[i];
        while (n->kind == N_LABELED) n = n->a;
        if (n->kind != N_FUNC_DECL) continue;
        fe_gen_closure(g, n->func);
        fe_gen_store_binding(g, n->binding, n->func->name, true);
    }
}

void fe_enter_scope(Gen *g, Scope *s, Control *ctl, NodeList *hoist_fns) {
    if (!s) return;
    if (s->has_context) {
        fe_emit(g, BC_PushContext, s->context_slots);
        fe_push_control(g, ctl, CT_CONTEXT);
    }
    g->scope = s;
    for (Binding *b = s->first; b; b = b->next)
        if (b->loc == LOC_REG && b->tdz && b->checked) {
            fe_emit(g, BC_LdaTheHole);
            fe_emit(g, BC_Star, b->index);
        }
    if (hoist_fns) fe_hoist_functions(g, hoist_fns);
}

void fe_exit_scope(Gen *g, Scope *s, Control *ctl, Scope *outer) {
    if (!s) return;
    if (s->has_context) {
        if (!fe_last_is_terminal(g)) fe_emit(g, BC_PopContext);
        fe_pop_control(g, ctl);
    }
    g->scope = outer;
}

/* ---- the prologue ---------------------------------------------------------------------------- */
static int global_decl_kind(Binding *b) {
    switch (b->kind) {
    case B_LET: return 2;
    case B_CONST: return 3;
    case B_CLASS: return 4;
    case B_FUNC: return 1;
    default: return 0;
    }
}

/* GlobalDeclarationInstantiation (§16.1.7) in one instruction: DeclareGlobals
 * gets [name, kind, ...] (lexical names first, then functions, then vars, the
 * order in which the spec reports conflicts); function values are stored
 * afterwards by the hoisting code. */
static void declare_globals(Gen *g, FuncNode *fn) {
    Scope *s = fn->scope;
    uint32_t n = 0;
    for (Binding *b = s->first; b; b = b->next) n += b->loc == LOC_GLOBAL;
    if (!n) return;
    Value *items = calloc((size_t)n * 2, sizeof *items);
    if (!items) abort();
    uint32_t i = 0;
    static const int order[3][3] = {{2, 3, 4}, {1, 1, 1}, {0, 0, 0}};
    for (int pass = 0; pass < 3; pass++)
        for (Binding *b = s->first; b; b = b->next) {
            int k = global_decl_kind(b);
            if (b->loc != LOC_GLOBAL || (k != order[pass][0] && k != order[pass][1] && k != order[pass][2])) continue;
            items[i++] = fe_atom_value(g->fc, b->name);
            items[i++] = rt_int(k);
        }
    JSObject *arr = rt_array_from(g->rt, items, i);
    free(items);
    fe_emit(g, BC_DeclareGlobals, fe_const(g, rt_ptr(arr)));
}

/* Non-simple parameter lists: defaults, patterns and rest, left to right.
 * A parameter that an earlier default may read before its turn is moved
 * out of its register, which holds the hole until it is initialised. */
static void gen_params(Gen *g, FuncNode *fn) {
    if (fn->flags & FN_SIMPLE_PARAMS) return;
    uint32_t mark = fe_reg_mark(g);
    uint32_t *src = fe_alloc(g->fc, ((size_t)fn->formal_count + 1) * sizeof *src);
    for (uint32_t i = 0; i < fn->formal_count; i++) {
        src[i] = i;
        Binding *b = fn->param_bindings[i];
        if (b && b->loc == LOC_REG && b->index == i && b->checked) {
            src[i] = fe_reg(g);
            fe_emit(g, BC_Ldar, i);
            fe_emit(g, BC_Star, src[i]);
            fe_emit(g, BC_LdaTheHole);
            fe_emit(g, BC_Star, i);
        }
    }
    for (uint32_t i = 0; i < fn->params.count; i++) {
        Node *pn = fn->params.items[i];
        uint32_t m2 = fe_reg_mark(g);
        fe_pos_node(g, pn, true);
        if (pn->kind == N_SPREAD) {
            uint32_t r = fe_reg(g);
            fe_emit(g, BC_CreateRestParameter, fn->formal_count);
            fe_emit(g, BC_Star, r);
            fe_gen_assign_to(g, pn->a, r, DECL_LET + 1);
            fe_reg_release(g, m2);
            continue;
        }
        Node *t = pn->kind == N_ASSIGN ? pn->a : pn;
        uint32_t s = src[i];
        if (pn->kind == N_ASSIGN) {
            Label have = fe_label(g);
            fe_emit(g, BC_Ldar, s);
            fe_emit(g, BC_JumpIfNotUndefined, have);
            fe_gen_expr(g, pn->b);
            fe_emit(g, BC_Star, s);
            fe_bind(g, have);
        }
        if (t->kind == N_IDENT) {
            if (!(t->binding && t->binding->loc == LOC_REG && t->binding->index == s)) {
                fe_emit(g, BC_Ldar, s);
                fe_gen_store_var(g, t, true);
            }
        } else {
            fe_gen_assign_to(g, t, s, DECL_LET + 1);
        }
        fe_reg_release(g, m2);
    }
    fe_reg_release(g, mark);
}

static void set_name(Gen *g, BytecodeFunction *bf, FuncNode *fn) {
    const char *name = fn->name ? fn->name : fn->inferred ? fn->inferred : g->fc->a_empty;
    if (fn->flags & (FN_GETTER | FN_SETTER)) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s %s", (fn->flags & FN_GETTER) ? "get" : "set", name);
        name = fe_atom(g->fc, buf, strlen(buf));
    }
    bf->name = fe_atom_value(g->fc, name);
}

/* After super(...) returned the new object in acc: bind `this`. */
void fe_gen_after_super(Gen *g) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t r = fe_reg(g);
    fe_emit(g, BC_Star, r);
    fe_emit(g, BC_LdaThis);
    fe_emit(g, BC_ThrowSuperAlreadyCalled);
    fe_emit(g, BC_Ldar, r);
    fe_emit(g, BC_StaThis);
    if (g->fn->this_binding) fe_gen_store_binding(g, g->fn->this_binding, g->fc->a_this, true);
    fe_reg_release(g, mark);
}

void fe_gen_implicit_return(Gen *g) {
    FuncNode *fn = g->fn;
    if (fn->flags & FN_DERIVED) {
        fe_emit(g, BC_LdaThis);                 /* falling off the end returns this */
        fe_emit(g, BC_ThrowSuperNotCalled);
        fe_emit(g, BC_Return);
        return;
    } else if (g->completion_reg >= 0) {
        fe_emit(g, BC_Ldar, (uint32_t)g->completion_reg);
    } else {
        fe_emit(g, BC_LdaUndefined);
    }
    fe_gen_return(g);
}

BytecodeFunction *fe_gen_function(FeCompiler *fc, FuncNode *fn, Gen *outer) {
    fe_allocate_function(fc, fn);
    Gen gen, *g = &gen;
    fe_gen_init(g, fc, fn, outer);
    g->next_reg = g->max_reg = (uint32_t)fn->formal_count + fn->local_count;
    g->scope = fn->scope;
    BytecodeFunction *bf = rt_bytecode_new(fc->rt);
    Scope *s = fn->scope;

    if (fn->flags & FN_SCRIPT) {
        g->completion_reg = (int)fe_reg(g);
        fe_emit(g, BC_LdaUndefined);
        fe_emit(g, BC_Star, (uint32_t)g->completion_reg);
    }
    for (uint32_t i = 0; i < fn->params.count; i++) {
        Binding *b = fn->param_bindings[i];
        if (b && b->loc == LOC_CTX && b->param_index == (int)i && (fn->flags & FN_SIMPLE_PARAMS)) {
            fe_emit(g, BC_Ldar, i);
            fe_emit(g, BC_StaContextSlot, 0, b->index);
        }
    }
    if (fn->this_binding) {
        fe_emit(g, BC_LdaThis);
        fe_gen_store_binding(g, fn->this_binding, fc->a_this, true);
    }
    if (fn->newtarget_binding) {
        fe_emit(g, BC_LdaNewTarget);
        fe_gen_store_binding(g, fn->newtarget_binding, fc->a_newtarget, true);
    }
    if (fn->arguments_binding) {
        fe_emit(g, BC_CreateArguments);
        fe_gen_store_binding(g, fn->arguments_binding, fc->a_arguments, true);
    }
    if (fn->self_binding) {
        fe_emit(g, BC_LdaClosure);
        fe_gen_store_binding(g, fn->self_binding, fn->name, true);
    }
    for (Binding *b = s->first; b; b = b->next) {
        if (b->loc == LOC_CTX && b->kind == B_VAR && b != fn->arguments_binding) {
            fe_emit(g, BC_LdaUndefined);
            fe_emit(g, BC_StaContextSlot, 0, b->index);
        } else if (b->loc == LOC_REG && b->tdz && b->checked && !(b->kind == B_PARAM && b->param_index >= 0)) {
            fe_emit(g, BC_LdaTheHole);
            fe_emit(g, BC_Star, b->index);
        }
    }
    if (fn->flags & FN_SCRIPT) declare_globals(g, fn);
    gen_params(g, fn);
    fe_hoist_functions(g, &fn->body);
    if (fn->flags & (FN_CLASS_FIELDS | FN_STATIC_INIT)) fe_gen_fields(g, fn);
    if ((fn->flags & FN_DEFAULT_CTOR) && (fn->flags & FN_DERIVED)) {
        uint32_t r = fe_reg(g);
        fe_position(g, fn->line, fn->col, true);
        fe_emit(g, BC_CreateRestParameter, 0);
        fe_emit(g, BC_Star, r);
        fe_emit(g, BC_SuperCallSpread, r, fe_slot(g, FS_Call));
        fe_gen_after_super(g);
        fe_reg_release(g, r);
    }
    fe_gen_stmts(g, &fn->body);
    if (!fe_last_is_terminal(g)) fe_gen_implicit_return(g);

    fe_gen_finish(g, bf);
    set_name(g, bf, fn);
    bf->script = fc->script;
    bf->src_start = fn->start;
    bf->src_end = fn->end;
    bf->line = fn->line;
    bf->col = fn->col;
    uint32_t f = 0;
    if (fn->flags & FN_STRICT) f |= BFF_STRICT;
    if (fn->flags & FN_ARROW) f |= BFF_ARROW;
    if (fn->flags & FN_METHOD) f |= BFF_METHOD;
    if (fn->flags & FN_CTOR) f |= BFF_CLASS_CTOR;
    if (fn->flags & FN_DERIVED) f |= BFF_DERIVED_CTOR;
    if (fn->flags & FN_GETTER) f |= BFF_GETTER;
    if (fn->flags & FN_SETTER) f |= BFF_SETTER;
    /* new Function bodies must stay constructors: only scripts are marked */
    if (fn->flags & FN_SCRIPT) f |= BFF_TOPLEVEL;
    if (s->has_context) f |= BFF_NEEDS_CONTEXT;
    if (fn->flags & FN_SIMPLE_PARAMS) f |= BFF_HAS_SIMPLE_PARAMS;
    if (fn->flags & FN_CLASS_FIELDS) f |= BFF_CLASS_FIELDS_INIT;
    bf->flags = f;
    bf->param_count = fn->length;
    bf->formal_count = fn->formal_count;
    bf->context_slots = s->has_context ? s->context_slots : 0;
    fe_gen_free(g);
    return bf;
}
