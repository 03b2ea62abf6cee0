/* be_code.h — where machine code lives: installed objects, the functions in
 * them, their annotations and deopt tables, and --print-code.
 *
 * Installing maps fresh pages read-write, copies the object's allocatable
 * sections in (code first, then read-only data), applies the relocations,
 * and flips the pages to read-execute: at no moment is a page writable and
 * executable at once (W^X). Every installed function is entered in a table
 * of code ranges, so a return address or a faulting pc maps back to its
 * function, its annotations and its deopt table.
 */
#ifndef BE_CODE_H
#define BE_CODE_H

#include <stdio.h>
#include "be_deopt.h"
#include "be_emit.h"
#include "be_mc.h"

typedef struct BeCodeBlob {
    uint8_t *base;           /* mapping (read-execute once installed) */
    size_t map_size;
    size_t image_size;
    uintptr_t *sec_addr;     /* per ELF section: where it was placed, 0 if not */
    uint32_t nsec;
} BeCodeBlob;

typedef struct BeCodeNote {
    uint32_t offset;         /* from the function entry */
    uint8_t is_block;
    char *text;
} BeCodeNote;

typedef struct BeCodeFn {
    char *name;
    uintptr_t entry;
    uint32_t size;
    BeCodeNote *notes;       /* sorted by offset */
    uint32_t nnotes;
    BeDeoptTable deopt;      /* offsets relative to entry */
    int32_t nslots;
    BeCodeBlob *blob;
} BeCodeFn;

typedef struct BeCodeSpace {
    BeCodeBlob **blobs;
    uint32_t nblobs, capblobs;
    BeCodeFn **fns;          /* sorted by entry */
    uint32_t nfns, capfns;
    size_t bytes;            /* total mapped */
} BeCodeSpace;

/* Resolves an undefined symbol of an object to an absolute address (0: unknown). */
typedef uint64_t (*BeSymbolResolver)(void *ud, const char *name);

BeCodeSpace *be_code_space_new(void);
void be_code_space_free(BeCodeSpace *cs);

/* Places and relocates an object; the pages end up read-execute. Supported
 * relocations: R_X86_64_64 (absolute), R_X86_64_PC32 / PLT32 (must reach),
 * R_X86_64_32 / 32S (must fit). Writable sections are refused. */
BeCodeBlob *be_code_install(BeCodeSpace *cs, const BeObject *obj, BeSymbolResolver resolve, void *ud,
                            char *err, size_t errlen);
/* Address of a symbol of an installed object, 0 if absent. */
uintptr_t be_code_symbol(const BeCodeBlob *blob, const BeObject *obj, const char *name);

/* Registers the function that be_emit wrote into asm (entry F<k> .. F<k>_end),
 * with its annotations and its deopt table (offsets filled in). */
BeCodeFn *be_code_add_fn(BeCodeSpace *cs, BeCodeBlob *blob, const BeObject *obj, const BeAsm *asm_,
                         const char *name, const BeDeoptTable *deopt, int32_t nslots,
                         char *err, size_t errlen);

/* The function whose code contains pc, or NULL. */
BeCodeFn *be_code_lookup(const BeCodeSpace *cs, uintptr_t pc);

/* --print-code: disassembly with block, node and bytecode annotations, then
 * the deopt table. mc may be NULL (then hex only). */
void be_code_print(FILE *f, BeMC *mc, const BeCodeFn *fn);

#endif
