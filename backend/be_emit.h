/* be_emit.h — allocated LIR to Intel-syntax x86-64 assembly text.
 *
 * The text is what LLVM MC assembles (be_mc.h) and what --emit-asm writes.
 * Each function of a batch gets a number k and owns every symbol that
 * starts with "F<k>": the entry F<k>, block labels F<k>_B<b>, annotation
 * markers F<k>_N<i>, deopt points F<k>_P<d> and their exit stubs F<k>_D<d>,
 * the shared deopt stub F<k>_deopt and the end F<k>_end. They are ordinary
 * local symbols, so the object's symbol table gives their offsets.
 *
 * Frame (rbp-based, 16-byte aligned at calls):
 *     [rbp+8]      return address
 *     [rbp]        caller's rbp
 *     [rbp-8*i]    callee-saved registers used (rbx, r12..r15 order), i=1..ncs
 *     [rbp-8*ncs-8*(s+1)]  spill slot s
 */
#ifndef BE_EMIT_H
#define BE_EMIT_H

#include "be_lir.h"

typedef struct BeEmitOptions {
    uint64_t deopt_entry;   /* address of a BeDeoptEntry; 0: deopt exits trap (ud2) */
    uint64_t deopt_common;  /* the shared exit of be_emit_deopt_common, installed; 0:
                             * each function saves the registers itself */
    bool annotate;          /* marker symbols and comments (--print-code, --emit-asm);
                             * without them the assembler has far fewer labels to
                             * define and text to lex */
} BeEmitOptions;

typedef struct BeAnnot {
    char *symbol;           /* marker symbol in the assembly */
    char *text;             /* what --print-code shows there */
    uint32_t offset;        /* filled in once the object is read */
    uint8_t is_block;       /* a block label rather than an instruction note */
} BeAnnot;

typedef struct BeAsm {
    BeStr text;
    int index;              /* k in F<k> */
    char entry[32], end[32];
    BeAnnot *annots;
    uint32_t nannots, capannots;
    uint32_t ndeopt;        /* deopt points: symbols F<k>_P<d>, F<k>_D<d> */
} BeAsm;

/* Appends fn (allocated) as function number `index` to out. */
bool be_emit(BeLirFn *fn, int index, const BeEmitOptions *opt, BeAsm *out, char *err, size_t errlen);
void be_asm_free(BeAsm *a);

/* The one exit every function's deopt stubs share, assembled once per
 * deoptimizer entry (symbols BE_DEOPT_COMMON_SYM, BE_DEOPT_COMMON_SYM "_end").
 * Called (not jumped to) by a function's F<k>_deopt with the point number and
 * the function's entry pushed: it saves all registers in a BeDeoptRegs block,
 * calls entry(regs, point, rbp, fn_entry) and returns its result in rax; the
 * caller then runs its own epilogue. */
#define BE_DEOPT_COMMON_SYM "reef_deopt_common"
void be_emit_deopt_common(BeStr *out, uint64_t deopt_entry);

#endif
