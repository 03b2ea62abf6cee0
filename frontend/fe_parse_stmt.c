/* fe_parse_stmt.c — statements and declarations (ECMA-262 §14): blocks,
 * var/let/const (with the `let` disambiguation of §14.3.1), if, the four
 * for forms, while, do-while, switch, labelled statements with the early
 * errors for break/continue, try/catch/finally, throw, return; and the entry
 * point that parses a whole script or function body.
 */
#include <string.h>
#include "fe_parse.h"

static Node *parse_block(Parser *p) {
    Node *b = fe_mk(p, N_BLOCK);
    fe_expect(p, T_LBRACE);
    fe_parse_statement_list(p, &b->list, true, false);
    fe_expect(p, T_RBRACE);
    return fe_finish(p, b);
}

static bool at_let_decl(Parser *p) {
    if (!fe_is_name(p, p->fc->a_let)) return false;
    Token nx = fe_peek(p);
    return nx.type == T_IDENT || nx.type == T_LBRACK || nx.type == T_LBRACE;
}

static Node *parse_var(Parser *p, int kind, bool no_in, bool in_for) {
    Node *v = fe_mk(p, N_VAR);
    v->op = (uint8_t)kind;
    fe_next(p);
    do {
        Node *d = fe_mk(p, N_DECLARATOR);
        d->a = fe_parse_binding_target(p, kind);
        if (fe_accept(p, T_ASSIGN)) {
            d->b = fe_parse_assign(p, no_in);
            if (d->a->kind == N_IDENT) fe_set_inferred_name(d->b, d->a->name);
        } else if (!in_for) {
            if (kind == DECL_CONST) fe_fail(p, p->tok.line, p->tok.col, "Missing initializer in const declaration");
            if (d->a->kind != N_IDENT) fe_fail(p, p->tok.line, p->tok.col, "Missing initializer in destructuring declaration");
        }
        fe_list_push(p->fc, &v->list, fe_finish(p, d));
    } while (fe_accept(p, T_COMMA));
    return fe_finish(p, v);
}

/* The body of if/while/for/labels: no lexical declarations. */
static Node *parse_sub_statement(Parser *p, bool allow_fn) {
    Token t = p->tok;
    bool let_decl = false;
    if (at_let_decl(p)) {
        Token nx = fe_peek(p);          /* `let` newline `{`: an expression, then a block */
        let_decl = nx.type == T_LBRACK || !nx.newline_before;
    }
    if (t.type == T_CONST || t.type == T_CLASS || let_decl)
        fe_fail(p, t.line, t.col, "Lexical declaration cannot appear in a single-statement context");
    if (fe_is_name(p, p->fc->a_let)) {
        Node *n = fe_mk(p, N_EXPR_STMT);
        n->a = fe_parse_expression(p, false);
        fe_consume_semicolon(p);
        return fe_finish(p, n);
    }
    if (t.type == T_FUNCTION) {
        if (!allow_fn || p->fs->strict)
            fe_fail(p, t.line, t.col, p->fs->strict ? "In strict mode code, functions can only be declared at top level or inside a block."
                                                    : "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.");
        Node *b = fe_mk(p, N_BLOCK);             /* Annex B: if (x) function f(){} */
        fe_list_push(p->fc, &b->list, fe_parse_function(p, true, true));
        return fe_finish(p, b);
    }
    Node *n = fe_parse_statement(p);
    Node *inner = n;
    while (inner && inner->kind == N_LABELED) inner = inner->a;
    if (inner && inner != n && inner->kind == N_FUNC_DECL)     /* IsLabelledFunction (§14.7.1.1) */
        fe_fail(p, inner->line, inner->col, "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.");
    return n;
}

static Node *parse_loop_body(Parser *p) {
    p->fs->breakable++;
    p->fs->loops++;
    Node *b = parse_sub_statement(p, false);
    p->fs->breakable--;
    p->fs->loops--;
    return b;
}

static Node *parse_for(Parser *p) {
    Token ft = p->tok;
    fe_next(p);
    if (fe_is_name(p, p->fc->a_await)) fe_fail(p, p->tok.line, p->tok.col, "for await is not supported");
    fe_expect(p, T_LPAREN);
    Node *init = NULL;
    if (p->tok.type == T_VAR) init = parse_var(p, DECL_VAR, true, true);
    else if (p->tok.type == T_CONST) init = parse_var(p, DECL_CONST, true, true);
    else if (at_let_decl(p)) init = parse_var(p, DECL_LET, true, true);
    else if (p->tok.type != T_SEMI) init = fe_parse_expression(p, true);
    bool is_of = fe_is_name(p, p->fc->a_of);
    if (init && (p->tok.type == T_IN || is_of)) {
        Node *n = fe_node(p->fc, is_of ? N_FOR_OF : N_FOR_IN, ft.line, ft.col, ft.start);
        if (init->kind == N_VAR) {
            if (init->list.count != 1)
                fe_fail(p, init->line, init->col, "Invalid left-hand side in %s loop: Must have a single binding.", is_of ? "for-of" : "for-in");
            if (init->list.items[0]->b)
                fe_fail(p, init->line, init->col, "%s loop variable declaration may not have an initializer.", is_of ? "for-of" : "for-in");
        } else if ((init->kind == N_ARRAY || init->kind == N_OBJECT) && !(init->flags & FL_PAREN)) {
            init = fe_to_pattern(p, init, false);
        } else if (init->kind != N_IDENT && init->kind != N_MEMBER && init->kind != N_INDEX) {
            fe_fail(p, init->line, init->col, "Invalid left-hand side in %s loop", is_of ? "for-of" : "for-in");
        } else {
            fe_check_assign_target(p, init, true);
        }
        fe_next(p);
        n->a = init;
        n->b = is_of ? fe_parse_assign(p, false) : fe_parse_expression(p, false);
        fe_expect(p, T_RPAREN);
        n->d = parse_loop_body(p);
        return fe_finish(p, n);
    }
    Node *n = fe_node(p->fc, N_FOR, ft.line, ft.col, ft.start);
    if (init && init->kind == N_VAR) {
        for (uint32_t i = 0; i < init->list.count; i++) {
            Node *d = init->list.items[i];
            if (d->b) continue;
            if (init->op == DECL_CONST) fe_fail(p, d->line, d->col, "Missing initializer in const declaration");
            if (d->a->kind != N_IDENT) fe_fail(p, d->line, d->col, "Missing initializer in destructuring declaration");
        }
    } else if (init && (init->flags & FL_COVER_INIT)) {
        fe_fail(p, init->line, init->col, "Invalid shorthand property initializer");
    }
    n->a = init;
    fe_expect(p, T_SEMI);
    if (p->tok.type != T_SEMI) n->b = fe_parse_expression(p, false);
    fe_expect(p, T_SEMI);
    if (p->tok.type != T_RPAREN) n->c = fe_parse_expression(p, false);
    fe_expect(p, T_RPAREN);
    n->d = parse_loop_body(p);
    return fe_finish(p, n);
}

static Node *parse_switch(Parser *p) {
    Node *n = fe_mk(p, N_SWITCH);
    fe_next(p);
    fe_expect(p, T_LPAREN);
    n->a = fe_parse_expression(p, false);
    fe_expect(p, T_RPAREN);
    fe_expect(p, T_LBRACE);
    bool seen_default = false;
    p->fs->breakable++;
    while (p->tok.type != T_RBRACE) {
        Node *c = fe_mk(p, N_CASE);
        if (fe_accept(p, T_DEFAULT)) {
            if (seen_default) fe_fail(p, c->line, c->col, "More than one default clause in switch statement");
            seen_default = true;
        } else {
            fe_expect(p, T_CASE);
            c->a = fe_parse_expression(p, false);
        }
        fe_expect(p, T_COLON);
        while (p->tok.type != T_CASE && p->tok.type != T_DEFAULT && p->tok.type != T_RBRACE) {
            if (p->tok.type == T_EOF) fe_unexpected(p);
            fe_list_push(p->fc, &c->list, fe_parse_statement(p));
        }
        fe_list_push(p->fc, &n->list, fe_finish(p, c));
    }
    p->fs->breakable--;
    fe_next(p);
    return fe_finish(p, n);
}

static Node *parse_try(Parser *p) {
    Node *n = fe_mk(p, N_TRY);
    fe_next(p);
    n->a = parse_block(p);
    if (fe_accept(p, T_CATCH)) {
        if (fe_accept(p, T_LPAREN)) {
            n->b = fe_parse_binding_target(p, DECL_LET);
            fe_expect(p, T_RPAREN);
        }
        n->c = parse_block(p);
    }
    if (fe_accept(p, T_FINALLY)) n->d = parse_block(p);
    if (!n->c && !n->d) fe_fail(p, p->tok.line, p->tok.col, "Missing catch or finally after try");
    return fe_finish(p, n);
}

static Node *parse_jump(Parser *p, NodeKind kind) {
    Node *n = fe_mk(p, kind);
    fe_next(p);
    if (p->tok.type == T_IDENT && !p->tok.newline_before) {
        n->name = p->tok.name;
        LabelEntry *l = p->fs->labels;
        while (l && l->name != n->name) l = l->next;
        if (!l) fe_fail(p, p->tok.line, p->tok.col, "Undefined label '%s'", n->name);
        if (kind == N_CONTINUE && !l->is_loop)
            fe_fail(p, n->line, n->col, "Illegal continue statement: '%s' does not denote an iteration statement", n->name);
        fe_next(p);
    } else if (kind == N_BREAK && p->fs->breakable == 0) {
        fe_fail(p, n->line, n->col, "Illegal break statement");
    } else if (kind == N_CONTINUE && p->fs->loops == 0) {
        fe_fail(p, n->line, n->col, "Illegal continue statement: no surrounding iteration statement");
    }
    fe_consume_semicolon(p);
    return fe_finish(p, n);
}

static Node *parse_labeled(Parser *p) {
    Node *n = fe_mk(p, N_LABELED);
    n->name = p->tok.name;
    if (p->tok.escaped_keyword) fe_fail(p, n->line, n->col, "Keyword must not contain escaped characters");
    if (p->fs->strict && (fe_is_strict_reserved(n->name) || n->name == p->fc->a_yield))
        fe_fail(p, n->line, n->col, "Unexpected strict mode reserved word");
    for (LabelEntry *l = p->fs->labels; l; l = l->next)
        if (l->name == n->name) fe_fail(p, n->line, n->col, "Label '%s' has already been declared", n->name);
    fe_next(p);
    fe_expect(p, T_COLON);
    LabelEntry le = {n->name, false, true, p->fs->labels};
    p->fs->labels = &le;
    if (p->tok.type == T_FUNCTION) {
        if (p->fs->strict) fe_fail(p, p->tok.line, p->tok.col, "In strict mode code, functions can only be declared at top level or inside a block.");
        n->a = fe_parse_function(p, true, true);
    } else {
        n->a = parse_sub_statement(p, false);
    }
    p->fs->labels = le.next;
    return fe_finish(p, n);
}

Node *fe_parse_statement(Parser *p) {
    Token t = p->tok;
    bool is_label = t.type == T_IDENT && fe_peek(p).type == T_COLON;
    if (!is_label) {
        bool loop = t.type == T_FOR || t.type == T_WHILE || t.type == T_DO;
        for (LabelEntry *l = p->fs->labels; l && l->pending; l = l->next) {
            l->pending = false;
            if (loop) l->is_loop = true;
        }
    }
    fe_enter(p, FE_DEPTH_NEST);
    Node *n;
    switch (t.type) {
    case T_LBRACE: n = parse_block(p); break;
    case T_SEMI: n = fe_mk(p, N_EMPTY); fe_next(p); n = fe_finish(p, n); break;
    case T_VAR: n = parse_var(p, DECL_VAR, false, false); fe_consume_semicolon(p); n = fe_finish(p, n); break;
    case T_CONST: n = parse_var(p, DECL_CONST, false, false); fe_consume_semicolon(p); n = fe_finish(p, n); break;
    case T_FUNCTION: n = fe_parse_function(p, true, true); break;
    case T_CLASS: n = fe_parse_class(p, true); break;
    case T_IF: {
        n = fe_mk(p, N_IF);
        fe_next(p);
        fe_expect(p, T_LPAREN);
        n->a = fe_parse_expression(p, false);
        fe_expect(p, T_RPAREN);
        n->b = parse_sub_statement(p, true);
        if (fe_accept(p, T_ELSE)) n->c = parse_sub_statement(p, true);
        n = fe_finish(p, n);
        break;
    }
    case T_FOR: n = parse_for(p); break;
    case T_WHILE: {
        n = fe_mk(p, N_WHILE);
        fe_next(p);
        fe_expect(p, T_LPAREN);
        n->a = fe_parse_expression(p, false);
        fe_expect(p, T_RPAREN);
        n->d = parse_loop_body(p);
        n = fe_finish(p, n);
        break;
    }
    case T_DO: {
        n = fe_mk(p, N_DO_WHILE);
        fe_next(p);
        n->d = parse_loop_body(p);
        fe_expect(p, T_WHILE);
        fe_expect(p, T_LPAREN);
        n->a = fe_parse_expression(p, false);
        fe_expect(p, T_RPAREN);
        fe_accept(p, T_SEMI);                 /* ASI applies after do-while's ) */
        n = fe_finish(p, n);
        break;
    }
    case T_CONTINUE: n = parse_jump(p, N_CONTINUE); break;
    case T_BREAK: n = parse_jump(p, N_BREAK); break;
    case T_RETURN: {
        if (!p->fs->is_function) fe_fail(p, t.line, t.col, "Illegal return statement");
        n = fe_mk(p, N_RETURN);
        fe_next(p);
        if (p->tok.type != T_SEMI && p->tok.type != T_RBRACE && p->tok.type != T_EOF && !p->tok.newline_before)
            n->a = fe_parse_expression(p, false);
        fe_consume_semicolon(p);
        n = fe_finish(p, n);
        break;
    }
    case T_THROW: {
        n = fe_mk(p, N_THROW);
        fe_next(p);
        if (p->tok.newline_before) fe_fail(p, p->tok.line, p->tok.col, "Illegal newline after throw");
        n->a = fe_parse_expression(p, false);
        fe_consume_semicolon(p);
        n = fe_finish(p, n);
        break;
    }
    case T_TRY: n = parse_try(p); break;
    case T_SWITCH: n = parse_switch(p); break;
    case T_DEBUGGER: n = fe_mk(p, N_DEBUGGER); fe_next(p); fe_consume_semicolon(p); n = fe_finish(p, n); break;
    case T_WITH:
        if (p->fs->strict) fe_fail(p, t.line, t.col, "Strict mode code may not include a with statement");
        n = fe_mk(p, N_WITH);
        fe_next(p);
        fe_expect(p, T_LPAREN);
        n->a = fe_parse_expression(p, false);
        fe_expect(p, T_RPAREN);
        n->b = parse_sub_statement(p, false);
        n = fe_finish(p, n);
        break;
    case T_IMPORT: {
        Token nx = fe_peek(p);
        if (nx.type == T_LPAREN || nx.type == T_DOT) fe_fail(p, t.line, t.col, "import() is not supported");
        fe_fail(p, t.line, t.col, "Cannot use import statement outside a module");
    }
    case T_EXPORT: fe_fail(p, t.line, t.col, "Unexpected token 'export'");
    case T_ENUM: fe_fail(p, t.line, t.col, "Unexpected reserved word");
    default:
        if (is_label) { n = parse_labeled(p); break; }
        if (at_let_decl(p)) {
            n = parse_var(p, DECL_LET, false, false);
            fe_consume_semicolon(p);
            n = fe_finish(p, n);
            break;
        }
        n = fe_mk(p, N_EXPR_STMT);
        n->a = fe_parse_expression(p, false);
        if (n->a->kind == N_IDENT && n->a->name == p->fc->a_async && p->tok.type == T_FUNCTION && !p->tok.newline_before)
            fe_fail(p, t.line, t.col, "Async functions are not supported");
        fe_consume_semicolon(p);
        n = fe_finish(p, n);
        break;
    }
    fe_leave(p, FE_DEPTH_NEST);
    return n;
}

/* ---- programs ----------------------------------------------------------------------------- */
FuncNode *fe_parse_program(FeCompiler *fc, const char *src, size_t len, CompileMode mode, const char *params) {
    Parser p;
    memset(&p, 0, sizeof p);
    p.fc = fc;
    FuncNode *fn = fe_alloc(fc, sizeof *fn);
    fn->flags = FN_TOPLEVEL | FN_SIMPLE_PARAMS;
    fn->line = 1;
    fn->col = 1;
    fn->start = 0;
    fn->end = (uint32_t)len;
    FuncState fs;
    fe_push_func(&p, &fs, fn);
    if (mode == RT_COMPILE_SCRIPT) {
        fn->flags |= FN_SCRIPT;
        fs.is_function = false;
        fs.allow_new_target = false;
        fn->name = fc->a_empty;
    } else {
        fn->name = fc->a_anonymous;
        if (mode == RT_COMPILE_MODULE) { fs.strict = true; fn->flags |= FN_STRICT; }
    }
    if (mode != RT_COMPILE_SCRIPT && params && *params) {
        /* the parameter text is its own little source */
        jmp_buf jb;
        p.recover = &jb;
        if (!setjmp(jb)) {
            fe_lex_init(&p.lx, fc, params, strlen(params));
            fe_next(&p);
            fe_parse_params(&p, fn, T_EOF);
            if (p.tok.type != T_EOF) fe_unexpected(&p);
        }
        p.recover = NULL;
        p.fs = &fs;
        if (fc->error_count) return fn;
    }
    fe_lex_init(&p.lx, fc, src, len);
    fe_lex_next(&p.lx, &p.tok);      /* a T_ERROR here is reported by the statement list */
    fe_parse_statement_list(&p, &fn->body, false, true);
    if (fs.strict) fn->flags |= FN_STRICT;
    return fn;
}
