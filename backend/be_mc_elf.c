/* be_mc_elf.c — reads the ELF64 relocatable object that LLVM MC produced.
 *
 * With <elf.h> rather than LLVM's object API, which hides relocation addends,
 * gives the null section a NULL name and returns unterminated relocation
 * type names (shared/notes/llvm-mc.md). Every offset and size is checked
 * against the buffer: a malformed object is an error, never a crash.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "be_mc.h"

#define set_err be_mc_set_err

/* ---- ELF ------------------------------------------------------------------------ */
static bool in_bounds(uint64_t off, uint64_t len, size_t size) {
    return off <= size && len <= size - off;
}

static const char *str_at(const BeObject *o, const BeObjSection *strtab, uint64_t off) {
    if (!strtab || off >= strtab->size) return "";
    const char *s = (const char *)o->elf + strtab->file_offset + off;
    if (!memchr(s, 0, strtab->size - off)) return "";
    return s;
}

bool be_object_parse(const uint8_t *elf, size_t size, BeObject *o, char *err, size_t errlen) {
    memset(o, 0, sizeof *o);
    if (size < sizeof(Elf64_Ehdr) || memcmp(elf, ELFMAG, SELFMAG) != 0) {
        set_err(err, errlen, "not an ELF object%s%s", NULL, NULL);
        return false;
    }
    o->elf = malloc(size);
    if (!o->elf) { set_err(err, errlen, "out of memory%s%s", NULL, NULL); return false; }
    memcpy(o->elf, elf, size);
    o->elf_size = size;
    Elf64_Ehdr eh;
    memcpy(&eh, o->elf, sizeof eh);
    if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64 || eh.e_type != ET_REL ||
        eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shnum == 0 ||
        !in_bounds(eh.e_shoff, (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr), size) || eh.e_shstrndx >= eh.e_shnum) {
        set_err(err, errlen, "not an x86-64 relocatable ELF64 object%s%s", NULL, NULL);
        goto fail;
    }
    o->nsections = eh.e_shnum;
    o->sections = calloc(o->nsections, sizeof *o->sections);
    if (!o->sections) goto oom;
    for (uint32_t i = 0; i < o->nsections; i++) {
        Elf64_Shdr sh;
        memcpy(&sh, o->elf + eh.e_shoff + (uint64_t)i * sizeof sh, sizeof sh);
        if (sh.sh_type != SHT_NOBITS && sh.sh_type != SHT_NULL && !in_bounds(sh.sh_offset, sh.sh_size, size)) {
            set_err(err, errlen, "ELF section out of bounds%s%s", NULL, NULL);
            goto fail;
        }
        if (sh.sh_addralign > 4096) {
            set_err(err, errlen, "ELF section alignment too large%s%s", NULL, NULL);
            goto fail;
        }
        o->sections[i] = (BeObjSection){.name = "", .type = sh.sh_type, .flags = sh.sh_flags,
                                        .align = sh.sh_addralign ? sh.sh_addralign : 1, .size = sh.sh_size,
                                        .file_offset = sh.sh_offset, .info = sh.sh_info, .link = sh.sh_link};
    }
    const BeObjSection *shstr = &o->sections[eh.e_shstrndx];
    {
        Elf64_Shdr sh;
        for (uint32_t i = 0; i < o->nsections; i++) {
            memcpy(&sh, o->elf + eh.e_shoff + (uint64_t)i * sizeof sh, sizeof sh);
            o->sections[i].name = str_at(o, shstr->type == SHT_STRTAB ? shstr : NULL, sh.sh_name);
        }
    }
    for (uint32_t i = 0; i < o->nsections; i++) {
        BeObjSection *s = &o->sections[i];
        if (s->type != SHT_SYMTAB) continue;
        if (s->link >= o->nsections || s->size % sizeof(Elf64_Sym)) {
            set_err(err, errlen, "bad ELF symbol table%s%s", NULL, NULL);
            goto fail;
        }
        const BeObjSection *strtab = &o->sections[s->link];
        o->nsyms = (uint32_t)(s->size / sizeof(Elf64_Sym));
        o->syms = calloc(o->nsyms + 1, sizeof *o->syms);
        if (!o->syms) goto oom;
        for (uint32_t k = 0; k < o->nsyms; k++) {
            Elf64_Sym sy;
            memcpy(&sy, o->elf + s->file_offset + (uint64_t)k * sizeof sy, sizeof sy);
            BeObjSymbol *d = &o->syms[k];
            d->name = str_at(o, strtab, sy.st_name);
            d->shndx = sy.st_shndx;
            d->value = sy.st_value;
            d->bind = ELF64_ST_BIND(sy.st_info);
            d->type = ELF64_ST_TYPE(sy.st_info);
            if (d->type == STT_SECTION && d->shndx < o->nsections) d->name = o->sections[d->shndx].name;
        }
        break;
    }
    for (uint32_t i = 0; i < o->nsections; i++) {
        BeObjSection *s = &o->sections[i];
        if (s->type == SHT_REL) {
            set_err(err, errlen, "REL relocations are not supported%s%s", NULL, NULL);
            goto fail;
        }
        if (s->type != SHT_RELA) continue;
        if (s->info >= o->nsections || s->size % sizeof(Elf64_Rela)) {
            set_err(err, errlen, "bad ELF relocation section%s%s", NULL, NULL);
            goto fail;
        }
        uint32_t n = (uint32_t)(s->size / sizeof(Elf64_Rela));
        BeObjReloc *r = realloc(o->relocs, sizeof *r * (o->nrelocs + n + 1));
        if (!r) goto oom;
        o->relocs = r;
        for (uint32_t k = 0; k < n; k++) {
            Elf64_Rela ra;
            memcpy(&ra, o->elf + s->file_offset + (uint64_t)k * sizeof ra, sizeof ra);
            uint32_t sym = (uint32_t)ELF64_R_SYM(ra.r_info);
            if (sym >= o->nsyms) {
                set_err(err, errlen, "ELF relocation names a missing symbol%s%s", NULL, NULL);
                goto fail;
            }
            o->relocs[o->nrelocs++] = (BeObjReloc){.section = s->info, .offset = ra.r_offset,
                                                   .type = (uint32_t)ELF64_R_TYPE(ra.r_info),
                                                   .symbol = sym, .addend = ra.r_addend};
        }
    }
    return true;
oom:
    set_err(err, errlen, "out of memory%s%s", NULL, NULL);
fail:
    be_object_free(o);
    return false;
}

int32_t be_object_symbol(const BeObject *o, const char *name) {
    for (uint32_t i = 1; i < o->nsyms; i++)
        if (o->syms[i].type != STT_SECTION && strcmp(o->syms[i].name, name) == 0) return (int32_t)i;
    return -1;
}

void be_object_free(BeObject *o) {
    free(o->elf);
    free(o->sections);
    free(o->syms);
    free(o->relocs);
    memset(o, 0, sizeof *o);
}
