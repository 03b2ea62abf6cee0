/* rt_bytecode.c — the bytecode table built from rt_bytecode.def, and source
 * position lookup for bytecode offsets. */
#include "rt_bytecode.h"

int rt_operand_width(char kind) {
    return (kind == 'i' || kind == 'j') ? 4 : 2;
}

#define OPLEN(s) (1 + bc_ops_len(s))
static inline int bc_ops_len(const char *s) {
    int n = 0;
    for (; *s; s++) n += (*s == 'i' || *s == 'j') ? 4 : 2;
    return n;
}

const BytecodeInfo rt_bytecode_info[BC__COUNT] = {
#define BC(name, ops, flags) {#name, ops, flags},
#include "rt_bytecode.def"
#undef BC
};

int rt_bytecode_length(Bytecode op) {
    return OPLEN(rt_bytecode_info[op].operands);
}

const SourcePos *rt_bc_position(const BytecodeFunction *bf, uint32_t offset) {
    const SourcePos *best = NULL;
    uint32_t lo = 0, hi = bf->position_count;
    while (lo < hi) {            /* last entry with .offset <= offset */
        uint32_t mid = (lo + hi) / 2;
        if (bf->positions[mid].offset <= offset) {
            best = &bf->positions[mid];
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return best;
}
