/* be_code.c — the code space: installing objects W^X, the table of code
 * ranges, and --print-code.
 *
 * A tiny static linker for one relocatable object at a time: lay out the
 * SHF_ALLOC sections (executable ones first) in one mapping, resolve symbols
 * to section addresses, patch the RELA relocations, then mprotect to
 * PROT_READ|PROT_EXEC. The object keeps no writable section, so the mapping
 * never needs to be writable again; freeing the space unmaps everything.
 */
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "be_code.h"

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) abort();
    return q;
}

BeCodeSpace *be_code_space_new(void) {
    BeCodeSpace *cs = calloc(1, sizeof *cs);
    if (!cs) abort();
    return cs;
}

static void fn_free(BeCodeFn *f) {
    if (!f) return;
    for (uint32_t i = 0; i < f->nnotes; i++) free(f->notes[i].text);
    free(f->notes);
    be_deopt_table_free(&f->deopt);
    free(f->name);
    free(f);
}

void be_code_space_free(BeCodeSpace *cs) {
    if (!cs) return;
    for (uint32_t i = 0; i < cs->nfns; i++) fn_free(cs->fns[i]);
    for (uint32_t i = 0; i < cs->nblobs; i++) {
        BeCodeBlob *b = cs->blobs[i];
        if (b->base) munmap(b->base, b->map_size);
        free(b->sec_addr);
        free(b);
    }
    free(cs->fns);
    free(cs->blobs);
    free(cs);
}

static bool loadable(const BeObjSection *s) {
    return (s->flags & SHF_ALLOC) && (s->type == SHT_PROGBITS || s->type == SHT_NOBITS) && s->size > 0;
}

static uint64_t sym_addr(const BeCodeBlob *blob, const BeObject *obj, uint32_t si,
                         BeSymbolResolver resolve, void *ud, bool *ok) {
    const BeObjSymbol *s = &obj->syms[si];
    *ok = true;
    if (s->shndx == SHN_ABS) return s->value;
    if (s->shndx != SHN_UNDEF && s->shndx < blob->nsec && blob->sec_addr[s->shndx])
        return blob->sec_addr[s->shndx] + s->value;
    uint64_t a = (s->shndx == SHN_UNDEF && resolve && s->name[0]) ? resolve(ud, s->name) : 0;
    *ok = a != 0;
    return a;
}

BeCodeBlob *be_code_install(BeCodeSpace *cs, const BeObject *obj, BeSymbolResolver resolve, void *ud,
                            char *err, size_t errlen) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    /* layout: executable sections, then the rest */
    uint64_t *off = calloc(obj->nsections + 1, sizeof *off);
    if (!off) abort();
    uint64_t size = 0;
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = 0; i < obj->nsections; i++) {
            const BeObjSection *s = &obj->sections[i];
            if (!loadable(s) || (pass == 0) != !!(s->flags & SHF_EXECINSTR)) continue;
            if (s->flags & SHF_WRITE) {
                snprintf(err, errlen, "section %s is writable: refused (W^X)", s->name);
                free(off);
                return NULL;
            }
            size = (size + s->align - 1) & ~(s->align - 1);
            off[i] = size;
            if (s->size > ((uint64_t)1 << 30) || size + s->size < size) {
                snprintf(err, errlen, "object too large");
                free(off);
                return NULL;
            }
            size += s->size;
        }
    if (size == 0) size = 1;
    size_t map = (size + page - 1) & ~(page - 1);
    uint8_t *base = mmap(NULL, map, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) {
        snprintf(err, errlen, "cannot map %zu bytes of code", map);
        free(off);
        return NULL;
    }
    BeCodeBlob *blob = calloc(1, sizeof *blob);
    if (!blob) abort();
    blob->base = base;
    blob->map_size = map;
    blob->image_size = size;
    blob->nsec = obj->nsections;
    blob->sec_addr = calloc(obj->nsections + 1, sizeof *blob->sec_addr);
    if (!blob->sec_addr) abort();
    memset(base, 0xcc, map); /* int3 in the padding */
    for (uint32_t i = 0; i < obj->nsections; i++) {
        const BeObjSection *s = &obj->sections[i];
        if (!loadable(s)) continue;
        blob->sec_addr[i] = (uintptr_t)(base + off[i]);
        if (s->type == SHT_NOBITS) memset(base + off[i], 0, s->size);
        else memcpy(base + off[i], obj->elf + s->file_offset, s->size);
    }
    free(off);
    for (uint32_t r = 0; r < obj->nrelocs; r++) {
        const BeObjReloc *rl = &obj->relocs[r];
        if (rl->section >= obj->nsections || !blob->sec_addr[rl->section]) continue; /* e.g. debug info */
        const BeObjSection *s = &obj->sections[rl->section];
        bool ok;
        uint64_t S = sym_addr(blob, obj, rl->symbol, resolve, ud, &ok);
        if (!ok) {
            snprintf(err, errlen, "undefined symbol '%s'", obj->syms[rl->symbol].name);
            goto fail;
        }
        uint64_t P = blob->sec_addr[rl->section] + rl->offset;
        int width = rl->type == R_X86_64_64 ? 8 : 4;
        if (rl->offset > s->size || s->size - rl->offset < (uint64_t)width) {
            snprintf(err, errlen, "relocation outside its section");
            goto fail;
        }
        uint8_t *at = (uint8_t *)(uintptr_t)P;
        if (rl->type == R_X86_64_64) {
            uint64_t v = S + (uint64_t)rl->addend;
            memcpy(at, &v, 8);
        } else if (rl->type == R_X86_64_PC32 || rl->type == R_X86_64_PLT32) {
            int64_t v = (int64_t)(S + (uint64_t)rl->addend - P);
            if (v < INT32_MIN || v > INT32_MAX) {
                snprintf(err, errlen, "'%s' is out of reach of a 32-bit displacement (call through a register)",
                         obj->syms[rl->symbol].name);
                goto fail;
            }
            int32_t v32 = (int32_t)v;
            memcpy(at, &v32, 4);
        } else if (rl->type == R_X86_64_32 || rl->type == R_X86_64_32S) {
            uint64_t v = S + (uint64_t)rl->addend;
            bool fits = rl->type == R_X86_64_32 ? v <= UINT32_MAX : ((int64_t)v >= INT32_MIN && (int64_t)v <= INT32_MAX);
            if (!fits) {
                snprintf(err, errlen, "'%s' does not fit a 32-bit absolute relocation (use movabs)",
                         obj->syms[rl->symbol].name);
                goto fail;
            }
            uint32_t v32 = (uint32_t)v;
            memcpy(at, &v32, 4);
        } else {
            snprintf(err, errlen, "unsupported relocation type %u", rl->type);
            goto fail;
        }
    }
    if (mprotect(base, map, PROT_READ | PROT_EXEC) != 0) {
        snprintf(err, errlen, "mprotect to read-execute failed");
        goto fail;
    }
    __builtin___clear_cache((char *)base, (char *)base + map);
    if (cs->nblobs == cs->capblobs) {
        cs->capblobs = cs->capblobs ? cs->capblobs * 2 : 8;
        cs->blobs = xrealloc(cs->blobs, sizeof *cs->blobs * cs->capblobs);
    }
    cs->blobs[cs->nblobs++] = blob;
    cs->bytes += map;
    return blob;
fail:
    munmap(base, map);
    free(blob->sec_addr);
    free(blob);
    return NULL;
}

uintptr_t be_code_symbol(const BeCodeBlob *blob, const BeObject *obj, const char *name) {
    int32_t si = be_object_symbol(obj, name);
    if (si < 0) return 0;
    bool ok;
    uint64_t a = sym_addr(blob, obj, (uint32_t)si, NULL, NULL, &ok);
    return ok ? (uintptr_t)a : 0;
}

static int note_cmp(const void *a, const void *b) {
    const BeCodeNote *x = a, *y = b;
    if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
    return (int)y->is_block - (int)x->is_block; /* block label before the note */
}

BeCodeFn *be_code_add_fn(BeCodeSpace *cs, BeCodeBlob *blob, const BeObject *obj, const BeAsm *as,
                         const char *name, const BeDeoptTable *deopt, int32_t nslots,
                         char *err, size_t errlen) {
    uintptr_t entry = be_code_symbol(blob, obj, as->entry), end = be_code_symbol(blob, obj, as->end);
    if (!entry || end < entry) {
        snprintf(err, errlen, "symbol %s missing from the object", as->entry);
        return NULL;
    }
    BeCodeFn *f = calloc(1, sizeof *f);
    if (!f) abort();
    f->name = strdup(name ? name : "?");
    f->entry = entry;
    f->size = (uint32_t)(end - entry);
    f->blob = blob;
    f->nslots = nslots;
    f->notes = calloc(as->nannots + 1, sizeof *f->notes);
    if (!f->name || !f->notes) abort();
    for (uint32_t i = 0; i < as->nannots; i++) {
        uintptr_t a = be_code_symbol(blob, obj, as->annots[i].symbol);
        if (!a || a < entry || a > end) continue;
        f->notes[f->nnotes++] = (BeCodeNote){(uint32_t)(a - entry), as->annots[i].is_block,
                                             strdup(as->annots[i].text)};
    }
    qsort(f->notes, f->nnotes, sizeof *f->notes, note_cmp);
    if (deopt && !be_deopt_copy(&f->deopt, deopt)) abort();
    char sym[48];
    for (uint32_t d = 0; d < f->deopt.npoints; d++) {
        snprintf(sym, sizeof sym, "F%d_P%u", as->index, d);
        uintptr_t p = be_code_symbol(blob, obj, sym);
        snprintf(sym, sizeof sym, "F%d_D%u", as->index, d);
        uintptr_t x = be_code_symbol(blob, obj, sym);
        f->deopt.points[d].pc_offset = p ? (uint32_t)(p - entry) : UINT32_MAX;
        f->deopt.points[d].exit_offset = x ? (uint32_t)(x - entry) : UINT32_MAX;
    }
    if (cs->nfns == cs->capfns) {
        cs->capfns = cs->capfns ? cs->capfns * 2 : 16;
        cs->fns = xrealloc(cs->fns, sizeof *cs->fns * cs->capfns);
    }
    uint32_t k = cs->nfns;
    while (k > 0 && cs->fns[k - 1]->entry > entry) { cs->fns[k] = cs->fns[k - 1]; k--; }
    cs->fns[k] = f;
    cs->nfns++;
    return f;
}

BeCodeFn *be_code_lookup(const BeCodeSpace *cs, uintptr_t pc) {
    uint32_t lo = 0, hi = cs->nfns;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (cs->fns[mid]->entry <= pc) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return NULL;
    BeCodeFn *f = cs->fns[lo - 1];
    return pc < f->entry + f->size ? f : NULL;
}

/* The disassembler prints a direct branch as its displacement ("jo 0x5");
 * show the target's offset in the function and its label instead. */
static void branch_target(const BeCodeFn *fn, uint32_t off, uint32_t len, char *text, size_t size) {
    if (text[0] != 'j' && strncmp(text, "call ", 5) != 0) return;
    char *sp = strchr(text, ' ');
    if (!sp) return;
    char *arg = sp + 1, *end;
    long long disp = strtoll(arg, &end, 0);
    if (end == arg || *end) return;
    long long target = (long long)off + len + disp;
    const char *label = NULL;
    for (uint32_t i = 0; i < fn->nnotes; i++)
        if (fn->notes[i].offset == target && fn->notes[i].is_block) { label = fn->notes[i].text; break; }
    char tail[96];
    if (label) snprintf(tail, sizeof tail, "0x%04llx <%.60s>", target, label);
    else snprintf(tail, sizeof tail, "0x%04llx", target);
    size_t room = size - (size_t)(arg - text);
    snprintf(arg, room, "%s", tail);
}

void be_code_print(FILE *f, BeMC *mc, const BeCodeFn *fn) {
    fprintf(f, "--- code: %s (%u bytes at %p, %d spill slots) ---\n", fn->name, fn->size,
            (void *)fn->entry, fn->nslots);
    const uint8_t *code = (const uint8_t *)fn->entry;
    uint32_t off = 0, ni = 0;
    char text[128];
    while (off < fn->size) {
        const char *note = NULL;
        for (; ni < fn->nnotes && fn->notes[ni].offset <= off; ni++) {
            if (fn->notes[ni].is_block) fprintf(f, "%s:\n", fn->notes[ni].text);
            else note = fn->notes[ni].text;
        }
        size_t n = mc ? be_mc_disasm(mc, code + off, fn->size - off, fn->entry + off, text, sizeof text) : 0;
        if (n == 0) { n = 1; snprintf(text, sizeof text, ".byte 0x%02x", code[off]); }
        else branch_target(fn, off, (uint32_t)n, text, sizeof text);
        int col = fprintf(f, "  %04x  ", off);
        for (size_t b = 0; b < n && b < 8; b++) col += fprintf(f, "%02x", code[off + b]);
        for (; col < 32; col++) fputc(' ', f);
        col += fprintf(f, "%s", text);
        if (note) {
            for (; col < 64; col++) fputc(' ', f);
            fprintf(f, "; %s", note);
        }
        fputc('\n', f);
        off += (uint32_t)n;
    }
    if (fn->deopt.npoints) {
        fprintf(f, "deopt table:\n");
        be_deopt_print(f, &fn->deopt);
    }
}
