/* be_mc.h — the bridge to LLVM's MC layer: assembly text in, ELF object out,
 * and a disassembler for --print-code.
 *
 * libLLVM is loaded with dlopen the first time it is needed, and every C API
 * function used is looked up into a table owned by the BeMC context, so reef
 * does not link against LLVM and runs that never optimize (--no-opt, most
 * unit tests) do not pay the ~16 ms and ~49 MB of loading it.
 * be_mc_llvm.c holds the LLVM side (the only file compiled with LLVM's
 * headers), be_mc_elf.c reads the ELF object with <elf.h> (the LLVM object
 * API hides relocation addends); applying relocations is be_code.c's job.
 */
#ifndef BE_MC_H
#define BE_MC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct BeMC BeMC;

/* Loads libLLVM (path NULL: libLLVM.so.19.1 / libLLVM-19.so.1 in
 * /usr/lib/llvm-19/lib, then the default search path) and sets up the X86
 * target machine. NULL with a message in err when that is not possible. */
BeMC *be_mc_new(const char *path, char *err, size_t errlen);
void be_mc_free(BeMC *mc);

/* ---- objects ---------------------------------------------------------------- */
typedef struct BeObjSection {
    const char *name;        /* points into the object's string table */
    uint32_t type;           /* SHT_* */
    uint64_t flags;          /* SHF_* */
    uint64_t align, size;
    uint64_t file_offset;    /* data = elf + file_offset (not for SHT_NOBITS) */
    uint32_t info, link;
} BeObjSection;

typedef struct BeObjSymbol {
    const char *name;
    uint32_t shndx;          /* ELF section index, SHN_UNDEF, SHN_ABS, ... */
    uint64_t value;
    uint8_t bind, type;      /* STB_*, STT_* */
} BeObjSymbol;

typedef struct BeObjReloc {
    uint32_t section;        /* section patched (ELF index) */
    uint64_t offset;
    uint32_t type;           /* R_X86_64_* */
    uint32_t symbol;         /* index into syms */
    int64_t addend;
} BeObjReloc;

typedef struct BeObject {
    uint8_t *elf;            /* owned copy of the object file */
    size_t elf_size;
    BeObjSection *sections;  /* indexed like the ELF section headers */
    uint32_t nsections;
    BeObjSymbol *syms;       /* indexed like the ELF symbol table */
    uint32_t nsyms;
    BeObjReloc *relocs;
    uint32_t nrelocs;
} BeObject;

/* Assembles Intel- or AT&T-syntax text (it may switch with .intel_syntax)
 * into an object. A bad instruction is an error with LLVM's message, never
 * an exit. */
bool be_mc_assemble(BeMC *mc, const char *text, BeObject *out, char *err, size_t errlen);
/* Reads an ELF64 x86-64 relocatable object (copied), checking every bound. */
bool be_object_parse(const uint8_t *elf, size_t size, BeObject *out, char *err, size_t errlen);
/* Symbol index by name (-1 if absent). */
int32_t be_object_symbol(const BeObject *o, const char *name);
void be_object_free(BeObject *o);

/* Disassembles one instruction at code (its address is pc) in Intel syntax
 * with hex immediates. Returns its length, 0 if it is not an instruction. */
size_t be_mc_disasm(BeMC *mc, const uint8_t *code, size_t size, uint64_t pc, char *out, size_t outlen);

/* Formats an error message into err (two string arguments, NULL as ""). */
void be_mc_set_err(char *err, size_t n, const char *fmt, const char *a, const char *b);

#endif
