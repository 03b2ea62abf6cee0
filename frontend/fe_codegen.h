/* fe_codegen.h — the bytecode generator's internal interface: one Gen per
 * function being compiled (code buffer, labels, constant pool, nested
 * functions, handler table, source positions, feedback-slot layout, a
 * stack-discipline register allocator) and the control stack that break,
 * continue and return walk to pop contexts, close iterators and run finally
 * blocks (the design of V8's BytecodeGenerator ControlScopes).
 */
#ifndef FE_CODEGEN_H
#define FE_CODEGEN_H

#include "fe_ast.h"
#include "fe_scope.h"
#include "fe_lex.h"
#include "runtime/rt_runtime.h"

typedef uint32_t Label;

enum { CT_LOOP, CT_BREAKABLE, CT_CONTEXT, CT_FINALLY, CT_ITERATOR };
enum { JUMP_BREAK, JUMP_CONTINUE, JUMP_RETURN };
/* Completion tokens of a finally block's dispatch. */
enum { FIN_NORMAL = 0, FIN_THROW = 1, FIN_RETURN = 2, FIN_FIRST_JUMP = 3 };

typedef struct FinallyJump { int token; int mode; struct Control *target; } FinallyJump;

typedef struct Control {
    int kind;
    struct Control *outer;
    const char **labels;     /* label set (loops, labelled statements) */
    int nlabels;
    Label break_label, continue_label;
    /* CT_FINALLY */
    uint32_t kind_reg, value_reg;
    Label finally_label;
    FinallyJump *jumps;
    int njumps, jumps_cap;
    bool used_return;
    /* CT_ITERATOR */
    uint32_t iter_reg;
    struct Control *owner;   /* the loop whose `continue` keeps the iterator open */
    bool is_switch;          /* CT_BREAKABLE: an unlabelled break may target it */
} Control;

typedef struct Gen {
    FeCompiler *fc;
    Runtime *rt;
    FuncNode *fn;
    struct Gen *outer;
    uint8_t *code;
    uint32_t len, cap;
    int32_t *labels;
    uint32_t nlabels, labels_cap;
    struct Patch { uint32_t label, at; } *patches;
    uint32_t npatch, patch_cap;
    Value *consts;
    uint32_t nconsts, consts_cap;
    uint32_t *chash;         /* open addressing: index+1 into consts */
    uint32_t chash_cap;
    BytecodeFunction **funcs;
    uint32_t nfuncs, funcs_cap;
    HandlerEntry *handlers;
    uint32_t nhandlers, handlers_cap;
    SourcePos *pos;
    uint32_t npos, pos_cap;
    uint8_t *slots;
    uint32_t nslots, slots_cap;
    uint32_t next_reg, max_reg;
    Scope *scope;            /* scope of the code being generated */
    Control *ctl;
    int loop_depth;
    Label opt_label;         /* nullish exit of the innermost optional chain */
    int completion_reg;      /* scripts: the completion value register, else -1 */
    const char **pending_labels;
    int npending;
    bool too_large;
    int last_op;             /* last emitted Bytecode, -1 after a label */
} Gen;

/* ---- emission (fe_emit.c) ---------------------------------------------------------- */
/* Emits op with its operands given as uint32_t/int32_t in rt_bytecode.def order;
 * a `j` operand is a Label. */
void fe_emit(Gen *g, Bytecode op, ...);
Label fe_label(Gen *g);
void fe_bind(Gen *g, Label l);
uint32_t fe_reg(Gen *g);                 /* a fresh temporary */
uint32_t fe_regs(Gen *g, uint32_t n);    /* n consecutive temporaries */
static inline uint32_t fe_reg_mark(Gen *g) { return g->next_reg; }
static inline void fe_reg_release(Gen *g, uint32_t mark) { g->next_reg = mark; }
uint32_t fe_slot(Gen *g, FeedbackSlotKind k);
uint32_t fe_const(Gen *g, Value v);
uint32_t fe_const_atom(Gen *g, const char *atom);
uint32_t fe_const_str(Gen *g, FeStr s);
uint32_t fe_const_num(Gen *g, double d);
void fe_position(Gen *g, uint32_t line, uint32_t col, bool statement);
static inline void fe_pos_node(Gen *g, Node *n, bool statement) { fe_position(g, n->line, n->col, statement); }
uint32_t fe_add_function(Gen *g, BytecodeFunction *bf);
void fe_add_handler(Gen *g, uint32_t start, uint32_t end, Label handler, uint32_t ctx_reg);
bool fe_last_is_terminal(Gen *g);
void fe_gen_init(Gen *g, FeCompiler *fc, FuncNode *fn, Gen *outer);
/* Resolves labels and moves everything into bf; frees the Gen's buffers. */
void fe_gen_finish(Gen *g, BytecodeFunction *bf);
void fe_gen_free(Gen *g);
void fe_gen_error(Gen *g, Node *at, const char *msg);

/* ---- functions and variables (fe_codegen.c) ------------------------------------------ */
BytecodeFunction *fe_gen_function(FeCompiler *fc, FuncNode *fn, Gen *outer);
void fe_gen_load_var(Gen *g, Node *id);                  /* IDENT -> acc */
void fe_gen_store_var(Gen *g, Node *id, bool init);      /* acc -> IDENT (acc kept) */
void fe_gen_load_var_mode(Gen *g, Node *id, bool typeof_mode); /* typeof x: no ReferenceError */
/* Identifiers inside `with` (FL_WITH): rb = the with object holding the name,
 * or the hole; then loads/stores through rb or the static binding. */
void fe_gen_with_base(Gen *g, Node *id, uint32_t rb);
void fe_gen_with_load(Gen *g, Node *id, uint32_t rb, bool typeof_mode);
void fe_gen_with_store(Gen *g, Node *id, uint32_t rb, bool init);  /* acc kept */
void fe_gen_load_binding(Gen *g, Binding *b, const char *name, bool tdz);
void fe_gen_store_binding(Gen *g, Binding *b, const char *name, bool init);
uint32_t fe_ctx_depth(Gen *g, Scope *target);
void fe_gen_closure(Gen *g, FuncNode *fn);               /* acc = new closure */
void fe_enter_scope(Gen *g, Scope *s, Control *ctl, NodeList *hoist_fns);
void fe_exit_scope(Gen *g, Scope *s, Control *ctl, Scope *outer);
void fe_push_control(Gen *g, Control *c, int kind);
void fe_hoist_functions(Gen *g, NodeList *stmts);
void fe_gen_after_super(Gen *g);                         /* acc = new this */
void fe_gen_implicit_return(Gen *g);
/* Leaves through the controls from `from` out to `target` (NULL: return). */
void fe_gen_jump(Gen *g, Control *target, int mode);
void fe_pop_control(Gen *g, Control *c);

/* ---- expressions (fe_codegen_expr.c) ---------------------------------------------------- */
void fe_gen_expr(Gen *g, Node *n);                       /* value -> acc */
void fe_gen_effect(Gen *g, Node *n);                     /* evaluate for effects only */
void fe_gen_jump_if_false(Gen *g, Node *n, Label l);
void fe_gen_jump_if_true(Gen *g, Node *n, Label l);
/* Pattern/target assignment: the value is in register `val`. mode: 0 assign,
 * DECL_VAR+1 / DECL_LET+1 / DECL_CONST+1 initialise a declaration. */
void fe_gen_assign_to(Gen *g, Node *target, uint32_t val, int mode);
void fe_gen_property_key(Gen *g, Node *prop, uint32_t key_reg);  /* key -> key_reg */
bool fe_key_is_named(Node *prop);                        /* plain non-index name key */
void fe_gen_call_args(Gen *g, NodeList *args, uint32_t base);
void fe_gen_super_call(Gen *g, Node *call);

/* ---- statements (fe_codegen_stmt.c) ----------------------------------------------------- */
void fe_gen_stmt(Gen *g, Node *n);
void fe_gen_stmts(Gen *g, NodeList *l);
void fe_gen_return(Gen *g);                              /* return acc through finally blocks */

/* ---- classes and literals (fe_codegen_class.c) ------------------------------------------ */
void fe_gen_class(Gen *g, Node *cls);                    /* class value -> acc */
void fe_gen_object(Gen *g, Node *obj);
void fe_gen_array(Gen *g, Node *arr);
void fe_gen_fields(Gen *g, FuncNode *fn);               /* body of a field initializer */

#endif
