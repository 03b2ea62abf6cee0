/* be_deopt.h — the deoptimization table that hangs off optimized code.
 *
 * For every point where optimized code may give up (a failed speculation, a
 * forced deopt), the table says where it is in the code and how to rebuild
 * the interpreter frames it stands for: a translation of its FrameState chain
 * in which every value is a register, a stack slot, a constant, or an object
 * to materialize from its fields (escape analysis removed it). This follows
 * Hölzle, Chambers & Ungar (1992) "Debugging optimized code with dynamic
 * deoptimization", with virtual objects in the sense of Stadler et al. (2014).
 *
 * While the LIR is being built, values that live in virtual registers are of
 * kind BE_DV_OPERAND: they name an operand of the DEOPT_IF / DEOPT
 * instruction, whose uses keep those values alive (with policy "anything": a
 * stack slot is as good as a register). After register allocation
 * be_deopt_finalize turns each into BE_DV_REG or BE_DV_STACK.
 *
 * At run time the deopt exit stub saves all 16 GPRs and 16 XMM registers into
 * a BeDeoptRegs block and calls the deoptimizer entry
 *     uint64_t entry(BeDeoptRegs *regs, uint32_t point, uintptr_t fp, uintptr_t fn_entry)
 * whose result becomes the optimized function's result.
 */
#ifndef BE_DEOPT_H
#define BE_DEOPT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define BE_DEOPT_REASONS(X) \
    X(Unknown, "unknown") X(Overflow, "overflow") X(NotSmi, "not a small integer") \
    X(NotNumber, "not a number") X(WrongShape, "wrong shape") \
    X(OutOfBounds, "out of bounds") X(Hole, "hole") X(DivisionByZero, "division by zero") \
    X(MinusZero, "minus zero") X(LostPrecision, "lost precision") \
    X(WrongCallTarget, "wrong call target") X(Forced, "forced (--deopt-every-n-times)") \
    X(Manual, "%DeoptimizeNow")
typedef enum {
#define X(id, text) BE_DR_##id,
    BE_DEOPT_REASONS(X)
#undef X
    BE_DR__COUNT
} BeDeoptReason;
const char *be_deopt_reason_name(int reason);

typedef enum {
    BE_DV_OPERAND,       /* before allocation: operand `index` of the deopt instruction */
    BE_DV_REG,           /* register `reg` (BeReg numbering) in the save area */
    BE_DV_STACK,         /* 8 bytes at [fp + index] */
    BE_DV_CONST,         /* `bits` is the value */
    BE_DV_OBJECT,        /* materialize object `index` of the table */
    BE_DV_OPTIMIZED_OUT  /* dead in the interpreter too: undefined is fine */
} BeDeoptValueKind;

/* How the bits of a value are to be read. */
typedef enum {
    BE_REPR_TAGGED,   /* a NaN-boxed Value */
    BE_REPR_INT32,    /* raw int32 in the low 32 bits: box as a small integer */
    BE_REPR_FLOAT64,  /* raw double: box as a number */
    BE_REPR_BOOL,     /* 0 / 1: box as false / true */
} BeRepr;

typedef struct BeDeoptValue {
    uint8_t kind;     /* BeDeoptValueKind */
    uint8_t repr;     /* BeRepr */
    uint16_t reg;     /* BE_DV_REG */
    int32_t index;    /* OPERAND: operand; STACK: fp offset; OBJECT: object */
    uint64_t bits;    /* BE_DV_CONST */
} BeDeoptValue;

/* An object escape analysis removed: rebuilt from `nfields` values starting at
 * values[first_value]; what the fields mean (shape first, then slots, or array
 * elements) is said by `kind`, which the materializer interprets. */
typedef struct BeDeoptObject {
    uint32_t kind;
    uint32_t first_value, nfields;
} BeDeoptObject;

/* One interpreter frame. Its values, in this order: closure, context,
 * parameters (receiver first), registers, accumulator. The innermost frame
 * comes last in a point's frame list. */
typedef struct BeDeoptFrame {
    const void *function;   /* the BytecodeFunction to resume */
    uint32_t bc_offset;     /* where to resume */
    uint32_t first_value;
    uint16_t nparams, nregs;
    uint8_t has_acc;
} BeDeoptFrame;

typedef struct BeDeoptPoint {
    uint32_t pc_offset;     /* offset of the deopt instruction (jcc / jmp) in the function */
    uint32_t exit_offset;   /* offset of its exit stub */
    uint32_t first_frame;
    uint16_t nframes;
    uint16_t reason;        /* BeDeoptReason */
    int32_t node;           /* IR node, -1 */
    int32_t bc;             /* bytecode offset of the check, -1 */
} BeDeoptPoint;

typedef struct BeDeoptTable {
    BeDeoptPoint *points;
    uint32_t npoints, cappoints;
    BeDeoptFrame *frames;
    uint32_t nframes, capframes;
    BeDeoptValue *values;
    uint32_t nvalues, capvalues;
    BeDeoptObject *objects;
    uint32_t nobjects, capobjects;
} BeDeoptTable;

/* The exit stub's register save area: GPRs in x86 encoding order (rax, rcx,
 * rdx, rbx, rsp, rbp, rsi, rdi, r8..r15), then xmm0..xmm15 (low 64 bits). */
typedef struct BeDeoptRegs {
    uint64_t gpr[16];
    uint64_t xmm[16];
} BeDeoptRegs;
typedef uint64_t (*BeDeoptEntry)(BeDeoptRegs *regs, uint32_t point, uintptr_t fp,
                                 uintptr_t fn_entry);

/* Building (by instruction selection). Each returns the new index. Values of
 * a frame or an object must be added right after it, in order. */
uint32_t be_deopt_add_point(BeDeoptTable *t, BeDeoptReason reason, int32_t node, int32_t bc);
uint32_t be_deopt_add_frame(BeDeoptTable *t, uint32_t point, const void *function,
                            uint32_t bc_offset, uint16_t nparams, uint16_t nregs, bool has_acc);
uint32_t be_deopt_add_object(BeDeoptTable *t, uint32_t kind, uint32_t nfields);
uint32_t be_deopt_add_value(BeDeoptTable *t, BeDeoptValue v);
static inline BeDeoptValue be_dv_operand(uint32_t operand, BeRepr repr) {
    return (BeDeoptValue){.kind = BE_DV_OPERAND, .repr = (uint8_t)repr, .index = (int32_t)operand};
}
static inline BeDeoptValue be_dv_const(uint64_t bits, BeRepr repr) {
    return (BeDeoptValue){.kind = BE_DV_CONST, .repr = (uint8_t)repr, .bits = bits};
}
static inline BeDeoptValue be_dv_object(uint32_t object) {
    return (BeDeoptValue){.kind = BE_DV_OBJECT, .index = (int32_t)object};
}

/* Reads a value's bits at a deopt: from the save area, the frame or the table. */
uint64_t be_deopt_read(const BeDeoptValue *v, const BeDeoptRegs *regs, uintptr_t fp);

bool be_deopt_copy(BeDeoptTable *dst, const BeDeoptTable *src);
void be_deopt_table_free(BeDeoptTable *t);
void be_deopt_print(FILE *f, const BeDeoptTable *t);

#endif
