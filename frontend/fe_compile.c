/* fe_compile.c — the front end's entry points: source text through the
 * scanner/parser (fe_parse*.c), scope analysis (fe_scope.c) and the
 * bytecode generator (fe_codegen*.c) to a BytecodeFunction, plus the
 * diagnostic printer (file:line:col, the source line and a caret, as
 * compilers and Node.js print them).
 */
#include <stdlib.h>
#include <string.h>
#include "fe_compile.h"
#include "fe_ast.h"
#include "fe_parse.h"
#include "fe_scope.h"
#include "fe_codegen.h"

static void move_diags(FeCompiler *fc, FeDiags *out) {
    if (!out) return;
    for (size_t i = 0; i < fc->diags.count; i++) {
        if (out->count == out->cap) {
            size_t ncap = out->cap ? out->cap * 2 : 4;
            FeDiag *ni = realloc(out->items, ncap * sizeof *ni);
            if (!ni) break;
            out->items = ni;
            out->cap = ncap;
        }
        out->items[out->count++] = fc->diags.items[i];
        fc->diags.items[i].message = NULL;
    }
}

BytecodeFunction *fe_compile(Runtime *rt, const char *filename, const char *src, size_t len,
                             CompileMode mode, const char *params, FeDiags *diags) {
    FeCompiler fc;
    if (!src) { src = ""; len = 0; }
    const char *volatile vsrc = src;
    volatile size_t vlen = len;
    fe_compiler_init(&fc, rt, filename, src, len);
    fc.mode = mode;
    BytecodeFunction *volatile result = NULL;
    jmp_buf jb;
    fc.abort = &jb;
    rt_gc_inhibit(rt, +1);
    if (!setjmp(jb)) {
        FuncNode *top = fe_parse_program(&fc, vsrc, vlen, mode, params);
        if (!fc.error_count) fe_resolve_program(&fc, top);
        if (!fc.error_count) {
            fc.abort = NULL;           /* code generation never abandons half-built buffers */
            fc.script = rt_script_new(rt, fc.filename, vsrc, vlen);
            result = fe_gen_function(&fc, top, NULL);
            if (fc.error_count) result = NULL;
        }
    }
    rt_gc_inhibit(rt, -1);
    if (!result) {
        if (fc.diags.count == 0) fe_error(&fc, 1, 1, "Invalid or unexpected token");
        rt_throw_error(rt, ERR_SyntaxError, "%s", fc.diags.items[0].message);
        move_diags(&fc, diags);
    }
    fe_compiler_free(&fc);
    return result;
}

BytecodeFunction *fe_compile_hook(Runtime *rt, const char *filename, const char *src, size_t len,
                                  CompileMode mode, const char *params) {
    return fe_compile(rt, filename, src, len, mode, params, NULL);
}

void fe_print_diags(const FeDiags *d, const char *filename, const char *src, FILE *f) {
    if (!d) return;
    size_t srclen = src ? strlen(src) : 0;
    for (size_t i = 0; i < d->count; i++) {
        const FeDiag *dg = &d->items[i];
        fprintf(f, "%s:%u:%u: SyntaxError: %s\n", filename ? filename : "<anonymous>", dg->line, dg->col,
                dg->message ? dg->message : "");
        if (!src) continue;
        /* find the line, counting terminators as the scanner does */
        size_t pos = 0;
        uint32_t line = 1;
        while (line < dg->line && pos < srclen) {
            unsigned char c = (unsigned char)src[pos];
            if (c == '\n') { line++; pos++; }
            else if (c == '\r') { line++; pos++; if (pos < srclen && src[pos] == '\n') pos++; }
            else if (c == 0xE2 && pos + 2 < srclen && (unsigned char)src[pos + 1] == 0x80 &&
                     ((unsigned char)src[pos + 2] == 0xA8 || (unsigned char)src[pos + 2] == 0xA9)) { line++; pos += 3; }
            else pos++;
        }
        size_t end = pos;
        while (end < srclen && src[end] != '\n' && src[end] != '\r') end++;
        fprintf(f, "%.*s\n", (int)(end - pos), src + pos);
        uint32_t col = 1;
        for (size_t k = pos; k < end && col < dg->col; k++) {
            unsigned char c = (unsigned char)src[k];
            if ((c & 0xC0) == 0x80) continue;
            fputc(c == '\t' ? '\t' : ' ', f);
            col++;
        }
        while (col < dg->col) { fputc(' ', f); col++; }
        fputs("^\n", f);
    }
}

void fe_diags_free(FeDiags *d) {
    if (!d) return;
    for (size_t i = 0; i < d->count; i++) free(d->items[i].message);
    free(d->items);
    d->items = NULL;
    d->count = d->cap = 0;
}
