/* dr_lineedit.h — the REPL's line editor (history, cursor movement). */
#ifndef DR_LINEEDIT_H
#define DR_LINEEDIT_H
#include <stdbool.h>
#include <stddef.h>

#define DR_HISTORY_MAX 200
typedef struct LineEditor {
    char *history[DR_HISTORY_MAX];
    size_t history_len;
} LineEditor;

/* Reads a line (malloc'd, without the newline); NULL at end of input. */
char *dr_readline(LineEditor *ed, const char *prompt);
void dr_lineedit_free(LineEditor *ed);
#endif
