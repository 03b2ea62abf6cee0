/* fe_bcprint.c — --print-bytecode: a listing in the style of V8's
 * --print-bytecode. Per function a header (name, parameters, registers,
 * context slots, flags), then one line per instruction: source position
 * marker (S> statement / E> expression) with line:col, the offset, the
 * mnemonic and its operands (a0.. formals, r0.. locals and temporaries,
 * [k] constants shown inline, [sN] feedback slots, @N jump targets), then
 * the constant pool, nested functions, handler table and feedback slots.
 */
#include <stdio.h>
#include <string.h>
#include "fe_compile.h"

static const char *const slot_kind_names[] = {
#define X(n) #n,
    RT_FEEDBACK_KINDS(X)
#undef X
};

static void print_string(FILE *f, Value v, int max) {
    if (!rt_is_string(v)) { fputs("?", f); return; }
    JSString *s = rt_as_string(v);
    fputc('"', f);
    for (uint32_t i = 0; i < s->len; i++) {
        if ((int)i >= max) { fputs("...", f); break; }
        uint16_t c = s->chars[i];
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c == '\n') fputs("\\n", f);
        else if (c == '\t') fputs("\\t", f);
        else if (c >= 0x20 && c < 0x7F) fputc(c, f);
        else fprintf(f, "\\u%04X", c);
    }
    fputc('"', f);
}

static void print_value(FILE *f, Value v) {
    if (rt_is_int(v)) fprintf(f, "%d", rt_as_int(v));
    else if (rt_is_double(v)) {
        char buf[40];
        rt_double_to_cstr(rt_as_double(v), buf);
        fputs(buf, f);
    } else if (rt_is_string(v)) print_string(f, v, 60);
    else fputs("<value>", f);
}

static void print_name(FILE *f, const BytecodeFunction *bf) {
    if (rt_is_string(bf->name) && rt_as_string(bf->name)->len) {
        JSString *s = rt_as_string(bf->name);
        for (uint32_t i = 0; i < s->len && i < 80; i++) {
            uint16_t c = s->chars[i];
            if (c >= 0x20 && c < 0x7F) fputc(c, f);
            else fprintf(f, "\\u%04X", c);
        }
    } else {
        fputs("<anonymous>", f);
    }
}

static void print_reg(FILE *f, const BytecodeFunction *bf, uint32_t r) {
    if (r < bf->formal_count) fprintf(f, "a%u", r);
    else fprintf(f, "r%u", r - bf->formal_count);
}

static void print_flags(FILE *f, uint32_t fl) {
    static const char *const names[] = {"strict", "arrow", "method", "class-ctor", "derived-ctor", "getter",
                                        "setter", "toplevel", "needs-context", "simple-params", "class-fields"};
    bool first = true;
    for (int i = 0; i < 11; i++) {
        if (!(fl & (1u << i))) continue;
        fprintf(f, "%s%s", first ? "" : ", ", names[i]);
        first = false;
    }
    if (first) fputs("none", f);
}

void fe_print_function(Runtime *rt, BytecodeFunction *bf, FILE *f) {
    (void)rt;
    fputs("[bytecode for function ", f);
    print_name(f, bf);
    if (bf->script) fprintf(f, " (%s:%u:%u)", bf->script->filename ? bf->script->filename : "?", bf->line, bf->col);
    fputs("]\n", f);
    fprintf(f, "Parameter count %u (formals %u), register count %u, frame size %u, context slots %u\n",
            bf->param_count, bf->formal_count, bf->register_count, (unsigned)bf->register_count * 8u,
            bf->context_slots);
    fputs("Flags: ", f);
    print_flags(f, bf->flags);
    fprintf(f, "\nBytecode length %u\n", bf->code_len);
    uint32_t pi = 0;
    for (uint32_t off = 0; off < bf->code_len;) {
        Bytecode op = (Bytecode)bf->code[off];
        if (op >= BC__COUNT) { fprintf(f, "  @ %4u : <bad opcode %u>\n", off, bf->code[off]); break; }
        const BytecodeInfo *info = &rt_bytecode_info[op];
        int len = rt_bytecode_length(op);
        if (off + (uint32_t)len > bf->code_len) { fprintf(f, "  @ %4u : <truncated>\n", off); break; }
        while (pi < bf->position_count && bf->positions[pi].offset < off) pi++;
        char mark[32] = "";
        while (pi < bf->position_count && bf->positions[pi].offset == off) {
            const SourcePos *p = &bf->positions[pi];
            snprintf(mark, sizeof mark, "%s %u:%u", p->is_statement ? "S>" : "E>", p->line, p->col);
            pi++;
        }
        fprintf(f, "%14s @ %4u : %s", mark, off, info->name);
        const uint8_t *p = bf->code + off + 1;
        for (const char *k = info->operands; *k; k++) {
            fputs(k == info->operands ? " " : ", ", f);
            switch (*k) {
            case 'r': print_reg(f, bf, rt_bc_u16(p)); p += 2; break;
            case 'k': {
                uint16_t idx = rt_bc_u16(p);
                p += 2;
                fprintf(f, "[%u]", idx);
                if (idx < bf->constant_count) { fputc(' ', f); print_value(f, bf->constants[idx]); }
                break;
            }
            case 'f': {
                uint16_t idx = rt_bc_u16(p);
                p += 2;
                fprintf(f, "[%u]", idx);
                if (idx < bf->function_count) { fputs(" <", f); print_name(f, bf->functions[idx]); fputc('>', f); }
                break;
            }
            case 'i': fprintf(f, "%d", rt_bc_i32(p)); p += 4; break;
            case 'j': fprintf(f, "@%u", rt_bc_u32(p)); p += 4; break;
            case 's': fprintf(f, "[s%u]", rt_bc_u16(p)); p += 2; break;
            default: fprintf(f, "%u", rt_bc_u16(p)); p += 2; break;
            }
        }
        fputc('\n', f);
        off += (uint32_t)len;
    }
    fprintf(f, "Constant pool (size = %u)\n", bf->constant_count);
    for (uint32_t i = 0; i < bf->constant_count; i++) {
        fprintf(f, "  [%u] ", i);
        print_value(f, bf->constants[i]);
        fputc('\n', f);
    }
    if (bf->function_count) {
        fprintf(f, "Nested functions (size = %u)\n", bf->function_count);
        for (uint32_t i = 0; i < bf->function_count; i++) {
            fprintf(f, "  [%u] ", i);
            print_name(f, bf->functions[i]);
            fputc('\n', f);
        }
    }
    fprintf(f, "Handler table (size = %u)\n", bf->handler_count);
    for (uint32_t i = 0; i < bf->handler_count; i++) {
        const HandlerEntry *h = &bf->handlers[i];
        fprintf(f, "  [%u] @%u .. @%u -> @%u (context ", i, h->start, h->end, h->handler);
        print_reg(f, bf, h->context_reg);
        fputs(")\n", f);
    }
    fprintf(f, "Feedback slots (size = %u)\n", bf->slot_count);
    for (uint32_t i = 0; i < bf->slot_count; i++)
        fprintf(f, "  [s%u] %s\n", i, bf->slot_kinds[i] < FS__COUNT ? slot_kind_names[bf->slot_kinds[i]] : "?");
    fputc('\n', f);
}

static bool name_matches(BytecodeFunction *bf, const char *filter) {
    if (!filter || !*filter) return true;
    if (!rt_is_string(bf->name)) return false;
    JSString *s = rt_as_string(bf->name);
    size_t n = strlen(filter);
    if (n != s->len) return false;
    for (size_t i = 0; i < n; i++)
        if (s->chars[i] != (unsigned char)filter[i]) return false;
    return true;
}

static void print_rec(Runtime *rt, BytecodeFunction *bf, FILE *f, const char *filter, int depth) {
    if (depth > 1000) return;
    if (name_matches(bf, filter)) fe_print_function(rt, bf, f);
    for (uint32_t i = 0; i < bf->function_count; i++) print_rec(rt, bf->functions[i], f, filter, depth + 1);
}

void fe_print_bytecode(Runtime *rt, BytecodeFunction *bf, FILE *f) {
    if (!bf) return;
    print_rec(rt, bf, f, rt ? rt->flags.print_bytecode_filter : NULL, 0);
}
