/* be_lir.c — building, checking, numbering and printing the LIR (be_lir.h).
 *
 * Loop depths come from the classic back-edge construction (a DFS marks edges
 * to blocks still on the stack; a loop is the header plus every block that
 * reaches the back edge's source without passing the header), as in the
 * Dragon Book; the allocator uses them to place interval splits outside loops.
 */
#include <stdlib.h>
#include <string.h>
#include "be_lir.h"

const BeRegInfo be_reg_info[BE_NREGS] = {
#define X(id, n64, n32, n8, cls, cs, al) {n64, n32, n8, cls, cs, al},
    BE_REGS(X)
#undef X
};

const int8_t be_alloc_order[BE_NREGS] = {
    BE_RAX, BE_RCX, BE_RDX, BE_RSI, BE_RDI, BE_R8, BE_R9, BE_R10,
    BE_RBX, BE_R12, BE_R13, BE_R14, BE_R15,
    BE_XMM0, BE_XMM1, BE_XMM2, BE_XMM3, BE_XMM4, BE_XMM5, BE_XMM6, BE_XMM7,
    BE_XMM8, BE_XMM9, BE_XMM10, BE_XMM11, BE_XMM12, BE_XMM13, BE_XMM14,
};
const int be_alloc_order_len = 28;
const int8_t be_sysv_int_args[6] = {BE_RDI, BE_RSI, BE_RDX, BE_RCX, BE_R8, BE_R9};
const int8_t be_sysv_float_args[8] = {BE_XMM0, BE_XMM1, BE_XMM2, BE_XMM3,
                                      BE_XMM4, BE_XMM5, BE_XMM6, BE_XMM7};

const char *const be_cc_name[BE_CC__COUNT] = {
#define X(id, s) s,
    BE_CCS(X)
#undef X
};

BeCond be_cc_negate(BeCond cc) {
    /* The codes come in pairs (o/no, b/ae, ...) after NONE. */
    if (cc == BE_CC_NONE) return cc;
    return (BeCond)(((cc - 1) ^ 1) + 1);
}

const BeOpInfo be_op_info[BE_OP__COUNT] = {
#define BE_OP(id, name, sig, flags, form, width, mn) {name, sig, flags, form, width, mn},
#include "be_lir.def"
#undef BE_OP
};

/* ---- small helpers ------------------------------------------------------------ */
static void *xgrow(void *p, uint32_t *cap, uint32_t need, size_t elem) {
    if (need <= *cap) return p;
    uint32_t nc = *cap ? *cap : 8;
    while (nc < need) nc *= 2;
    void *q = realloc(p, (size_t)nc * elem);
    if (!q) abort();
    *cap = nc;
    return q;
}
#define GROW(p, cap, need) ((p) = xgrow((p), &(cap), (need), sizeof *(p)))

void be_str_printf(BeStr *b, const char *fmt, ...) {
    va_list ap;
    for (;;) {
        size_t room = b->cap - b->len;
        va_start(ap, fmt);
        int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? room : 0, fmt, ap);
        va_end(ap);
        if (n < 0) return;
        if (b->s && (size_t)n < room) { b->len += (size_t)n; return; }
        size_t nc = b->cap ? b->cap * 2 : 4096;
        while (nc < b->len + (size_t)n + 1) nc *= 2;
        char *q = realloc(b->s, nc);
        if (!q) { b->oom = true; return; }
        b->s = q;
        b->cap = nc;
    }
}

void be_str_free(BeStr *b) {
    free(b->s);
    memset(b, 0, sizeof *b);
}

/* ---- building ------------------------------------------------------------------ */
BeLirFn *be_lir_new(const char *name) {
    BeLirFn *fn = calloc(1, sizeof *fn);
    if (!fn) abort();
    fn->name = strdup(name ? name : "anonymous");
    if (!fn->name) abort();
    return fn;
}

void be_lir_free(BeLirFn *fn) {
    if (!fn) return;
    for (int32_t i = 0; i < fn->nblocks; i++) {
        free(fn->blocks[i].ins);
        free(fn->blocks[i].phis);
        free(fn->blocks[i].preds);
    }
    for (uint32_t i = 0; i < fn->nstrings; i++) free(fn->strings[i]);
    free(fn->strings);
    free(fn->blocks);
    free(fn->order);
    free(fn->vreg_cls);
    free(fn->ops);
    free(fn->phi_ins);
    be_deopt_table_free(&fn->deopt);
    free(fn->name);
    free(fn);
}

int32_t be_lir_block(BeLirFn *fn) {
    uint32_t cap = (uint32_t)fn->capblocks;
    GROW(fn->blocks, cap, (uint32_t)fn->nblocks + 1);
    fn->capblocks = (int32_t)cap;
    BeBlock *b = &fn->blocks[fn->nblocks];
    memset(b, 0, sizeof *b);
    b->id = fn->nblocks;
    b->succ[0] = b->succ[1] = -1;
    b->loop_header = -1;
    return fn->nblocks++;
}

int32_t be_lir_vreg(BeLirFn *fn, BeRegClass cls) {
    uint32_t cap = (uint32_t)fn->capvregs;
    GROW(fn->vreg_cls, cap, (uint32_t)fn->nvregs + 1);
    fn->capvregs = (int32_t)cap;
    fn->vreg_cls[fn->nvregs] = (uint8_t)cls;
    return fn->nvregs++;
}

void be_lir_set_order(BeLirFn *fn, const int32_t *order, int32_t n) {
    free(fn->order);
    fn->order = malloc(sizeof(int32_t) * (size_t)(n > 0 ? n : 1));
    if (!fn->order) abort();
    memcpy(fn->order, order, sizeof(int32_t) * (size_t)(n > 0 ? n : 0));
    fn->norder = n > 0 ? n : 0;
}

const char *be_lir_strdup(BeLirFn *fn, const char *s) {
    GROW(fn->strings, fn->capstrings, fn->nstrings + 1);
    char *c = strdup(s ? s : "");
    if (!c) abort();
    fn->strings[fn->nstrings++] = c;
    return c;
}

BeOperand be_v(BeLirFn *fn, int32_t vreg) {
    BeOperand o = {.kind = BE_OK_VREG, .vreg = vreg, .reg = -1};
    if (vreg >= 0 && vreg < fn->nvregs) o.cls = fn->vreg_cls[vreg];
    return o;
}
BeOperand be_p(int reg) {
    BeOperand o = {.kind = BE_OK_PREG, .vreg = -1, .reg = reg};
    if (reg >= 0 && reg < BE_NREGS) o.cls = be_reg_info[reg].cls;
    return o;
}
BeOperand be_imm(int64_t v) { return (BeOperand){.kind = BE_OK_IMM, .vreg = -1, .reg = -1, .imm = v}; }
BeOperand be_f64(double d) {
    BeOperand o = {.kind = BE_OK_F64, .vreg = -1, .reg = -1, .cls = BE_XMM};
    memcpy(&o.imm, &d, 8);
    return o;
}
BeOperand be_label(int32_t block) { return (BeOperand){.kind = BE_OK_LABEL, .vreg = -1, .reg = block}; }
BeOperand be_deoptx(int32_t point) { return (BeOperand){.kind = BE_OK_DEOPT, .vreg = -1, .reg = point}; }
BeOperand be_sym(uint64_t addr, const char *name) {
    return (BeOperand){.kind = BE_OK_SYM, .vreg = -1, .reg = -1, .imm = (int64_t)addr, .name = name};
}

/* The signature letter governing operand i ('\0' if there is none). */
static char sig_letter(const char *sig, uint32_t i) {
    uint32_t k = 0;
    for (const char *p = sig; *p; p++) {
        if (*p == '*') return p[1];
        if (k == i) return *p;
        k++;
    }
    return '\0';
}

static uint32_t sig_fixed(const char *sig, bool *variadic) {
    uint32_t n = 0;
    *variadic = false;
    for (const char *p = sig; *p; p++) {
        if (*p == '*') { *variadic = true; break; }
        n++;
    }
    return n;
}

BeRole be_lir_role(const BeInstr *ins, const BeOperand *o, uint32_t i) {
    if (o->role) return (BeRole)o->role;
    switch (sig_letter(be_op_info[ins->op].sig, i)) {
    case 'D': case 'd': return BE_ROLE_DEF;
    case 'U': case 'u': return BE_ROLE_USE;
    case 't': return (o->kind == BE_OK_VREG || o->kind == BE_OK_PREG) ? BE_ROLE_USE : BE_ROLE_NONE;
    default: return BE_ROLE_NONE;
    }
}

BeInstr *be_lir_add(BeLirFn *fn, int32_t block, BeOpcode op, BeCond cc,
                    const BeOperand *ops, uint32_t nops) {
    if (block < 0 || block >= fn->nblocks || (unsigned)op >= BE_OP__COUNT) return NULL;
    BeBlock *b = &fn->blocks[block];
    GROW(b->ins, b->capins, b->nins + 1);
    GROW(fn->ops, fn->capops, fn->nops + nops);
    BeInstr *ins = &b->ins[b->nins++];
    *ins = (BeInstr){.op = (uint16_t)op, .cc = (uint8_t)cc, .first_op = fn->nops,
                     .nops = nops, .node = -1, .bc = -1};
    for (uint32_t i = 0; i < nops; i++) {
        BeOperand o = ops[i];
        char l = sig_letter(be_op_info[op].sig, i);
        o.role = (uint8_t)be_lir_role(ins, &o, i);
        if (o.policy == BE_POL_SIG) o.policy = (l == 'u' || l == 'd') ? BE_POL_ANY : BE_POL_REG;
        if (o.kind == BE_OK_VREG && o.vreg >= 0 && o.vreg < fn->nvregs) o.cls = fn->vreg_cls[o.vreg];
        fn->ops[fn->nops++] = o;
    }
    return ins;
}

void be_lir_annotate(BeLirFn *fn, BeInstr *ins, int32_t node, int32_t bc, const char *note) {
    if (!ins) return;
    ins->node = node;
    ins->bc = bc;
    ins->note = note ? be_lir_strdup(fn, note) : NULL;
}

void be_lir_phi(BeLirFn *fn, int32_t block, int32_t dst, const BePhiIn *in, uint32_t nin) {
    if (block < 0 || block >= fn->nblocks) return;
    BeBlock *b = &fn->blocks[block];
    GROW(b->phis, b->capphis, b->nphis + 1);
    GROW(fn->phi_ins, fn->capphi_ins, fn->nphi_ins + nin);
    b->phis[b->nphis++] = (BePhi){.dst = dst, .first_in = fn->nphi_ins, .nin = nin};
    memcpy(&fn->phi_ins[fn->nphi_ins], in, nin * sizeof *in);
    fn->nphi_ins += nin;
}

/* ---- edges and loops -------------------------------------------------------------- */
static void add_pred(BeBlock *b, int32_t p) {
    uint32_t cap = (uint32_t)b->cappreds;
    GROW(b->preds, cap, (uint32_t)b->npreds + 1);
    b->cappreds = (int32_t)cap;
    b->preds[b->npreds++] = p;
}

static bool fail(BeLirFn *fn, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(BeLirFn *fn, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(fn->error, sizeof fn->error, fmt, ap);
    va_end(ap);
    return false;
}

static void compute_loops(BeLirFn *fn, int32_t entry) {
    int32_t n = fn->nblocks;
    uint8_t *state = calloc((size_t)n, 1); /* 0 new, 1 on stack, 2 done */
    int32_t *stack = malloc(sizeof(int32_t) * (size_t)n * 2 + 2);
    int32_t *work = malloc(sizeof(int32_t) * (size_t)n + 1);
    uint8_t *inloop = malloc((size_t)n + 1);
    if (!state || !stack || !work || !inloop) abort();
    for (int32_t i = 0; i < n; i++) { fn->blocks[i].loop_depth = 0; fn->blocks[i].loop_header = -1; }
    int32_t sp = 0;
    stack[sp++] = entry; stack[sp++] = 0;
    state[entry] = 1;
    while (sp > 0) {
        int32_t b = stack[sp - 2], k = stack[sp - 1];
        BeBlock *bb = &fn->blocks[b];
        if (k >= bb->nsucc) { state[b] = 2; sp -= 2; continue; }
        stack[sp - 1] = k + 1;
        int32_t s = bb->succ[k];
        if (state[s] == 0) { state[s] = 1; stack[sp++] = s; stack[sp++] = 0; }
        else if (state[s] == 1) {
            /* back edge b -> s: collect the natural loop of s */
            memset(inloop, 0, (size_t)n);
            inloop[s] = 1;
            int32_t w = 0;
            if (!inloop[b]) { inloop[b] = 1; work[w++] = b; }
            while (w > 0) {
                BeBlock *x = &fn->blocks[work[--w]];
                for (int32_t p = 0; p < x->npreds; p++)
                    if (!inloop[x->preds[p]]) { inloop[x->preds[p]] = 1; work[w++] = x->preds[p]; }
            }
            for (int32_t i = 0; i < n; i++)
                if (inloop[i]) {
                    fn->blocks[i].loop_depth++;
                    if (fn->blocks[i].loop_header < 0 || i != s) fn->blocks[i].loop_header = s;
                }
        }
    }
    free(state); free(stack); free(work); free(inloop);
}

bool be_lir_finish(BeLirFn *fn) {
    if (fn->nblocks == 0) return fail(fn, "function has no blocks");
    for (int32_t i = 0; i < fn->nblocks; i++) {
        BeBlock *b = &fn->blocks[i];
        b->nsucc = 0;
        b->succ[0] = b->succ[1] = -1;
        b->npreds = 0;
    }
    for (int32_t i = 0; i < fn->nblocks; i++) {
        BeBlock *b = &fn->blocks[i];
        if (b->nins == 0) continue;
        BeInstr *t = &b->ins[b->nins - 1];
        if (!(be_op_info[t->op].flags & BE_OPF_BRANCH)) continue;
        for (uint32_t k = 0; k < t->nops && b->nsucc < 2; k++) {
            BeOperand *o = be_lir_op(fn, t, k);
            if (o->kind != BE_OK_LABEL) continue;
            if (o->reg < 0 || o->reg >= fn->nblocks) return fail(fn, "B%d: jump to a missing block", i);
            b->succ[b->nsucc++] = o->reg;
            add_pred(&fn->blocks[o->reg], i);
        }
    }
    /* The linear order keeps the given order (creation order by default) but
     * drops blocks that cannot be reached from the first one. */
    int32_t entry = fn->norder > 0 ? fn->order[0] : 0;
    if (entry < 0 || entry >= fn->nblocks) return fail(fn, "bad entry block");
    uint8_t *seen = calloc((size_t)fn->nblocks, 1);
    int32_t *work = malloc(sizeof(int32_t) * (size_t)fn->nblocks);
    if (!seen || !work) abort();
    int32_t w = 0;
    seen[entry] = 1;
    work[w++] = entry;
    while (w > 0) {
        BeBlock *b = &fn->blocks[work[--w]];
        for (int32_t k = 0; k < b->nsucc; k++)
            if (!seen[b->succ[k]]) { seen[b->succ[k]] = 1; work[w++] = b->succ[k]; }
    }
    int32_t *order = malloc(sizeof(int32_t) * (size_t)fn->nblocks);
    if (!order) abort();
    int32_t n = 0;
    if (fn->norder > 0) {
        for (int32_t i = 0; i < fn->norder; i++)
            if (fn->order[i] >= 0 && fn->order[i] < fn->nblocks && seen[fn->order[i]] == 1) {
                order[n++] = fn->order[i];
                seen[fn->order[i]] = 2;
            }
    }
    for (int32_t i = 0; i < fn->nblocks; i++)
        if (seen[i] == 1) { order[n++] = i; seen[i] = 2; }
    /* Predecessors that are unreachable do not count. */
    for (int32_t i = 0; i < fn->nblocks; i++) {
        BeBlock *b = &fn->blocks[i];
        int32_t m = 0;
        for (int32_t p = 0; p < b->npreds; p++)
            if (seen[b->preds[p]]) b->preds[m++] = b->preds[p];
        b->npreds = m;
    }
    free(fn->order);
    fn->order = order;
    fn->norder = n;
    free(seen);
    free(work);
    compute_loops(fn, entry);
    return true;
}

/* ---- verification -------------------------------------------------------------------- */
static int phi_input(const BeLirFn *fn, const BePhi *phi, int32_t pred) {
    for (uint32_t k = 0; k < phi->nin; k++)
        if (fn->phi_ins[phi->first_in + k].pred == pred) return fn->phi_ins[phi->first_in + k].vreg;
    return -1;
}

static bool operand_ok(BeLirFn *fn, const BeInstr *ins, const BeOperand *o, char l, int32_t bi) {
    const char *nm = be_op_info[ins->op].name;
    bool reg = o->kind == BE_OK_VREG || o->kind == BE_OK_PREG;
    if (o->kind == BE_OK_VREG && (o->vreg < 0 || o->vreg >= fn->nvregs))
        return fail(fn, "B%d %s: unknown vreg v%d", bi, nm, o->vreg);
    if (o->kind == BE_OK_PREG && (o->reg < 0 || o->reg >= BE_NREGS))
        return fail(fn, "B%d %s: bad register %d", bi, nm, o->reg);
    switch (l) {
    case 'D': case 'U': if (!reg) return fail(fn, "B%d %s: operand must be a register", bi, nm); break;
    case 'd': if (!reg && o->kind != BE_OK_SLOT) return fail(fn, "B%d %s: bad destination", bi, nm); break;
    case 'u':
        if (!reg && o->kind != BE_OK_SLOT && o->kind != BE_OK_IMM)
            return fail(fn, "B%d %s: bad source operand", bi, nm);
        break;
    case 'i': if (o->kind != BE_OK_IMM) return fail(fn, "B%d %s: operand must be an immediate", bi, nm); break;
    case 'f': if (o->kind != BE_OK_F64) return fail(fn, "B%d %s: operand must be a float64 constant", bi, nm); break;
    case 'L':
        if (o->kind != BE_OK_LABEL || o->reg < 0 || o->reg >= fn->nblocks)
            return fail(fn, "B%d %s: operand must be a block", bi, nm);
        break;
    case 'X':
        if (o->kind != BE_OK_DEOPT || o->reg < 0 || (uint32_t)o->reg >= fn->deopt.npoints)
            return fail(fn, "B%d %s: operand must be a deopt point", bi, nm);
        break;
    case 't': if (!reg && o->kind != BE_OK_SYM) return fail(fn, "B%d %s: bad call target", bi, nm); break;
    default: return fail(fn, "B%d %s: too many operands", bi, nm);
    }
    return true;
}

/* Register class an operand of a fixed-shape instruction must have; -1 = any. */
static int expected_cls(const BeInstr *ins, uint32_t i) {
    switch (be_op_info[ins->op].form) {
    case BE_FORM_ALU: case BE_FORM_UNARY: case BE_FORM_SETCC: return BE_GPR;
    case BE_FORM_SSE: case BE_FORM_F64C: return BE_XMM;
    case BE_FORM_CMP: return ins->op == BE_FCMP ? BE_XMM : BE_GPR;
    case BE_FORM_LOAD: return i == 0 && ins->op == BE_LOADF64 ? BE_XMM : BE_GPR;
    case BE_FORM_STORE: return i == 0 && ins->op == BE_STOREF64 ? BE_XMM : BE_GPR;
    case BE_FORM_CVT:
        if (ins->op == BE_FSQRT) return BE_XMM;
        if (ins->op == BE_I2F) return i == 0 ? BE_XMM : BE_GPR;
        if (ins->op == BE_F2I) return i == 0 ? BE_GPR : BE_XMM;
        return BE_GPR;
    default: return -1;
    }
}

bool be_lir_verify(BeLirFn *fn) {
    for (int32_t oi = 0; oi < fn->norder; oi++) {
        int32_t bi = fn->order[oi];
        BeBlock *b = &fn->blocks[bi];
        if (b->nins == 0) return fail(fn, "B%d is empty (it needs a terminator)", bi);
        for (uint32_t k = 0; k < b->nins; k++) {
            BeInstr *ins = &b->ins[k];
            const BeOpInfo *info = &be_op_info[ins->op];
            bool term = info->flags & BE_OPF_TERM;
            if (term != (k == b->nins - 1))
                return fail(fn, "B%d: %s %s", bi, info->name,
                            term ? "terminates the block early" : "cannot end a block");
            bool variadic;
            uint32_t fixed = sig_fixed(info->sig, &variadic);
            if (ins->nops < fixed || (!variadic && ins->nops != fixed))
                return fail(fn, "B%d %s: %u operands, signature \"%s\"", bi, info->name, ins->nops, info->sig);
            for (uint32_t i = 0; i < ins->nops; i++) {
                BeOperand *o = be_lir_op(fn, ins, i);
                char l = sig_letter(info->sig, i);
                if (i >= fixed && (o->role == BE_ROLE_DEF || o->role == BE_ROLE_TEMP)) l = 'D';
                if (!operand_ok(fn, ins, o, l, bi)) return false;
                int ec = expected_cls(ins, i);
                if (ec >= 0 && (o->kind == BE_OK_VREG || o->kind == BE_OK_PREG) && o->cls != ec)
                    return fail(fn, "B%d %s: operand %u has the wrong register class", bi, info->name, i);
            }
            if ((ins->op == BE_JCC || ins->op == BE_SETCC || ins->op == BE_DEOPT_IF) &&
                (ins->cc == BE_CC_NONE || ins->cc >= BE_CC__COUNT))
                return fail(fn, "B%d %s: needs a condition code", bi, info->name);
            if (ins->op == BE_JCC && be_lir_op(fn, ins, 0)->reg == be_lir_op(fn, ins, 1)->reg)
                return fail(fn, "B%d: jcc with both targets B%d", bi, be_lir_op(fn, ins, 0)->reg);
        }
        for (uint32_t p = 0; p < b->nphis; p++) {
            BePhi *phi = &b->phis[p];
            if (phi->dst < 0 || phi->dst >= fn->nvregs) return fail(fn, "B%d: phi defines a bad vreg", bi);
            for (int32_t k = 0; k < b->npreds; k++) {
                int v = phi_input(fn, phi, b->preds[k]);
                if (v < 0 || v >= fn->nvregs)
                    return fail(fn, "B%d: phi v%d has no input from B%d", bi, phi->dst, b->preds[k]);
                if (fn->vreg_cls[v] != fn->vreg_cls[phi->dst])
                    return fail(fn, "B%d: phi v%d mixes register classes", bi, phi->dst);
            }
        }
    }
    return true;
}

int be_lir_phi_input(const BeLirFn *fn, const BePhi *phi, int32_t pred) { return phi_input(fn, phi, pred); }

/* ---- critical edges ------------------------------------------------------------------- */
/* Puts a new block holding only a jump on the edge from block bi to its
 * successor si: the branch and si's phi inputs are redirected to it. */
int32_t be_lir_split_edge(BeLirFn *fn, int32_t bi, int32_t si) {
    int32_t ni = be_lir_block(fn);
    BE_EMIT(fn, ni, JMP, be_label(si));
    BeBlock *b = &fn->blocks[bi];
    BeInstr *t = &b->ins[b->nins - 1];
    for (uint32_t i = 0; i < t->nops; i++) {
        BeOperand *o = be_lir_op(fn, t, i);
        if (o->kind == BE_OK_LABEL && o->reg == si) { o->reg = ni; break; }
    }
    BeBlock *s = &fn->blocks[si];
    for (uint32_t p = 0; p < s->nphis; p++)
        for (uint32_t q = 0; q < s->phis[p].nin; q++)
            if (fn->phi_ins[s->phis[p].first_in + q].pred == bi)
                fn->phi_ins[s->phis[p].first_in + q].pred = ni;
    fn->blocks[ni].note = "edge";
    return ni;
}

void be_lir_split_critical_edges(BeLirFn *fn) {
    int32_t norder = fn->norder;
    bool changed = false;
    for (int32_t oi = 0; oi < norder; oi++) {
        int32_t bi = fn->order[oi];
        if (fn->blocks[bi].nsucc < 2) continue;
        for (int32_t k = 0; k < 2; k++) {
            int32_t si = fn->blocks[bi].succ[k];
            if (fn->blocks[si].npreds < 2) continue;
            be_lir_split_edge(fn, bi, si);
            changed = true;
        }
    }
    if (changed) {
        /* keep the old order, new blocks go last */
        int32_t *order = malloc(sizeof(int32_t) * (size_t)fn->nblocks);
        if (!order) abort();
        memcpy(order, fn->order, sizeof(int32_t) * (size_t)fn->norder);
        int32_t n = fn->norder;
        for (int32_t i = 0; i < fn->nblocks; i++) {
            bool in = false;
            for (int32_t j = 0; j < fn->norder && !in; j++) in = fn->order[j] == i;
            if (!in) order[n++] = i;
        }
        free(fn->order);
        fn->order = order;
        fn->norder = n;
        be_lir_finish(fn);
    }
}

void be_lir_number(BeLirFn *fn) {
    int32_t pos = 0;
    for (int32_t oi = 0; oi < fn->norder; oi++) {
        BeBlock *b = &fn->blocks[fn->order[oi]];
        b->from = pos;
        for (uint32_t k = 0; k < b->nins; k++) {
            b->ins[k].id = pos + 1;
            pos += 2;
        }
        b->to = pos;
    }
}

int32_t be_slot_offset(const BeLirFn *fn, int32_t slot) {
    int ncs = __builtin_popcount(fn->used_callee_saved);
    return -8 * ncs - 8 * (slot + 1);
}

/* ---- printing ---------------------------------------------------------------------------- */
int be_lir_format_operand(char *buf, size_t n, const BeLirFn *fn, const BeOperand *o) {
    const char *fx = o->cls == BE_XMM ? "f" : "";
    int k;
    switch (o->kind) {
    case BE_OK_VREG: return snprintf(buf, n, "%sv%d", fx, o->vreg);
    case BE_OK_PREG: k = snprintf(buf, n, "%s", be_reg_info[o->reg].name64); break;
    case BE_OK_SLOT: k = snprintf(buf, n, "s%d", o->reg); break;
    case BE_OK_IMM: return snprintf(buf, n, "#%lld", (long long)o->imm);
    case BE_OK_F64: { double d; memcpy(&d, &o->imm, 8); return snprintf(buf, n, "#%.17g", d); }
    case BE_OK_LABEL: return snprintf(buf, n, "B%d", o->reg);
    case BE_OK_DEOPT: return snprintf(buf, n, "deopt%d", o->reg);
    case BE_OK_SYM: return snprintf(buf, n, "%s", o->name ? o->name : "sym");
    default: return snprintf(buf, n, "?");
    }
    (void)fn;
    if (o->vreg >= 0 && k >= 0 && (size_t)k < n)
        k += snprintf(buf + k, n - (size_t)k, "{%sv%d}", fx, o->vreg);
    return k;
}

void be_lir_print_operand(FILE *f, const BeLirFn *fn, const BeOperand *o) {
    char buf[64];
    be_lir_format_operand(buf, sizeof buf, fn, o);
    fputs(buf, f);
}

void be_lir_print_instr(FILE *f, BeLirFn *fn, const BeInstr *ins) {
    const BeOpInfo *info = &be_op_info[ins->op];
    int col = fprintf(f, "  %4d  ", ins->id);
    if (ins->op == BE_JCC || ins->op == BE_SETCC || ins->op == BE_DEOPT_IF)
        col += fprintf(f, "%s.%s", info->name, be_cc_name[ins->cc]);
    else
        col += fprintf(f, "%s", info->name);
    for (uint32_t i = 0; i < ins->nops; i++) {
        BeOperand *o = be_lir_op(fn, ins, i);
        col += fprintf(f, i ? ", " : " ");
        char buf[64];
        be_lir_format_operand(buf, sizeof buf, fn, o);
        col += fprintf(f, "%s%s", o->role == BE_ROLE_TEMP ? "temp " : "", buf);
    }
    if (ins->node >= 0 || ins->bc >= 0 || ins->note || (ins->iflags & BE_IF_ALLOC)) {
        for (; col < 44; col++) fputc(' ', f);
        fprintf(f, " #");
        if (ins->iflags & BE_IF_ALLOC) fprintf(f, " regalloc");
        if (ins->node >= 0) fprintf(f, " n%d", ins->node);
        if (ins->note) fprintf(f, " %s", ins->note);
        if (ins->bc >= 0) fprintf(f, " @bc %d", ins->bc);
    }
    fputc('\n', f);
}

void be_lir_print(FILE *f, BeLirFn *fn) {
    fprintf(f, "LIR %s: %d blocks, %d vregs", fn->name, fn->norder, fn->nvregs);
    if (fn->allocated) fprintf(f, ", %d spill slots", fn->nslots);
    fputc('\n', f);
    for (int32_t oi = 0; oi < fn->norder; oi++) {
        BeBlock *b = &fn->blocks[fn->order[oi]];
        fprintf(f, "B%d", b->id);
        if (b->loop_depth) fprintf(f, " (loop depth %d)", b->loop_depth);
        if (b->note) fprintf(f, " [%s]", b->note);
        if (b->npreds) {
            fprintf(f, "  <-");
            for (int32_t p = 0; p < b->npreds; p++) fprintf(f, " B%d", b->preds[p]);
        }
        if (b->nsucc) {
            fprintf(f, "  ->");
            for (int32_t s = 0; s < b->nsucc; s++) fprintf(f, " B%d", b->succ[s]);
        }
        fputc('\n', f);
        for (uint32_t p = 0; p < b->nphis; p++) {
            BePhi *phi = &b->phis[p];
            const char *fx = fn->vreg_cls[phi->dst] == BE_XMM ? "f" : "";
            fprintf(f, "        %sv%d = phi", fx, phi->dst);
            for (int32_t k = 0; k < b->npreds; k++)
                fprintf(f, "%s B%d: %sv%d", k ? "," : "", b->preds[k], fx, phi_input(fn, phi, b->preds[k]));
            fputc('\n', f);
        }
        for (uint32_t k = 0; k < b->nins; k++) be_lir_print_instr(f, fn, &b->ins[k]);
    }
}
