/* fe_parse.h — the parser's internal interface (shared by fe_parse.c for
 * statements, functions and classes and fe_parse_expr.c for expressions and
 * patterns). A recursive-descent parser after the ECMAScript grammar, with
 * precedence climbing for binary operators and token lookahead by copying the
 * scanner state. Errors longjmp to the nearest statement list, which records
 * the diagnostic, skips to a likely statement start and goes on.
 */
#ifndef FE_PARSE_H
#define FE_PARSE_H

#include <setjmp.h>
#include "fe_ast.h"
#include "fe_lex.h"

typedef struct LabelEntry {
    const char *name;
    bool is_loop;
    bool pending;            /* still directly in front of its statement */
    struct LabelEntry *next;
} LabelEntry;

/* Per-function parsing state (strictness, what may appear here). */
typedef struct FuncState {
    struct FuncState *outer;
    FuncNode *fn;
    bool strict;
    bool is_function;        /* false at script top level: return is illegal */
    bool is_arrow;
    bool allow_super_prop;   /* methods (and arrows inside them) */
    bool allow_super_call;   /* derived constructors (and arrows inside them) */
    bool allow_new_target;
    bool in_class_field;     /* `arguments` is a SyntaxError */
    int breakable;           /* enclosing loops + switches */
    int loops;
    LabelEntry *labels;
} FuncState;

typedef struct Parser {
    FeCompiler *fc;
    Lexer lx;
    Token tok;               /* current token */
    int tok_depth;           /* brace depth before tok (error recovery) */
    uint32_t prev_end;       /* end offset of the previous token */
    uint32_t prev_line;
    FuncState *fs;
    int depth;               /* nesting weight (FE_MAX_DEPTH * 4) */
    jmp_buf *recover;        /* nearest statement list */
} Parser;

#define FE_DEPTH_NEST 4      /* weight of one nesting level; chain links weigh 1 */

/* tokens */
void fe_next(Parser *p);
bool fe_accept(Parser *p, TokenType t);
void fe_expect(Parser *p, TokenType t);
_Noreturn void fe_fail(Parser *p, uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
_Noreturn void fe_unexpected(Parser *p);
void fe_consume_semicolon(Parser *p);
Token fe_peek(Parser *p);            /* the token after tok */
bool fe_is_ident(Parser *p);         /* tok can be an identifier reference here */
bool fe_is_name(Parser *p, const char *atom); /* tok is the (unescaped) identifier `atom` */
void fe_enter(Parser *p, int weight);
static inline void fe_leave(Parser *p, int weight) { p->depth -= weight; }
static inline Node *fe_mk(Parser *p, NodeKind k) {
    return fe_node(p->fc, k, p->tok.line, p->tok.col, p->tok.start);
}
static inline Node *fe_finish(Parser *p, Node *n) { n->end = p->prev_end; return n; }

/* expressions (fe_parse_expr.c) */
Node *fe_parse_expression(Parser *p, bool no_in);
Node *fe_parse_assign(Parser *p, bool no_in);
Node *fe_parse_lhs(Parser *p);
Node *fe_parse_binding_target(Parser *p, int decl_kind); /* identifier or pattern */
Node *fe_to_pattern(Parser *p, Node *e, bool binding);   /* expression -> assignment pattern */
void fe_check_binding_name(Parser *p, const char *name, uint32_t line, uint32_t col);
void fe_check_assign_target(Parser *p, Node *e, bool simple_only);
Node *fe_parse_property_key(Parser *p, Node *prop);
void fe_set_inferred_name(Node *value, const char *name);

/* functions, classes, statements (fe_parse.c) */
Node *fe_parse_function(Parser *p, bool is_decl, bool name_required);
FuncNode *fe_parse_method(Parser *p, uint32_t fn_flags, uint32_t line, uint32_t col, uint32_t start);
FuncNode *fe_parse_arrow(Parser *p);
Node *fe_parse_class(Parser *p, bool is_decl);
Node *fe_parse_statement(Parser *p);
void fe_parse_statement_list(Parser *p, NodeList *out, bool in_block, bool directives);
void fe_parse_function_body(Parser *p, FuncNode *fn);
void fe_parse_params(Parser *p, FuncNode *fn, TokenType close);
FuncState *fe_push_func(Parser *p, FuncState *fs, FuncNode *fn);
void fe_pop_func(Parser *p, FuncState *fs);

/* whole programs */
FuncNode *fe_parse_program(FeCompiler *fc, const char *src, size_t len, CompileMode mode, const char *params);

#endif
