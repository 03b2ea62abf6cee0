/* fe_ast.h — the abstract syntax tree of reef's front end, the compilation
 * context that owns it (an arena, an atom table, the diagnostics) and the
 * scope records that fe_scope.c attaches to it.
 *
 * One generic Node type serves every construct (as in many teaching
 * compilers): a kind, an operator, flags, a source position and a few child
 * slots whose meaning per kind is listed below. Everything lives in one
 * arena and is freed in one go after code generation. Names are "atoms":
 * canonical NUL-terminated UTF-8 strings, so equal names are equal pointers.
 */
#ifndef FE_AST_H
#define FE_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include "fe_compile.h"

typedef struct FeCompiler FeCompiler;

/* A UTF-16 string value (string literals, template chunks). */
typedef struct FeStr { uint16_t *s; uint32_t len; } FeStr;

typedef struct Node Node;
typedef struct NodeList { Node **items; uint32_t count, cap; } NodeList;

/* Node kinds. Child slots per kind (unlisted slots are unused):
 *  NUM        num                    STR        str
 *  TEMPLATE   list = [STR, expr, STR, expr, ..., STR] (cooked chunks; a chunk's
 *             `a` is a STR with its raw text)
 *  IDENT      name; binding (after scope analysis)
 *  ARRAY      list: expressions, HOLE, SPREAD
 *  OBJECT     list: PROP
 *  PROP       op = PK_*; a = key (STR/NUM, or any expression if FL_COMPUTED);
 *             b = value (FUNC for methods/accessors; field initializer or NULL)
 *  FUNC       func                   CLASS      see CLASS_DECL
 *  SPREAD     a                      UNARY      op (token), a
 *  UPDATE     op (T_INC/T_DEC), a; FL_PREFIX
 *  BINARY     op (token), a, b       LOGICAL    op (T_AND/T_OR/T_NULLISH), a, b
 *  ASSIGN     op (T_ASSIGN or compound token), a = target, b = value
 *  COND       a ? b : c              SEQ        list
 *  CALL       a = callee, list = args; FL_OPTIONAL for `f?.()`
 *  NEW        a = callee, list = args
 *  MEMBER     a = object, name; FL_OPTIONAL for `a?.b`
 *  INDEX      a = object, b = key; FL_OPTIONAL for `a?.[b]`
 *  OPTCHAIN   a = the chain that contains ?. (nullish short-circuits all of it)
 *  NATIVE     num = index in rt_natives.def, list = args
 *  VAR        op = DECL_*, list = DECLARATOR
 *  DECLARATOR a = IDENT or pattern, b = initializer or NULL
 *  EXPR_STMT  a                      BLOCK      list, scope
 *  IF         a = test, b = then, c = else
 *  FOR        a = init (VAR/expr/NULL), b = test, c = update, d = body, scope
 *  FOR_IN/OF  a = VAR (one declarator) or target expression, b = object, d = body, scope
 *  WHILE      a = test, d = body     DO_WHILE   d = body, a = test
 *  BREAK/CONTINUE name = label or NULL
 *  RETURN     a (may be NULL)        THROW      a
 *  TRY        a = block, b = catch parameter or NULL, c = catch block or NULL,
 *             d = finally block or NULL, scope = the catch clause's scope
 *  SWITCH     a = discriminant, list = CASE, scope
 *  CASE       a = test or NULL (default), list = statements
 *  LABELED    name, a = statement
 *  FUNC_DECL  func
 *  WITH       a = object, b = body, scope = the object environment (SC_WITH)
 *  CLASS_DECL / CLASS  name (or NULL), a = heritage or NULL, list = PROP members,
 *             c = FUNC of the constructor (explicit or synthesized),
 *             b = FUNC of the instance-field initializer or NULL,
 *             d = FUNC of the static initializer or NULL, scope = class scope
 */
#define FE_NODE_KINDS(N) \
    N(NUM) N(STR) N(TEMPLATE) N(IDENT) N(THIS) N(SUPER) N(NULL) N(TRUE) N(FALSE) \
    N(NEW_TARGET) N(ARRAY) N(OBJECT) N(PROP) N(FUNC) N(CLASS) N(HOLE) N(SPREAD) \
    N(UNARY) N(UPDATE) N(BINARY) N(LOGICAL) N(ASSIGN) N(COND) N(SEQ) N(CALL) \
    N(NEW) N(MEMBER) N(INDEX) N(OPTCHAIN) N(NATIVE) \
    N(VAR) N(DECLARATOR) N(EXPR_STMT) N(BLOCK) N(EMPTY) N(IF) N(FOR) N(FOR_IN) \
    N(FOR_OF) N(WHILE) N(DO_WHILE) N(CONTINUE) N(BREAK) N(RETURN) N(THROW) N(TRY) \
    N(SWITCH) N(CASE) N(LABELED) N(FUNC_DECL) N(CLASS_DECL) N(DEBUGGER) N(WITH)

typedef enum {
#define N(k) N_##k,
    FE_NODE_KINDS(N)
#undef N
    N__COUNT
} NodeKind;

extern const char *const fe_node_kind_name[N__COUNT];

enum { DECL_VAR, DECL_LET, DECL_CONST };
/* Object-literal / class members. */
enum { PK_INIT, PK_SHORTHAND, PK_METHOD, PK_GET, PK_SET, PK_SPREAD, PK_FIELD, PK_STATIC_BLOCK, PK_PROTO };

enum {
    FL_PAREN = 1 << 0,       /* expression was parenthesized */
    FL_OPTIONAL = 1 << 1,    /* ?. link */
    FL_PREFIX = 1 << 2,      /* ++x */
    FL_COMPUTED = 1 << 3,    /* [key] in literals and classes */
    FL_STATIC = 1 << 4,      /* static class member */
    FL_COVER_INIT = 1 << 5,  /* {a = 1} shorthand: only valid as a pattern */
    FL_ANNEXB = 1 << 6,      /* block-level function also assigned to the function's var */
    FL_DIRECTIVE = 1 << 7,   /* string expression statement in a directive prologue */
    FL_TDZ = 1 << 8,         /* IDENT: the binding may still be uninitialised here */
    FL_DUP_PROTO = 1 << 9,   /* OBJECT: two __proto__: entries (fine only as a pattern) */
    FL_TAGGED = 1 << 10,     /* CALL: tag`...`; list = [TEMPLATE] */
    FL_NO_COOKED = 1 << 11,  /* template chunk STR with an invalid escape: cooked is undefined */
    FL_WITH = 1 << 12,       /* IDENT: a `with` object lies between the reference and its binding */
};

typedef struct Scope Scope;
typedef struct Binding Binding;
typedef struct FuncNode FuncNode;

struct Node {
    uint8_t kind;            /* NodeKind */
    uint8_t op;              /* TokenType / DECL_* / PK_* */
    uint16_t flags;          /* FL_* */
    uint32_t line, col;      /* 1-based, of the construct's first token (or operator) */
    uint32_t start, end;     /* byte range */
    Node *a, *b, *c, *d;
    NodeList list;
    const char *name;
    double num;
    FeStr str;
    FuncNode *func;
    Scope *scope;
    Binding *binding;
};

/* Function kinds and properties. */
enum {
    FN_ARROW = 1 << 0, FN_METHOD = 1 << 1, FN_GETTER = 1 << 2, FN_SETTER = 1 << 3,
    FN_CTOR = 1 << 4, FN_DERIVED = 1 << 5, FN_EXPR_BODY = 1 << 6, FN_STRICT = 1 << 7,
    FN_SIMPLE_PARAMS = 1 << 8, FN_DECL = 1 << 9, FN_NAMED_EXPR = 1 << 10,
    FN_CLASS_FIELDS = 1 << 11, FN_STATIC_INIT = 1 << 12, FN_TOPLEVEL = 1 << 13,
    FN_SCRIPT = 1 << 14,      /* top level of a script: var/function are globals */
    FN_DEFAULT_CTOR = 1 << 15,
    FN_USES_THIS = 1 << 16,   /* scope analysis: an arrow inside reads this */
};

struct FuncNode {
    const char *name;        /* own name (declaration / named expression) */
    const char *inferred;    /* name inferred from where it is defined */
    NodeList params;         /* IDENT, pattern, ASSIGN(target, default), SPREAD(target) */
    NodeList body;           /* statements; an arrow's expression body is one RETURN */
    uint32_t flags;          /* FN_* */
    uint32_t line, col, start, end;
    uint16_t length;         /* formals before the first default or rest */
    Scope *scope;            /* the function scope (params and vars) */
    Node *class_node;        /* constructors and field initializers: their class */
    NodeList fields;         /* FN_CLASS_FIELDS / FN_STATIC_INIT: PROP members to run */
    /* filled by scope analysis */
    Binding *arguments_binding;  /* `arguments` object, when used */
    Binding *this_binding;       /* `this` saved for inner arrows */
    Binding *newtarget_binding;  /* new.target saved for inner arrows */
    Binding *self_binding;       /* named function expression's own name */
    Binding **param_bindings;    /* per param: the binding of a simple IDENT param, else NULL */
    FuncNode *outer;
    Scope *scopes, *scopes_tail; /* all scopes of this function (function scope first) */
    uint16_t local_count;    /* registers for locals, after the formals (after allocation) */
    uint16_t formal_count;
};

/* ---- scopes ----------------------------------------------------------------- */
/* SC_WITH: the object environment of a `with` statement; it owns a Context
 * whose slot 0 holds the object (no bindings of its own). */
typedef enum { SC_FUNCTION, SC_BLOCK, SC_CATCH, SC_CLASS, SC_FOR, SC_SWITCH, SC_WITH } ScopeKind;

typedef enum {
    B_VAR, B_LET, B_CONST, B_CLASS, B_FUNC, B_PARAM, B_CATCH,
    B_SELF,        /* a named function expression's own name: read-only */
    B_CLASS_INNER, /* a class's own name inside its body: read-only */
    B_INTERNAL,    /* arguments, saved this/new.target, computed field keys */
} BindingKind;

enum { LOC_REG, LOC_CTX, LOC_GLOBAL };

struct Binding {
    const char *name;
    BindingKind kind;
    Scope *scope;
    Binding *next;
    bool captured;           /* referenced from an inner function */
    bool tdz;                /* lexical: starts as hole */
    bool checked;            /* some reference needs a TDZ check (so: initialise to hole) */
    uint8_t loc;             /* LOC_* (after allocation) */
    uint32_t index;          /* register or context slot */
    uint32_t decl_end;       /* reads at byte offsets >= this in the same function need no TDZ check */
    int param_index;         /* B_PARAM: formal index */
    uint32_t line, col;
};

struct Scope {
    ScopeKind kind;
    Scope *parent;
    FuncNode *func;
    Binding *first, *last;
    bool has_context;        /* owns a heap Context at run time */
    bool allocated;
    uint16_t context_slots;
    Scope *next_in_func;     /* every scope of one function, outermost first */
};

/* ---- the compilation context --------------------------------------------------- */
typedef struct ArenaChunk ArenaChunk;

typedef struct FeCompiler {
    Runtime *rt;
    const char *filename;
    const char *src;
    size_t len;
    CompileMode mode;
    ArenaChunk *arena;
    /* atoms: open hashing on (bytes) -> canonical string */
    struct FeAtom **atoms;
    uint32_t atom_count, atom_cap;
    FeDiags diags;
    int error_count;
    jmp_buf *abort;          /* leave compilation entirely (too many errors, nesting) */
    Script *script;
    /* frequently compared names */
    const char *a_arguments, *a_eval, *a_let, *a_static, *a_of, *a_get, *a_set,
        *a_async, *a_constructor, *a_prototype, *a_undefined, *a_target, *a_use_strict,
        *a_anonymous, *a_yield, *a_await, *a_proto, *a_empty, *a_this, *a_newtarget;
} FeCompiler;

void *fe_alloc(FeCompiler *fc, size_t n);            /* zeroed arena memory; aborts on OOM */
char *fe_strndup(FeCompiler *fc, const char *s, size_t n);
const char *fe_atom(FeCompiler *fc, const char *s, size_t n);
void fe_list_push(FeCompiler *fc, NodeList *l, Node *n);
Node *fe_node(FeCompiler *fc, NodeKind k, uint32_t line, uint32_t col, uint32_t start);
/* Records a diagnostic (printf format); stops compilation after 10. */
void fe_error(FeCompiler *fc, uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void fe_compiler_init(FeCompiler *fc, Runtime *rt, const char *filename, const char *src, size_t len);
void fe_compiler_free(FeCompiler *fc);
/* UTF-8 atom -> UTF-16 (arena). */
FeStr fe_atom_utf16(FeCompiler *fc, const char *atom);
/* The atom as an interned JS string (cached). */
Value fe_atom_value(FeCompiler *fc, const char *atom);

#define FE_MAX_ERRORS 10
#define FE_MAX_DEPTH 1000

#endif
