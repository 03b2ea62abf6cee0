/* ir_build.c — the graph builder's control flow and SSA construction.
 *
 * Follows Braun et al. 2013 ("Simple and Efficient Construction of Static
 * Single Assignment Form", CC 2013), Algorithms 1-4: readVariable /
 * writeVariable per block, incomplete phis in unsealed blocks, sealBlock
 * when the last predecessor is known, tryRemoveTrivialPhi (with a
 * forwarding table instead of rewriting the definition maps). Blocks are
 * filled in bytecode order, so every forward predecessor is known when a
 * block starts; only loop headers wait for their back edges.
 *
 * The effect chain is one more variable: an EffectPhi appears exactly
 * where two different effects meet, as a Phi does for a register.
 * Per-bytecode translation is in ir_build_ops.c.
 */
#include "ir_build_internal.h"

#include <stdlib.h>
#include <string.h>

void bld_bail(Builder *b, IrBailout why) {
    if (b->bailout == IR_BAILOUT_None) {
        b->bailout = why;
        b->bail_at = b->pc;
    }
}

NodeId bld_ctl(Builder *b) { return b->blocks[b->cur].ctl; }

/* ---- SSA (Braun et al., Algorithms 1-4) ------------------------------------------- */

static NodeId resolve(Builder *b, NodeId n) {
    while (n < b->fwd_cap && b->fwd[n]) n = b->fwd[n];
    return n;
}

static void set_fwd(Builder *b, NodeId from, NodeId to) {
    if (from >= b->fwd_cap) {
        uint32_t c = b->g->node_cap > from + 1 ? b->g->node_cap : from + 1;
        b->fwd = ir_xrealloc(b->fwd, c * sizeof(NodeId));
        memset(b->fwd + b->fwd_cap, 0, (c - b->fwd_cap) * sizeof(NodeId));
        b->fwd_cap = c;
    }
    b->fwd[from] = to;
}

static NodeId *def_slot(Builder *b, uint32_t blk, uint32_t var) { return &b->defs[(size_t)blk * b->nvars + var]; }

static NodeId read_var(Builder *b, uint32_t blk, uint32_t var);

static NodeId new_phi(Builder *b, uint32_t blk, uint32_t var) {
    NodeId ctl = b->blocks[blk].ctl;
    NodeId phi = ir_node_new(b->g, var == var_eff(b) ? IR_EffectPhi : IR_Phi, 1, 0, 0, 0, &ctl);
    ir_node(b->g, phi)->bc_offset = b->blocks[blk].start;
    return phi;
}

static NodeId try_remove_trivial(Builder *b, NodeId phi) {
    Graph *g = b->g;
    bool eff = ir_op(g, phi) == IR_EffectPhi;
    uint32_t cnt = eff ? ir_neff(g, phi) : ir_nval(g, phi);
    NodeId same = IR_NONE;
    for (uint32_t i = 0; i < cnt; i++) {
        NodeId op = resolve(b, ir_in(g, phi, 1 + i));
        if (op == same || op == phi) continue;
        if (same != IR_NONE) return phi;     /* merges two values: not trivial */
        same = op;
    }
    if (same == IR_NONE) same = eff ? g->start : ir_constant(g, RT_UNDEFINED);  /* unreachable */
    uint32_t nu;
    NodeId *users = ir_uses_copy(g, phi, &nu);
    ir_replace_uses(g, phi, same);
    set_fwd(b, phi, same);
    ir_kill(g, phi);
    for (uint32_t i = 0; i < nu; i++) {
        NodeId u = users[i];
        /* Only complete phis may be simplified: an incomplete one has no operands yet. */
        if (u != phi && ir_is_live(g, u) && (ir_op(g, u) == IR_Phi || ir_op(g, u) == IR_EffectPhi) &&
            !(ir_node(g, u)->flags & IRN_INCOMPLETE))
            try_remove_trivial(b, u);
    }
    free(users);
    return same;
}

static NodeId add_operands(Builder *b, uint32_t blk, uint32_t var, NodeId phi) {
    BBlock *bb = &b->blocks[blk];
    for (uint32_t i = 0; i < bb->npreds; i++) {
        NodeId v = read_var(b, bb->preds[i], var);
        ir_add_input(b->g, phi, v);
    }
    return try_remove_trivial(b, phi);
}

static NodeId read_var(Builder *b, uint32_t blk, uint32_t var) {
    NodeId d = *def_slot(b, blk, var);
    if (d) {
        d = resolve(b, d);
        *def_slot(b, blk, var) = d;
        return d;
    }
    BBlock *bb = &b->blocks[blk];
    NodeId val;
    if (!bb->sealed) {
        NodeId phi = new_phi(b, blk, var);
        ir_node(b->g, phi)->flags |= IRN_INCOMPLETE;
        if (bb->ninc == bb->inc_cap) {
            bb->inc_cap = bb->inc_cap ? bb->inc_cap * 2 : 8;
            bb->inc_var = ir_xrealloc(bb->inc_var, bb->inc_cap * sizeof(uint32_t));
            bb->inc_phi = ir_xrealloc(bb->inc_phi, bb->inc_cap * sizeof(NodeId));
        }
        bb->inc_var[bb->ninc] = var;
        bb->inc_phi[bb->ninc++] = phi;
        val = phi;
    } else if (bb->npreds == 1) {
        val = read_var(b, bb->preds[0], var);
    } else if (bb->npreds == 0) {
        val = var == var_eff(b) ? b->g->start : ir_constant(b->g, RT_UNDEFINED);
    } else {
        NodeId phi = new_phi(b, blk, var);
        *def_slot(b, blk, var) = phi;     /* breaks cycles through the loop */
        val = add_operands(b, blk, var, phi);
    }
    *def_slot(b, blk, var) = val;
    return val;
}

static void seal(Builder *b, uint32_t blk) {
    BBlock *bb = &b->blocks[blk];
    if (bb->sealed) return;
    bb->sealed = true;   /* before completing: reads inside now go through the predecessors */
    for (uint32_t i = 0; i < bb->ninc; i++) {
        NodeId phi = resolve(b, bb->inc_phi[i]);
        if (ir_is_live(b->g, phi) && (ir_op(b->g, phi) == IR_Phi || ir_op(b->g, phi) == IR_EffectPhi)) {
            ir_node(b->g, phi)->flags &= (uint8_t)~IRN_INCOMPLETE;
            add_operands(b, blk, bb->inc_var[i], phi);
        }
    }
    bb->ninc = 0;
}

NodeId bld_read(Builder *b, uint32_t var) { return read_var(b, b->cur, var); }
void bld_write(Builder *b, uint32_t var, NodeId v) { *def_slot(b, b->cur, var) = v; }

NodeId bld_frame_state(Builder *b, bool after) {
    NodeId *cache = after ? &b->fs_after : &b->fs_at;
    if (*cache && ir_is_live(b->g, *cache)) return *cache;
    uint32_t n = b->nregs + 3;
    NodeId *in = ir_xmalloc(n * sizeof(NodeId));
    for (uint32_t r = 0; r < b->nregs; r++) in[r] = bld_read(b, r);
    in[b->nregs] = bld_read(b, var_acc(b));
    in[b->nregs + 1] = bld_read(b, var_ctx(b));
    in[b->nregs + 2] = bld_read(b, var_recv(b));
    NodeId fs = ir_node_new(b->g, IR_FrameState, 0, 0, n, 0, in);
    free(in);
    IrNode *x = ir_node(b->g, fs);
    x->aux.fs.bc_offset = b->pc;
    x->aux.fs.nregs = (uint16_t)b->nregs;
    x->aux.fs.flags = after ? IR_FS_AFTER : 0;
    x->aux.fs.fn = b->bf;
    x->bc_offset = b->pc;
    *cache = fs;
    return fs;
}

/* ---- edges ----------------------------------------------------------------------------- */

static void start_block(Builder *b, uint32_t blk);

/* An edge into blk that will never be taken. */
static void kill_edge(Builder *b, uint32_t blk) {
    BBlock *s = &b->blocks[blk];
    if (s->pending) s->pending--;
    if (s->pending == 0 && s->started) seal(b, blk);
}

void bld_edge(Builder *b, uint32_t k, NodeId ctl) {
    BBlock *bb = &b->blocks[b->cur];
    if (k >= bb->nsucc) return;
    uint32_t blk = bb->succ[k];
    BBlock *s = &b->blocks[blk];
    if (s->npreds == s->pred_cap) {
        s->pred_cap = s->pred_cap ? s->pred_cap * 2 : 4;
        s->preds = ir_xrealloc(s->preds, s->pred_cap * sizeof(uint32_t));
        s->pred_ctl = ir_xrealloc(s->pred_ctl, s->pred_cap * sizeof(NodeId));
    }
    s->preds[s->npreds] = b->cur;
    s->pred_ctl[s->npreds++] = ctl;
    if (s->pending) s->pending--;
    if (s->started) {
        /* A back edge into a loop header already being built. */
        ir_add_input(b->g, s->ctl, ctl);
        if (s->pending == 0) seal(b, blk);
    }
}

void bld_end_path(Builder *b, NodeId terminator) {
    if (terminator) ir_add_input(b->g, b->g->end, terminator);
    b->ended = true;
}

/* ---- the control-flow pre-pass ---------------------------------------------------------- */

static bool decode_cfg(Builder *b) {
    BytecodeFunction *bf = b->bf;
    uint32_t len = bf->code_len;
    b->insn_start = ir_xcalloc(len + 1, 1);
    uint8_t *leader = ir_xcalloc(len + 1, 1);
    leader[0] = 1;
    for (uint32_t pc = 0; pc < len;) {
        uint8_t op = bf->code[pc];
        if (op >= BC__COUNT) { b->pc = pc; free(leader); bld_bail(b, IR_BAILOUT_BadBytecode); return false; }
        uint32_t ilen = (uint32_t)rt_bytecode_length((Bytecode)op);
        if (pc + ilen > len) { b->pc = pc; free(leader); bld_bail(b, IR_BAILOUT_BadBytecode); return false; }
        b->insn_start[pc] = 1;
        uint8_t fl = rt_bytecode_info[op].flags;
        if (fl & (BCF_JUMP | BCF_TERM)) leader[pc + ilen] = 1;
        pc += ilen;
    }
    /* Jump targets must be instruction starts. */
    for (uint32_t pc = 0; pc < len; pc += (uint32_t)rt_bytecode_length((Bytecode)bf->code[pc])) {
        uint8_t op = bf->code[pc];
        if (!(rt_bytecode_info[op].flags & BCF_JUMP)) continue;
        uint32_t t = rt_bc_u32(bf->code + pc + 1);
        if (t >= len || !b->insn_start[t]) { b->pc = pc; free(leader); bld_bail(b, IR_BAILOUT_BadBytecode); return false; }
        leader[t] = 1;
    }
    uint32_t n = 0;
    for (uint32_t pc = 0; pc < len; pc++) n += leader[pc] && b->insn_start[pc];
    if (n > IR_BUILD_MAX_BLOCKS) { free(leader); bld_bail(b, IR_BAILOUT_TooManyBlocks); return false; }
    b->nblocks = n;
    b->entry = n;
    b->blocks = ir_xcalloc(n + 1, sizeof(BBlock));
    b->block_at = ir_xmalloc((len + 1) * sizeof(int32_t));
    for (uint32_t pc = 0; pc <= len; pc++) b->block_at[pc] = -1;
    uint32_t k = 0;
    for (uint32_t pc = 0; pc < len; pc++) {
        if (!(leader[pc] && b->insn_start[pc])) continue;
        if (k) b->blocks[k - 1].end = pc;
        b->blocks[k].start = pc;
        b->block_at[pc] = (int32_t)k++;
    }
    if (k) b->blocks[k - 1].end = len;
    free(leader);
    /* Successors: conditional jumps list the fall-through first, the target second. */
    for (uint32_t i = 0; i < n; i++) {
        BBlock *bb = &b->blocks[i];
        uint32_t last = bb->start, pc = bb->start;
        while (pc < bb->end) { last = pc; pc += (uint32_t)rt_bytecode_length((Bytecode)bf->code[pc]); }
        uint8_t op = bf->code[last];
        uint8_t fl = rt_bytecode_info[op].flags;
        uint32_t next = last + (uint32_t)rt_bytecode_length((Bytecode)op);
        if (!(fl & BCF_TERM)) {
            if (next >= len) { b->pc = last; bld_bail(b, IR_BAILOUT_BadBytecode); return false; }
            bb->succ[bb->nsucc++] = (uint32_t)b->block_at[next];
        }
        if (fl & BCF_JUMP) bb->succ[bb->nsucc++] = (uint32_t)b->block_at[rt_bc_u32(bf->code + last + 1)];
    }
    /* Reachability, incoming edge counts, loop headers. */
    uint32_t *stack = ir_xmalloc((n + 1) * sizeof(uint32_t));
    uint32_t sp = 0;
    if (n) { b->blocks[0].reachable = true; stack[sp++] = 0; }
    while (sp) {
        uint32_t i = stack[--sp];
        for (uint32_t s = 0; s < b->blocks[i].nsucc; s++) {
            uint32_t t = b->blocks[i].succ[s];
            if (!b->blocks[t].reachable) { b->blocks[t].reachable = true; stack[sp++] = t; }
        }
    }
    free(stack);
    for (uint32_t i = 0; i < n; i++) {
        if (!b->blocks[i].reachable) continue;
        for (uint32_t s = 0; s < b->blocks[i].nsucc; s++) {
            uint32_t t = b->blocks[i].succ[s];
            b->blocks[t].expected++;
            if (i >= t) b->blocks[t].loop_header = true;
        }
    }
    b->blocks[0].expected++;   /* the function entry */
    for (uint32_t i = 0; i <= n; i++) b->blocks[i].pending = b->blocks[i].expected;
    return true;
}

/* ---- filling blocks ---------------------------------------------------------------------- */

static void start_block(Builder *b, uint32_t blk) {
    BBlock *bb = &b->blocks[blk];
    Graph *g = b->g;
    bb->started = true;
    if (bb->loop_header) {
        if (bb->npreds != 1) {
            b->pc = bb->start;
            bld_bail(b, IR_BAILOUT_IrreducibleLoop);
            return;
        }
        bb->ctl = IR_NEW(g, IR_Loop, bb->pred_ctl[0]);
        ir_node(g, bb->ctl)->bc_offset = bb->start;
        if (bb->pending == 0) seal(b, blk);
    } else if (bb->npreds == 1) {
        bb->ctl = bb->pred_ctl[0];
        seal(b, blk);
    } else {
        bb->ctl = ir_newv(g, IR_Region, bb->pred_ctl, bb->npreds);
        ir_node(g, bb->ctl)->bc_offset = bb->start;
        seal(b, blk);
    }
}

static void fill_block(Builder *b, uint32_t blk) {
    BBlock *bb = &b->blocks[blk];
    b->cur = blk;
    b->ended = false;
    start_block(b, blk);
    if (b->bailout != IR_BAILOUT_None) return;
    uint32_t pc = bb->start;
    bool fell_off = true;
    uint32_t edges_before[2] = {0, 0};
    for (uint32_t k = 0; k < bb->nsucc; k++) edges_before[k] = b->blocks[bb->succ[k]].npreds;
    while (pc < bb->end && b->bailout == IR_BAILOUT_None) {
        Bytecode op = (Bytecode)b->bf->code[pc];
        b->pc = pc;
        b->fs_at = b->fs_after = IR_NONE;
        if (!bld_translate(b, op, b->bf->code + pc + 1)) { fell_off = false; break; }
        if (b->g->live_count > IR_BUILD_MAX_NODES) { bld_bail(b, IR_BAILOUT_TooLarge); return; }
        pc += (uint32_t)rt_bytecode_length(op);
    }
    if (b->bailout != IR_BAILOUT_None) return;
    if (fell_off && !b->ended && bb->nsucc == 1) bld_edge(b, 0, bld_ctl(b));
    /* Edges the block did not take (it ended in a deopt or return) are dead. */
    for (uint32_t k = 0; k < bb->nsucc; k++) {
        uint32_t s = bb->succ[k];
        bool sent = false;
        BBlock *sb = &b->blocks[s];
        for (uint32_t i = edges_before[k]; i < sb->npreds && !sent; i++) sent = sb->preds[i] == blk;
        /* When both successors are the same block, two edges must have arrived. */
        if (k == 1 && bb->succ[0] == s) {
            uint32_t c = 0;
            for (uint32_t i = edges_before[0]; i < sb->npreds; i++) c += sb->preds[i] == blk;
            sent = c >= 2;
        }
        if (!sent) kill_edge(b, s);
    }
    bb->done = true;
}

static void free_builder(Builder *b) {
    if (b->blocks) {
        for (uint32_t i = 0; i <= b->nblocks; i++) {
            free(b->blocks[i].preds);
            free(b->blocks[i].pred_ctl);
            free(b->blocks[i].inc_var);
            free(b->blocks[i].inc_phi);
        }
    }
    free(b->blocks);
    free(b->block_at);
    free(b->insn_start);
    free(b->defs);
    free(b->fwd);
}

Graph *ir_build_graph(Runtime *rt, BytecodeFunction *bf, const char *name, IrBailout *why, uint32_t *where) {
    Builder bb = {0};
    Builder *b = &bb;
    b->rt = rt;
    b->bf = bf;
    b->fv = bf ? bf->feedback : NULL;
    b->bailout = IR_BAILOUT_None;
    *why = IR_BAILOUT_None;
    *where = 0;
    if (!bf || !bf->code || bf->code_len == 0) { *why = IR_BAILOUT_NoBytecode; return NULL; }
    if (bf->code_len > IR_BUILD_MAX_CODE) { *why = IR_BAILOUT_TooLarge; return NULL; }
    /* Handlers are not part of the graph: an exception inside a try block
     * deoptimizes, and the interpreter unwinds to the handler. */
    if ((uint32_t)bf->register_count + 4 > IR_BUILD_MAX_VARS) { *why = IR_BAILOUT_TooLarge; return NULL; }
    if (!decode_cfg(b)) goto fail;

    b->g = ir_graph_new(rt, bf, name);
    Graph *g = b->g;
    b->nregs = bf->register_count;
    b->nvars = b->nregs + 4;
    b->defs = ir_xcalloc((size_t)(b->nblocks + 1) * b->nvars, sizeof(NodeId));

    /* The entry pseudo-block defines every variable as the interpreter's frame does. */
    BBlock *e = &b->blocks[b->entry];
    e->started = e->sealed = e->done = true;
    e->ctl = g->start;
    e->nsucc = 1;
    e->succ[0] = 0;
    b->cur = b->entry;
    for (uint32_t r = 0; r < b->nregs; r++) {
        NodeId v;
        if (r < bf->formal_count) {
            v = IR_NEW(g, IR_Parameter, g->start);
            ir_node(g, v)->aux.i32 = (int32_t)r;
            ir_type_update(g, v);
        } else {
            v = ir_constant(g, RT_UNDEFINED);
        }
        bld_write(b, r, v);
    }
    bld_write(b, var_acc(b), ir_constant(g, RT_UNDEFINED));
    NodeId ctx = IR_NEW(g, IR_Parameter, g->start);
    ir_node(g, ctx)->aux.i32 = IR_PARAM_CONTEXT;
    ir_type_update(g, ctx);
    bld_write(b, var_ctx(b), ctx);
    NodeId recv = IR_NEW(g, IR_Parameter, g->start);
    ir_node(g, recv)->aux.i32 = IR_PARAM_THIS;
    ir_type_update(g, recv);
    bld_write(b, var_recv(b), recv);
    bld_write(b, var_eff(b), g->start);
    bld_edge(b, 0, g->start);

    for (uint32_t i = 0; i < b->nblocks && b->bailout == IR_BAILOUT_None; i++) {
        BBlock *blk = &b->blocks[i];
        if (!blk->reachable) continue;
        if (blk->npreds == 0) {
            /* Every way in ended in a deopt or a return: the block is dead. */
            blk->done = true;
            for (uint32_t k = 0; k < blk->nsucc; k++) kill_edge(b, blk->succ[k]);
            continue;
        }
        fill_block(b, i);
    }
    if (b->bailout != IR_BAILOUT_None) goto fail;
    if (ir_nctl(g, g->end) == 0) { b->pc = 0; bld_bail(b, IR_BAILOUT_Unsupported); goto fail; }
    free_builder(b);
    return g;

fail:
    *why = b->bailout;
    *where = b->bail_at;
    ir_graph_free(b->g);
    free_builder(b);
    return NULL;
}
