/* be_emit.c — prints allocated LIR as Intel-syntax assembly for LLVM MC.
 *
 * One small emitter per instruction form (the form is a column of
 * be_lir.def), a prologue and epilogue around an rbp frame, float64
 * constants in .rodata loaded RIP-relative, calls through r11 holding the
 * absolute address (JIT code lands more than 2 GB away from reef's own
 * functions, so a rel32 call cannot reach them), and out-of-line deopt
 * exits: each deopt point jumps to its own stub, which loads the point's
 * number and falls into a shared stub that saves every register in a
 * BeDeoptRegs block and calls the deoptimizer (be_deopt.h).
 * Two-address forms copy the first input into the result first; the
 * allocator has made sure the other inputs do not live in the result.
 */
#include <stdlib.h>
#include <string.h>
#include "be_emit.h"

typedef struct Em {
    BeLirFn *fn;
    BeStr *o;
    BeAsm *a;
    const BeEmitOptions *opt;
    int k;
    int32_t ncs;
    int32_t frame;            /* bytes subtracted after the pushes */
    int32_t next_block;       /* block laid out after the current one, -1 */
    uint64_t *consts;         /* float64 constants, by bits */
    uint32_t nconsts, capconsts;
    uint32_t nmarks;
    bool bad;
    char err[160];
} Em;

static const int8_t callee_saved_order[5] = {BE_RBX, BE_R12, BE_R13, BE_R14, BE_R15};

static bool fits32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

static void annot(Em *e, const char *sym, const char *text, bool is_block) {
    BeAsm *a = e->a;
    if (a->nannots == a->capannots) {
        a->capannots = a->capannots ? a->capannots * 2 : 16;
        a->annots = realloc(a->annots, sizeof *a->annots * a->capannots);
        if (!a->annots) abort();
    }
    BeAnnot *n = &a->annots[a->nannots++];
    n->symbol = strdup(sym);
    n->text = strdup(text);
    if (!n->symbol || !n->text) abort();
    n->offset = 0;
    n->is_block = is_block;
}

/* ---- operand text ---------------------------------------------------------------- */
typedef struct { char s[64]; } Txt;

static const char *ptr_kw(int width) { return width == 32 ? "dword ptr" : "qword ptr"; }

static Txt reg_txt(int r, int width) {
    Txt t;
    const BeRegInfo *ri = &be_reg_info[r];
    snprintf(t.s, sizeof t.s, "%s", ri->cls == BE_XMM ? ri->name64 : width == 32 ? ri->name32 :
                                     width == 8 ? ri->name8 : ri->name64);
    return t;
}

static Txt slot_txt(Em *e, int32_t slot, int width) {
    Txt t;
    snprintf(t.s, sizeof t.s, "%s [rbp - %d]", ptr_kw(width), -be_slot_offset(e->fn, slot));
    return t;
}

/* A register, memory or immediate source operand at the given width. */
static Txt opnd(Em *e, const BeOperand *o, int width) {
    Txt t;
    switch (o->kind) {
    case BE_OK_PREG: return reg_txt(o->reg, width);
    case BE_OK_SLOT: return slot_txt(e, o->reg, width);
    case BE_OK_IMM:
        snprintf(t.s, sizeof t.s, "%lld", (long long)(width == 32 ? (int64_t)(int32_t)o->imm : o->imm));
        return t;
    default:
        e->bad = true;
        snprintf(e->err, sizeof e->err, "operand of kind %d cannot be emitted (not allocated?)", o->kind);
        snprintf(t.s, sizeof t.s, "?");
        return t;
    }
}

static bool same_loc(const BeOperand *a, const BeOperand *b) { return a->kind == b->kind && a->reg == b->reg; }
static bool is_xmm(const BeOperand *o) { return o->kind == BE_OK_PREG && be_reg_info[o->reg].cls == BE_XMM; }

#define OUT(...) be_str_printf(e->o, __VA_ARGS__)

/* Immediates that do not fit a sign-extended imm32 go through r11. */
static Txt src_imm_ok(Em *e, const BeOperand *b, int width) {
    if (b->kind == BE_OK_IMM && width == 64 && !fits32(b->imm)) {
        OUT("  movabs r11, %lld\n", (long long)b->imm);
        return reg_txt(BE_R11, 64);
    }
    return opnd(e, b, width);
}

/* ---- forms -------------------------------------------------------------------------- */
static void emit_move(Em *e, const BeOperand *d, const BeOperand *s) {
    if (same_loc(d, s) && d->kind != BE_OK_IMM) return;
    if (d->kind == BE_OK_PREG) {
        bool dx = is_xmm(d);
        if (s->kind == BE_OK_PREG) {
            bool sx = is_xmm(s);
            OUT("  %s %s, %s\n", dx && sx ? "movaps" : (dx || sx) ? "movq" : "mov",
                reg_txt(d->reg, 64).s, reg_txt(s->reg, 64).s);
        } else if (s->kind == BE_OK_SLOT) {
            OUT("  %s %s, %s\n", dx ? "movsd" : "mov", reg_txt(d->reg, 64).s, slot_txt(e, s->reg, 64).s);
        } else if (s->kind == BE_OK_IMM) {
            if (dx) {
                OUT("  movabs r11, %lld\n  movq %s, r11\n", (long long)s->imm, reg_txt(d->reg, 64).s);
            } else if (fits32(s->imm)) {
                OUT("  mov %s, %lld\n", reg_txt(d->reg, 64).s, (long long)s->imm);
            } else {
                OUT("  movabs %s, %lld\n", reg_txt(d->reg, 64).s, (long long)s->imm);
            }
        } else opnd(e, s, 64);
    } else if (d->kind == BE_OK_SLOT) {
        Txt m = slot_txt(e, d->reg, 64);
        if (s->kind == BE_OK_PREG) OUT("  %s %s, %s\n", is_xmm(s) ? "movsd" : "mov", m.s, reg_txt(s->reg, 64).s);
        else if (s->kind == BE_OK_SLOT) OUT("  push %s\n  pop %s\n", slot_txt(e, s->reg, 64).s, m.s);
        else if (s->kind == BE_OK_IMM && fits32(s->imm)) OUT("  mov %s, %lld\n", m.s, (long long)s->imm);
        else if (s->kind == BE_OK_IMM) OUT("  movabs r11, %lld\n  mov %s, r11\n", (long long)s->imm, m.s);
        else opnd(e, s, 64);
    } else {
        opnd(e, d, 64);
    }
}

static void emit_alu(Em *e, const BeInstr *ins, BeOperand *d, BeOperand *a, BeOperand *b) {
    const BeOpInfo *info = &be_op_info[ins->op];
    int w = info->width;
    if (ins->op == BE_IMUL || ins->op == BE_IMUL32) {
        if (b->kind == BE_OK_IMM && fits32(b->imm)) {
            OUT("  imul %s, %s, %lld\n", reg_txt(d->reg, w).s, reg_txt(a->reg, w).s,
                (long long)(w == 32 ? (int64_t)(int32_t)b->imm : b->imm));
            return;
        }
    }
    if (!same_loc(d, a) && same_loc(d, b)) {
        if (info->flags & BE_OPF_COMM) { BeOperand *t = a; a = b; b = t; }
        else {
            OUT("  mov r11, %s\n", reg_txt(b->reg, 64).s);
            OUT("  mov %s, %s\n", reg_txt(d->reg, w).s, reg_txt(a->reg, w).s);
            OUT("  %s %s, %s\n", info->mnemonic, reg_txt(d->reg, w).s, reg_txt(BE_R11, w).s);
            return;
        }
    }
    if (!same_loc(d, a)) OUT("  mov %s, %s\n", reg_txt(d->reg, w).s, reg_txt(a->reg, w).s);
    if (!b) {
        OUT("  %s %s\n", info->mnemonic, reg_txt(d->reg, w).s);
        return;
    }
    Txt bs = src_imm_ok(e, b, w);
    OUT("  %s %s, %s\n", info->mnemonic, reg_txt(d->reg, w).s, bs.s);
}

static void emit_sse(Em *e, const BeInstr *ins, BeOperand *d, BeOperand *a, BeOperand *b) {
    const BeOpInfo *info = &be_op_info[ins->op];
    if (!same_loc(d, a) && same_loc(d, b)) {
        OUT("  movaps xmm15, %s\n", reg_txt(b->reg, 64).s);
        OUT("  movaps %s, %s\n", reg_txt(d->reg, 64).s, reg_txt(a->reg, 64).s);
        OUT("  %s %s, xmm15\n", info->mnemonic, reg_txt(d->reg, 64).s);
        return;
    }
    if (!same_loc(d, a)) OUT("  movaps %s, %s\n", reg_txt(d->reg, 64).s, reg_txt(a->reg, 64).s);
    if (b->kind == BE_OK_IMM) { e->bad = true; snprintf(e->err, sizeof e->err, "float op with an integer immediate"); return; }
    OUT("  %s %s, %s\n", info->mnemonic, reg_txt(d->reg, 64).s, opnd(e, b, 64).s);
}

static void emit_cvt(Em *e, const BeInstr *ins, BeOperand *d, BeOperand *a) {
    switch (ins->op) {
    case BE_SEXT32: OUT("  movsxd %s, %s\n", reg_txt(d->reg, 64).s, reg_txt(a->reg, 32).s); break;
    case BE_ZEXT32: OUT("  mov %s, %s\n", reg_txt(d->reg, 32).s, reg_txt(a->reg, 32).s); break;
    case BE_I2F: OUT("  cvtsi2sd %s, %s\n", reg_txt(d->reg, 64).s, reg_txt(a->reg, 32).s); break;
    case BE_F2I: OUT("  cvttsd2si %s, %s\n", reg_txt(d->reg, 32).s, reg_txt(a->reg, 64).s); break;
    default: OUT("  %s %s, %s\n", be_op_info[ins->op].mnemonic, reg_txt(d->reg, 64).s, reg_txt(a->reg, 64).s);
    }
}

static uint32_t const_index(Em *e, uint64_t bits) {
    for (uint32_t i = 0; i < e->nconsts; i++)
        if (e->consts[i] == bits) return i;
    if (e->nconsts == e->capconsts) {
        e->capconsts = e->capconsts ? e->capconsts * 2 : 8;
        e->consts = realloc(e->consts, sizeof *e->consts * e->capconsts);
        if (!e->consts) abort();
    }
    e->consts[e->nconsts] = bits;
    return e->nconsts++;
}

static void epilogue(Em *e) {
    if (e->ncs) OUT("  lea rsp, [rbp - %d]\n", 8 * e->ncs);
    else OUT("  mov rsp, rbp\n");
    for (int i = 4; i >= 0; i--)
        if (e->fn->used_callee_saved & (1u << callee_saved_order[i]))
            OUT("  pop %s\n", be_reg_info[callee_saved_order[i]].name64);
    OUT("  pop rbp\n  ret\n");
}

static void emit_instr(Em *e, BeInstr *ins) {
    BeLirFn *fn = e->fn;
    const BeOpInfo *info = &be_op_info[ins->op];
    BeOperand *o0 = ins->nops > 0 ? be_lir_op(fn, ins, 0) : NULL;
    BeOperand *o1 = ins->nops > 1 ? be_lir_op(fn, ins, 1) : NULL;
    BeOperand *o2 = ins->nops > 2 ? be_lir_op(fn, ins, 2) : NULL;
    int w = info->width;
    switch ((BeForm)info->form) {
    case BE_FORM_NONE: break;
    case BE_FORM_MOV: emit_move(e, o0, o1); break;
    case BE_FORM_F64C: {
        uint32_t c = const_index(e, (uint64_t)o1->imm);
        OUT("  movsd %s, qword ptr [rip + .LF%d_c%u]\n", reg_txt(o0->reg, 64).s, e->k, c);
        break;
    }
    case BE_FORM_ALU: emit_alu(e, ins, o0, o1, o2); break;
    case BE_FORM_UNARY: emit_alu(e, ins, o0, o1, NULL); break;
    case BE_FORM_CMP: {
        if (ins->op == BE_FCMP) { OUT("  ucomisd %s, %s\n", reg_txt(o0->reg, 64).s, opnd(e, o1, 64).s); break; }
        Txt b = src_imm_ok(e, o1, w);
        OUT("  %s %s, %s\n", info->mnemonic, reg_txt(o0->reg, w).s, b.s);
        break;
    }
    case BE_FORM_SETCC:
        OUT("  set%s %s\n  movzx %s, %s\n", be_cc_name[ins->cc], reg_txt(o0->reg, 8).s,
            reg_txt(o0->reg, 32).s, reg_txt(o0->reg, 8).s);
        break;
    case BE_FORM_CVT: emit_cvt(e, ins, o0, o1); break;
    case BE_FORM_LOAD:
        OUT("  %s %s, %s [%s %+lld]\n", info->mnemonic, reg_txt(o0->reg, w == 32 ? 32 : 64).s,
            ptr_kw(w), reg_txt(o1->reg, 64).s, (long long)o2->imm);
        break;
    case BE_FORM_STORE:
        OUT("  %s %s [%s %+lld], %s\n", info->mnemonic, ptr_kw(w), reg_txt(o1->reg, 64).s,
            (long long)o2->imm, reg_txt(o0->reg, w == 32 ? 32 : 64).s);
        break;
    case BE_FORM_SSE: emit_sse(e, ins, o0, o1, o2); break;
    case BE_FORM_CALL:
        if (o0->kind == BE_OK_SYM) {
            OUT("  movabs r11, %llu   # %s\n  call r11\n", (unsigned long long)o0->imm,
                o0->name ? o0->name : "");
        } else {
            OUT("  call %s\n", opnd(e, o0, 64).s);
        }
        break;
    case BE_FORM_JMP:
        if (o0->reg != e->next_block) OUT("  jmp F%d_B%d\n", e->k, o0->reg);
        break;
    case BE_FORM_JCC: {
        BeCond cc = (BeCond)ins->cc;
        if (o1->reg == e->next_block) OUT("  j%s F%d_B%d\n", be_cc_name[cc], e->k, o0->reg);
        else if (o0->reg == e->next_block) OUT("  j%s F%d_B%d\n", be_cc_name[be_cc_negate(cc)], e->k, o1->reg);
        else OUT("  j%s F%d_B%d\n  jmp F%d_B%d\n", be_cc_name[cc], e->k, o0->reg, e->k, o1->reg);
        break;
    }
    case BE_FORM_RET: epilogue(e); break;
    case BE_FORM_DEOPT:
        OUT("F%d_P%d:\n", e->k, o0->reg);
        if (ins->op == BE_DEOPT_IF) OUT("  j%s F%d_D%d\n", be_cc_name[ins->cc], e->k, o0->reg);
        else OUT("  jmp F%d_D%d\n", e->k, o0->reg);
        break;
    default:
        e->bad = true;
        snprintf(e->err, sizeof e->err, "no emitter for %s", info->name);
    }
}

/* Text for --print-code and the comment: "n12 Int32AddOverflow @bc 14". */
static void note_text(char *buf, size_t n, const BeInstr *ins) {
    size_t k = 0;
    buf[0] = 0;
    if (ins->node >= 0) k += (size_t)snprintf(buf + k, n - k, "n%d", ins->node);
    if (ins->note && k < n) k += (size_t)snprintf(buf + k, n - k, "%s%s", k ? " " : "", ins->note);
    if (ins->bc >= 0 && k < n) snprintf(buf + k, n - k, "%s@bc %d", k ? " " : "", ins->bc);
    for (char *p = buf; *p; p++)
        if (*p == '\n' || *p == '\r') *p = ' ';
}

/* Per point two instructions (push the number, jump); per function one
 * call into the shared exit and the epilogue. Saving 32 registers is done
 * once, in be_emit_deopt_common, not in every function's text. */
static void deopt_stubs(Em *e) {
    BeDeoptTable *t = &e->fn->deopt;
    if (t->npoints == 0) return;
    char sym[48], text[160];
    bool ann = e->opt && e->opt->annotate;
    for (uint32_t d = 0; d < t->npoints; d++) {
        BeDeoptPoint *p = &t->points[d];
        snprintf(sym, sizeof sym, "F%d_D%u", e->k, d);
        snprintf(text, sizeof text, "deopt exit %u: %s", d, be_deopt_reason_name(p->reason));
        if (ann) annot(e, sym, text, true);
        OUT("%s:", sym);
        if (ann) {
            OUT("   # %s", text);
            if (p->bc >= 0) OUT(" @bc %d", p->bc);
        }
        OUT("\n  push %u\n  jmp F%d_deopt\n", d, e->k);
    }
    snprintf(sym, sizeof sym, "F%d_deopt", e->k);
    if (ann) annot(e, sym, "deopt stub: call the shared exit, return its result", true);
    OUT("%s:\n", sym);
    if (e->opt && e->opt->deopt_entry && e->opt->deopt_common) {
        /* the stack keeps its 16-byte alignment: two pushes here, the
         * return address and an odd adjustment in the shared exit */
        OUT("  lea r11, [rip + F%d]\n  push r11\n", e->k);
        OUT("  movabs r11, %llu   # shared deopt exit\n  call r11\n",
            (unsigned long long)e->opt->deopt_common);
        epilogue(e);
    } else if (e->opt && e->opt->deopt_entry) {
        /* no shared exit: save the registers here (the point number is on the stack) */
        OUT("  pop r11\n  sub rsp, 256\n");
        for (int r = 0; r < 16; r++)
            if (r != BE_RSP) OUT("  mov qword ptr [rsp + %d], %s\n", 8 * r, be_reg_info[r].name64);
        OUT("  lea rax, [rsp + 256]\n  mov qword ptr [rsp + %d], rax\n", 8 * BE_RSP);
        for (int r = 0; r < 16; r++) OUT("  movsd qword ptr [rsp + %d], xmm%d\n", 128 + 8 * r, r);
        OUT("  mov rdi, rsp\n  mov esi, r11d\n  mov rdx, rbp\n  lea rcx, [rip + F%d]\n", e->k);
        OUT("  movabs rax, %llu   # deoptimizer entry\n  call rax\n",
            (unsigned long long)e->opt->deopt_entry);
        epilogue(e);
    } else {
        OUT("  ud2\n");
    }
}

void be_emit_deopt_common(BeStr *o, uint64_t deopt_entry) {
    /* entry: [rsp] return into F<k>_deopt, [rsp+8] function entry,
     * [rsp+16] point number; rsp+24 is the stack pointer of the deopt point
     * (16-byte aligned), so 264 more bytes keep calls aligned. */
    be_str_printf(o, ".intel_syntax noprefix\n  .text\n  .p2align 4\n%s:\n  sub rsp, 264\n",
                  BE_DEOPT_COMMON_SYM);
    for (int r = 0; r < 16; r++)
        if (r != BE_RSP) be_str_printf(o, "  mov qword ptr [rsp + %d], %s\n", 8 * r, be_reg_info[r].name64);
    be_str_printf(o, "  lea rax, [rsp + 288]\n  mov qword ptr [rsp + %d], rax\n", 8 * BE_RSP);
    for (int r = 0; r < 16; r++) be_str_printf(o, "  movsd qword ptr [rsp + %d], xmm%d\n", 128 + 8 * r, r);
    be_str_printf(o, "  mov rdi, rsp\n  mov esi, dword ptr [rsp + 280]\n  mov rdx, rbp\n"
                     "  mov rcx, qword ptr [rsp + 272]\n  movabs rax, %llu\n  call rax\n"
                     "  add rsp, 264\n  ret\n%s_end:\n",
                  (unsigned long long)deopt_entry, BE_DEOPT_COMMON_SYM);
}

bool be_emit(BeLirFn *fn, int index, const BeEmitOptions *opt, BeAsm *out, char *err, size_t errlen) {
    if (!fn->allocated) {
        snprintf(err, errlen, "%s: emit before register allocation", fn->name);
        return false;
    }
    Em em = {.fn = fn, .o = &out->text, .a = out, .opt = opt, .k = index}, *e = &em;
    out->index = index;
    snprintf(out->entry, sizeof out->entry, "F%d", index);
    snprintf(out->end, sizeof out->end, "F%d_end", index);
    out->ndeopt = fn->deopt.npoints;
    for (int i = 0; i < 5; i++)
        if (fn->used_callee_saved & (1u << callee_saved_order[i])) e->ncs++;
    int32_t bytes = 8 * fn->nslots;
    if ((8 * e->ncs + bytes) % 16) bytes += 8;
    e->frame = bytes;
    if (out->text.len == 0) OUT(".intel_syntax noprefix\n");
    char name[64];
    snprintf(name, sizeof name, "%s", fn->name);
    for (char *p = name; *p; p++)
        if (*p == '\n' || *p == '\r') *p = ' ';
    OUT("  .text\n  .p2align 4\nF%d:   # function %s (%d spill slots)\n", index, name, fn->nslots);
    OUT("  push rbp\n  mov rbp, rsp\n");
    for (int i = 0; i < 5; i++)
        if (fn->used_callee_saved & (1u << callee_saved_order[i]))
            OUT("  push %s\n", be_reg_info[callee_saved_order[i]].name64);
    if (e->frame) OUT("  sub rsp, %d\n", e->frame);
    char sym[48], text[160];
    for (int32_t oi = 0; oi < fn->norder && !e->bad; oi++) {
        BeBlock *b = &fn->blocks[fn->order[oi]];
        e->next_block = oi + 1 < fn->norder ? fn->order[oi + 1] : -1;
        snprintf(sym, sizeof sym, "F%d_B%d", index, b->id);
        if (b->loop_depth) snprintf(text, sizeof text, "B%d (loop depth %d)", b->id, b->loop_depth);
        else snprintf(text, sizeof text, "B%d", b->id);
        bool ann = opt && opt->annotate;
        if (ann) {
            annot(e, sym, text, true);
            OUT("%s:   # %s\n", sym, text);
        } else {
            OUT("%s:\n", sym);
        }
        for (uint32_t i = 0; i < b->nins && !e->bad; i++) {
            BeInstr *ins = &b->ins[i];
            if (ann && (ins->node >= 0 || ins->bc >= 0 || ins->note)) {
                note_text(text, sizeof text, ins);
                snprintf(sym, sizeof sym, "F%d_N%u", index, e->nmarks++);
                annot(e, sym, text, false);
                OUT("%s:   # %s\n", sym, text);
            }
            emit_instr(e, ins);
        }
    }
    deopt_stubs(e);
    OUT("F%d_end:\n", index);
    if (e->nconsts) {
        OUT("  .section .rodata\n  .p2align 3\n");
        for (uint32_t c = 0; c < e->nconsts; c++)
            OUT(".LF%d_c%u:\n  .quad 0x%016llx\n", index, c, (unsigned long long)e->consts[c]);
        OUT("  .text\n");
    }
    free(e->consts);
    if (e->bad || out->text.oom) {
        snprintf(err, errlen, "%s: %s", fn->name, e->bad ? e->err : "out of memory");
        return false;
    }
    return true;
}

void be_asm_free(BeAsm *a) {
    be_str_free(&a->text);
    for (uint32_t i = 0; i < a->nannots; i++) { free(a->annots[i].symbol); free(a->annots[i].text); }
    free(a->annots);
    memset(a, 0, sizeof *a);
}
