/* be_mc_llvm.c — LLVM MC through its C API, loaded with dlopen.
 *
 * The C API has no "assemble this text" entry point. What works (measured in
 * shared/notes/llvm-mc.md): initialize the X86 target including its AsmParser,
 * make one target machine (x86_64-pc-linux-gnu, CPU x86-64, no optimization,
 * static relocation model) and keep it; for each batch create an empty
 * module whose module-level inline asm is the text, and ask the target
 * machine for an object file in memory. Without a diagnostic handler LLVM
 * exits the process on a bad instruction; with one, the emit call still
 * returns success, so the handler records the error and we check it.
 * The object is then read by be_mc_elf.c.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <llvm-c/Core.h>
#include <llvm-c/Disassembler.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include "be_mc.h"

#define BE_TRIPLE "x86_64-pc-linux-gnu"

/* Every LLVM C function reef calls, looked up with dlsym. */
#define BE_LLVM_FUNCS(X) \
    X(InitializeX86TargetInfo) X(InitializeX86Target) X(InitializeX86TargetMC) \
    X(InitializeX86AsmPrinter) X(InitializeX86AsmParser) X(InitializeX86Disassembler) \
    X(ContextCreate) X(ContextDispose) X(ContextSetDiagnosticHandler) \
    X(GetDiagInfoDescription) X(GetDiagInfoSeverity) X(DisposeMessage) \
    X(ModuleCreateWithNameInContext) X(SetTarget) X(SetModuleInlineAsm2) X(DisposeModule) \
    X(GetTargetFromTriple) X(CreateTargetMachine) X(DisposeTargetMachine) \
    X(TargetMachineEmitToMemoryBuffer) X(GetBufferStart) X(GetBufferSize) \
    X(DisposeMemoryBuffer) X(CreateDisasm) X(SetDisasmOptions) X(DisasmInstruction) \
    X(DisasmDispose)

typedef struct BeLLVM {
#define X(name) __typeof__(LLVM##name) *name;
    BE_LLVM_FUNCS(X)
#undef X
} BeLLVM;

struct BeMC {
    void *lib;
    BeLLVM f;
    LLVMContextRef ctx;
    LLVMTargetMachineRef tm;
    LLVMDisasmContextRef dis;
    bool dis_failed;
    bool failed;              /* set by the diagnostic handler */
    char diag[512];
};

void be_mc_set_err(char *err, size_t n, const char *fmt, const char *a, const char *b) {
    if (err && n) snprintf(err, n, fmt, a ? a : "", b ? b : "");
}

static void diag_handler(LLVMDiagnosticInfoRef di, void *ud) {
    BeMC *mc = ud;
    LLVMDiagnosticSeverity sev = mc->f.GetDiagInfoSeverity(di);
    char *d = mc->f.GetDiagInfoDescription(di);
    if (sev == LLVMDSError) {
        size_t len = strlen(mc->diag);
        if (len + 2 < sizeof mc->diag)
            snprintf(mc->diag + len, sizeof mc->diag - len, "%s%s", len ? "; " : "", d ? d : "error");
        mc->failed = true;
    }
    if (d) mc->f.DisposeMessage(d);
}

BeMC *be_mc_new(const char *path, char *err, size_t errlen) {
    static const char *const candidates[] = {
        "/usr/lib/llvm-19/lib/libLLVM.so.19.1", "/usr/lib/llvm-19/lib/libLLVM-19.so.1",
        "/usr/lib/llvm-19/lib/libLLVM-19.so", "libLLVM.so.19.1", "libLLVM-19.so.1", "libLLVM-19.so",
    };
    void *lib = NULL;
    const char *why = NULL;
    if (path) {
        lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (!lib) why = dlerror();
    } else {
        for (size_t i = 0; i < sizeof candidates / sizeof *candidates && !lib; i++) {
            lib = dlopen(candidates[i], RTLD_NOW | RTLD_LOCAL);
            if (!lib && !why) why = dlerror();
        }
    }
    if (!lib) {
        be_mc_set_err(err, errlen, "cannot load libLLVM 19: %s%s", why ? why : "not found", NULL);
        return NULL;
    }
    BeMC *mc = calloc(1, sizeof *mc);
    if (!mc) { dlclose(lib); be_mc_set_err(err, errlen, "out of memory%s%s", NULL, NULL); return NULL; }
    mc->lib = lib;
#define X(name) \
    *(void **)&mc->f.name = dlsym(lib, "LLVM" #name); \
    if (!mc->f.name) { be_mc_set_err(err, errlen, "libLLVM lacks %s%s", "LLVM" #name, NULL); goto fail; }
    BE_LLVM_FUNCS(X)
#undef X
    mc->f.InitializeX86TargetInfo();
    mc->f.InitializeX86Target();
    mc->f.InitializeX86TargetMC();
    mc->f.InitializeX86AsmPrinter();
    mc->f.InitializeX86AsmParser();
    mc->f.InitializeX86Disassembler();
    LLVMTargetRef target;
    char *msg = NULL;
    if (mc->f.GetTargetFromTriple(BE_TRIPLE, &target, &msg)) {
        be_mc_set_err(err, errlen, "LLVM has no x86-64 target: %s%s", msg, NULL);
        if (msg) mc->f.DisposeMessage(msg);
        goto fail;
    }
    mc->tm = mc->f.CreateTargetMachine(target, BE_TRIPLE, "x86-64", "", LLVMCodeGenLevelNone,
                                       LLVMRelocStatic, LLVMCodeModelDefault);
    if (!mc->tm) { be_mc_set_err(err, errlen, "cannot create the x86-64 target machine%s%s", NULL, NULL); goto fail; }
    mc->ctx = mc->f.ContextCreate();
    mc->f.ContextSetDiagnosticHandler(mc->ctx, diag_handler, mc);
    return mc;
fail:
    be_mc_free(mc);
    return NULL;
}

void be_mc_free(BeMC *mc) {
    if (!mc) return;
    if (mc->dis) mc->f.DisasmDispose(mc->dis);
    if (mc->tm) mc->f.DisposeTargetMachine(mc->tm);
    if (mc->ctx) mc->f.ContextDispose(mc->ctx);
    /* libLLVM stays mapped: unloading it runs its static destructors while
     * registered targets may still be referenced; the handle is released to
     * the loader's reference count only. */
    free(mc);
}

bool be_mc_assemble(BeMC *mc, const char *text, BeObject *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    mc->failed = false;
    mc->diag[0] = 0;
    LLVMModuleRef mod = mc->f.ModuleCreateWithNameInContext("reef", mc->ctx);
    mc->f.SetTarget(mod, BE_TRIPLE);
    mc->f.SetModuleInlineAsm2(mod, text, strlen(text));
    char *msg = NULL;
    LLVMMemoryBufferRef buf = NULL;
    LLVMBool bad = mc->f.TargetMachineEmitToMemoryBuffer(mc->tm, mod, LLVMObjectFile, &msg, &buf);
    mc->f.DisposeModule(mod);
    bool ok = false;
    if (bad || mc->failed || !buf) {
        be_mc_set_err(err, errlen, "assembler: %s%s", mc->diag[0] ? mc->diag : (msg ? msg : "failed"), NULL);
    } else {
        ok = be_object_parse((const uint8_t *)mc->f.GetBufferStart(buf), mc->f.GetBufferSize(buf),
                             out, err, errlen);
    }
    if (msg) mc->f.DisposeMessage(msg);
    if (buf) mc->f.DisposeMemoryBuffer(buf);
    return ok;
}

size_t be_mc_disasm(BeMC *mc, const uint8_t *code, size_t size, uint64_t pc, char *out, size_t outlen) {
    if (!mc->dis && !mc->dis_failed) {
        mc->dis = mc->f.CreateDisasm(BE_TRIPLE, NULL, 0, NULL, NULL);
        if (!mc->dis) mc->dis_failed = true;
        else {
            /* two calls: or-ing the options into one call loses the second */
            mc->f.SetDisasmOptions(mc->dis, LLVMDisassembler_Option_AsmPrinterVariant);
            mc->f.SetDisasmOptions(mc->dis, LLVMDisassembler_Option_PrintImmHex);
        }
    }
    if (!mc->dis || outlen == 0) return 0;
    out[0] = 0;
    size_t n = mc->f.DisasmInstruction(mc->dis, (uint8_t *)code, size, pc, out, outlen);
    /* LLVM indents with a tab; keep the text flush */
    char *p = out;
    while (*p == '\t' || *p == ' ') p++;
    memmove(out, p, strlen(p) + 1);
    for (p = out; *p; p++)
        if (*p == '\t') *p = ' ';
    return n;
}

