/* test_parse.c — the parser: precedence and associativity, ASI and its
 * restricted productions, arrow functions, classes, patterns, and error
 * recovery (several diagnostics with the right line:col, the nesting limit).
 */
#include <criterion/criterion.h>
#include <string.h>
#include "frontend/fe_ast.h"
#include "frontend/fe_lex.h"
#include "frontend/fe_parse.h"

typedef struct {
    FeCompiler fc;
    FuncNode *top;
} Parsed;

static Parsed *parse_mode(const char *src, CompileMode mode) {
    Parsed *p = calloc(1, sizeof *p);
    fe_compiler_init(&p->fc, NULL, "t.js", src, strlen(src));
    jmp_buf jb;
    p->fc.abort = &jb;
    if (!setjmp(jb)) p->top = fe_parse_program(&p->fc, src, strlen(src), mode, NULL);
    p->fc.abort = NULL;
    return p;
}
static Parsed *parse(const char *src) { return parse_mode(src, RT_COMPILE_SCRIPT); }

static void done(Parsed *p) {
    fe_compiler_free(&p->fc);
    free(p);
}

/* S-expression dump of an expression (enough to check tree shapes). */
static void dump(Node *n, char *buf, size_t cap) {
    size_t len = strlen(buf);
    if (!n) { snprintf(buf + len, cap - len, "_"); return; }
    switch (n->kind) {
    case N_NUM: snprintf(buf + len, cap - len, "%g", n->num); return;
    case N_IDENT: snprintf(buf + len, cap - len, "%s", n->name); return;
    case N_BINARY: case N_LOGICAL: case N_ASSIGN:
        snprintf(buf + len, cap - len, "(%s ", fe_token_text[n->op]);
        dump(n->a, buf, cap);
        strncat(buf, " ", cap - strlen(buf) - 1);
        dump(n->b, buf, cap);
        strncat(buf, ")", cap - strlen(buf) - 1);
        return;
    case N_UNARY:
        snprintf(buf + len, cap - len, "(%s ", fe_token_text[n->op]);
        dump(n->a, buf, cap);
        strncat(buf, ")", cap - strlen(buf) - 1);
        return;
    case N_COND:
        snprintf(buf + len, cap - len, "(? ");
        dump(n->a, buf, cap); strncat(buf, " ", cap - strlen(buf) - 1);
        dump(n->b, buf, cap); strncat(buf, " ", cap - strlen(buf) - 1);
        dump(n->c, buf, cap); strncat(buf, ")", cap - strlen(buf) - 1);
        return;
    default:
        snprintf(buf + len, cap - len, "<%s>", fe_node_kind_name[n->kind]);
        return;
    }
}

static void expect_expr(const char *src, const char *want) {
    Parsed *p = parse(src);
    cr_assert_eq(p->fc.error_count, 0, "%s: %s", src, p->fc.diags.count ? p->fc.diags.items[0].message : "");
    Node *s = p->top->body.items[0];
    cr_assert_eq(s->kind, N_EXPR_STMT);
    char buf[512] = "";
    dump(s->a, buf, sizeof buf);
    cr_assert_str_eq(buf, want, "%s", src);
    done(p);
}

Test(parse, precedence) {
    expect_expr("1 + 2 * 3", "(+ 1 (* 2 3))");
    expect_expr("1 - 2 - 3", "(- (- 1 2) 3)");
    expect_expr("2 ** 3 ** 2", "(** 2 (** 3 2))");
    expect_expr("a || b && c", "(|| a (&& b c))");
    expect_expr("a ?? b", "(?? a b)");
    expect_expr("a = b = c", "(= a (= b c))");
    expect_expr("a ? b : c ? d : e", "(? a b (? c d e))");
    expect_expr("a < b == c", "(== (< a b) c)");
    expect_expr("a | b ^ c & d", "(| a (^ b (& c d)))");
    expect_expr("-a * b", "(* (- a) b)");
    expect_expr("(-a) ** b", "(** (- a) b)");
    expect_expr("a << b + c", "(<< a (+ b c))");
    expect_expr("x ||= y", "(||= x y)");
}

static void expect_error(const char *src, const char *msg, uint32_t line, uint32_t col) {
    Parsed *p = parse(src);
    cr_assert(p->fc.diags.count >= 1, "no error for %s", src);
    cr_assert_str_eq(p->fc.diags.items[0].message, msg, "%s", src);
    if (line) {
        cr_assert_eq(p->fc.diags.items[0].line, line, "%s: line %u", src, p->fc.diags.items[0].line);
        cr_assert_eq(p->fc.diags.items[0].col, col, "%s: col %u", src, p->fc.diags.items[0].col);
    }
    done(p);
}

Test(parse, early_errors) {
    expect_error("-2 ** 2", "Unary operator used immediately before exponentiation expression. "
                            "Parenthesis must be used to disambiguate operator precedence", 1, 4);
    expect_error("a ?? b || c", "Unexpected token '?\?'", 1, 3);
    expect_error("const x;", "Missing initializer in const declaration", 1, 8);
    expect_error("return 1", "Illegal return statement", 1, 1);
    expect_error("break;", "Illegal break statement", 1, 1);
    expect_error("while (1) { break nope; }", "Undefined label 'nope'", 1, 19);
    expect_error("1 = 2", "Invalid left-hand side in assignment", 1, 1);
    expect_error("function () {}", "Function statements require a function name", 1, 10);
    expect_error("'use strict'; var let = 1;", "Unexpected strict mode reserved word", 1, 19);
    expect_error("let let = 1;", "let is disallowed as a lexically bound name", 1, 5);
    expect_error("'use strict'; var public = 1;", "Unexpected strict mode reserved word", 1, 19);
    expect_error("x = /re/", "regular expressions are not supported", 1, 5);
    expect_error("let x =", "Unexpected end of input", 1, 8);
    expect_error("a b", "Unexpected identifier 'b'", 1, 3);
    expect_error("'use strict'; 017", "Octal literals are not allowed in strict mode.", 1, 15);
    expect_error("v\\u0061r x = 1;", "Keyword must not contain escaped characters", 1, 1);
    expect_error("([a, a]) => 1", "Duplicate parameter name not allowed in this context", 1, 6);
    expect_error("function f() { '\\1'; 'use strict'; }", "Octal escape sequences are not allowed in strict mode.", 1, 22);
    expect_error("class A { constructor(){} constructor(){} }", "A class may only have one constructor", 1, 27);
    expect_error("function f() { super.x; }", "'super' keyword unexpected here", 1, 16);
}

Test(parse, asi) {
    Parsed *p = parse("a = 1\nb = 2\nreturn_ = a\n++b\nx\n(y)");
    cr_assert_eq(p->fc.error_count, 0);
    /* `x\n(y)` is a call (no ASI before a parenthesis) */
    cr_assert_eq(p->top->body.count, 5);
    cr_assert_eq(p->top->body.items[3]->a->kind, N_UPDATE);
    cr_assert(p->top->body.items[3]->a->flags & FL_PREFIX);
    cr_assert_eq(p->top->body.items[4]->a->kind, N_CALL);
    done(p);
    p = parse_mode("return\n42", RT_COMPILE_FUNCTION_BODY);
    cr_assert_eq(p->fc.error_count, 0);
    cr_assert_eq(p->top->body.count, 2);
    cr_assert_null(p->top->body.items[0]->a);
    done(p);
    p = parse("do x++; while (x < 3) y()");
    cr_assert_eq(p->fc.error_count, 0);
    done(p);
}

Test(parse, recovery_reports_several_errors) {
    Parsed *p = parse("let x = ;\nfunction (\n");
    cr_assert_eq(p->fc.diags.count, 2);
    cr_assert_str_eq(p->fc.diags.items[0].message, "Unexpected token ';'");
    cr_assert_eq(p->fc.diags.items[0].line, 1);
    cr_assert_eq(p->fc.diags.items[0].col, 9);
    cr_assert_str_eq(p->fc.diags.items[1].message, "Function statements require a function name");
    cr_assert_eq(p->fc.diags.items[1].line, 2);
    cr_assert_eq(p->fc.diags.items[1].col, 10);
    done(p);
    p = parse("function f() {\n  var a = ;\n  var b = 1;\n}\nvar c = );\nvar d = 4;\nif (\n");
    cr_assert_eq(p->fc.diags.count, 3);
    cr_assert_eq(p->fc.diags.items[0].line, 2);
    cr_assert_eq(p->fc.diags.items[1].line, 5);
    cr_assert_eq(p->fc.diags.items[2].line, 8);
    cr_assert_str_eq(p->fc.diags.items[2].message, "Unexpected end of input");
    done(p);
}

Test(parse, error_limit) {
    char src[400] = "";
    for (int i = 0; i < 30; i++) strcat(src, "x = ;\n");
    Parsed *p = parse(src);
    cr_assert_eq(p->fc.diags.count, FE_MAX_ERRORS);
    done(p);
}

Test(parse, nesting_limit) {
    size_t n = 5000;
    char *src = malloc(2 * n + 2);
    for (size_t i = 0; i < n; i++) src[i] = '[';
    for (size_t i = 0; i < n; i++) src[n + i] = ']';
    src[2 * n] = 0;
    Parsed *p = parse(src);
    cr_assert_eq(p->fc.diags.count, 1);
    cr_assert_str_eq(p->fc.diags.items[0].message, "Too much nesting");
    done(p);
    memset(src, '{', n);
    memset(src + n, '}', n);
    p = parse(src);
    cr_assert_str_eq(p->fc.diags.items[0].message, "Too much nesting");
    done(p);
    free(src);
}

Test(parse, arrows_and_patterns) {
    Parsed *p = parse("f = (a, {b, c: [d = 1]}, ...e) => a + b; g = x => x * 2; [a, b] = [b, a]; ({a, b: {c}} = o);");
    cr_assert_eq(p->fc.error_count, 0, "%s", p->fc.diags.count ? p->fc.diags.items[0].message : "");
    Node *f = p->top->body.items[0]->a->b;
    cr_assert_eq(f->kind, N_FUNC);
    cr_assert(f->func->flags & FN_ARROW);
    cr_assert_eq(f->func->params.count, 3);
    cr_assert_eq(f->func->length, 2);
    cr_assert_str_eq(f->func->inferred, "f");
    cr_assert(f->func->flags & FN_EXPR_BODY);
    Node *swap = p->top->body.items[2]->a;
    cr_assert_eq(swap->kind, N_ASSIGN);
    cr_assert_eq(swap->a->kind, N_ARRAY);
    done(p);
    expect_error("({a = 1});", "Invalid shorthand property initializer", 0, 0);
    expect_error("(a, b) \n => 1", "Unexpected token '=>'", 0, 0);
}

Test(parse, classes) {
    Parsed *p = parse("class A extends B { x = 1; static y = 2; static { } get g() { return 1; } set g(v) {} static m() {} ['c' + 1]() {} }");
    cr_assert_eq(p->fc.error_count, 0, "%s", p->fc.diags.count ? p->fc.diags.items[0].message : "");
    Node *c = p->top->body.items[0];
    cr_assert_eq(c->kind, N_CLASS_DECL);
    cr_assert_str_eq(c->name, "A");
    cr_assert_not_null(c->a);
    cr_assert(c->c->func->flags & FN_DEFAULT_CTOR);
    cr_assert(c->c->func->flags & FN_DERIVED);
    cr_assert_not_null(c->b);                 /* instance fields */
    cr_assert_not_null(c->d);                 /* static initializer */
    cr_assert_eq(c->b->func->fields.count, 1);
    cr_assert_eq(c->d->func->fields.count, 2);
    done(p);
}

Test(parse, optional_chains_and_templates) {
    Parsed *p = parse("a?.b.c(d)?.[e]; `x${y}z`; new.target");
    cr_assert(p->fc.error_count > 0);          /* new.target at top level */
    done(p);
    p = parse("a?.b.c(d)?.[e]; `x${y}z${`w${v}`}`;");
    cr_assert_eq(p->fc.error_count, 0);
    cr_assert_eq(p->top->body.items[0]->a->kind, N_OPTCHAIN);
    Node *t = p->top->body.items[1]->a;
    cr_assert_eq(t->kind, N_TEMPLATE);
    cr_assert_eq(t->list.count, 5);
    done(p);
    p = parse("tag`a${b}\\unicode`;");
    cr_assert_eq(p->fc.error_count, 0);
    Node *call = p->top->body.items[0]->a;
    cr_assert_eq(call->kind, N_CALL);
    cr_assert(call->flags & FL_TAGGED);
    Node *tail = call->list.items[0]->list.items[2];
    cr_assert(tail->flags & FL_NO_COOKED);       /* invalid escape: cooked undefined, raw kept */
    cr_assert_eq(tail->a->str.len, 8);
    done(p);
    expect_error("`\\unicode`", "Invalid Unicode escape sequence", 1, 1);
}

Test(parse, directive_prologue) {
    Parsed *p = parse("'use strict'; function f() { return 1; }");
    cr_assert(p->top->flags & FN_STRICT);
    done(p);
    p = parse("function f() { 'use strict'; } function g() {}");
    cr_assert(!(p->top->flags & FN_STRICT));
    cr_assert(p->top->body.items[0]->func->flags & FN_STRICT);
    cr_assert(!(p->top->body.items[1]->func->flags & FN_STRICT));
    done(p);
    expect_error("function f(a = 1) { 'use strict'; }",
                 "Illegal 'use strict' directive in function with non-simple parameter list", 1, 21);
}
