/* be_lir.h — reef's low-level IR: x86-64-shaped instructions over virtual
 * registers, in blocks laid out in order.
 *
 * This is what instruction selection produces and what the linear-scan
 * allocator (be_regalloc.c) and the emitter (be_emit.c) consume. It follows
 * the shape of HotSpot C1's LIR as described by Wimmer & Mössenböck (2005):
 * every instruction names its operands with a role (def / use / temp) and a
 * policy (must be a register / anything), physical registers may appear as
 * operands (they become fixed intervals), and calls clobber the caller-saved
 * registers. Values entering a block through SSA phis are kept as phis on the
 * block; the allocator turns them into parallel moves on the incoming edges.
 *
 * Register conventions (System V x86-64):
 *   rsp  stack pointer, never allocated
 *   rbp  frame pointer, never allocated: spill slots are rbp-relative
 *   r11  scratch: parallel-move cycles, 64-bit immediates, call targets
 *   xmm15 scratch for float64 cycles
 *   allocatable: rax rcx rdx rsi rdi r8 r9 r10 (caller-saved, preferred)
 *                rbx r12 r13 r14 r15 (callee-saved, saved by the prologue
 *                when used) and xmm0..xmm14 (all caller-saved)
 * Nothing is reserved for a runtime pointer: the Runtime* travels as an
 * ordinary value. Reserving one (say r15) is a one-column change in BE_REGS.
 */
#ifndef BE_LIR_H
#define BE_LIR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "be_deopt.h"

/* ---- registers -------------------------------------------------------------
 * BE_REG(ID, "name64", "name32", "name8", class, callee_saved, allocatable)
 * GPRs are in x86 encoding order, so BE_RAX..BE_R15 are 0..15 and
 * BE_XMM0..BE_XMM15 are 16..31; the deopt save area uses the same order. */
#define BE_REGS(X) \
    X(RAX, "rax", "eax",  "al",   BE_GPR, 0, 1) \
    X(RCX, "rcx", "ecx",  "cl",   BE_GPR, 0, 1) \
    X(RDX, "rdx", "edx",  "dl",   BE_GPR, 0, 1) \
    X(RBX, "rbx", "ebx",  "bl",   BE_GPR, 1, 1) \
    X(RSP, "rsp", "esp",  "spl",  BE_GPR, 1, 0) \
    X(RBP, "rbp", "ebp",  "bpl",  BE_GPR, 1, 0) \
    X(RSI, "rsi", "esi",  "sil",  BE_GPR, 0, 1) \
    X(RDI, "rdi", "edi",  "dil",  BE_GPR, 0, 1) \
    X(R8,  "r8",  "r8d",  "r8b",  BE_GPR, 0, 1) \
    X(R9,  "r9",  "r9d",  "r9b",  BE_GPR, 0, 1) \
    X(R10, "r10", "r10d", "r10b", BE_GPR, 0, 1) \
    X(R11, "r11", "r11d", "r11b", BE_GPR, 0, 0) \
    X(R12, "r12", "r12d", "r12b", BE_GPR, 1, 1) \
    X(R13, "r13", "r13d", "r13b", BE_GPR, 1, 1) \
    X(R14, "r14", "r14d", "r14b", BE_GPR, 1, 1) \
    X(R15, "r15", "r15d", "r15b", BE_GPR, 1, 1) \
    X(XMM0, "xmm0", "xmm0", "xmm0", BE_XMM, 0, 1) \
    X(XMM1, "xmm1", "xmm1", "xmm1", BE_XMM, 0, 1) \
    X(XMM2, "xmm2", "xmm2", "xmm2", BE_XMM, 0, 1) \
    X(XMM3, "xmm3", "xmm3", "xmm3", BE_XMM, 0, 1) \
    X(XMM4, "xmm4", "xmm4", "xmm4", BE_XMM, 0, 1) \
    X(XMM5, "xmm5", "xmm5", "xmm5", BE_XMM, 0, 1) \
    X(XMM6, "xmm6", "xmm6", "xmm6", BE_XMM, 0, 1) \
    X(XMM7, "xmm7", "xmm7", "xmm7", BE_XMM, 0, 1) \
    X(XMM8, "xmm8", "xmm8", "xmm8", BE_XMM, 0, 1) \
    X(XMM9, "xmm9", "xmm9", "xmm9", BE_XMM, 0, 1) \
    X(XMM10, "xmm10", "xmm10", "xmm10", BE_XMM, 0, 1) \
    X(XMM11, "xmm11", "xmm11", "xmm11", BE_XMM, 0, 1) \
    X(XMM12, "xmm12", "xmm12", "xmm12", BE_XMM, 0, 1) \
    X(XMM13, "xmm13", "xmm13", "xmm13", BE_XMM, 0, 1) \
    X(XMM14, "xmm14", "xmm14", "xmm14", BE_XMM, 0, 1) \
    X(XMM15, "xmm15", "xmm15", "xmm15", BE_XMM, 0, 0)

typedef enum { BE_GPR, BE_XMM } BeRegClass;

typedef enum {
#define X(id, n64, n32, n8, cls, cs, al) BE_##id,
    BE_REGS(X)
#undef X
    BE_NREGS
} BeReg;

#define BE_SCRATCH_GPR BE_R11
#define BE_SCRATCH_XMM BE_XMM15

typedef struct BeRegInfo {
    const char *name64, *name32, *name8;
    uint8_t cls, callee_saved, allocatable;
} BeRegInfo;
extern const BeRegInfo be_reg_info[BE_NREGS];
/* Registers in the order the allocator tries them (caller-saved first). */
extern const int8_t be_alloc_order[BE_NREGS];
extern const int be_alloc_order_len;
/* System V argument and result registers. */
extern const int8_t be_sysv_int_args[6];
extern const int8_t be_sysv_float_args[8];

/* ---- condition codes ------------------------------------------------------ */
#define BE_CCS(X) X(NONE, "") X(O, "o") X(NO, "no") X(B, "b") X(AE, "ae") X(E, "e") \
    X(NE, "ne") X(BE, "be") X(A, "a") X(S, "s") X(NS, "ns") X(P, "p") X(NP, "np") \
    X(L, "l") X(GE, "ge") X(LE, "le") X(G, "g")
typedef enum {
#define X(id, s) BE_CC_##id,
    BE_CCS(X)
#undef X
    BE_CC__COUNT
} BeCond;
extern const char *const be_cc_name[BE_CC__COUNT];
BeCond be_cc_negate(BeCond cc);

/* ---- opcodes -------------------------------------------------------------- */
enum {
    BE_OPF_CALL = 1 << 0, BE_OPF_TERM = 1 << 1, BE_OPF_BRANCH = 1 << 2,
    BE_OPF_DEOPT = 1 << 3, BE_OPF_COMM = 1 << 4, BE_OPF_TWO = 1 << 5,
    BE_OPF_MOVE = 1 << 6,
};
typedef enum {
    BE_FORM_NONE, BE_FORM_MOV, BE_FORM_F64C, BE_FORM_ALU, BE_FORM_UNARY,
    BE_FORM_CMP, BE_FORM_SETCC, BE_FORM_CVT, BE_FORM_LOAD, BE_FORM_STORE,
    BE_FORM_SSE, BE_FORM_CALL, BE_FORM_JMP, BE_FORM_JCC, BE_FORM_RET,
    BE_FORM_DEOPT, BE_FORM__COUNT
} BeForm;

typedef enum {
#define BE_OP(id, name, sig, flags, form, width, mn) BE_##id,
#include "be_lir.def"
#undef BE_OP
    BE_OP__COUNT
} BeOpcode;

typedef struct BeOpInfo {
    const char *name, *sig;
    uint32_t flags;
    uint8_t form, width;
    const char *mnemonic;
} BeOpInfo;
extern const BeOpInfo be_op_info[BE_OP__COUNT];

/* ---- operands ------------------------------------------------------------- */
typedef enum {
    BE_OK_NONE, BE_OK_VREG, BE_OK_PREG, BE_OK_SLOT, BE_OK_IMM, BE_OK_F64,
    BE_OK_LABEL, BE_OK_DEOPT, BE_OK_SYM
} BeOperandKind;
typedef enum { BE_ROLE_NONE, BE_ROLE_USE, BE_ROLE_DEF, BE_ROLE_TEMP } BeRole;
/* 0: from the signature (upper-case letter: register, lower-case: any). */
typedef enum { BE_POL_SIG, BE_POL_REG, BE_POL_ANY } BePolicy;

/* After allocation a VREG operand becomes PREG or SLOT and keeps its vreg,
 * so the assignment can be printed and checked. */
typedef struct BeOperand {
    uint8_t kind;     /* BeOperandKind */
    uint8_t role;     /* BeRole; 0 = take it from the signature */
    uint8_t policy;   /* BePolicy */
    uint8_t cls;      /* BeRegClass of the value */
    int32_t vreg;     /* virtual register, -1 if none */
    int32_t reg;      /* PREG: register; SLOT: slot; LABEL: block; DEOPT: point */
    int64_t imm;      /* IMM: value; F64: bits; SYM: absolute address */
    const char *name; /* SYM: symbol name (static storage), for comments */
} BeOperand;

/* ---- instructions, phis, blocks ------------------------------------------- */
enum { BE_IF_ALLOC = 1 }; /* inserted by the register allocator */

typedef struct BeInstr {
    uint16_t op;        /* BeOpcode */
    uint8_t cc;         /* BeCond for JCC, SETCC, DEOPT_IF */
    uint8_t iflags;     /* BE_IF_* */
    int32_t id;         /* linear position (odd) once numbered */
    uint32_t first_op;  /* operands are fn->ops[first_op .. first_op+nops) */
    uint32_t nops;
    int32_t node;       /* IR node id for annotations, -1 */
    int32_t bc;         /* bytecode offset for annotations, -1 */
    const char *note;   /* e.g. "Int32AddOverflow" (static storage or fn-owned) */
} BeInstr;

typedef struct BePhiIn { int32_t pred; int32_t vreg; } BePhiIn;
typedef struct BePhi {
    int32_t dst;        /* vreg */
    uint32_t first_in;  /* fn->phi_ins[first_in .. first_in+nin) */
    uint32_t nin;
} BePhi;

typedef struct BeBlock {
    int32_t id;
    BeInstr *ins;
    uint32_t nins, capins;
    BePhi *phis;
    uint32_t nphis, capphis;
    int32_t succ[2];
    int32_t nsucc;
    int32_t *preds;
    int32_t npreds, cappreds;
    int32_t loop_depth;   /* 0 outside loops */
    int32_t loop_header;  /* innermost enclosing loop header, -1 */
    int32_t from, to;     /* positions: [from, to) once numbered */
    const char *note;
} BeBlock;

typedef struct BeLirFn {
    char *name;
    BeBlock *blocks;
    int32_t nblocks, capblocks;
    int32_t *order;            /* linear (allocation and emission) order */
    int32_t norder;
    uint8_t *vreg_cls;
    int32_t nvregs, capvregs;
    BeOperand *ops;
    uint32_t nops, capops;
    BePhiIn *phi_ins;
    uint32_t nphi_ins, capphi_ins;
    BeDeoptTable deopt;        /* values of kind OPERAND name DEOPT_IF operands */
    char **strings;            /* fn-owned copies (notes, names) */
    uint32_t nstrings, capstrings;
    /* set by the register allocator */
    bool allocated;
    int32_t nslots;            /* 8-byte spill slots */
    uint32_t used_callee_saved; /* bit per BeReg */
    char error[256];
} BeLirFn;

/* ---- building --------------------------------------------------------------
 * Blocks get ids in creation order, which is also the default linear order.
 * Instructions take their operand roles and policies from the opcode's
 * signature; be_def/be_use/be_temp/be_any override them. Edges come from the
 * terminators (JMP/JCC labels) when be_lir_finish runs. */
BeLirFn *be_lir_new(const char *name);
void be_lir_free(BeLirFn *fn);
int32_t be_lir_block(BeLirFn *fn);
int32_t be_lir_vreg(BeLirFn *fn, BeRegClass cls);
BeInstr *be_lir_add(BeLirFn *fn, int32_t block, BeOpcode op, BeCond cc,
                    const BeOperand *ops, uint32_t nops);
void be_lir_phi(BeLirFn *fn, int32_t block, int32_t dst, const BePhiIn *ins, uint32_t nin);
/* Sets the linear order (block ids); blocks left out that are reachable go last. */
void be_lir_set_order(BeLirFn *fn, const int32_t *order, int32_t n);
const char *be_lir_strdup(BeLirFn *fn, const char *s);
void be_lir_annotate(BeLirFn *fn, BeInstr *ins, int32_t node, int32_t bc, const char *note);
/* Computes edges (from terminators), predecessors and loop depths.
 * Returns false (fn->error) on malformed input. Idempotent. */
bool be_lir_finish(BeLirFn *fn);
/* Checks signatures, terminators, classes and phi arity; false + fn->error. */
bool be_lir_verify(BeLirFn *fn);
/* Inserts an empty block on every edge from a block with two successors to a
 * block with two or more predecessors (where edge moves have no home). */
int32_t be_lir_split_edge(BeLirFn *fn, int32_t bi, int32_t si);
void be_lir_split_critical_edges(BeLirFn *fn);
/* Assigns positions: instruction k of the linear order gets id 2k+1; the even
 * positions between are the gaps where moves go. */
void be_lir_number(BeLirFn *fn);

static inline BeOperand *be_lir_op(BeLirFn *fn, const BeInstr *ins, uint32_t i) {
    return &fn->ops[ins->first_op + i];
}
/* The vreg phi takes from predecessor block pred, -1 if none. */
int be_lir_phi_input(const BeLirFn *fn, const BePhi *phi, int32_t pred);
/* Role of operand i, from the operand itself or the signature. */
BeRole be_lir_role(const BeInstr *ins, const BeOperand *o, uint32_t i);

#define BE_OPS(...) (BeOperand[]){__VA_ARGS__}, (uint32_t)(sizeof((BeOperand[]){__VA_ARGS__}) / sizeof(BeOperand))
#define BE_EMIT(fn, b, op, ...) be_lir_add((fn), (b), BE_##op, BE_CC_NONE, BE_OPS(__VA_ARGS__))
#define BE_EMITC(fn, b, op, cc, ...) be_lir_add((fn), (b), BE_##op, BE_CC_##cc, BE_OPS(__VA_ARGS__))

BeOperand be_v(BeLirFn *fn, int32_t vreg);
BeOperand be_p(int reg);
BeOperand be_imm(int64_t v);
BeOperand be_f64(double d);
BeOperand be_label(int32_t block);
BeOperand be_deoptx(int32_t point);
BeOperand be_sym(uint64_t addr, const char *name);
static inline BeOperand be_def(BeOperand o) { o.role = BE_ROLE_DEF; return o; }
static inline BeOperand be_use(BeOperand o) { o.role = BE_ROLE_USE; return o; }
static inline BeOperand be_temp(BeOperand o) { o.role = BE_ROLE_TEMP; return o; }
static inline BeOperand be_any(BeOperand o) { o.policy = BE_POL_ANY; return o; }
static inline BeOperand be_inreg(BeOperand o) { o.policy = BE_POL_REG; return o; }

/* ---- printing -------------------------------------------------------------- */
/* A growable string: the emitter writes assembly into one. */
typedef struct BeStr { char *s; size_t len, cap; bool oom; } BeStr;
void be_str_printf(BeStr *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void be_str_free(BeStr *b);

int be_lir_format_operand(char *buf, size_t n, const BeLirFn *fn, const BeOperand *o);
void be_lir_print_operand(FILE *f, const BeLirFn *fn, const BeOperand *o);
void be_lir_print_instr(FILE *f, BeLirFn *fn, const BeInstr *ins);
void be_lir_print(FILE *f, BeLirFn *fn);

/* Stack slot s lives at [rbp + be_slot_offset(fn, s)]. */
int32_t be_slot_offset(const BeLirFn *fn, int32_t slot);

#endif
