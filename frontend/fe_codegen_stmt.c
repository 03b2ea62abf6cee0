/* fe_codegen_stmt.c — statements to bytecode: declarations, blocks with
 * their contexts, if, the loops (with a JumpLoop at every back edge, a fresh
 * context per iteration for captured let bindings as the spec's
 * CreatePerIterationEnvironment, iterator closing for for-of), switch with
 * strict equality and fall-through, labelled break/continue, and
 * try/catch/finally. A finally block is entered with a completion kind and
 * value in two registers and ends in a dispatch that resumes whatever jump,
 * return or throw was interrupted.
 */
#include <stdlib.h>
#include <string.h>
#include "fe_codegen.h"

/* ---- leaving through controls ----------------------------------------------------------- */
static bool finally_outside(Control *c, Control *target) {
    for (; c && c != target; c = c->outer)
        if (c->kind == CT_FINALLY) return true;
    return false;
}

static int finally_token(Control *c, int mode, Control *target) {
    for (int i = 0; i < c->njumps; i++)
        if (c->jumps[i].mode == mode && c->jumps[i].target == target) return c->jumps[i].token;
    if (c->njumps == c->jumps_cap) {
        c->jumps_cap = c->jumps_cap ? c->jumps_cap * 2 : 4;
        FinallyJump *nj = realloc(c->jumps, (size_t)c->jumps_cap * sizeof *nj);
        if (!nj) abort();
        c->jumps = nj;
    }
    int token = FIN_FIRST_JUMP + c->njumps;
    c->jumps[c->njumps++] = (FinallyJump){token, mode, target};
    return token;
}

static void jump_from(Gen *g, Control *from, Control *target, int mode) {
    for (Control *c = from; c && c != target; c = c->outer) {
        switch (c->kind) {
        case CT_CONTEXT:
            if (mode != JUMP_RETURN || finally_outside(c->outer, target)) fe_emit(g, BC_PopContext);
            break;
        case CT_ITERATOR:
            if (mode == JUMP_CONTINUE && c->owner == target) break;
            if (mode == JUMP_RETURN) {
                uint32_t mark = fe_reg_mark(g), r = fe_reg(g);
                fe_emit(g, BC_Star, r);
                fe_emit(g, BC_IteratorClose, c->iter_reg);
                fe_emit(g, BC_Ldar, r);
                fe_reg_release(g, mark);
            } else {
                fe_emit(g, BC_IteratorClose, c->iter_reg);
            }
            break;
        case CT_FINALLY: {
            int token;
            if (mode == JUMP_RETURN) {
                fe_emit(g, BC_Star, c->value_reg);
                token = FIN_RETURN;
                c->used_return = true;
            } else {
                token = finally_token(c, mode, target);
            }
            fe_emit(g, BC_LdaSmi, (int32_t)token);
            fe_emit(g, BC_Star, c->kind_reg);
            fe_emit(g, BC_Jump, c->finally_label);
            return;
        }
        default:
            break;
        }
    }
    if (mode == JUMP_RETURN) {
        if (g->fn->flags & FN_DERIVED) {
            /* a derived constructor returning undefined returns its this,
             * which super() must have bound by now */
            Label ok = fe_label(g);
            fe_emit(g, BC_JumpIfNotUndefined, ok);
            fe_emit(g, BC_LdaThis);
            fe_emit(g, BC_ThrowSuperNotCalled);
            fe_bind(g, ok);
        }
        fe_emit(g, BC_Return);
    }
    else fe_emit(g, BC_Jump, mode == JUMP_BREAK ? target->break_label : target->continue_label);
}

void fe_gen_jump(Gen *g, Control *target, int mode) { jump_from(g, g->ctl, target, mode); }
void fe_gen_return(Gen *g) { jump_from(g, g->ctl, NULL, JUMP_RETURN); }

/* ---- helpers ---------------------------------------------------------------------------- */
static void take_labels(Gen *g, Control *c) {
    c->labels = g->pending_labels;
    c->nlabels = g->npending;
    g->pending_labels = NULL;
    g->npending = 0;
}

static bool has_label(Control *c, const char *name) {
    for (int i = 0; i < c->nlabels; i++)
        if (c->labels[i] == name) return true;
    return false;
}

static void push_loop(Gen *g, Control *c) {
    fe_push_control(g, c, CT_LOOP);
    take_labels(g, c);
    c->break_label = fe_label(g);
    c->continue_label = fe_label(g);
}

static void jump_loop(Gen *g, Label top) {
    fe_emit(g, BC_JumpLoop, top, (uint32_t)(g->loop_depth > 0 ? g->loop_depth - 1 : 0));
}

/* CreatePerIterationEnvironment: a fresh copy of the loop's context. */
static void copy_context(Gen *g, Scope *s) {
    uint32_t n = s->context_slots;
    uint32_t mark = fe_reg_mark(g), base = fe_regs(g, n);
    for (uint32_t i = 0; i < n; i++) {
        fe_emit(g, BC_LdaContextSlot, 0, i);
        fe_emit(g, BC_Star, base + i);
    }
    fe_emit(g, BC_PopContext);
    fe_emit(g, BC_PushContext, n);
    for (uint32_t i = 0; i < n; i++) {
        fe_emit(g, BC_Ldar, base + i);
        fe_emit(g, BC_StaContextSlot, 0, i);
    }
    fe_reg_release(g, mark);
}

static void gen_var(Gen *g, Node *v) {
    for (uint32_t i = 0; i < v->list.count; i++) {
        Node *d = v->list.items[i];
        if (!d->b) {
            if (v->op == DECL_VAR) continue;
            fe_pos_node(g, d, true);
            fe_emit(g, BC_LdaUndefined);
            fe_gen_store_var(g, d->a, true);
            continue;
        }
        fe_pos_node(g, d, true);
        if (d->a->kind == N_IDENT && (d->a->flags & FL_WITH)) {
            uint32_t mark = fe_reg_mark(g), rb = fe_reg(g);
            fe_gen_with_base(g, d->a, rb);      /* resolved before the initializer runs */
            fe_gen_expr(g, d->b);
            fe_gen_with_store(g, d->a, rb, true);
            fe_reg_release(g, mark);
        } else if (d->a->kind == N_IDENT) {
            fe_gen_expr(g, d->b);
            fe_gen_store_var(g, d->a, true);
        } else {
            uint32_t mark = fe_reg_mark(g), r = fe_reg(g);
            fe_gen_expr(g, d->b);
            fe_emit(g, BC_Star, r);
            fe_gen_assign_to(g, d->a, r, v->op + 1);
            fe_reg_release(g, mark);
        }
    }
}

/* The target of a for-in/of iteration gets the value in `val`. */
static void assign_iteration(Gen *g, Node *left, uint32_t val) {
    if (left->kind == N_VAR) fe_gen_assign_to(g, left->list.items[0]->a, val, left->op + 1);
    else fe_gen_assign_to(g, left, val, 0);
}

/* ---- loops ----------------------------------------------------------------------------------- */
static void gen_while(Gen *g, Node *n) {
    Control c;
    push_loop(g, &c);
    Label top = fe_label(g);
    fe_bind(g, top);
    g->loop_depth++;
    fe_pos_node(g, n->a, true);
    fe_gen_jump_if_false(g, n->a, c.break_label);
    fe_gen_stmt(g, n->d);
    fe_bind(g, c.continue_label);
    jump_loop(g, top);
    g->loop_depth--;
    fe_bind(g, c.break_label);
    fe_pop_control(g, &c);
}

static void gen_do_while(Gen *g, Node *n) {
    Control c;
    push_loop(g, &c);
    Label top = fe_label(g);
    fe_bind(g, top);
    g->loop_depth++;
    fe_gen_stmt(g, n->d);
    fe_bind(g, c.continue_label);
    fe_pos_node(g, n->a, true);
    fe_gen_jump_if_false(g, n->a, c.break_label);
    jump_loop(g, top);
    g->loop_depth--;
    fe_bind(g, c.break_label);
    fe_pop_control(g, &c);
}

static void gen_for(Gen *g, Node *n) {
    Scope *outer = g->scope;
    Control cctx, c;
    const char **labels = g->pending_labels;
    int nlabels = g->npending;
    g->pending_labels = NULL;
    g->npending = 0;
    fe_enter_scope(g, n->scope, &cctx, NULL);
    if (n->a) {
        if (n->a->kind == N_VAR) gen_var(g, n->a);
        else { fe_pos_node(g, n->a, true); fe_gen_effect(g, n->a); }
    }
    bool per_iter = n->scope && n->scope->has_context;
    if (per_iter) copy_context(g, n->scope);
    g->pending_labels = labels;
    g->npending = nlabels;
    push_loop(g, &c);
    Label top = fe_label(g);
    fe_bind(g, top);
    g->loop_depth++;
    if (n->b) {
        fe_pos_node(g, n->b, true);
        fe_gen_jump_if_false(g, n->b, c.break_label);
    }
    fe_gen_stmt(g, n->d);
    fe_bind(g, c.continue_label);
    if (per_iter) copy_context(g, n->scope);
    if (n->c) {
        fe_pos_node(g, n->c, true);
        fe_gen_effect(g, n->c);
    }
    jump_loop(g, top);
    g->loop_depth--;
    fe_bind(g, c.break_label);
    fe_pop_control(g, &c);
    fe_exit_scope(g, n->scope, &cctx, outer);
}

static void gen_for_in(Gen *g, Node *n) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t it = fe_reg(g), val = fe_reg(g);
    fe_pos_node(g, n, true);
    fe_gen_expr(g, n->b);
    fe_emit(g, BC_ForInPrepare);
    fe_emit(g, BC_Star, it);
    Control c, cctx;
    push_loop(g, &c);
    Label top = fe_label(g);
    fe_bind(g, top);
    g->loop_depth++;
    fe_emit(g, BC_ForInNext, it);
    fe_emit(g, BC_JumpIfHole, c.break_label);
    fe_emit(g, BC_Star, val);
    Scope *outer = g->scope;
    fe_enter_scope(g, n->scope, &cctx, NULL);
    assign_iteration(g, n->a, val);
    fe_gen_stmt(g, n->d);
    fe_exit_scope(g, n->scope, &cctx, outer);
    fe_bind(g, c.continue_label);
    jump_loop(g, top);
    g->loop_depth--;
    fe_bind(g, c.break_label);
    fe_pop_control(g, &c);
    fe_reg_release(g, mark);
}

static void gen_for_of(Gen *g, Node *n) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t it = fe_reg(g), val = fe_reg(g), ctx = fe_reg(g);
    fe_pos_node(g, n, true);
    fe_gen_expr(g, n->b);
    fe_pos_node(g, n->b, false);
    fe_emit(g, BC_GetIterator);
    fe_emit(g, BC_Star, it);
    fe_emit(g, BC_LdaCurrentContext);
    fe_emit(g, BC_Star, ctx);
    Control c, cit, cctx;
    push_loop(g, &c);
    Label top = fe_label(g), handler = fe_label(g);
    fe_bind(g, top);
    g->loop_depth++;
    fe_emit(g, BC_IteratorNext, it);
    fe_emit(g, BC_JumpIfHole, c.break_label);
    fe_emit(g, BC_Star, val);
    uint32_t start = g->len;
    fe_push_control(g, &cit, CT_ITERATOR);
    cit.iter_reg = it;
    cit.owner = &c;
    Scope *outer = g->scope;
    fe_enter_scope(g, n->scope, &cctx, NULL);
    assign_iteration(g, n->a, val);
    fe_gen_stmt(g, n->d);
    fe_exit_scope(g, n->scope, &cctx, outer);
    fe_pop_control(g, &cit);
    fe_bind(g, c.continue_label);
    jump_loop(g, top);
    uint32_t end = g->len;
    g->loop_depth--;
    /* an exception in the body closes the iterator, then propagates */
    fe_add_handler(g, start, end, handler, ctx);
    fe_bind(g, handler);
    fe_emit(g, BC_Star, val);
    fe_emit(g, BC_IteratorClose, it);
    fe_emit(g, BC_Ldar, val);
    fe_emit(g, BC_ReThrow);
    fe_bind(g, c.break_label);
    fe_pop_control(g, &c);
    fe_reg_release(g, mark);
}

/* ---- switch ----------------------------------------------------------------------------------- */
static void gen_switch(Gen *g, Node *n) {
    uint32_t mark = fe_reg_mark(g), disc = fe_reg(g);
    fe_pos_node(g, n, true);
    fe_gen_expr(g, n->a);
    fe_emit(g, BC_Star, disc);
    Scope *outer = g->scope;
    Control cctx, c;
    const char **labels = g->pending_labels;
    int nlabels = g->npending;
    g->pending_labels = NULL;
    g->npending = 0;
    fe_enter_scope(g, n->scope, &cctx, NULL);
    for (uint32_t i = 0; i < n->list.count; i++) fe_hoist_functions(g, &n->list.items[i]->list);
    g->pending_labels = labels;
    g->npending = nlabels;
    fe_push_control(g, &c, CT_BREAKABLE);
    take_labels(g, &c);
    c.is_switch = true;
    c.break_label = fe_label(g);
    Label *case_labels = calloc(n->list.count + 1, sizeof *case_labels);
    if (!case_labels) abort();
    Label dflt = c.break_label;
    for (uint32_t i = 0; i < n->list.count; i++) {
        Node *cs = n->list.items[i];
        case_labels[i] = fe_label(g);
        if (!cs->a) { dflt = case_labels[i]; continue; }
        fe_pos_node(g, cs->a, true);
        fe_gen_expr(g, cs->a);
        fe_emit(g, BC_TestEqualStrict, disc, fe_slot(g, FS_Compare));
        fe_emit(g, BC_JumpIfTrue, case_labels[i]);
    }
    fe_emit(g, BC_Jump, dflt);
    for (uint32_t i = 0; i < n->list.count; i++) {
        fe_bind(g, case_labels[i]);
        fe_gen_stmts(g, &n->list.items[i]->list);
    }
    free(case_labels);
    fe_bind(g, c.break_label);
    fe_pop_control(g, &c);
    fe_exit_scope(g, n->scope, &cctx, outer);
    fe_reg_release(g, mark);
}

/* ---- try ----------------------------------------------------------------------------------------- */
static void gen_try_catch(Gen *g, Node *n) {
    uint32_t mark = fe_reg_mark(g), ctx = fe_reg(g);
    fe_emit(g, BC_LdaCurrentContext);
    fe_emit(g, BC_Star, ctx);
    uint32_t start = g->len;
    fe_gen_stmt(g, n->a);
    uint32_t end = g->len;
    Label after = fe_label(g), handler = fe_label(g);
    if (!fe_last_is_terminal(g)) fe_emit(g, BC_Jump, after);
    fe_add_handler(g, start, end, handler, ctx);
    fe_bind(g, handler);
    Scope *outer = g->scope;
    Control cc;
    if (n->b) {
        uint32_t exc = fe_reg(g);
        fe_emit(g, BC_Star, exc);
        fe_enter_scope(g, n->scope, &cc, NULL);
        fe_gen_assign_to(g, n->b, exc, DECL_LET + 1);
    } else {
        fe_enter_scope(g, n->scope, &cc, NULL);
    }
    fe_gen_stmt(g, n->c);
    fe_exit_scope(g, n->scope, &cc, outer);
    fe_bind(g, after);
    fe_reg_release(g, mark);
}

static void gen_try(Gen *g, Node *n) {
    if (!n->d) {
        gen_try_catch(g, n);
        return;
    }
    uint32_t mark = fe_reg_mark(g);
    uint32_t kind_reg = fe_reg(g), value_reg = fe_reg(g), ctx = fe_reg(g);
    fe_emit(g, BC_LdaCurrentContext);
    fe_emit(g, BC_Star, ctx);
    Control c;
    fe_push_control(g, &c, CT_FINALLY);
    c.kind_reg = kind_reg;
    c.value_reg = value_reg;
    c.finally_label = fe_label(g);
    uint32_t start = g->len;
    if (n->c) gen_try_catch(g, n);
    else fe_gen_stmt(g, n->a);
    uint32_t end = g->len;
    g->ctl = c.outer;                         /* the finally block runs outside */
    if (!fe_last_is_terminal(g)) {
        fe_emit(g, BC_LdaSmi, (int32_t)FIN_NORMAL);
        fe_emit(g, BC_Star, kind_reg);
        fe_emit(g, BC_Jump, c.finally_label);
    }
    Label handler = fe_label(g);
    fe_add_handler(g, start, end, handler, ctx);
    fe_bind(g, handler);
    fe_emit(g, BC_Star, value_reg);
    fe_emit(g, BC_LdaSmi, (int32_t)FIN_THROW);
    fe_emit(g, BC_Star, kind_reg);
    fe_bind(g, c.finally_label);
    fe_pos_node(g, n->d, true);
    fe_gen_stmt(g, n->d);
    Label after = fe_label(g);
    if (!fe_last_is_terminal(g)) {
        Label *targets = calloc((size_t)c.njumps + 2, sizeof *targets);
        if (!targets) abort();
        Label lthrow = fe_label(g), lret = fe_label(g);
        for (int i = 0; i < c.njumps; i++) {
            targets[i] = fe_label(g);
            fe_emit(g, BC_LdaSmi, (int32_t)c.jumps[i].token);
            fe_emit(g, BC_TestEqualStrict, kind_reg, fe_slot(g, FS_Compare));
            fe_emit(g, BC_JumpIfTrue, targets[i]);
        }
        if (c.used_return) {
            fe_emit(g, BC_LdaSmi, (int32_t)FIN_RETURN);
            fe_emit(g, BC_TestEqualStrict, kind_reg, fe_slot(g, FS_Compare));
            fe_emit(g, BC_JumpIfTrue, lret);
        }
        fe_emit(g, BC_LdaSmi, (int32_t)FIN_THROW);
        fe_emit(g, BC_TestEqualStrict, kind_reg, fe_slot(g, FS_Compare));
        fe_emit(g, BC_JumpIfFalse, after);
        fe_bind(g, lthrow);
        fe_emit(g, BC_Ldar, value_reg);
        fe_emit(g, BC_ReThrow);
        if (c.used_return) {
            fe_bind(g, lret);
            fe_emit(g, BC_Ldar, value_reg);
            fe_gen_return(g);
        }
        for (int i = 0; i < c.njumps; i++) {
            fe_bind(g, targets[i]);
            fe_gen_jump(g, c.jumps[i].target, c.jumps[i].mode);
        }
        free(targets);
    }
    free(c.jumps);
    fe_bind(g, after);
    fe_reg_release(g, mark);
}

/* ---- statements ------------------------------------------------------------------------------------ */
static void gen_labeled(Gen *g, Node *n) {
    const char *names[64];
    int count = 0;
    Node *s = n;
    while (s->kind == N_LABELED) {
        if (count < 64) names[count++] = s->name;
        s = s->a;
    }
    const char **labels = fe_alloc(g->fc, (size_t)count * sizeof *labels);
    memcpy(labels, names, (size_t)count * sizeof *labels);
    if (s->kind == N_FOR || s->kind == N_WHILE || s->kind == N_DO_WHILE || s->kind == N_FOR_IN ||
        s->kind == N_FOR_OF || s->kind == N_SWITCH) {
        g->pending_labels = labels;
        g->npending = count;
        fe_gen_stmt(g, s);
        return;
    }
    Control c;
    fe_push_control(g, &c, CT_BREAKABLE);
    c.labels = labels;
    c.nlabels = count;
    c.break_label = fe_label(g);
    fe_gen_stmt(g, s);
    fe_bind(g, c.break_label);
    fe_pop_control(g, &c);
}

static void gen_break_continue(Gen *g, Node *n) {
    bool is_break = n->kind == N_BREAK;
    Control *c = g->ctl;
    for (; c; c = c->outer) {
        if (c->kind != CT_LOOP && c->kind != CT_BREAKABLE) continue;
        if (n->name) {
            if (has_label(c, n->name) && (is_break || c->kind == CT_LOOP)) break;
        } else if (c->kind == CT_LOOP || (is_break && c->is_switch)) {
            break;
        }
    }
    if (!c) {
        fe_gen_error(g, n, is_break ? "Illegal break statement" : "Illegal continue statement");
        return;
    }
    fe_pos_node(g, n, true);
    fe_gen_jump(g, c, is_break ? JUMP_BREAK : JUMP_CONTINUE);
}

/* with (o) body: the object, converted by ToObject, goes to slot 0 of the
 * with scope's Context; identifiers inside look there first (FL_WITH). */
static void gen_with(Gen *g, Node *n) {
    Scope *outer = g->scope;
    Control c;
    fe_pos_node(g, n, true);
    fe_gen_expr(g, n->a);
    fe_pos_node(g, n->a, false);
    fe_emit(g, BC_ToObject);
    uint32_t mark = fe_reg_mark(g), r = fe_reg(g);
    fe_emit(g, BC_Star, r);
    fe_enter_scope(g, n->scope, &c, NULL);
    fe_emit(g, BC_Ldar, r);
    fe_emit(g, BC_StaContextSlot, 0, 0);
    fe_reg_release(g, mark);
    if (g->completion_reg >= 0) {
        fe_emit(g, BC_LdaUndefined);
        fe_emit(g, BC_Star, (uint32_t)g->completion_reg);
    }
    fe_gen_stmt(g, n->b);
    fe_exit_scope(g, n->scope, &c, outer);
}

void fe_gen_stmts(Gen *g, NodeList *l) {
    for (uint32_t i = 0; i < l->count; i++) fe_gen_stmt(g, l->items[i]);
}

void fe_gen_stmt(Gen *g, Node *n) {
    if (!n) return;
    switch (n->kind) {
    case N_EXPR_STMT:
        fe_pos_node(g, n, true);
        if (g->completion_reg >= 0) {
            fe_gen_expr(g, n->a);
            fe_emit(g, BC_Star, (uint32_t)g->completion_reg);
        } else {
            fe_gen_effect(g, n->a);
        }
        break;
    case N_VAR: gen_var(g, n); break;
    case N_FUNC_DECL:
        if (n->flags & FL_ANNEXB) {
            Binding *var = fe_scope_find(g->fn->scope, n->func->name);
            if (var && var != n->binding) {
                fe_gen_load_binding(g, n->binding, n->func->name, false);
                fe_gen_store_binding(g, var, n->func->name, true);
            }
        }
        break;
    case N_CLASS_DECL:
        fe_pos_node(g, n, true);
        fe_gen_class(g, n);
        fe_gen_store_binding(g, n->binding, n->name, true);
        break;
    case N_RETURN:
        fe_pos_node(g, n, true);
        if (n->a) fe_gen_expr(g, n->a);
        else fe_emit(g, BC_LdaUndefined);
        fe_gen_return(g);
        break;
    case N_THROW:
        fe_pos_node(g, n, true);
        fe_gen_expr(g, n->a);
        fe_pos_node(g, n, false);
        fe_emit(g, BC_Throw);
        break;
    case N_BLOCK: {
        Scope *outer = g->scope;
        Control c;
        fe_enter_scope(g, n->scope, &c, &n->list);
        fe_gen_stmts(g, &n->list);
        fe_exit_scope(g, n->scope, &c, outer);
        break;
    }
    case N_IF: {
        Label lelse = fe_label(g), lend = fe_label(g);
        fe_pos_node(g, n, true);
        fe_gen_jump_if_false(g, n->a, lelse);
        fe_gen_stmt(g, n->b);
        if (n->c) {
            if (!fe_last_is_terminal(g)) fe_emit(g, BC_Jump, lend);
            fe_bind(g, lelse);
            fe_gen_stmt(g, n->c);
        } else {
            fe_bind(g, lelse);
        }
        fe_bind(g, lend);
        break;
    }
    case N_WHILE: gen_while(g, n); break;
    case N_DO_WHILE: gen_do_while(g, n); break;
    case N_FOR: gen_for(g, n); break;
    case N_FOR_IN: gen_for_in(g, n); break;
    case N_FOR_OF: gen_for_of(g, n); break;
    case N_SWITCH: gen_switch(g, n); break;
    case N_TRY: gen_try(g, n); break;
    case N_LABELED: gen_labeled(g, n); break;
    case N_BREAK: case N_CONTINUE: gen_break_continue(g, n); break;
    case N_DEBUGGER: fe_pos_node(g, n, true); fe_emit(g, BC_Debugger); break;
    case N_WITH: gen_with(g, n); break;
    case N_EMPTY: break;
    default: fe_gen_error(g, n, "Unexpected statement"); break;
    }
}
