/* test_scope.c — scope analysis: hoisting, captured bindings in context
 * slots versus register locals, TDZ checks only where a read may come
 * before the declaration, redeclaration errors, `arguments` and the saved
 * `this` of arrow functions.
 */
#include <criterion/criterion.h>
#include <string.h>
#include "frontend/fe_ast.h"
#include "frontend/fe_parse.h"
#include "frontend/fe_scope.h"

typedef struct {
    FeCompiler fc;
    FuncNode *top;
} Resolved;

static Resolved *resolve(const char *src) {
    Resolved *r = calloc(1, sizeof *r);
    fe_compiler_init(&r->fc, NULL, "t.js", src, strlen(src));
    jmp_buf jb;
    r->fc.abort = &jb;
    if (!setjmp(jb)) {
        r->top = fe_parse_program(&r->fc, src, strlen(src), RT_COMPILE_FUNCTION_BODY, NULL);
        if (!r->fc.error_count) fe_resolve_program(&r->fc, r->top);
    }
    r->fc.abort = NULL;
    return r;
}

static void done(Resolved *r) {
    fe_compiler_free(&r->fc);
    free(r);
}

static Binding *find(Resolved *r, Scope *s, const char *name) {
    return fe_scope_find(s, fe_atom(&r->fc, name, strlen(name)));
}

Test(scope, captured_vs_register) {
    Resolved *r = resolve("var a = 1, b = 2; function f() { return a; } let c = 3;");
    cr_assert_eq(r->fc.error_count, 0);
    fe_allocate_function(&r->fc, r->top);
    Scope *s = r->top->scope;
    Binding *a = find(r, s, "a"), *b = find(r, s, "b"), *c = find(r, s, "c"), *f = find(r, s, "f");
    cr_assert(a->captured);
    cr_assert_eq(a->loc, LOC_CTX);
    cr_assert_eq(a->index, 0);
    cr_assert(!b->captured);
    cr_assert_eq(b->loc, LOC_REG);
    cr_assert_eq(c->loc, LOC_REG);
    cr_assert_eq(f->kind, B_FUNC);
    cr_assert(s->has_context);
    cr_assert_eq(s->context_slots, 1);
    done(r);
}

Test(scope, hoisting_and_blocks) {
    Resolved *r = resolve("function g() { x = 1; { var x; let y = 2; } return x; }");
    cr_assert_eq(r->fc.error_count, 0);
    FuncNode *g = r->top->body.items[0]->func;
    Binding *x = find(r, g->scope, "x");
    cr_assert_not_null(x);
    cr_assert_eq(x->kind, B_VAR);
    cr_assert_null(find(r, g->scope, "y"));
    done(r);
}

Test(scope, tdz_checks_only_when_needed) {
    Resolved *r = resolve("f(); let a = 1; a; function f() { return a; }");
    cr_assert_eq(r->fc.error_count, 0);
    Node *use_after = r->top->body.items[2]->a;
    cr_assert_eq(use_after->kind, N_IDENT);
    cr_assert(!(use_after->flags & FL_TDZ));
    FuncNode *f = r->top->body.items[3]->func;
    Node *in_closure = f->body.items[0]->a;
    cr_assert(in_closure->flags & FL_TDZ);
    done(r);
    r = resolve("let self = self + 1;");
    Node *init = r->top->body.items[0]->list.items[0]->b->a;
    cr_assert(init->flags & FL_TDZ);
    done(r);
}

Test(scope, redeclaration) {
    Resolved *r = resolve("let a; var a;");
    cr_assert_eq(r->fc.error_count, 1);
    cr_assert_str_eq(r->fc.diags.items[0].message, "Identifier 'a' has already been declared");
    done(r);
    r = resolve("var a; var a; function a() {}");
    cr_assert_eq(r->fc.error_count, 0);
    done(r);
    r = resolve("{ let b; { var b; } }");
    cr_assert_eq(r->fc.error_count, 1);
    done(r);
}

Test(scope, arguments_and_arrow_this) {
    Resolved *r = resolve("function f() { return () => [this, arguments]; }");
    cr_assert_eq(r->fc.error_count, 0);
    FuncNode *f = r->top->body.items[0]->func;
    cr_assert_not_null(f->arguments_binding);
    cr_assert(f->arguments_binding->captured);
    cr_assert_not_null(f->this_binding);
    cr_assert(f->this_binding->captured);
    done(r);
}

Test(scope, loop_bindings) {
    Resolved *r = resolve("for (let i = 0; i < 3; i++) fs.push(() => i); for (let j of xs) j;");
    cr_assert_eq(r->fc.error_count, 0);
    Node *loop = r->top->body.items[0];
    cr_assert_not_null(loop->scope);
    fe_allocate_function(&r->fc, r->top);
    cr_assert(loop->scope->has_context);
    Node *loop2 = r->top->body.items[1];
    cr_assert(!loop2->scope->has_context);
    done(r);
}
