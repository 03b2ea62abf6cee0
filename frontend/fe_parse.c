/* fe_parse.c — statements, functions, classes and whole programs
 * (ECMA-262 §14–§16), automatic semicolon insertion (§12.10: a newline,
 * `}` or the end of input; restricted productions return/break/continue/
 * throw and postfix ++/--), and error recovery: each statement list is a
 * recovery point; after an error the parser skips to a `;`, the closing `}`
 * of the list, or a statement keyword on a new line, and continues, so one
 * run reports several errors (at most 10).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "fe_parse.h"

/* ---- tokens ----------------------------------------------------------------------- */
static void raw_next(Parser *p) {
    p->prev_end = p->tok.end;
    p->prev_line = p->tok.line;
    int before = p->lx.brace_depth;
    fe_lex_next(&p->lx, &p->tok);
    p->tok_depth = before;
}

void fe_next(Parser *p) {
    raw_next(p);
    if (p->tok.type == T_ERROR) fe_fail(p, p->tok.line, p->tok.col, "%s", p->tok.error);
}

_Noreturn void fe_fail(Parser *p, uint32_t line, uint32_t col, const char *fmt, ...) {
    char buf[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fe_error(p->fc, line, col, "%s", buf);
    longjmp(p->recover ? *p->recover : *p->fc->abort, 1);
}

_Noreturn void fe_unexpected(Parser *p) {
    Token *t = &p->tok;
    switch (t->type) {
    case T_EOF: fe_fail(p, t->line, t->col, "Unexpected end of input");
    case T_IDENT:
        if (t->escaped_keyword) fe_fail(p, t->line, t->col, "Keyword must not contain escaped characters");
        if (p->fs->strict && fe_is_strict_reserved(t->name))
            fe_fail(p, t->line, t->col, "Unexpected strict mode reserved word");
        fe_fail(p, t->line, t->col, "Unexpected identifier '%s'", t->name);
    case T_NUMBER: fe_fail(p, t->line, t->col, "Unexpected number");
    case T_STRING: fe_fail(p, t->line, t->col, "Unexpected string");
    case T_TEMPLATE: fe_fail(p, t->line, t->col, "Unexpected template string");
    case T_ERROR: fe_fail(p, t->line, t->col, "%s", t->error);
    default: fe_fail(p, t->line, t->col, "Unexpected token '%s'", fe_token_text[t->type]);
    }
}

bool fe_accept(Parser *p, TokenType t) {
    if (p->tok.type != t) return false;
    fe_next(p);
    return true;
}

void fe_expect(Parser *p, TokenType t) {
    if (p->tok.type != t) fe_unexpected(p);
    fe_next(p);
}

void fe_consume_semicolon(Parser *p) {
    if (p->tok.type == T_SEMI) { fe_next(p); return; }
    if (p->tok.type == T_RBRACE || p->tok.type == T_EOF || p->tok.newline_before) return;
    fe_unexpected(p);
}

Token fe_peek(Parser *p) {
    Lexer save = p->lx;
    Token t;
    fe_lex_next(&p->lx, &t);
    p->lx = save;
    return t;
}

bool fe_is_ident(Parser *p) { return p->tok.type == T_IDENT && !p->tok.escaped_keyword; }

bool fe_is_name(Parser *p, const char *atom) {
    return p->tok.type == T_IDENT && p->tok.name == atom && !p->tok.escaped;
}

void fe_enter(Parser *p, int weight) {
    p->depth += weight;
    if (p->depth > (FE_MAX_DEPTH + 16) * FE_DEPTH_NEST) {
        fe_error(p->fc, p->tok.line, p->tok.col, "Too much nesting");
        longjmp(*p->fc->abort, 1);
    }
}

FuncState *fe_push_func(Parser *p, FuncState *fs, FuncNode *fn) {
    memset(fs, 0, sizeof *fs);
    fs->outer = p->fs;
    fs->fn = fn;
    fs->strict = p->fs ? p->fs->strict : false;
    fs->is_function = true;
    fs->allow_new_target = true;
    if (p->fs) fn->outer = p->fs->fn;
    p->fs = fs;
    return fs;
}

void fe_pop_func(Parser *p, FuncState *fs) { p->fs = fs->outer; }

/* ---- error recovery ------------------------------------------------------------------ */
static bool starts_statement(TokenType t) {
    switch (t) {
    case T_VAR: case T_CONST: case T_FUNCTION: case T_CLASS: case T_IF: case T_FOR: case T_WHILE:
    case T_DO: case T_RETURN: case T_TRY: case T_SWITCH: case T_THROW: case T_BREAK: case T_CONTINUE:
        return true;
    default:
        return false;
    }
}

static void synchronize(Parser *p, int depth) {
    int skipped = 0;
    for (;;) {
        Token *t = &p->tok;
        if (t->type == T_EOF) return;
        if (p->tok_depth <= depth) {
            if (t->type == T_RBRACE && depth > 0) return;
            if (t->type == T_SEMI) { raw_next(p); return; }
            if (skipped && t->newline_before && (starts_statement(t->type) || fe_is_name(p, p->fc->a_let))) return;
        }
        raw_next(p);
        skipped++;
    }
}

/* Parses statements until `}` (in_block) or the end of input. */
void fe_parse_statement_list(Parser *p, NodeList *out, bool in_block, bool directives) {
    jmp_buf jb;
    jmp_buf *saved = p->recover;
    FuncState *volatile fs = p->fs;
    volatile int depth0 = p->depth;
    volatile int list_depth = p->tok_depth;
    volatile bool prologue = directives;
    volatile bool prologue_octal = false;
    LabelEntry *volatile labels = fs->labels;
    volatile int breakable = fs->breakable, loops = fs->loops;
    volatile bool strict0 = fs->strict;
    p->recover = &jb;
    if (setjmp(jb)) {
        p->fs = fs;
        p->depth = depth0;
        fs->labels = labels;
        fs->breakable = breakable;
        fs->loops = loops;
        fs->strict = strict0;
        prologue = false;
        synchronize(p, list_depth);
        if (p->tok.type == T_ERROR) raw_next(p);
    }
    for (;;) {
        if (p->tok.type == T_EOF) break;
        if (p->tok.type == T_RBRACE && in_block) break;
        if (p->tok.type == T_ERROR) fe_fail(p, p->tok.line, p->tok.col, "%s", p->tok.error);
        bool str_first = prologue && p->tok.type == T_STRING;
        Token first = p->tok;
        if (str_first && first.legacy_octal) prologue_octal = true;
        Node *s = fe_parse_statement(p);
        if (prologue) {
            if (str_first && s->kind == N_EXPR_STMT && s->a->kind == N_STR && !(s->a->flags & FL_PAREN)) {
                s->flags |= FL_DIRECTIVE;
                /* "use strict" exactly, without escapes or line continuations */
                if (first.end - first.start == 12 && memcmp(p->fc->src + first.start + 1, "use strict", 10) == 0) {
                    FuncNode *fn = p->fs->fn;
                    if (!(fn->flags & FN_SIMPLE_PARAMS) && !(fn->flags & FN_TOPLEVEL))
                        fe_fail(p, first.line, first.col, "Illegal 'use strict' directive in function with non-simple parameter list");
                    if (prologue_octal)
                        fe_fail(p, first.line, first.col, "Octal escape sequences are not allowed in strict mode.");
                    p->fs->strict = true;
                    strict0 = true;
                    fn->flags |= FN_STRICT;
                }
            } else {
                prologue = false;
            }
        }
        fe_list_push(p->fc, out, s);
    }
    p->recover = saved;
}

/* ---- functions ---------------------------------------------------------------------------- */
void fe_parse_params(Parser *p, FuncNode *fn, TokenType close) {
    bool simple = true, seen_default = false;
    uint16_t length = 0;
    while (p->tok.type != close) {
        Node *param;
        if (p->tok.type == T_ELLIPSIS) {
            Node *s = fe_mk(p, N_SPREAD);
            fe_next(p);
            s->a = fe_parse_binding_target(p, DECL_LET);
            param = fe_finish(p, s);
            simple = false;
            if (p->tok.type == T_ASSIGN) fe_fail(p, p->tok.line, p->tok.col, "Rest parameter may not have a default initializer");
            fe_list_push(p->fc, &fn->params, param);
            if (p->tok.type != close) fe_fail(p, p->tok.line, p->tok.col, "Rest parameter must be last formal parameter");
            break;
        }
        Node *t = fe_parse_binding_target(p, DECL_VAR);
        if (t->kind != N_IDENT) simple = false;
        if (p->tok.type == T_ASSIGN) {
            Node *a = fe_mk(p, N_ASSIGN);
            a->op = T_ASSIGN;
            a->line = t->line; a->col = t->col; a->start = t->start;
            fe_next(p);
            a->a = t;
            a->b = fe_parse_assign(p, false);
            if (t->kind == N_IDENT) fe_set_inferred_name(a->b, t->name);
            param = fe_finish(p, a);
            simple = false;
            seen_default = true;
        } else {
            param = t;
            if (!seen_default) length++;
        }
        fe_list_push(p->fc, &fn->params, param);
        if (p->tok.type != close) fe_expect(p, T_COMMA);
    }
    fn->length = length;
    if (simple) fn->flags |= FN_SIMPLE_PARAMS;
    if (fn->params.count > 65000) fe_fail(p, fn->line, fn->col, "Too many parameters in function definition");
}

/* Strict-mode and duplicate checks on formal parameters (after the body,
 * since "use strict" inside it applies to them too). */
static void collect_names(Parser *p, Node *t, Node **out, uint32_t *n, uint32_t cap) {
    if (!t) return;
    switch (t->kind) {
    case N_IDENT: if (*n < cap) out[(*n)++] = t; break;
    case N_ASSIGN: case N_SPREAD: collect_names(p, t->a, out, n, cap); break;
    case N_ARRAY: for (uint32_t i = 0; i < t->list.count; i++) collect_names(p, t->list.items[i], out, n, cap); break;
    case N_OBJECT: for (uint32_t i = 0; i < t->list.count; i++) collect_names(p, t->list.items[i]->b, out, n, cap); break;
    default: break;
    }
}

static void check_params(Parser *p, FuncNode *fn) {
    bool strict = fn->flags & FN_STRICT;
    bool need_unique = strict || !(fn->flags & FN_SIMPLE_PARAMS) || (fn->flags & (FN_ARROW | FN_METHOD));
    uint32_t cap = 256, n = 0;
    Node **names = fe_alloc(p->fc, cap * sizeof *names);
    for (uint32_t i = 0; i < fn->params.count; i++) collect_names(p, fn->params.items[i], names, &n, cap);
    for (uint32_t i = 0; i < n; i++) {
        Node *a = names[i];
        if (strict && (a->name == p->fc->a_eval || a->name == p->fc->a_arguments))
            fe_fail(p, a->line, a->col, "Unexpected eval or arguments in strict mode");
        if (strict && fe_is_strict_reserved(a->name))
            fe_fail(p, a->line, a->col, "Unexpected strict mode reserved word");
        if (!need_unique) continue;
        for (uint32_t j = 0; j < i; j++)
            if (names[j]->name == a->name)
                fe_fail(p, a->line, a->col, "Duplicate parameter name not allowed in this context");
    }
}

void fe_parse_function_body(Parser *p, FuncNode *fn) {
    fe_expect(p, T_LBRACE);
    int saved_breakable = p->fs->breakable;
    fe_parse_statement_list(p, &fn->body, true, true);
    (void)saved_breakable;
    if (p->tok.type != T_RBRACE) fe_unexpected(p);
    fn->end = p->tok.end;
    fe_next(p);
    if (p->fs->strict) fn->flags |= FN_STRICT;
    check_params(p, fn);
}

Node *fe_parse_function(Parser *p, bool is_decl, bool name_required) {
    Token ft = p->tok;
    fe_next(p);
    if (p->tok.type == T_STAR) fe_fail(p, p->tok.line, p->tok.col, "Generators are not supported");
    Node *n = fe_node(p->fc, is_decl ? N_FUNC_DECL : N_FUNC, ft.line, ft.col, ft.start);
    FuncNode *fn = fe_alloc(p->fc, sizeof *fn);
    n->func = fn;
    fn->line = ft.line;
    fn->col = ft.col;
    fn->start = ft.start;
    if (fe_is_ident(p)) {
        fn->name = p->tok.name;
        if (p->fs->strict && fe_is_strict_reserved(fn->name)) fe_unexpected(p);
        fe_next(p);
    } else if (name_required || is_decl) {
        if (p->tok.type == T_LPAREN) fe_fail(p, p->tok.line, p->tok.col, "Function statements require a function name");
        fe_unexpected(p);
    }
    fn->flags |= is_decl ? FN_DECL : (fn->name ? FN_NAMED_EXPR : 0);
    FuncState fs;
    fe_enter(p, FE_DEPTH_NEST);
    fe_push_func(p, &fs, fn);
    fe_expect(p, T_LPAREN);
    fe_parse_params(p, fn, T_RPAREN);
    fe_next(p);
    fe_parse_function_body(p, fn);
    if (fn->name && (fn->flags & FN_STRICT) && (fn->name == p->fc->a_eval || fn->name == p->fc->a_arguments))
        fe_fail(p, ft.line, ft.col, "Unexpected eval or arguments in strict mode");
    fe_pop_func(p, &fs);
    fe_leave(p, FE_DEPTH_NEST);
    return fe_finish(p, n);
}

/* Methods of object literals and classes: `(params) { body }` follows. */
FuncNode *fe_parse_method(Parser *p, uint32_t flags, uint32_t line, uint32_t col, uint32_t start) {
    FuncNode *fn = fe_alloc(p->fc, sizeof *fn);
    fn->flags = flags;
    fn->line = line;
    fn->col = col;
    fn->start = start;
    FuncState fs;
    fe_enter(p, FE_DEPTH_NEST);
    fe_push_func(p, &fs, fn);
    fs.allow_super_prop = true;
    fs.allow_super_call = (flags & FN_DERIVED) != 0;
    if (flags & FN_CTOR) fs.strict = true;
    if (p->tok.type != T_LPAREN) fe_unexpected(p);
    Token lp = p->tok;
    fe_next(p);
    fe_parse_params(p, fn, T_RPAREN);
    fe_next(p);
    if ((flags & FN_GETTER) && fn->params.count != 0) fe_fail(p, lp.line, lp.col, "Getter must not have any formal parameters.");
    if ((flags & FN_SETTER) && (fn->params.count != 1 || fn->params.items[0]->kind == N_SPREAD))
        fe_fail(p, lp.line, lp.col, "Setter must have exactly one formal parameter.");
    fe_parse_function_body(p, fn);
    fe_pop_func(p, &fs);
    fe_leave(p, FE_DEPTH_NEST);
    return fn;
}

FuncNode *fe_parse_arrow(Parser *p) {
    FuncNode *fn = fe_alloc(p->fc, sizeof *fn);
    fn->flags = FN_ARROW;
    fn->line = p->tok.line;
    fn->col = p->tok.col;
    fn->start = p->tok.start;
    FuncState fs;
    FuncState *outer = p->fs;
    fe_enter(p, FE_DEPTH_NEST);
    fe_push_func(p, &fs, fn);
    fs.is_arrow = true;
    fs.allow_super_prop = outer->allow_super_prop;
    fs.allow_super_call = outer->allow_super_call;
    fs.allow_new_target = outer->allow_new_target;
    fs.in_class_field = outer->in_class_field;
    if (p->tok.type == T_LPAREN) {
        fe_next(p);
        fe_parse_params(p, fn, T_RPAREN);
        fe_next(p);
    } else {
        Node *id = fe_mk(p, N_IDENT);
        id->name = p->tok.name;
        fe_check_binding_name(p, id->name, id->line, id->col);
        if (p->fs->strict && fe_is_strict_reserved(id->name)) fe_unexpected(p);
        fe_next(p);
        fe_list_push(p->fc, &fn->params, fe_finish(p, id));
        fn->length = 1;
        fn->flags |= FN_SIMPLE_PARAMS;
    }
    if (p->tok.type != T_ARROW || p->tok.newline_before) fe_unexpected(p);
    fe_next(p);
    if (p->tok.type == T_LBRACE) {
        /* a block body has its own breakable context */
        fe_parse_function_body(p, fn);
    } else {
        fn->flags |= FN_EXPR_BODY;
        Node *r = fe_mk(p, N_RETURN);
        r->a = fe_parse_assign(p, false);
        fe_list_push(p->fc, &fn->body, fe_finish(p, r));
        fn->end = p->prev_end;
        if (p->fs->strict) fn->flags |= FN_STRICT;
        check_params(p, fn);
    }
    fe_pop_func(p, &fs);
    fe_leave(p, FE_DEPTH_NEST);
    return fn;
}

/* ---- classes ------------------------------------------------------------------------------ */
static FuncNode *synthetic_fn(Parser *p, Node *cls, uint32_t flags) {
    FuncNode *fn = fe_alloc(p->fc, sizeof *fn);
    fn->flags = flags | FN_STRICT | FN_SIMPLE_PARAMS;
    fn->line = cls->line;
    fn->col = cls->col;
    fn->start = cls->start;
    fn->class_node = cls;
    fn->outer = p->fs->fn;
    return fn;
}

static Node *fn_node(Parser *p, FuncNode *fn) {
    Node *n = fe_node(p->fc, N_FUNC, fn->line, fn->col, fn->start);
    n->func = fn;
    return n;
}

/* A literal (non-computed) member key equal to an ASCII name. */
static bool key_is(Node *m, const char *name) {
    if ((m->flags & FL_COMPUTED) || m->a->kind != N_STR) return false;
    size_t n = strlen(name);
    if (m->a->str.len != n) return false;
    for (size_t i = 0; i < n; i++)
        if (m->a->str.s[i] != (unsigned char)name[i]) return false;
    return true;
}

Node *fe_parse_class(Parser *p, bool is_decl) {
    Token ct = p->tok;
    fe_next(p);
    Node *cls = fe_node(p->fc, is_decl ? N_CLASS_DECL : N_CLASS, ct.line, ct.col, ct.start);
    bool outer_strict = p->fs->strict;
    p->fs->strict = true;                       /* class bodies are strict code */
    if (fe_is_ident(p) && !(p->tok.type == T_IDENT && p->tok.name == p->fc->a_let)) {
        cls->name = p->tok.name;
        fe_check_binding_name(p, cls->name, p->tok.line, p->tok.col);
        fe_next(p);
    } else if (is_decl) {
        fe_unexpected(p);
    }
    if (fe_accept(p, T_EXTENDS)) cls->a = fe_parse_lhs(p);
    fe_expect(p, T_LBRACE);
    FuncNode *fields = NULL, *statics = NULL;
    while (p->tok.type != T_RBRACE) {
        if (fe_accept(p, T_SEMI)) continue;
        Node *m = fe_mk(p, N_PROP);
        Token first = p->tok;
        if (fe_is_name(p, p->fc->a_static)) {
            Token nx = fe_peek(p);
            if (nx.type != T_LPAREN && nx.type != T_ASSIGN && nx.type != T_SEMI && nx.type != T_RBRACE) {
                fe_next(p);
                m->flags |= FL_STATIC;
                first = p->tok;                 /* a static method's source text starts after `static` */
                if (p->tok.type == T_LBRACE) {          /* static { ... } */
                    m->op = PK_STATIC_BLOCK;
                    if (!statics) statics = synthetic_fn(p, cls, FN_METHOD | FN_STATIC_INIT);
                    FuncState fs;
                    fe_push_func(p, &fs, statics);
                    fs.allow_super_prop = true;
                    fs.in_class_field = true;
                    fs.strict = true;
                    fs.allow_new_target = true;
                    Node *blk = fe_mk(p, N_BLOCK);
                    fe_next(p);
                    fe_parse_statement_list(p, &blk->list, true, false);
                    fe_expect(p, T_RBRACE);
                    m->b = fe_finish(p, blk);
                    fe_pop_func(p, &fs);
                    fe_list_push(p->fc, &statics->fields, fe_finish(p, m));
                    continue;
                }
            }
        }
        int kind = PK_METHOD;
        if (p->tok.type == T_IDENT && !p->tok.escaped && (p->tok.name == p->fc->a_get || p->tok.name == p->fc->a_set)) {
            Token nx = fe_peek(p);
            if (nx.type != T_LPAREN && nx.type != T_ASSIGN && nx.type != T_SEMI && nx.type != T_RBRACE && !nx.newline_before) {
                kind = p->tok.name == p->fc->a_get ? PK_GET : PK_SET;
                fe_next(p);
            }
        }
        if (p->tok.type == T_STAR) fe_fail(p, p->tok.line, p->tok.col, "Generators are not supported");
        if (fe_is_name(p, p->fc->a_async)) {
            Token nx = fe_peek(p);
            if (nx.type != T_LPAREN && nx.type != T_ASSIGN && nx.type != T_SEMI && nx.type != T_RBRACE && !nx.newline_before)
                fe_fail(p, p->tok.line, p->tok.col, "Async functions are not supported");
        }
        fe_parse_property_key(p, m);
        bool is_ctor_name = key_is(m, "constructor");
        if (p->tok.type == T_LPAREN) {
            uint32_t fl = FN_METHOD | FN_STRICT;
            if (kind == PK_GET) fl |= FN_GETTER;
            if (kind == PK_SET) fl |= FN_SETTER;
            bool is_ctor = is_ctor_name && !(m->flags & FL_STATIC);
            if (is_ctor) {
                if (kind != PK_METHOD) fe_fail(p, first.line, first.col, "Class constructor may not be an accessor");
                if (cls->c) fe_fail(p, first.line, first.col, "A class may only have one constructor");
                fl = FN_CTOR | FN_STRICT | (cls->a ? FN_DERIVED : 0);
            }
            FuncNode *fn = fe_parse_method(p, fl, first.line, first.col, first.start);
            fn->class_node = cls;
            if (is_ctor) {
                fn->name = cls->name;
                fn->start = cls->start;
                cls->c = fn_node(p, fn);
                continue;
            }
            m->op = (uint8_t)kind;
            if (!(m->flags & FL_COMPUTED)) {
                Node *k = m->a;
                if (k->kind == N_STR && k->name) fn->inferred = k->name;
                else if (k->kind == N_STR) fn->inferred = NULL;
            }
            if ((m->flags & FL_STATIC) && key_is(m, "prototype"))
                fe_fail(p, first.line, first.col, "Classes may not have a static property named 'prototype'");
            m->b = fn_node(p, fn);
            fe_list_push(p->fc, &cls->list, fe_finish(p, m));
            continue;
        }
        /* a field: key [= initializer] ; */
        if (kind != PK_METHOD) fe_unexpected(p);
        if (is_ctor_name) fe_fail(p, first.line, first.col, "Classes may not have a field named 'constructor'");
        if ((m->flags & FL_STATIC) && key_is(m, "prototype"))
            fe_fail(p, first.line, first.col, "Classes may not have a static property named 'prototype'");
        m->op = PK_FIELD;
        FuncNode *owner;
        if (m->flags & FL_STATIC) owner = statics ? statics : (statics = synthetic_fn(p, cls, FN_METHOD | FN_STATIC_INIT));
        else owner = fields ? fields : (fields = synthetic_fn(p, cls, FN_METHOD | FN_CLASS_FIELDS));
        if (fe_accept(p, T_ASSIGN)) {
            FuncState fs;
            fe_push_func(p, &fs, owner);
            fs.allow_super_prop = true;
            fs.in_class_field = true;
            fs.strict = true;
            m->b = fe_parse_assign(p, false);
            if (!(m->flags & FL_COMPUTED) && m->a->kind == N_STR && m->a->name) fe_set_inferred_name(m->b, m->a->name);
            fe_pop_func(p, &fs);
        }
        fe_consume_semicolon(p);
        fe_list_push(p->fc, &owner->fields, fe_finish(p, m));
        fe_list_push(p->fc, &cls->list, m);
    }
    cls->end = p->tok.end;
    fe_next(p);
    p->fs->strict = outer_strict;
    if (!cls->c) {
        FuncNode *ctor = synthetic_fn(p, cls, FN_CTOR | FN_DEFAULT_CTOR | (cls->a ? FN_DERIVED : 0));
        ctor->name = cls->name;
        ctor->end = cls->end;
        cls->c = fn_node(p, ctor);
    }
    cls->c->func->end = cls->end;
    cls->c->func->start = cls->start;
    if (fields) { fields->end = cls->end; cls->b = fn_node(p, fields); }
    if (statics) { statics->end = cls->end; cls->d = fn_node(p, statics); }
    return fe_finish(p, cls);
}
