/* dr_flags.c — command-line parsing driven by runtime/rt_flags.def, so a
 * flag added there is parsed, defaulted and listed in --help without any
 * other edit. Spellings follow V8: --flag, --no-flag, --flag=value, and
 * underscores accepted in place of dashes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "driver/dr_driver.h"

typedef enum { FT_BOOL, FT_INT, FT_STR } FlagType;

typedef struct {
    const char *spelling;
    FlagType type;
    size_t offset;
    const char *help;
} FlagDesc;

static const FlagDesc flag_table[] = {
#define FLAG(type, field, spelling, def, help) {spelling, FT_##type, offsetof(Flags, field), help},
#include "runtime/rt_flags.def"
#undef FLAG
};
#define FLAG_COUNT (sizeof flag_table / sizeof flag_table[0])

/* Compares a flag spelling with user text of length n, treating '_' as '-'. */
static bool spelled(const char *spelling, const char *s, size_t n) {
    if (strlen(spelling) != n) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] == '_' ? '-' : s[i];
        if (c != spelling[i]) return false;
    }
    return true;
}

static const FlagDesc *find_flag(const char *s, size_t n) {
    for (size_t i = 0; i < FLAG_COUNT; i++)
        if (spelled(flag_table[i].spelling, s, n)) return &flag_table[i];
    return NULL;
}

/* Applies "--name[=value]"; returns false when the flag is unknown or malformed. */
static bool apply_flag(Flags *f, const char *arg) {
    const char *name = arg + 2;
    const char *eq = strchr(name, '=');
    size_t n = eq ? (size_t)(eq - name) : strlen(name);
    const FlagDesc *d = find_flag(name, n);
    bool negated = false;
    if (!d && n > 3 && strncmp(name, "no-", 3) == 0) {
        d = find_flag(name + 3, n - 3);
        negated = true;
        if (d && d->type != FT_BOOL) d = NULL;
    }
    if (!d && n > 2 && strncmp(name, "no", 2) == 0) {   /* V8 also accepts --noopt */
        d = find_flag(name + 2, n - 2);
        negated = true;
        if (d && d->type != FT_BOOL) d = NULL;
    }
    if (!d) return false;
    char *field = (char *)f + d->offset;
    switch (d->type) {
    case FT_BOOL:
        if (eq) {
            bool v = strcmp(eq + 1, "true") == 0 || strcmp(eq + 1, "1") == 0;
            if (!v && strcmp(eq + 1, "false") != 0 && strcmp(eq + 1, "0") != 0) return false;
            *(bool *)field = negated ? !v : v;
        } else {
            *(bool *)field = !negated;
        }
        return true;
    case FT_INT: {
        if (!eq) return false;
        char *end;
        errno = 0;
        long v = strtol(eq + 1, &end, 10);
        if (errno || *end || v < 0 || v > 1000000000) return false;
        *(int *)field = (int)v;
        return true;
    }
    case FT_STR:
        if (!eq) return false;
        *(const char **)field = eq + 1;
        return true;
    }
    return false;
}

void dr_print_help(FILE *f) {
    fprintf(f, "usage: reef [flags] [file.js [args...]]\n"
               "       reef [flags] -e CODE\n"
               "       reef            (REPL)\n\nflags:\n");
    for (size_t i = 0; i < FLAG_COUNT; i++) {
        const FlagDesc *d = &flag_table[i];
        const char *arg = d->type == FT_INT ? "=N" : d->type == FT_STR ? "=S" : "";
        char left[64];
        snprintf(left, sizeof left, "--%s%s", d->spelling, arg);
        fprintf(f, "  %-28s %s\n", left, d->help);
    }
}

int dr_parse_args(int argc, char **argv, DrOptions *o) {
    memset(o, 0, sizeof *o);
    rt_flags_default(&o->flags);
    o->exec_path = argv[0];
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-e") == 0 || strcmp(a, "--eval") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "reef: %s requires an argument\n", a);
                return -1;
            }
            o->eval_src = argv[++i];
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            dr_print_help(stdout);
            return 1;
        } else if (strncmp(a, "--", 2) == 0 && a[2]) {
            if (!apply_flag(&o->flags, a)) {
                fprintf(stderr, "reef: unknown or malformed flag '%s' (see --help)\n", a);
                return -1;
            }
        } else {
            break;
        }
    }
    if (i < argc && !o->eval_src) o->script = argv[i++];
    o->script_argc = argc - i;
    o->script_argv = argv + i;
    return 0;
}
