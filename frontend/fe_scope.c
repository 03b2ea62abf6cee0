/* fe_scope.c — scope analysis after parsing (ECMA-262 §9.1 environments,
 * §10.2.11 FunctionDeclarationInstantiation, §14 declarations).
 *
 * One walk over the whole program: each function first declares its
 * parameters, its top-level lexical declarations and its hoisted `var`s
 * (plus sloppy-mode block functions, a simplified Annex B.3.3), then resolves
 * references statement by statement, opening block scopes as it goes. A
 * reference found across a function boundary marks its binding captured.
 * Allocation (per function, just before code generation) gives captured
 * bindings a Context slot of their scope and everything else a register —
 * the split V8 and most closure compilers make ("closure conversion" with
 * flat per-scope environments). `with` is the one dynamic scope: a reference
 * that crosses an SC_WITH scope still gets its static binding but is marked
 * FL_WITH, and the generator adds a run-time lookup in the with objects.
 */
#include <stdio.h>
#include <string.h>
#include "fe_scope.h"

typedef struct Resolver {
    FeCompiler *fc;
    Scope *scope;
    FuncNode *fn;
    int key_counter;
} Resolver;

static void resolve_stmt(Resolver *r, Node *n);
static void resolve_expr(Resolver *r, Node *n);
static void resolve_function(Resolver *r, FuncNode *fn);

Binding *fe_scope_find(Scope *s, const char *name) {
    for (Binding *b = s->first; b; b = b->next)
        if (b->name == name) return b;
    return NULL;
}

static Scope *new_scope(Resolver *r, ScopeKind k) {
    Scope *s = fe_alloc(r->fc, sizeof *s);
    s->kind = k;
    s->parent = r->scope;
    s->func = r->fn;
    if (r->fn->scopes_tail) r->fn->scopes_tail->next_in_func = s;
    else r->fn->scopes = s;
    r->fn->scopes_tail = s;
    return s;
}

static bool var_like(Binding *b) {
    return b->kind == B_VAR || b->kind == B_PARAM || (b->kind == B_FUNC && b->scope->kind == SC_FUNCTION);
}

static Binding *declare(Resolver *r, Scope *s, const char *name, BindingKind kind, uint32_t line, uint32_t col) {
    Binding *b = fe_scope_find(s, name);
    if (b) {
        bool new_var_like = kind == B_VAR || kind == B_PARAM || (kind == B_FUNC && s->kind == SC_FUNCTION);
        if (b->kind == B_SELF) { b->kind = kind; return b; }
        if (new_var_like && var_like(b)) {
            if (kind == B_FUNC && b->kind == B_VAR) b->kind = B_FUNC;
            return b;
        }
        if (kind == B_FUNC && b->kind == B_FUNC && !(s->func->flags & FN_STRICT)) return b;
        fe_error(r->fc, line, col, "Identifier '%s' has already been declared", name);
        return b;
    }
    b = fe_alloc(r->fc, sizeof *b);
    b->name = name;
    b->kind = kind;
    b->scope = s;
    b->param_index = -1;
    b->line = line;
    b->col = col;
    b->tdz = kind == B_LET || kind == B_CONST || kind == B_CLASS || kind == B_CLASS_INNER;
    if (s->last) s->last->next = b;
    else s->first = b;
    s->last = b;
    return b;
}

/* Declares every name bound by a pattern. */
static void declare_pattern(Resolver *r, Scope *s, Node *t, BindingKind kind, uint32_t decl_end) {
    if (!t) return;
    switch (t->kind) {
    case N_IDENT: {
        Binding *b = declare(r, s, t->name, kind, t->line, t->col);
        if (b->kind == kind) b->decl_end = decl_end;
        break;
    }
    case N_ASSIGN: declare_pattern(r, s, t->a, kind, decl_end); break;
    case N_SPREAD: declare_pattern(r, s, t->a, kind, decl_end); break;
    case N_ARRAY:
        for (uint32_t i = 0; i < t->list.count; i++) declare_pattern(r, s, t->list.items[i], kind, decl_end);
        break;
    case N_OBJECT:
        for (uint32_t i = 0; i < t->list.count; i++) declare_pattern(r, s, t->list.items[i]->b, kind, decl_end);
        break;
    default: break;
    }
}

/* let/const/class/function declarations directly in a statement list. */
static void collect_lexical(Resolver *r, Scope *s, NodeList *list) {
    for (uint32_t i = 0; i < list->count; i++) {
        Node *n = list->items[i];
        while (n->kind == N_LABELED) n = n->a;
        if (n->kind == N_VAR && n->op != DECL_VAR) {
            for (uint32_t j = 0; j < n->list.count; j++) {
                Node *d = n->list.items[j];
                declare_pattern(r, s, d->a, n->op == DECL_CONST ? B_CONST : B_LET, d->end);
            }
        } else if (n->kind == N_CLASS_DECL) {
            Binding *b = declare(r, s, n->name, B_CLASS, n->line, n->col);
            b->decl_end = n->end;
        } else if (n->kind == N_FUNC_DECL) {
            n->binding = declare(r, s, n->func->name, B_FUNC, n->line, n->col);
        }
    }
}

static bool has_lexical_conflict(Scope *fs, const char *name) {
    Binding *b = fe_scope_find(fs, name);
    return b && !var_like(b);
}

/* var declarations anywhere in a function body (not in nested functions). */
static void hoist_vars(Resolver *r, Scope *fs, Node *n, bool in_block) {
    if (!n) return;
    switch (n->kind) {
    case N_VAR:
        if (n->op == DECL_VAR)
            for (uint32_t j = 0; j < n->list.count; j++) declare_pattern(r, fs, n->list.items[j]->a, B_VAR, 0);
        break;
    case N_FOR: hoist_vars(r, fs, n->a, true); hoist_vars(r, fs, n->d, true); break;
    case N_FOR_IN: case N_FOR_OF:
        if (n->a->kind == N_VAR) hoist_vars(r, fs, n->a, true);
        hoist_vars(r, fs, n->d, true);
        break;
    case N_BLOCK:
        for (uint32_t i = 0; i < n->list.count; i++) hoist_vars(r, fs, n->list.items[i], true);
        break;
    case N_IF: hoist_vars(r, fs, n->b, true); hoist_vars(r, fs, n->c, true); break;
    case N_WHILE: case N_DO_WHILE: hoist_vars(r, fs, n->d, true); break;
    case N_WITH: hoist_vars(r, fs, n->b, true); break;
    case N_LABELED: hoist_vars(r, fs, n->a, in_block); break;
    case N_TRY: hoist_vars(r, fs, n->a, true); hoist_vars(r, fs, n->c, true); hoist_vars(r, fs, n->d, true); break;
    case N_SWITCH:
        for (uint32_t i = 0; i < n->list.count; i++) {
            Node *c = n->list.items[i];
            for (uint32_t j = 0; j < c->list.count; j++) hoist_vars(r, fs, c->list.items[j], true);
        }
        break;
    case N_FUNC_DECL:
        /* Annex B.3.3: a block-level function in sloppy code is also a var */
        if (in_block && !(fs->func->flags & FN_STRICT) && !has_lexical_conflict(fs, n->func->name)) {
            declare(r, fs, n->func->name, B_VAR, n->line, n->col);
            n->flags |= FL_ANNEXB;
        }
        break;
    default: break;
    }
}

/* ---- references --------------------------------------------------------------------- */
static void resolve_ref_at(Resolver *r, Node *id, bool decl) {
    bool crossed = false;
    for (Scope *s = r->scope; s; s = s->parent) {
        if (s->kind == SC_WITH) id->flags |= FL_WITH;    /* looked up in the object first, at run time */
        Binding *b = fe_scope_find(s, id->name);
        if (!b && s->kind == SC_FUNCTION && id->name == r->fc->a_arguments &&
            !(s->func->flags & (FN_ARROW | FN_SCRIPT | FN_CLASS_FIELDS | FN_STATIC_INIT))) {
            b = declare(r, s, id->name, B_INTERNAL, id->line, id->col);
            s->func->arguments_binding = b;
        }
        if (b) {
            id->binding = b;
            if (crossed) b->captured = true;
            if (!decl && b->tdz && (crossed || s->kind == SC_SWITCH || id->start < b->decl_end)) {
                id->flags |= FL_TDZ;
                b->checked = true;
            }
            return;
        }
        if (s->kind == SC_FUNCTION) crossed = true;
    }
    id->binding = NULL;     /* global */
}

static void resolve_ref(Resolver *r, Node *id) { resolve_ref_at(r, id, false); }

/* A binding occurrence in a declaration: no TDZ check for its initialization. */
static void resolve_decl_target(Resolver *r, Node *t) {
    if (!t) return;
    switch (t->kind) {
    case N_IDENT: resolve_ref_at(r, t, true); break;
    case N_ASSIGN: resolve_decl_target(r, t->a); resolve_expr(r, t->b); break;
    case N_SPREAD: resolve_decl_target(r, t->a); break;
    case N_ARRAY:
        for (uint32_t i = 0; i < t->list.count; i++) resolve_decl_target(r, t->list.items[i]);
        break;
    case N_OBJECT:
        for (uint32_t i = 0; i < t->list.count; i++) {
            Node *pr = t->list.items[i];
            if (pr->flags & FL_COMPUTED) resolve_expr(r, pr->a);
            resolve_decl_target(r, pr->b);
        }
        break;
    default: resolve_expr(r, t); break;
    }
}

/* `this` / new.target inside an arrow: the nearest non-arrow function keeps
 * it in a (captured) internal binding. */
static Binding *lexical_special(Resolver *r, bool is_this) {
    if (!(r->fn->flags & FN_ARROW)) return NULL;
    FuncNode *f = r->fn;
    Scope *s = r->scope;
    while (s && (s->kind != SC_FUNCTION || (s->func->flags & FN_ARROW))) s = s->parent;
    if (!s) return NULL;
    f = s->func;
    Binding **slot = is_this ? &f->this_binding : &f->newtarget_binding;
    if (!*slot) {
        *slot = declare(r, s, is_this ? r->fc->a_this : r->fc->a_newtarget, B_INTERNAL, f->line, f->col);
        if (is_this) f->flags |= FN_USES_THIS;
    }
    (*slot)->captured = true;
    return *slot;
}

static void resolve_class(Resolver *r, Node *cls) {
    Scope *outer = r->scope;
    Scope *s = new_scope(r, SC_CLASS);
    cls->scope = s;
    r->scope = s;
    if (cls->name) {
        Binding *b = declare(r, s, cls->name, B_CLASS_INNER, cls->line, cls->col);
        b->decl_end = cls->end;
    }
    if (cls->a) resolve_expr(r, cls->a);
    for (uint32_t i = 0; i < cls->list.count; i++) {
        Node *m = cls->list.items[i];
        if (m->flags & FL_COMPUTED) {
            resolve_expr(r, m->a);
            if (m->op == PK_FIELD) {
                char name[32];
                snprintf(name, sizeof name, ".key%d", r->key_counter++);
                m->binding = declare(r, s, fe_atom(r->fc, name, strlen(name)), B_INTERNAL, m->line, m->col);
                m->binding->captured = true;
            }
        }
        if (m->op == PK_METHOD || m->op == PK_GET || m->op == PK_SET) resolve_function(r, m->b->func);
    }
    resolve_function(r, cls->c->func);
    if (cls->b) resolve_function(r, cls->b->func);
    if (cls->d) resolve_function(r, cls->d->func);
    r->scope = outer;
}

static void resolve_list(Resolver *r, NodeList *l, bool stmts) {
    for (uint32_t i = 0; i < l->count; i++) {
        if (stmts) resolve_stmt(r, l->items[i]);
        else resolve_expr(r, l->items[i]);
    }
}

static void resolve_expr(Resolver *r, Node *n) {
    if (!n) return;
    switch (n->kind) {
    case N_IDENT: resolve_ref(r, n); return;
    case N_THIS: n->binding = lexical_special(r, true); return;
    case N_NEW_TARGET: n->binding = lexical_special(r, false); return;
    case N_FUNC: resolve_function(r, n->func); return;
    case N_CLASS: resolve_class(r, n); return;
    case N_PROP:
        if (n->flags & FL_COMPUTED) resolve_expr(r, n->a);
        resolve_expr(r, n->b);
        return;
    case N_NUM: case N_STR: case N_NULL: case N_TRUE: case N_FALSE: case N_HOLE: case N_SUPER:
        return;
    default:
        resolve_expr(r, n->a);
        resolve_expr(r, n->b);
        resolve_expr(r, n->c);
        resolve_expr(r, n->d);
        resolve_list(r, &n->list, false);
        return;
    }
}

static void check_var_conflict(Resolver *r, Node *t) {
    if (!t) return;
    switch (t->kind) {
    case N_IDENT:
        for (Scope *s = r->scope; s && s->kind != SC_FUNCTION; s = s->parent) {
            Binding *b = fe_scope_find(s, t->name);
            if (b && b->kind != B_CATCH && !var_like(b))
                fe_error(r->fc, t->line, t->col, "Identifier '%s' has already been declared", t->name);
        }
        break;
    case N_ASSIGN: case N_SPREAD: check_var_conflict(r, t->a); break;
    case N_ARRAY: for (uint32_t i = 0; i < t->list.count; i++) check_var_conflict(r, t->list.items[i]); break;
    case N_OBJECT: for (uint32_t i = 0; i < t->list.count; i++) check_var_conflict(r, t->list.items[i]->b); break;
    default: break;
    }
}

static void resolve_var(Resolver *r, Node *v) {
    for (uint32_t i = 0; i < v->list.count; i++) {
        Node *d = v->list.items[i];
        if (v->op == DECL_VAR) check_var_conflict(r, d->a);
        resolve_expr(r, d->b);
        resolve_decl_target(r, d->a);
    }
}

static void resolve_stmt(Resolver *r, Node *n) {
    if (!n) return;
    Scope *outer = r->scope;
    switch (n->kind) {
    case N_BLOCK:
        n->scope = r->scope = new_scope(r, SC_BLOCK);
        collect_lexical(r, n->scope, &n->list);
        if (outer && outer->kind == SC_CATCH)  /* catch (e) { let e; } (§14.15.1) */
            for (Binding *b = n->scope->first; b; b = b->next)
                if (fe_scope_find(outer, b->name))
                    fe_error(r->fc, b->line, b->col, "Identifier '%s' has already been declared", b->name);
        resolve_list(r, &n->list, true);
        break;
    case N_VAR: resolve_var(r, n); break;
    case N_FUNC_DECL: resolve_function(r, n->func); break;
    case N_CLASS_DECL:
        resolve_class(r, n);
        {
            Node id = {0};
            id.kind = N_IDENT;
            id.name = n->name;
            id.start = n->end;
            resolve_ref(r, &id);
            n->binding = id.binding;
        }
        break;
    case N_EXPR_STMT: case N_RETURN: case N_THROW: resolve_expr(r, n->a); break;
    case N_IF: resolve_expr(r, n->a); resolve_stmt(r, n->b); resolve_stmt(r, n->c); break;
    case N_FOR:
        if (n->a && n->a->kind == N_VAR && n->a->op != DECL_VAR) {
            n->scope = r->scope = new_scope(r, SC_FOR);
            for (uint32_t i = 0; i < n->a->list.count; i++) {
                Node *d = n->a->list.items[i];
                declare_pattern(r, n->scope, d->a, n->a->op == DECL_CONST ? B_CONST : B_LET, d->end);
            }
        }
        if (n->a && n->a->kind == N_VAR) resolve_var(r, n->a);
        else resolve_expr(r, n->a);
        resolve_expr(r, n->b);
        resolve_expr(r, n->c);
        resolve_stmt(r, n->d);
        break;
    case N_FOR_IN: case N_FOR_OF:
        resolve_expr(r, n->b);
        if (n->a->kind == N_VAR && n->a->op != DECL_VAR) {
            n->scope = r->scope = new_scope(r, SC_FOR);
            declare_pattern(r, n->scope, n->a->list.items[0]->a, n->a->op == DECL_CONST ? B_CONST : B_LET, n->a->end);
        }
        if (n->a->kind == N_VAR) resolve_var(r, n->a);
        else resolve_expr(r, n->a);
        resolve_stmt(r, n->d);
        break;
    case N_WHILE: case N_DO_WHILE: resolve_expr(r, n->a); resolve_stmt(r, n->d); break;
    case N_WITH:
        resolve_expr(r, n->a);
        n->scope = r->scope = new_scope(r, SC_WITH);
        resolve_stmt(r, n->b);
        break;
    case N_TRY:
        resolve_stmt(r, n->a);
        if (n->c) {
            n->scope = r->scope = new_scope(r, SC_CATCH);
            if (n->b) {
                declare_pattern(r, n->scope, n->b, n->b->kind == N_IDENT ? B_CATCH : B_LET, 0);
                resolve_decl_target(r, n->b);
            }
            resolve_stmt(r, n->c);
            r->scope = outer;
        }
        resolve_stmt(r, n->d);
        break;
    case N_SWITCH:
        resolve_expr(r, n->a);
        n->scope = r->scope = new_scope(r, SC_SWITCH);
        for (uint32_t i = 0; i < n->list.count; i++) collect_lexical(r, n->scope, &n->list.items[i]->list);
        for (uint32_t i = 0; i < n->list.count; i++) {
            Node *c = n->list.items[i];
            resolve_expr(r, c->a);
            resolve_list(r, &c->list, true);
        }
        break;
    case N_LABELED: resolve_stmt(r, n->a); break;
    default: break;
    }
    r->scope = outer;
}

static void mark_param_tdz(Resolver *r, Scope *s, Node *t, uint32_t end) {
    if (!t) return;
    switch (t->kind) {
    case N_IDENT: {
        Binding *b = fe_scope_find(s, t->name);
        if (b && b->kind == B_PARAM) { b->tdz = true; b->decl_end = end; }
        break;
    }
    case N_ASSIGN: case N_SPREAD: mark_param_tdz(r, s, t->a, end); break;
    case N_ARRAY: for (uint32_t i = 0; i < t->list.count; i++) mark_param_tdz(r, s, t->list.items[i], end); break;
    case N_OBJECT: for (uint32_t i = 0; i < t->list.count; i++) mark_param_tdz(r, s, t->list.items[i]->b, end); break;
    default: break;
    }
}

static void resolve_function(Resolver *r, FuncNode *fn) {
    Scope *saved_scope = r->scope;
    FuncNode *saved_fn = r->fn;
    r->fn = fn;
    Scope *s = new_scope(r, SC_FUNCTION);
    fn->scope = s;
    r->scope = s;
    fn->param_bindings = fe_alloc(r->fc, (fn->params.count + 1) * sizeof(Binding *));
    for (uint32_t i = 0; i < fn->params.count; i++) {
        Node *pn = fn->params.items[i];
        Node *t = pn->kind == N_ASSIGN ? pn->a : pn;
        if (t->kind == N_IDENT && pn->kind != N_SPREAD) {
            Binding *b = declare(r, s, t->name, B_PARAM, t->line, t->col);
            b->param_index = (int)i;
            fn->param_bindings[i] = b;
        } else {
            declare_pattern(r, s, t, B_PARAM, 0);
        }
    }
    if (!(fn->flags & FN_SIMPLE_PARAMS)) {
        /* parameters with defaults or patterns are initialised left to
         * right: a default that reads a later parameter hits its TDZ */
        for (uint32_t i = 0; i < fn->params.count; i++) {
            Node *pn = fn->params.items[i];
            Node *t = pn->kind == N_ASSIGN || pn->kind == N_SPREAD ? pn->a : pn;
            mark_param_tdz(r, s, t, pn->end);
        }
    }
    collect_lexical(r, s, &fn->body);
    for (uint32_t i = 0; i < fn->body.count; i++) hoist_vars(r, s, fn->body.items[i], false);
    if (!(fn->flags & (FN_ARROW | FN_SCRIPT | FN_CLASS_FIELDS | FN_STATIC_INIT))) {
        /* `var arguments` still starts out as the arguments object */
        Binding *ab = fe_scope_find(s, r->fc->a_arguments);
        if (ab && ab->kind == B_VAR) fn->arguments_binding = ab;
    }
    if ((fn->flags & FN_NAMED_EXPR) && !fe_scope_find(s, fn->name))
        fn->self_binding = declare(r, s, fn->name, B_SELF, fn->line, fn->col);
    for (uint32_t i = 0; i < fn->params.count; i++) resolve_decl_target(r, fn->params.items[i]);
    resolve_list(r, &fn->body, true);
    for (uint32_t i = 0; i < fn->fields.count; i++) {
        Node *m = fn->fields.items[i];
        if (m->op == PK_STATIC_BLOCK) resolve_stmt(r, m->b);
        else resolve_expr(r, m->b);
    }
    r->scope = saved_scope;
    r->fn = saved_fn;
}

void fe_resolve_program(FeCompiler *fc, FuncNode *top) {
    Resolver r = {fc, NULL, top, 0};
    resolve_function(&r, top);
}

void fe_allocate_function(FeCompiler *fc, FuncNode *fn) {
    (void)fc;
    uint32_t formals = fn->params.count;
    if (formals && fn->params.items[formals - 1]->kind == N_SPREAD) formals--;
    uint32_t reg = formals;
    for (Scope *s = fn->scopes; s; s = s->next_in_func) {
        uint32_t slots = s->kind == SC_WITH ? 1 : 0;     /* slot 0: the with object */
        bool script_top = s->kind == SC_FUNCTION && (fn->flags & FN_SCRIPT);
        for (Binding *b = s->first; b; b = b->next) {
            if (script_top && b->kind != B_INTERNAL) {
                b->loc = LOC_GLOBAL;
                b->tdz = false;
            } else if (b->captured) {
                b->loc = LOC_CTX;
                b->index = slots++;
            } else if (b->kind == B_PARAM && b->param_index >= 0) {
                b->loc = LOC_REG;
                b->index = (uint32_t)b->param_index;
            } else {
                b->loc = LOC_REG;
                b->index = reg++;
            }
        }
        s->context_slots = (uint16_t)(slots > 65535 ? 65535 : slots);
        s->has_context = slots > 0;
        s->allocated = true;
    }
    fn->formal_count = (uint16_t)formals;
    fn->local_count = (uint16_t)(reg - formals > 65535 ? 65535 : reg - formals);
}
