/* fe_parse_expr.c — expressions (ECMA-262 §13): primary expressions,
 * literals, member/call chains with optional chaining, unary and update
 * operators, binary operators by precedence climbing, conditional,
 * assignment (incl. logical assignment and destructuring patterns, which are
 * parsed as literals and then reinterpreted, the spec's "cover grammar"),
 * arrow functions (recognised by scanning ahead to the matching `)`) and
 * template literals.
 */
#include <string.h>
#include "fe_parse.h"
#include "runtime/rt_runtime.h"

static const char *const native_names[] = {
#define NATIVE(name, argc) #name,
#include "runtime/rt_natives.def"
#undef NATIVE
};

/* ---- helpers ----------------------------------------------------------------- */
void fe_set_inferred_name(Node *v, const char *name) {
    if (!v) return;                  /* (function(){}) is still anonymous: parentheses do not count */
    if (v->kind == N_FUNC && !v->func->name && !v->func->inferred) v->func->inferred = name;
    else if (v->kind == N_CLASS && !v->name && v->c && !v->c->func->inferred) v->c->func->inferred = name;
}

void fe_check_binding_name(Parser *p, const char *name, uint32_t line, uint32_t col) {
    if (!p->fs->strict) return;
    if (name == p->fc->a_eval || name == p->fc->a_arguments)
        fe_fail(p, line, col, "Unexpected eval or arguments in strict mode");
    if (fe_is_strict_reserved(name)) fe_fail(p, line, col, "Unexpected strict mode reserved word");
}

static Node *parse_ident_ref(Parser *p) {
    if (!fe_is_ident(p)) fe_unexpected(p);
    Node *n = fe_mk(p, N_IDENT);
    n->name = p->tok.name;
    if (p->fs->strict && fe_is_strict_reserved(n->name))
        fe_fail(p, n->line, n->col, "Unexpected strict mode reserved word");
    if (n->name == p->fc->a_arguments) {
        for (FuncState *f = p->fs; f; f = f->outer) {
            if (f->in_class_field) fe_fail(p, n->line, n->col, "'arguments' is not allowed in class field initializer or static initialization block");
            if (!f->is_arrow) break;
        }
    }
    fe_next(p);
    return fe_finish(p, n);
}

static bool is_simple_target(Node *e) {
    return e->kind == N_IDENT || e->kind == N_MEMBER || e->kind == N_INDEX;
}

void fe_check_assign_target(Parser *p, Node *e, bool simple_only) {
    (void)simple_only;
    if (!is_simple_target(e)) fe_fail(p, e->line, e->col, "Invalid left-hand side in assignment");
    if (e->kind == N_IDENT && p->fs->strict && (e->name == p->fc->a_eval || e->name == p->fc->a_arguments))
        fe_fail(p, e->line, e->col, "Unexpected eval or arguments in strict mode");
}

/* Reinterprets an array/object literal (or a target) as an assignment
 * pattern, checking the cover grammar's rules. */
Node *fe_to_pattern(Parser *p, Node *e, bool binding) {
    if (e->kind == N_ASSIGN && e->op == T_ASSIGN && !(e->flags & FL_PAREN)) {
        e->a = fe_to_pattern(p, e->a, binding);
        return e;
    }
    if (e->kind == N_ARRAY && !(e->flags & FL_PAREN)) {
        for (uint32_t i = 0; i < e->list.count; i++) {
            Node *el = e->list.items[i];
            if (el->kind == N_HOLE) continue;
            if (el->kind == N_SPREAD) {
                if (i + 1 != e->list.count) fe_fail(p, el->line, el->col, "Rest element must be last element");
                if (el->a->kind == N_ASSIGN) fe_fail(p, el->line, el->col, "Invalid destructuring assignment target");
                el->a = fe_to_pattern(p, el->a, binding);
                continue;
            }
            e->list.items[i] = fe_to_pattern(p, el, binding);
        }
        return e;
    }
    if (e->kind == N_OBJECT && !(e->flags & FL_PAREN)) {
        for (uint32_t i = 0; i < e->list.count; i++) {
            Node *pr = e->list.items[i];
            if (pr->op == PK_SPREAD) {
                if (i + 1 != e->list.count) fe_fail(p, pr->line, pr->col, "Rest element must be last element");
                if (pr->b->kind != N_IDENT && (binding || !is_simple_target(pr->b)))
                    fe_fail(p, pr->line, pr->col, "`...` must be followed by an assignable reference in assignment contexts");
                pr->b = fe_to_pattern(p, pr->b, binding);
                continue;
            }
            if (pr->op != PK_INIT && pr->op != PK_SHORTHAND && pr->op != PK_PROTO)
                fe_fail(p, pr->line, pr->col, "Invalid destructuring assignment target");
            pr->flags &= (uint16_t)~FL_COVER_INIT;
            pr->b = fe_to_pattern(p, pr->b, binding);
        }
        e->flags &= (uint16_t)~(FL_COVER_INIT | FL_DUP_PROTO);
        return e;
    }
    if (binding) {
        if (e->kind != N_IDENT) fe_fail(p, e->line, e->col, "Invalid destructuring assignment target");
        fe_check_binding_name(p, e->name, e->line, e->col);
        return e;
    }
    if (!is_simple_target(e)) fe_fail(p, e->line, e->col, "Invalid destructuring assignment target");
    fe_check_assign_target(p, e, false);
    return e;
}

/* ---- binding patterns (declarations and parameters) -------------------------------- */
static Node *parse_binding_element(Parser *p, int decl_kind) {
    Node *t = fe_parse_binding_target(p, decl_kind);
    if (p->tok.type == T_ASSIGN) {
        Node *a = fe_mk(p, N_ASSIGN);
        a->op = T_ASSIGN;
        a->line = t->line; a->col = t->col; a->start = t->start;
        fe_next(p);
        a->a = t;
        a->b = fe_parse_assign(p, false);
        if (t->kind == N_IDENT) fe_set_inferred_name(a->b, t->name);
        return fe_finish(p, a);
    }
    return t;
}

Node *fe_parse_binding_target(Parser *p, int decl_kind) {
    if (p->tok.type == T_LBRACK) {
        fe_enter(p, FE_DEPTH_NEST);
        Node *arr = fe_mk(p, N_ARRAY);
        fe_next(p);
        while (p->tok.type != T_RBRACK) {
            if (p->tok.type == T_COMMA) {
                fe_list_push(p->fc, &arr->list, fe_mk(p, N_HOLE));
                fe_next(p);
                continue;
            }
            if (p->tok.type == T_ELLIPSIS) {
                Node *s = fe_mk(p, N_SPREAD);
                fe_next(p);
                s->a = fe_parse_binding_target(p, decl_kind);
                fe_list_push(p->fc, &arr->list, fe_finish(p, s));
                if (p->tok.type != T_RBRACK) fe_fail(p, p->tok.line, p->tok.col, "Rest element must be last element");
                break;
            }
            fe_list_push(p->fc, &arr->list, parse_binding_element(p, decl_kind));
            if (p->tok.type != T_RBRACK) fe_expect(p, T_COMMA);
        }
        fe_expect(p, T_RBRACK);
        fe_leave(p, FE_DEPTH_NEST);
        return fe_finish(p, arr);
    }
    if (p->tok.type == T_LBRACE) {
        fe_enter(p, FE_DEPTH_NEST);
        Node *obj = fe_mk(p, N_OBJECT);
        fe_next(p);
        while (p->tok.type != T_RBRACE) {
            Node *pr = fe_mk(p, N_PROP);
            if (p->tok.type == T_ELLIPSIS) {
                fe_next(p);
                pr->op = PK_SPREAD;
                pr->b = parse_ident_ref(p);
                fe_check_binding_name(p, pr->b->name, pr->b->line, pr->b->col);
                fe_list_push(p->fc, &obj->list, fe_finish(p, pr));
                if (p->tok.type != T_RBRACE) fe_fail(p, p->tok.line, p->tok.col, "Rest element must be last element");
                break;
            }
            bool was_ident = fe_is_ident(p);
            Token keytok = p->tok;
            fe_parse_property_key(p, pr);
            if (p->tok.type == T_COLON) {
                fe_next(p);
                pr->op = PK_INIT;
                pr->b = parse_binding_element(p, decl_kind);
            } else {
                if (!was_ident || (pr->flags & FL_COMPUTED)) fe_unexpected(p);
                pr->op = PK_SHORTHAND;
                Node *id = fe_node(p->fc, N_IDENT, keytok.line, keytok.col, keytok.start);
                id->name = keytok.name;
                id->end = keytok.end;
                fe_check_binding_name(p, id->name, id->line, id->col);
                if (p->fs->strict && fe_is_strict_reserved(id->name))
                    fe_fail(p, id->line, id->col, "Unexpected strict mode reserved word");
                pr->b = id;
                if (p->tok.type == T_ASSIGN) {
                    Node *a = fe_mk(p, N_ASSIGN);
                    a->op = T_ASSIGN;
                    fe_next(p);
                    a->a = id;
                    a->b = fe_parse_assign(p, false);
                    fe_set_inferred_name(a->b, id->name);
                    pr->b = fe_finish(p, a);
                }
            }
            fe_list_push(p->fc, &obj->list, fe_finish(p, pr));
            if (p->tok.type != T_RBRACE) fe_expect(p, T_COMMA);
        }
        fe_expect(p, T_RBRACE);
        fe_leave(p, FE_DEPTH_NEST);
        return fe_finish(p, obj);
    }
    if (!fe_is_ident(p)) fe_unexpected(p);
    if (decl_kind != DECL_VAR && p->tok.name == p->fc->a_let)
        fe_fail(p, p->tok.line, p->tok.col, "let is disallowed as a lexically bound name");
    Node *id = parse_ident_ref(p);
    fe_check_binding_name(p, id->name, id->line, id->col);
    return id;
}

/* ---- literals ---------------------------------------------------------------------- */
static Node *str_node_from_atom(Parser *p, const char *atom, Token *t) {
    Node *s = fe_node(p->fc, N_STR, t->line, t->col, t->start);
    s->str = fe_atom_utf16(p->fc, atom);
    s->name = atom;
    s->end = t->end;
    return s;
}

/* Property names: identifier names (keywords too), strings, numbers, [computed]. */
Node *fe_parse_property_key(Parser *p, Node *prop) {
    Token t = p->tok;
    Node *k;
    if (t.type == T_LBRACK) {
        fe_next(p);
        k = fe_parse_assign(p, false);
        fe_expect(p, T_RBRACK);
        prop->flags |= FL_COMPUTED;
    } else if (t.type == T_STRING) {
        if (t.legacy_octal && p->fs->strict) fe_fail(p, t.line, t.col, "Octal escape sequences are not allowed in strict mode.");
        k = fe_mk(p, N_STR);
        k->str = t.str;
        fe_next(p);
    } else if (t.type == T_NUMBER) {
        if (t.legacy_octal && p->fs->strict) fe_fail(p, t.line, t.col, "Octal literals are not allowed in strict mode.");
        k = fe_mk(p, N_NUM);
        k->num = t.num;
        fe_next(p);
    } else if (t.type == T_IDENT || (t.type >= T_FIRST_KEYWORD && t.type <= T_LAST_KEYWORD)) {
        k = str_node_from_atom(p, t.name, &t);
        fe_next(p);
    } else if (t.type == T_HASH) {
        fe_fail(p, t.line, t.col, "Private class members are not supported");
    } else {
        fe_unexpected(p);
    }
    prop->a = fe_finish(p, k);
    return k;
}

/* Name of a literal key for function-name inference (NULL if computed). */
static const char *key_name(Parser *p, Node *prop) {
    if (prop->flags & FL_COMPUTED) return NULL;
    Node *k = prop->a;
    if (k->name) return k->name;
    if (k->kind == N_STR) {
        /* UTF-16 -> UTF-8 atom */
        char buf[256];
        size_t n = 0;
        for (uint32_t i = 0; i < k->str.len && n + 4 < sizeof buf; i++) {
            uint32_t c = k->str.s[i];
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < k->str.len && k->str.s[i + 1] >= 0xDC00 && k->str.s[i + 1] <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (k->str.s[i + 1] - 0xDC00);
                i++;
            }
            n += (size_t)fe_utf8_encode(c, buf + n);
        }
        return fe_atom(p->fc, buf, n);
    }
    if (k->kind == N_NUM) {
        char buf[40];
        rt_double_to_cstr(k->num, buf);
        return fe_atom(p->fc, buf, strlen(buf));
    }
    return NULL;
}

static Node *parse_object_literal(Parser *p) {
    Node *obj = fe_mk(p, N_OBJECT);
    fe_next(p);
    bool has_proto = false;
    while (p->tok.type != T_RBRACE) {
        Node *pr = fe_mk(p, N_PROP);
        if (p->tok.type == T_ELLIPSIS) {
            fe_next(p);
            pr->op = PK_SPREAD;
            pr->b = fe_parse_assign(p, false);
        } else if (p->tok.type == T_STAR) {
            fe_fail(p, p->tok.line, p->tok.col, "Generators are not supported");
        } else {
            Token first = p->tok;
            bool was_ident = fe_is_ident(p) || first.type == T_IDENT;
            int kind = -1;
            if (first.type == T_IDENT && !first.escaped && (first.name == p->fc->a_get || first.name == p->fc->a_set)) {
                Token nx = fe_peek(p);
                if (nx.type != T_COMMA && nx.type != T_COLON && nx.type != T_LPAREN && nx.type != T_RBRACE && nx.type != T_ASSIGN)
                    kind = first.name == p->fc->a_get ? PK_GET : PK_SET;
            }
            if (first.type == T_IDENT && !first.escaped && first.name == p->fc->a_async) {
                Token nx = fe_peek(p);
                if (nx.type != T_COMMA && nx.type != T_COLON && nx.type != T_LPAREN && nx.type != T_RBRACE && nx.type != T_ASSIGN && !nx.newline_before)
                    fe_fail(p, first.line, first.col, "Async functions are not supported");
            }
            if (kind >= 0) {
                fe_next(p);
                fe_parse_property_key(p, pr);
                pr->op = (uint8_t)kind;
                Node *fnode = fe_mk(p, N_FUNC);
                fnode->func = fe_parse_method(p, FN_METHOD | (kind == PK_GET ? FN_GETTER : FN_SETTER), first.line, first.col, first.start);
                fnode->func->inferred = key_name(p, pr);
                pr->b = fe_finish(p, fnode);
            } else {
                fe_parse_property_key(p, pr);
                if (p->tok.type == T_COLON) {
                    fe_next(p);
                    pr->op = PK_INIT;
                    pr->b = fe_parse_assign(p, false);
                    const char *kn = key_name(p, pr);
                    if (kn == p->fc->a_proto && !(pr->flags & FL_COMPUTED)) {
                        if (has_proto) obj->flags |= FL_DUP_PROTO;
                        has_proto = true;
                        pr->op = PK_PROTO;
                    } else if (kn) {
                        fe_set_inferred_name(pr->b, kn);
                    }
                } else if (p->tok.type == T_LPAREN) {
                    pr->op = PK_METHOD;
                    Node *fnode = fe_mk(p, N_FUNC);
                    fnode->func = fe_parse_method(p, FN_METHOD, first.line, first.col, first.start);
                    fnode->func->inferred = key_name(p, pr);
                    pr->b = fe_finish(p, fnode);
                } else {
                    if (!was_ident || (pr->flags & FL_COMPUTED) || first.type != T_IDENT || first.escaped_keyword) fe_unexpected(p);
                    pr->op = PK_SHORTHAND;
                    Node *id = fe_node(p->fc, N_IDENT, first.line, first.col, first.start);
                    id->name = first.name;
                    id->end = first.end;
                    if (p->fs->strict && fe_is_strict_reserved(id->name))
                        fe_fail(p, id->line, id->col, "Unexpected strict mode reserved word");
                    pr->b = id;
                    if (p->tok.type == T_ASSIGN) {      /* {a = 1}: only as a pattern */
                        Node *a = fe_mk(p, N_ASSIGN);
                        a->op = T_ASSIGN;
                        fe_next(p);
                        a->a = id;
                        a->b = fe_parse_assign(p, false);
                        fe_set_inferred_name(a->b, id->name);
                        pr->b = fe_finish(p, a);
                        pr->flags |= FL_COVER_INIT;
                        obj->flags |= FL_COVER_INIT;
                    }
                }
            }
        }
        fe_list_push(p->fc, &obj->list, fe_finish(p, pr));
        if (p->tok.type != T_RBRACE) fe_expect(p, T_COMMA);
    }
    fe_next(p);
    return fe_finish(p, obj);
}

static Node *parse_array_literal(Parser *p) {
    Node *arr = fe_mk(p, N_ARRAY);
    fe_next(p);
    while (p->tok.type != T_RBRACK) {
        if (p->tok.type == T_COMMA) {
            fe_list_push(p->fc, &arr->list, fe_mk(p, N_HOLE));
            fe_next(p);
            continue;
        }
        Node *el;
        if (p->tok.type == T_ELLIPSIS) {
            el = fe_mk(p, N_SPREAD);
            fe_next(p);
            el->a = fe_parse_assign(p, false);
            fe_finish(p, el);
        } else {
            el = fe_parse_assign(p, false);
        }
        if (el->flags & FL_COVER_INIT) arr->flags |= FL_COVER_INIT;
        fe_list_push(p->fc, &arr->list, el);
        if (p->tok.type != T_RBRACK) fe_expect(p, T_COMMA);
    }
    fe_next(p);
    return fe_finish(p, arr);
}

static Node *parse_template(Parser *p, bool tagged) {
    Node *t = fe_mk(p, N_TEMPLATE);
    for (;;) {
        if (p->tok.type != T_TEMPLATE) fe_unexpected(p);
        if (p->tok.bad_escape && !tagged) fe_fail(p, p->tok.line, p->tok.col, "%s", p->tok.error);
        Node *s = fe_mk(p, N_STR);
        s->str = p->tok.str;
        if (p->tok.bad_escape) s->flags |= FL_NO_COOKED;
        s->a = fe_mk(p, N_STR);
        s->a->str = p->tok.raw;
        int kind = p->tok.tpl_kind;
        fe_next(p);
        fe_list_push(p->fc, &t->list, fe_finish(p, s));
        if (kind == TPL_FULL || kind == TPL_TAIL) break;
        fe_list_push(p->fc, &t->list, fe_parse_expression(p, false));
        if (p->tok.type != T_TEMPLATE) {
            if (p->tok.type == T_EOF) fe_unexpected(p);
            fe_fail(p, p->tok.line, p->tok.col, "Unexpected token '%s'", fe_token_text[p->tok.type]);
        }
    }
    return fe_finish(p, t);
}

/* Does `(` at tok start an arrow function's parameter list? Scans ahead to
 * the matching `)` and looks for `=>` on the same line. */
static bool arrow_ahead(Parser *p) {
    Lexer save = p->lx;
    Token t;
    int depth = 1;
    bool result = false;
    for (;;) {
        fe_lex_next(&p->lx, &t);
        if (t.type == T_EOF || t.type == T_ERROR) break;
        if (t.type == T_LPAREN || t.type == T_LBRACK || t.type == T_LBRACE) depth++;
        else if (t.type == T_RPAREN || t.type == T_RBRACK || t.type == T_RBRACE) {
            if (--depth == 0) {
                if (t.type != T_RPAREN) break;
                fe_lex_next(&p->lx, &t);
                result = t.type == T_ARROW && !t.newline_before;
                break;
            }
        }
    }
    p->lx = save;
    return result;
}

static Node *parse_arrow_expr(Parser *p) {
    Node *n = fe_mk(p, N_FUNC);
    n->func = fe_parse_arrow(p);
    return fe_finish(p, n);
}

static Node *parse_primary(Parser *p) {
    Token t = p->tok;
    Node *n;
    switch (t.type) {
    case T_THIS: n = fe_mk(p, N_THIS); fe_next(p); return fe_finish(p, n);
    case T_NULL: n = fe_mk(p, N_NULL); fe_next(p); return fe_finish(p, n);
    case T_TRUE: n = fe_mk(p, N_TRUE); fe_next(p); return fe_finish(p, n);
    case T_FALSE: n = fe_mk(p, N_FALSE); fe_next(p); return fe_finish(p, n);
    case T_NUMBER:
        if (t.legacy_octal && p->fs->strict)
            fe_fail(p, t.line, t.col, "Octal literals are not allowed in strict mode.");
        n = fe_mk(p, N_NUM);
        n->num = t.num;
        fe_next(p);
        return fe_finish(p, n);
    case T_STRING:
        if (t.legacy_octal && p->fs->strict)
            fe_fail(p, t.line, t.col, "Octal escape sequences are not allowed in strict mode.");
        n = fe_mk(p, N_STR);
        n->str = t.str;
        fe_next(p);
        return fe_finish(p, n);
    case T_TEMPLATE: return parse_template(p, false);
    case T_LBRACK: return parse_array_literal(p);
    case T_LBRACE: return parse_object_literal(p);
    case T_FUNCTION: return fe_parse_function(p, false, false);
    case T_CLASS: return fe_parse_class(p, false);
    case T_LPAREN: {
        fe_next(p);
        if (p->tok.type == T_RPAREN) fe_unexpected(p);
        Node *e = fe_parse_expression(p, false);
        fe_expect(p, T_RPAREN);
        if (e->flags & FL_COVER_INIT) fe_fail(p, e->line, e->col, "Invalid shorthand property initializer");
        e->flags |= FL_PAREN;
        return e;
    }
    case T_SUPER: {
        n = fe_mk(p, N_SUPER);
        fe_next(p);
        if (p->tok.type == T_LPAREN) {
            if (!p->fs->allow_super_call) fe_fail(p, t.line, t.col, "'super' keyword unexpected here");
        } else if (p->tok.type == T_DOT || p->tok.type == T_LBRACK) {
            if (!p->fs->allow_super_prop) fe_fail(p, t.line, t.col, "'super' keyword unexpected here");
        } else {
            fe_fail(p, t.line, t.col, "'super' keyword unexpected here");
        }
        return fe_finish(p, n);
    }
    case T_SLASH: case T_DIV_ASSIGN:
        fe_fail(p, t.line, t.col, "regular expressions are not supported");
    case T_PERCENT:
        if (p->fc->rt && p->fc->rt->flags.allow_natives_syntax) {
            fe_next(p);
            if (p->tok.type != T_IDENT) fe_unexpected(p);
            int idx = -1;
            for (size_t i = 0; i < sizeof native_names / sizeof native_names[0]; i++)
                if (strcmp(native_names[i], p->tok.name) == 0) idx = (int)i;
            if (idx < 0) fe_fail(p, p->tok.line, p->tok.col, "Unknown intrinsic %%%s", p->tok.name);
            n = fe_node(p->fc, N_NATIVE, t.line, t.col, t.start);
            n->num = idx;
            fe_next(p);
            fe_expect(p, T_LPAREN);
            while (p->tok.type != T_RPAREN) {
                fe_list_push(p->fc, &n->list, fe_parse_assign(p, false));
                if (p->tok.type != T_RPAREN) fe_expect(p, T_COMMA);
            }
            fe_next(p);
            return fe_finish(p, n);
        }
        fe_unexpected(p);
    default:
        if (fe_is_ident(p)) {
            if (t.name == p->fc->a_async && !t.escaped) {
                Token nx = fe_peek(p);
                if (nx.type == T_FUNCTION && !nx.newline_before)
                    fe_fail(p, t.line, t.col, "Async functions are not supported");
            }
            return parse_ident_ref(p);
        }
        fe_unexpected(p);
    }
}

static Node *parse_args(Parser *p, Node *call) {
    fe_expect(p, T_LPAREN);
    while (p->tok.type != T_RPAREN) {
        if (p->tok.type == T_ELLIPSIS) {
            Node *s = fe_mk(p, N_SPREAD);
            fe_next(p);
            s->a = fe_parse_assign(p, false);
            fe_list_push(p->fc, &call->list, fe_finish(p, s));
        } else {
            fe_list_push(p->fc, &call->list, fe_parse_assign(p, false));
        }
        if (p->tok.type != T_RPAREN) {
            if (p->tok.type != T_COMMA) {
                if (p->tok.type == T_EOF) fe_unexpected(p);
                fe_fail(p, p->tok.line, p->tok.col, "missing ) after argument list");
            }
            fe_next(p);
        }
    }
    fe_next(p);
    return call;
}

static const char *member_name(Parser *p) {
    Token t = p->tok;
    if (t.type == T_IDENT || (t.type >= T_FIRST_KEYWORD && t.type <= T_LAST_KEYWORD)) {
        fe_next(p);
        return t.name;
    }
    if (t.type == T_HASH) fe_fail(p, t.line, t.col, "Private class members are not supported");
    fe_unexpected(p);
}

/* MemberExpression / CallExpression / OptionalExpression, plus `new`. */
static Node *parse_member_chain(Parser *p, Node *e, bool allow_call) {
    bool optional_chain = false;
    int links = 0;
    for (;;) {
        Token t = p->tok;
        Node *n;
        if (t.type == T_DOT) {
            fe_next(p);
            n = fe_node(p->fc, N_MEMBER, p->tok.line, p->tok.col, e->start);
            n->a = e;
            n->name = member_name(p);
        } else if (t.type == T_QDOT) {
            if (!allow_call) fe_fail(p, t.line, t.col, "Invalid optional chain from new expression");
            fe_next(p);
            optional_chain = true;
            if (p->tok.type == T_LPAREN) {
                n = fe_node(p->fc, N_CALL, p->tok.line, p->tok.col, e->start);
                n->a = e;
                parse_args(p, n);
            } else if (p->tok.type == T_LBRACK) {
                n = fe_node(p->fc, N_INDEX, p->tok.line, p->tok.col, e->start);
                fe_next(p);
                n->a = e;
                n->b = fe_parse_expression(p, false);
                fe_expect(p, T_RBRACK);
            } else {
                n = fe_node(p->fc, N_MEMBER, p->tok.line, p->tok.col, e->start);
                n->a = e;
                n->name = member_name(p);
            }
            n->flags |= FL_OPTIONAL;
        } else if (t.type == T_LBRACK) {
            fe_next(p);
            n = fe_node(p->fc, N_INDEX, t.line, t.col, e->start);
            n->a = e;
            n->b = fe_parse_expression(p, false);
            fe_expect(p, T_RBRACK);
        } else if (t.type == T_LPAREN && allow_call) {
            n = fe_node(p->fc, N_CALL, t.line, t.col, e->start);
            n->a = e;
            parse_args(p, n);
        } else if (t.type == T_TEMPLATE && (t.tpl_kind == TPL_FULL || t.tpl_kind == TPL_HEAD)) {
            if (optional_chain) fe_fail(p, t.line, t.col, "Invalid tagged template on optional chain");
            n = fe_node(p->fc, N_CALL, e->line, e->col, e->start);
            n->a = e;
            n->flags |= FL_TAGGED;
            fe_list_push(p->fc, &n->list, parse_template(p, true));
        } else {
            break;
        }
        /* the call's position is the callee's name, as stack traces show it */
        if (n->kind == N_CALL && (e->kind == N_MEMBER || e->kind == N_IDENT)) {
            n->line = e->kind == N_MEMBER ? e->line : e->line;
            n->col = e->col;
        }
        e = fe_finish(p, n);
        links++;
        fe_enter(p, 1);
    }
    fe_leave(p, links);
    if (optional_chain) {
        Node *oc = fe_node(p->fc, N_OPTCHAIN, e->line, e->col, e->start);
        oc->a = e;
        oc->end = e->end;
        return oc;
    }
    return e;
}

static Node *parse_new(Parser *p) {
    Token t = p->tok;
    fe_next(p);
    if (p->tok.type == T_DOT) {
        fe_next(p);
        if (p->tok.type != T_IDENT || p->tok.name != p->fc->a_target || p->tok.escaped) fe_unexpected(p);
        if (!p->fs->allow_new_target) fe_fail(p, t.line, t.col, "new.target expression is not allowed here");
        fe_next(p);
        Node *n = fe_node(p->fc, N_NEW_TARGET, t.line, t.col, t.start);
        return fe_finish(p, n);
    }
    fe_enter(p, FE_DEPTH_NEST);
    Node *callee = p->tok.type == T_NEW ? parse_new(p) : parse_primary(p);
    if (callee->kind == N_SUPER) fe_fail(p, callee->line, callee->col, "'super' keyword unexpected here");
    callee = parse_member_chain(p, callee, false);
    Node *n = fe_node(p->fc, N_NEW, t.line, t.col, t.start);
    n->a = callee;
    if (p->tok.type == T_LPAREN) parse_args(p, n);
    fe_leave(p, FE_DEPTH_NEST);
    return fe_finish(p, n);
}

Node *fe_parse_lhs(Parser *p) {
    Node *e = p->tok.type == T_NEW ? parse_new(p) : parse_primary(p);
    return parse_member_chain(p, e, true);
}

/* ---- unary, binary, conditional, assignment ------------------------------------------- */
static Node *parse_unary(Parser *p) {
    Token t = p->tok;
    switch (t.type) {
    case T_DELETE: case T_VOID: case T_TYPEOF: case T_PLUS: case T_MINUS: case T_TILDE: case T_BANG: {
        fe_enter(p, FE_DEPTH_NEST);
        fe_next(p);
        Node *n = fe_node(p->fc, N_UNARY, t.line, t.col, t.start);
        n->op = (uint8_t)t.type;
        n->a = parse_unary(p);
        if (t.type == T_DELETE && n->a->kind == N_IDENT && p->fs->strict)
            fe_fail(p, t.line, t.col, "Delete of an unqualified identifier in strict mode.");
        fe_leave(p, FE_DEPTH_NEST);
        return fe_finish(p, n);
    }
    case T_INC: case T_DEC: {
        fe_enter(p, FE_DEPTH_NEST);
        fe_next(p);
        Node *n = fe_node(p->fc, N_UPDATE, t.line, t.col, t.start);
        n->op = (uint8_t)t.type;
        n->flags |= FL_PREFIX;
        n->a = parse_unary(p);
        if (!is_simple_target(n->a) || (n->a->flags & FL_PAREN && n->a->kind != N_IDENT && n->a->kind != N_MEMBER && n->a->kind != N_INDEX))
            fe_fail(p, n->a->line, n->a->col, "Invalid left-hand side expression in prefix operation");
        fe_check_assign_target(p, n->a, true);
        fe_leave(p, FE_DEPTH_NEST);
        return fe_finish(p, n);
    }
    default: {
        Node *e = fe_parse_lhs(p);
        if ((p->tok.type == T_INC || p->tok.type == T_DEC) && !p->tok.newline_before) {
            if (!is_simple_target(e))
                fe_fail(p, e->line, e->col, "Invalid left-hand side expression in postfix operation");
            fe_check_assign_target(p, e, true);
            Node *n = fe_node(p->fc, N_UPDATE, p->tok.line, p->tok.col, e->start);
            n->op = (uint8_t)p->tok.type;
            n->a = e;
            fe_next(p);
            return fe_finish(p, n);
        }
        return e;
    }
    }
}

static int binary_prec(TokenType t, bool no_in) {
    switch (t) {
    case T_NULLISH: return 1;
    case T_OR: return 2;
    case T_AND: return 3;
    case T_PIPE: return 4;
    case T_CARET: return 5;
    case T_AMP: return 6;
    case T_EQ: case T_NE: case T_EQ_STRICT: case T_NE_STRICT: return 7;
    case T_LT: case T_GT: case T_LE: case T_GE: case T_INSTANCEOF: return 8;
    case T_IN: return no_in ? 0 : 8;
    case T_SHL: case T_SAR: case T_SHR: return 9;
    case T_PLUS: case T_MINUS: return 10;
    case T_STAR: case T_SLASH: case T_PERCENT: return 11;
    case T_STARSTAR: return 12;
    default: return 0;
    }
}

static bool is_unparen_logical(Node *n, int op1, int op2) {
    return n->kind == N_LOGICAL && !(n->flags & FL_PAREN) && (n->op == op1 || n->op == op2);
}

static Node *parse_binary(Parser *p, int min_prec, bool no_in) {
    Node *left = parse_unary(p);
    int links = 0;
    for (;;) {
        Token t = p->tok;
        int prec = binary_prec(t.type, no_in);
        if (prec == 0 || prec < min_prec) break;
        if (t.type == T_STARSTAR && left->kind == N_UNARY && !(left->flags & FL_PAREN))
            fe_fail(p, t.line, t.col, "Unary operator used immediately before exponentiation expression. "
                                      "Parenthesis must be used to disambiguate operator precedence");
        fe_next(p);
        if (t.type == T_STARSTAR) fe_enter(p, FE_DEPTH_NEST);   /* right-associative: recurses per operator */
        Node *right = parse_binary(p, t.type == T_STARSTAR ? prec : prec + 1, no_in);
        if (t.type == T_STARSTAR) fe_leave(p, FE_DEPTH_NEST);
        bool logical = t.type == T_AND || t.type == T_OR || t.type == T_NULLISH;
        if (t.type == T_NULLISH && (is_unparen_logical(left, T_AND, T_OR) || is_unparen_logical(right, T_AND, T_OR)))
            fe_fail(p, t.line, t.col, "Unexpected token '?\?'");
        if ((t.type == T_AND || t.type == T_OR) &&
            (is_unparen_logical(left, T_NULLISH, T_NULLISH) || is_unparen_logical(right, T_NULLISH, T_NULLISH)))
            fe_fail(p, t.line, t.col, "Unexpected token '%s'", fe_token_text[t.type]);
        Node *n = fe_node(p->fc, logical ? N_LOGICAL : N_BINARY, t.line, t.col, left->start);
        n->op = (uint8_t)t.type;
        n->a = left;
        n->b = right;
        left = fe_finish(p, n);
        links++;
        fe_enter(p, 1);
    }
    fe_leave(p, links);
    return left;
}

static Node *parse_conditional(Parser *p, bool no_in) {
    Node *test = parse_binary(p, 1, no_in);
    if (p->tok.type != T_QUESTION) return test;
    Node *n = fe_node(p->fc, N_COND, test->line, test->col, test->start);
    fe_next(p);
    n->a = test;
    n->b = fe_parse_assign(p, false);
    fe_expect(p, T_COLON);
    n->c = fe_parse_assign(p, no_in);
    return fe_finish(p, n);
}

static bool is_assign_op(TokenType t) {
    return t == T_ASSIGN || (t >= T_ADD_ASSIGN && t <= T_NULLISH_ASSIGN);
}

Node *fe_parse_assign(Parser *p, bool no_in) {
    fe_enter(p, FE_DEPTH_NEST);
    Node *result;
    if (fe_is_ident(p) && fe_peek(p).type == T_ARROW) {
        result = parse_arrow_expr(p);
    } else if (p->tok.type == T_LPAREN && arrow_ahead(p)) {
        result = parse_arrow_expr(p);
    } else {
        Node *lhs = parse_conditional(p, no_in);
        Token t = p->tok;
        if (is_assign_op(t.type)) {
            if (t.type == T_ASSIGN && (lhs->kind == N_ARRAY || lhs->kind == N_OBJECT) && !(lhs->flags & FL_PAREN)) {
                lhs = fe_to_pattern(p, lhs, false);
            } else {
                if (!is_simple_target(lhs)) fe_fail(p, lhs->line, lhs->col, "Invalid left-hand side in assignment");
                fe_check_assign_target(p, lhs, true);
            }
            fe_next(p);
            Node *n = fe_node(p->fc, N_ASSIGN, t.line, t.col, lhs->start);
            n->op = (uint8_t)t.type;
            n->a = lhs;
            n->b = fe_parse_assign(p, no_in);
            if (lhs->kind == N_IDENT && (t.type == T_ASSIGN || t.type >= T_LAND_ASSIGN))
                fe_set_inferred_name(n->b, lhs->name);
            result = fe_finish(p, n);
        } else {
            result = lhs;
        }
    }
    fe_leave(p, FE_DEPTH_NEST);
    return result;
}

Node *fe_parse_expression(Parser *p, bool no_in) {
    Node *e = fe_parse_assign(p, no_in);
    if (p->tok.type != T_COMMA) {
        if (e->flags & FL_COVER_INIT) fe_fail(p, e->line, e->col, "Invalid shorthand property initializer");
        return e;
    }
    Node *seq = fe_node(p->fc, N_SEQ, e->line, e->col, e->start);
    fe_list_push(p->fc, &seq->list, e);
    while (fe_accept(p, T_COMMA)) {
        Node *x = fe_parse_assign(p, no_in);
        if (x->flags & FL_COVER_INIT) fe_fail(p, x->line, x->col, "Invalid shorthand property initializer");
        fe_list_push(p->fc, &seq->list, x);
    }
    if (e->flags & FL_COVER_INIT) fe_fail(p, e->line, e->col, "Invalid shorthand property initializer");
    return fe_finish(p, seq);
}
