/* dr_driver.h — the command-line driver: flag parsing, the Node-style host
 * (process, require, performance) and the REPL. The driver is the only
 * place that knows every stage; it installs the hooks through which the
 * runtime reaches the front end and the optimizing tier. */
#ifndef DR_DRIVER_H
#define DR_DRIVER_H

#include "runtime/rt_runtime.h"

typedef struct DrOptions {
    Flags flags;
    const char *eval_src;     /* -e CODE */
    const char *script;       /* first non-flag argument */
    int script_argc;          /* arguments after the script, for process.argv */
    char **script_argv;
    const char *exec_path;
} DrOptions;

/* Parses argv into opts; prints usage and returns -1 on a bad flag,
 * 1 when --help was printed, 0 otherwise. */
int dr_parse_args(int argc, char **argv, DrOptions *opts);
void dr_print_help(FILE *f);

/* Installs process, require, module plumbing and performance on the global. */
void dr_host_init(Runtime *rt, const DrOptions *opts);
/* Compiles and runs a file as the main CommonJS module; returns the exit status. */
int dr_run_main(Runtime *rt, const char *path);
/* Compiles and runs source text as a script named `name`; returns the exit status. */
int dr_run_source(Runtime *rt, const char *name, const char *src, size_t len);
int dr_repl(Runtime *rt);

/* Reads a whole file (malloc'd, NUL-terminated); NULL with errno on failure. */
char *dr_read_file(const char *path, size_t *len);

#endif
