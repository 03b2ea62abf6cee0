/* be_backend.c — the backend pipeline from allocated-to-be LIR to installed
 * code, with the flags that show each step (--print-regalloc, --emit-asm,
 * --emit-obj, --print-code, --trace-opt). See be_backend.h.
 */
#include <stdlib.h>
#include <string.h>
#include "be_backend.h"
#include "be_regalloc.h"
#include "runtime/rt_runtime.h"

void be_options_from_flags(BeOptions *o, const Flags *flags) {
    memset(o, 0, sizeof *o);
    o->print_regalloc = flags->print_regalloc;
    o->print_code = flags->print_code;
    o->trace_opt = flags->trace_opt;
    o->emit_asm_dir = flags->emit_asm;
    o->emit_obj_dir = flags->emit_obj;
}

BeBackend *be_backend_new(const BeOptions *opt, FILE *log) {
    BeBackend *be = calloc(1, sizeof *be);
    if (!be) abort();
    if (opt) be->opt = *opt;
    be->log = log ? log : stderr;
    be->code = be_code_space_new();
    return be;
}

void be_backend_free(BeBackend *be) {
    if (!be) return;
    be_code_space_free(be->code);
    be_mc_free(be->mc);
    free(be);
}

bool be_backend_available(BeBackend *be) {
    if (!be->mc_tried) {
        be->mc_tried = true;
        be->mc = be_mc_new(be->opt.libllvm, be->mc_error, sizeof be->mc_error);
        if (!be->mc && be->opt.trace_opt)
            fprintf(be->log, "[opt] optimizing tier off: %s\n", be->mc_error);
    }
    return be->mc != NULL;
}

BeCodeFn *be_backend_lookup(BeBackend *be, uintptr_t pc) {
    return be_code_lookup(be->code, pc);
}

/* DIR/name-N.ext with the name reduced to [A-Za-z0-9_]. */
static bool write_file(const char *dir, const char *name, uint32_t n, const char *ext,
                       const void *data, size_t size, char *err, size_t errlen) {
    char clean[64], path[4096];
    size_t k = 0;
    for (const char *p = name; *p && k + 1 < sizeof clean; p++)
        clean[k++] = (char)((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                            (*p >= '0' && *p <= '9') ? *p : '_');
    clean[k] = 0;
    snprintf(path, sizeof path, "%s/%s-%u.%s", dir, k ? clean : "anonymous", n, ext);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size) {
        snprintf(err, errlen, "cannot write %s", path);
        if (f) fclose(f);
        return false;
    }
    return fclose(f) == 0;
}

/* The shared deopt exit, assembled and installed on first need. */
static uint64_t deopt_common(BeBackend *be, uint64_t deopt_entry, char *err, size_t errlen) {
    if (!deopt_entry) return 0;
    if (be->deopt_common && be->deopt_common_for == deopt_entry) return be->deopt_common;
    BeStr text = {0};
    be_emit_deopt_common(&text, deopt_entry);
    BeObject obj = {0};
    uint64_t addr = 0;
    if (!text.oom && be_mc_assemble(be->mc, text.s, &obj, err, errlen)) {
        BeCodeBlob *blob = be_code_install(be->code, &obj, NULL, NULL, err, errlen);
        if (blob) addr = be_code_symbol(blob, &obj, BE_DEOPT_COMMON_SYM);
    }
    be_object_free(&obj);
    be_str_free(&text);
    if (addr) { be->deopt_common = addr; be->deopt_common_for = deopt_entry; }
    return addr;
}

bool be_backend_compile_batch(BeBackend *be, BeLirFn **fns, uint32_t n, uint64_t deopt_entry,
                              BeCodeFn **out, char *err, size_t errlen) {
    if (!be_backend_available(be)) {
        snprintf(err, errlen, "%s", be->mc_error);
        return false;
    }
    FILE *ralog = be->opt.print_regalloc ? be->log : NULL;
    for (uint32_t i = 0; i < n; i++)
        if (!fns[i]->allocated && !be_regalloc(fns[i], ralog, err, errlen)) return false;
    BeAsm *as = calloc(n ? n : 1, sizeof *as);
    if (!as) abort();
    BeEmitOptions eo = {.deopt_entry = deopt_entry,
                        .deopt_common = deopt_common(be, deopt_entry, err, errlen),
                        .annotate = be->opt.print_code || be->opt.emit_asm_dir};
    BeStr text = {0};
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; i++) {
        ok = be_emit(fns[i], (int)i, &eo, &as[i], err, errlen);
        if (ok) be_str_printf(&text, "%s", as[i].text.s);
        if (ok && be->opt.emit_asm_dir)
            ok = write_file(be->opt.emit_asm_dir, fns[i]->name, be->ncompiled + i, "s",
                            as[i].text.s, as[i].text.len, err, errlen);
    }
    BeObject obj = {0};
    if (ok && text.oom) { snprintf(err, errlen, "out of memory"); ok = false; }
    if (ok) ok = be_mc_assemble(be->mc, text.s, &obj, err, errlen);
    if (ok && be->opt.emit_obj_dir)
        ok = write_file(be->opt.emit_obj_dir, n ? fns[0]->name : "batch", be->ncompiled, "o",
                        obj.elf, obj.elf_size, err, errlen);
    BeCodeBlob *blob = ok ? be_code_install(be->code, &obj, NULL, NULL, err, errlen) : NULL;
    ok = ok && blob;
    for (uint32_t i = 0; i < n && ok; i++) {
        out[i] = be_code_add_fn(be->code, blob, &obj, &as[i], fns[i]->name, &fns[i]->deopt,
                                fns[i]->nslots, err, errlen);
        ok = out[i] != NULL;
        if (ok && be->opt.print_code) be_code_print(be->log, be->mc, out[i]);
        if (ok && be->opt.trace_opt)
            fprintf(be->log, "[opt] installed %s: %u bytes at %p, %u deopt points\n", fns[i]->name,
                    out[i]->size, (void *)out[i]->entry, out[i]->deopt.npoints);
    }
    be->ncompiled += n;
    be_object_free(&obj);
    be_str_free(&text);
    for (uint32_t i = 0; i < n; i++) be_asm_free(&as[i]);
    free(as);
    return ok;
}

BeCodeFn *be_backend_compile(BeBackend *be, BeLirFn *fn, uint64_t deopt_entry, char *err, size_t errlen) {
    BeCodeFn *out = NULL;
    if (!be_backend_compile_batch(be, &fn, 1, deopt_entry, &out, err, errlen)) return NULL;
    return out;
}
