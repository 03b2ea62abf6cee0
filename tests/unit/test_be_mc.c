/* test_be_mc.c — the LLVM MC bridge (loaded with dlopen), the ELF reader,
 * relocations and the W^X code space.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "backend/be_backend.h"

static BeMC *mc_or_fail(void) {
    char err[256] = "";
    BeMC *mc = be_mc_new(NULL, err, sizeof err);
    cr_assert(mc, "libLLVM: %s", err);
    return mc;
}

/* Assembles and installs text; returns the address of `sym`. */
static uintptr_t install(BeMC *mc, BeCodeSpace *cs, const char *text, const char *sym,
                         BeSymbolResolver resolve, void *ud, char *err, size_t errlen) {
    BeObject obj;
    if (!be_mc_assemble(mc, text, &obj, err, errlen)) return 0;
    BeCodeBlob *blob = be_code_install(cs, &obj, resolve, ud, err, errlen);
    uintptr_t a = blob ? be_code_symbol(blob, &obj, sym) : 0;
    be_object_free(&obj);
    return a;
}

Test(be_mc, good_function_runs) {
    BeMC *mc = mc_or_fail();
    BeCodeSpace *cs = be_code_space_new();
    char err[256] = "";
    uintptr_t a = install(mc, cs, ".intel_syntax noprefix\nadd2:\n  lea rax, [rdi + rsi]\n  ret\n",
                          "add2", NULL, NULL, err, sizeof err);
    cr_assert(a, "%s", err);
    cr_expect_eq(((int64_t (*)(int64_t, int64_t))a)(40, 2), 42);
    be_code_space_free(cs);
    be_mc_free(mc);
}

Test(be_mc, bad_instruction_is_an_error_not_an_exit) {
    BeMC *mc = mc_or_fail();
    BeObject obj;
    char err[256] = "";
    cr_expect_not(be_mc_assemble(mc, ".intel_syntax noprefix\nf:\n  mov rax, rbx, rcx\n  ret\n", &obj, err, sizeof err));
    cr_expect(strstr(err, "invalid") || strstr(err, "error"), "message: %s", err);
    cr_expect(strstr(err, "<inline asm>"), "message: %s", err);
    /* the bridge still works afterwards */
    cr_expect_not(be_mc_assemble(mc, "  frobnicate eax\n", &obj, err, sizeof err));
    cr_assert(be_mc_assemble(mc, ".intel_syntax noprefix\ng:\n  ret\n", &obj, err, sizeof err), "%s", err);
    be_object_free(&obj);
    be_mc_free(mc);
}

Test(be_mc, pc32_relocation_to_rodata) {
    BeMC *mc = mc_or_fail();
    BeCodeSpace *cs = be_code_space_new();
    char err[256] = "";
    const char *text =
        ".intel_syntax noprefix\n  .text\nk:\n  movsd xmm0, qword ptr [rip + .Lc]\n  ret\n"
        "  .section .rodata\n  .p2align 3\n.Lc:\n  .double 3.25\n";
    BeObject obj;
    cr_assert(be_mc_assemble(mc, text, &obj, err, sizeof err), "%s", err);
    bool pc32 = false;
    for (uint32_t i = 0; i < obj.nrelocs; i++) pc32 |= obj.relocs[i].type == 2 /* R_X86_64_PC32 */;
    cr_expect(pc32, "expected an R_X86_64_PC32 relocation");
    BeCodeBlob *blob = be_code_install(cs, &obj, NULL, NULL, err, sizeof err);
    cr_assert(blob, "%s", err);
    double (*k)(void) = (double (*)(void))be_code_symbol(blob, &obj, "k");
    cr_expect_eq(k(), 3.25);
    be_object_free(&obj);
    be_code_space_free(cs);
    be_mc_free(mc);
}

Test(be_mc, abs64_relocation) {
    BeMC *mc = mc_or_fail();
    BeCodeSpace *cs = be_code_space_new();
    char err[256] = "";
    const char *text =
        ".intel_syntax noprefix\n  .text\nload:\n  movabs rax, offset .Ld\n  mov rax, qword ptr [rax + 8]\n  ret\n"
        "  .section .rodata\n  .p2align 3\n.Ld:\n  .quad 11\n  .quad 1234567890123\n";
    uintptr_t a = install(mc, cs, text, "load", NULL, NULL, err, sizeof err);
    cr_assert(a, "%s", err);
    cr_expect_eq(((int64_t (*)(void))a)(), 1234567890123LL);
    be_code_space_free(cs);
    be_mc_free(mc);
}

static int64_t external_value = 99;
static uint64_t resolve(void *ud, const char *name) {
    (void)ud;
    if (strcmp(name, "external_value") == 0) return (uint64_t)(uintptr_t)&external_value;
    if (strcmp(name, "far_away") == 0) return 0x100000000000ULL;
    return 0;
}

Test(be_mc, external_symbols) {
    BeMC *mc = mc_or_fail();
    BeCodeSpace *cs = be_code_space_new();
    char err[256] = "";
    uintptr_t a = install(mc, cs, ".intel_syntax noprefix\nget:\n  movabs rax, offset external_value\n"
                                  "  mov rax, qword ptr [rax]\n  ret\n", "get", resolve, NULL, err, sizeof err);
    cr_assert(a, "%s", err);
    cr_expect_eq(((int64_t (*)(void))a)(), 99);
    /* a rel32 call cannot reach a far function: a clean error */
    cr_expect_not(install(mc, cs, ".intel_syntax noprefix\nc:\n  call far_away\n  ret\n", "c", resolve, NULL,
                          err, sizeof err));
    cr_expect(strstr(err, "out of reach"), "%s", err);
    cr_expect_not(install(mc, cs, ".intel_syntax noprefix\nd:\n  movabs rax, offset nowhere\n  ret\n", "d",
                          resolve, NULL, err, sizeof err));
    cr_expect(strstr(err, "undefined symbol 'nowhere'"), "%s", err);
    be_code_space_free(cs);
    be_mc_free(mc);
}

/* The permissions of the mapping that holds addr, from /proc/self/maps. */
static void perms_of(uintptr_t addr, char out[5]) {
    FILE *f = fopen("/proc/self/maps", "r");
    cr_assert(f);
    char line[512];
    strcpy(out, "????");
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        char p[5];
        if (sscanf(line, "%lx-%lx %4s", &lo, &hi, p) == 3 && addr >= lo && addr < hi) { memcpy(out, p, 5); break; }
    }
    fclose(f);
}

Test(be_mc, installed_code_is_not_writable) {
    BeMC *mc = mc_or_fail();
    BeCodeSpace *cs = be_code_space_new();
    char err[256] = "", p[5];
    uintptr_t a = install(mc, cs, ".intel_syntax noprefix\nr:\n  mov eax, 7\n  ret\n", "r", NULL, NULL, err, sizeof err);
    cr_assert(a, "%s", err);
    perms_of(a, p);
    cr_expect_str_eq(p, "r-xp");
    cr_expect_eq(((int (*)(void))a)(), 7);
    be_code_space_free(cs);
    be_mc_free(mc);
}

#ifndef REEF_ASAN /* AddressSanitizer turns the fault into an abort */
Test(be_mc, writes_to_code_fault, .signal = SIGSEGV) {
    BeMC *mc = mc_or_fail();
    BeCodeSpace *cs = be_code_space_new();
    char err[256] = "";
    uintptr_t a = install(mc, cs, ".intel_syntax noprefix\nr:\n  ret\n", "r", NULL, NULL, err, sizeof err);
    cr_assert(a, "%s", err);
    *(volatile uint8_t *)a = 0xc3;
}
#endif

Test(be_mc, writable_sections_are_refused) {
    BeMC *mc = mc_or_fail();
    BeCodeSpace *cs = be_code_space_new();
    char err[256] = "";
    cr_expect_not(install(mc, cs, ".intel_syntax noprefix\n  .data\nv:\n  .quad 1\n", "v", NULL, NULL, err, sizeof err));
    cr_expect(strstr(err, "W^X"), "%s", err);
    be_code_space_free(cs);
    be_mc_free(mc);
}

Test(be_mc, disassembler_intel_hex) {
    BeMC *mc = mc_or_fail();
    const uint8_t code[] = {0x48, 0x8d, 0x04, 0x37, 0xb8, 0x2a, 0x00, 0x00, 0x00}; /* lea rax,[rdi+rsi]; mov eax,42 */
    char text[128];
    size_t n = be_mc_disasm(mc, code, sizeof code, 0x1000, text, sizeof text);
    cr_expect_eq(n, 4);
    cr_expect(strstr(text, "lea") && strstr(text, "rax") && strstr(text, "rdi"), "%s", text);
    n = be_mc_disasm(mc, code + 4, sizeof code - 4, 0x1004, text, sizeof text);
    cr_expect_eq(n, 5);
    cr_expect(strstr(text, "0x2a"), "%s", text);
    be_mc_free(mc);
}

Test(be_mc, missing_libllvm_is_reported_once) {
    char err[256] = "";
    cr_expect_null(be_mc_new("/nonexistent/libLLVM-none.so", err, sizeof err));
    cr_expect(strstr(err, "cannot load libLLVM"), "%s", err);
    char *buf = NULL;
    size_t len = 0;
    FILE *log = open_memstream(&buf, &len);
    BeOptions o = {.trace_opt = true, .libllvm = "/nonexistent/libLLVM-none.so"};
    BeBackend *be = be_backend_new(&o, log);
    cr_expect_not(be_backend_available(be));
    cr_expect_not(be_backend_available(be));
    BeLirFn *fn = be_lir_new("f");
    cr_expect_null(be_backend_compile(be, fn, 0, err, sizeof err));
    be_lir_free(fn);
    be_backend_free(be);
    fclose(log);
    const char *first = strstr(buf, "[opt] optimizing tier off");
    cr_expect(first, "%s", buf);
    cr_expect_null(first ? strstr(first + 1, "[opt] optimizing tier off") : NULL);
    free(buf);
}

Test(be_mc, malformed_objects_are_errors) {
    BeObject obj;
    char err[256] = "";
    uint8_t junk[200];
    memset(junk, 0x41, sizeof junk);
    cr_expect_not(be_object_parse(junk, sizeof junk, &obj, err, sizeof err));
    BeMC *mc = mc_or_fail();
    cr_assert(be_mc_assemble(mc, ".intel_syntax noprefix\nf:\n  ret\n", &obj, err, sizeof err), "%s", err);
    /* every truncation of a real object is rejected or read safely */
    for (size_t cut = 0; cut < obj.elf_size; cut += 7) {
        BeObject o2;
        if (be_object_parse(obj.elf, cut, &o2, err, sizeof err)) be_object_free(&o2);
    }
    /* a section header pointing past the end */
    uint8_t *copy = malloc(obj.elf_size);
    memcpy(copy, obj.elf, obj.elf_size);
    uint64_t shoff;
    memcpy(&shoff, copy + 0x28, 8);
    shoff += 1u << 30;
    memcpy(copy + 0x28, &shoff, 8);
    BeObject o3;
    cr_expect_not(be_object_parse(copy, obj.elf_size, &o3, err, sizeof err));
    free(copy);
    be_object_free(&obj);
    be_mc_free(mc);
}
