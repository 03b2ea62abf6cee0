/* rt_tier.h — the runtime side of the optimizing tier: how the interpreter
 * enters optimized code, what optimized code calls back into (the stubs),
 * and how the deoptimizer rebuilds an interpreter frame.
 *
 * The design keeps the interpreter frame of an optimized call alive while
 * the machine code runs (as V8's optimized frames keep their frame type in
 * the stack): the frame holds the arguments, carries the function for stack
 * traces, is where a stub records the bytecode offset it runs for, and is
 * the frame the deoptimizer fills in (registers, accumulator, context, pc)
 * before the interpreter simply continues it. No frame has to be
 * materialized from nothing unless inlining put several functions in one
 * optimized frame.
 *
 * Calling convention of optimized code (System V):
 *     Value code(Runtime *rt, Frame *fr, RtActivation *act, 0, 0, 0, RtActivation *act)
 * The seventh argument travels on the stack, at [rbp+16] inside the
 * optimized frame: the deoptimizer finds the activation from the frame
 * pointer alone. Results: a Value, RT_EXCEPTION (rt->exception set,
 * fr->pc at the throwing instruction), or RT_TIER_RESUME (the frame was
 * rewritten by the deoptimizer: interpret it from fr->pc).
 *
 * Only backend/be_tier.c (the compiler) creates RtOptCode; the runtime never
 * includes backend headers (DESIGN §1: data flows one way).
 */
#ifndef RT_TIER_H
#define RT_TIER_H

#include "rt_frame.h"

/* Returned by optimized code after a deoptimization: the interpreter frame
 * holds the state to resume from. Never a JS value. */
#define RT_TIER_RESUME RT_MKTAG(RT_TAG_SPECIAL, 0x7e5)

typedef struct RtActivation RtActivation;
typedef Value (*RtOptEntry)(Runtime *rt, Frame *fr, RtActivation *act, uint64_t z3, uint64_t z4,
                            uint64_t z5, RtActivation *act7);

/* One compiled body of a function (a call entry or an OSR entry). */
typedef struct RtOptCode {
    RtOptEntry entry;
    BytecodeFunction *bf;
    uint32_t osr_pc;            /* OSR: the JumpLoop offset it enters from; 0: call entry */
    uint32_t invalidated;       /* read by the code after every call: lazy deopt when set */
    void *backend;              /* the compiler's record (BeCodeFn *): opaque here */
    struct RtTrampoline **tramps; /* single-bytecode trampolines of the generic stub */
    uint32_t ntramps;
    uint32_t deopts;            /* deoptimizations of this code */
} RtOptCode;

/* Lives in rt_tier_enter's C frame for the duration of one optimized call.
 * The entry values are prepared here in C so that the code loads each with
 * one instruction (offsets are used by backend/be_select.c). */
struct RtActivation {
    Runtime *rt;
    Frame *fr;
    RtOptCode *code;
    Value *regs;                /* fr->regs */
    Value context;              /* fr->context as a value (undefined when none) */
    Value receiver, closure, new_target, acc;
    uint64_t argc;
};

/* A frame that optimized code inlined, as a stack trace shows it: the
 * function, where it stands, and the next frame out (an index + 1 into the
 * same table; 0: the frame that runs the code). While optimized code calls
 * out from inlined code, its Frame.pad names the innermost one. */
typedef struct RtInlineFrame {
    BytecodeFunction *fn;
    uint32_t pc;
    uint32_t outer;
} RtInlineFrame;
#define RT_TIER_MAX_INLINE_FRAMES 4096

/* Per-function tiering state (BytecodeFunction.tier). */
typedef struct RtTierInfo {
    RtOptCode *osr;             /* OSR code, if any */
    uint32_t calls_since;       /* invocations since the last (de)optimization */
    uint32_t backedges_since;
    uint32_t deopts;            /* counting deoptimizations (never-optimize past the limit) */
    uint32_t soft_deopts;       /* deopts for missing feedback (bounded by the sites) */
    uint32_t compiles;
    uint8_t failed;             /* the compiler refused it (bailout) */
    Frame *resuming;            /* a frame of this function rebuilt mid-body, which the
                                   interpreter must go on with rather than enter the
                                   function's code at its start (rt_deopt_resume) */
    RtInlineFrame *inl;         /* inlined frames of its call sites, shared by all its code */
    uint32_t ninl;
} RtTierInfo;

/* How many counting deoptimizations before a function stays interpreted. */
#define RT_TIER_MAX_DEOPTS 5
#define RT_TIER_MAX_SOFT_DEOPTS 40

RtTierInfo *rt_tier_info(BytecodeFunction *bf);   /* created on demand, never NULL */
/* The index + 1 of the inlined frame (fn at pc, inside `outer`) of bf's
 * code, added if new; 0 when the table is full. */
uint32_t rt_tier_inline_frame(BytecodeFunction *bf, BytecodeFunction *fn, uint32_t pc, uint32_t outer);

/* ---- entering optimized code (called by the interpreter) --------------------------
 * fr is the top frame, just pushed for a call of a function whose
 * BytecodeFunction has opt_code, or a frame at a loop back edge for OSR. */
Value rt_tier_enter(Runtime *rt, Frame *fr, RtOptCode *code);
/* What a C caller does with rt_tier_enter's result for a frame it pushed:
 * a deoptimized frame goes on in the interpreter, an exception its handler
 * must catch (it came out of inlined frames the deoptimizer rebuilt) is
 * unwound there, anything else pops the frame and is the result. */
Value rt_tier_finish(Runtime *rt, Frame *fr, Value r);
/* The OSR code to enter at this JumpLoop, or NULL. */
RtOptCode *rt_tier_osr_code(BytecodeFunction *bf, uint32_t jumploop_pc);

/* ---- stubs (called by optimized code) --------------------------------------------- */
/* A single-bytecode trampoline: the bytecode at `bc` runs with the
 * interpreter's exact semantics on the activation's frame. */
typedef struct RtTrampoline {
    BytecodeFunction bf;        /* a clone: code = [instruction][Return] */
    uint32_t bc;                /* offset of the instruction in the real function */
    uint32_t frame_pc;          /* what the frame's pc says meanwhile: bc, or the outer call of an inlined one */
    SourcePos pos;
    uint8_t code[];
} RtTrampoline;
RtTrampoline *rt_tramp_new(BytecodeFunction *bf, uint32_t bc);
void rt_tramp_free(RtTrampoline *t);

/* acc = run(bytecode at t->bc) with the given accumulator, context and
 * receiver; the registers it names were stored into fr->regs by the code. */
Value rt_stub_bytecode(Runtime *rt, Frame *fr, RtTrampoline *t, Value acc, Value ctx, Value recv);
/* A JS call as the Call bytecode at bc makes it: n values at argv, the
 * receiver first (n == 0: receiver undefined, no arguments). */
Value rt_stub_call(Runtime *rt, Frame *fr, uint32_t bc, Value callee, const Value *argv, uint32_t n);
/* Or'ed into a call stub's bc: the call is in inlined code, bc is the offset
 * of the outermost call that inlined it (the frame's pc), not a Call's. */
#define RT_STUB_INLINED 0x80000000u
Value rt_stub_push_context(Runtime *rt, Frame *fr, uint32_t slots, Value parent);
Value rt_stub_iterator_next(Runtime *rt, Frame *fr, uint32_t bc, Value iter);
/* CreateClosure: an arrow takes recv as its this and the home object of the
 * frame's function (optimized code inlines no function that creates one). */
Value rt_stub_create_closure(Runtime *rt, Frame *fr, BytecodeFunction *tmpl, Value ctx, Value recv);
Value rt_stub_string_concat(Runtime *rt, Frame *fr, uint32_t bc, Value a, Value b);
/* Records a throw at bc (the interpreter will rethrow acc at fr->pc). */
Value rt_stub_throw(Runtime *rt, Frame *fr, uint32_t bc, Value exc);
/* obj[index] = v the generic way (a hole, beyond the storage, a setter on
 * the chain); bc_strict: the bytecode offset, bit 31 set in strict code.
 * RT_UNDEFINED or RT_EXCEPTION. */
Value rt_stub_store_element(Runtime *rt, Frame *fr, uint32_t bc_strict, Value obj, uint32_t index, Value v);
/* Pure helpers (no allocation, no throw). Division and remainder: the
 * result in the low 32 bits, bit 32 set when the int32 speculation fails. */
int64_t rt_stub_int32_div(int32_t a, int32_t b);
int64_t rt_stub_int32_mod(int32_t a, int32_t b);
int32_t rt_stub_int32_shift(int32_t a, int32_t b, int32_t kind);   /* 0 shl, 1 sar, 2 shr */
double rt_stub_uint32_to_float64(uint32_t w);
double rt_stub_fmod(double a, double b);
double rt_stub_pow(double a, double b);
int32_t rt_stub_to_int32(double d);
uint32_t rt_stub_to_boolean(Value v);
/* 1 when a hole of obj's elements reads as undefined: no object on its
 * prototype chain can have an indexed property (ordinary objects and arrays
 * without elements); 0 when the lookup must run. */
uint32_t rt_stub_hole_is_undefined(Value obj);
Value rt_stub_box_double(double d);

/* ---- deoptimization (rt_deopt.c) ---------------------------------------------------
 * What the compiler's deopt entry decoded from its table for one frame. */
typedef struct RtDeoptState {
    uint32_t bc_offset;         /* resume here (already past the instruction for a lazy deopt) */
    uint32_t nregs;             /* values in regs[] (may exceed the frame's: extra ones ignored) */
    Value *regs;
    Value acc, context, receiver;
    int reason;                 /* index into the compiler's reason table */
    const char *reason_text;
    bool counts;                /* counts toward the never-optimize limit */
    bool soft;                  /* missing feedback */
    bool throwing;              /* an exception inside a try block: rebuild, then throw rt->exception at the offset */
    bool keep;                  /* the code stays valid (no speculation failed): neither dropped nor counted */
    Value closure;              /* an inlined frame's function (rt_deopt_frames) */
    const void *bf;             /* the frame's BytecodeFunction, as the table names it */
} RtDeoptState;
/* Rewrites the activation's interpreter frame, invalidates the code when it
 * keeps failing, traces (--trace-deopt) and returns RT_TIER_RESUME. */
Value rt_deopt_frame(Runtime *rt, RtActivation *act, const RtDeoptState *st);
/* The same for a chain of n frames, outermost (the activation's) first: the
 * compiled function and the functions inlined into it. Every frame but the
 * innermost stands at a Call; the inner frames are built as interpreter
 * frames and run to their return, innermost first, each result becoming the
 * accumulator of the frame around it after its call. Returns RT_TIER_RESUME
 * (the activation resumes after its call) or RT_EXCEPTION (thrown from an
 * inner frame: unwound from the activation's call). */
Value rt_deopt_frames(Runtime *rt, RtActivation *act, const RtDeoptState *st, uint32_t n);
/* Interprets fr, a frame the deoptimizer rebuilt (FRAME_ENTRY, pc inside the
 * body), from fr->pc to its return. The dispatch loop enters a function's
 * optimized code when it starts running a frame; for this frame that would
 * run the function again from its first instruction, so its first entry is
 * refused (rt_tier_enter). Calls it makes, recursive ones too, still run
 * optimized code. */
Value rt_deopt_resume(Runtime *rt, Frame *fr);
/* Drops the optimized code of bf (it will be interpreted, and possibly
 * recompiled later); running activations deoptimize lazily after their next call. */
void rt_deopt_invalidate(Runtime *rt, BytecodeFunction *bf, const char *why);

#endif
