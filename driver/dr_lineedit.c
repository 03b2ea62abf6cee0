/* dr_lineedit.c — a small line editor for the REPL, in the manner of
 * antirez's linenoise: the terminal in raw mode, the line redrawn after every
 * key. Keys: left/right, home/end (Ctrl-A/E), backspace, delete (Ctrl-D on a
 * non-empty line), Ctrl-K/U (kill to end/start), Ctrl-W (kill word),
 * up/down (history), Ctrl-C (abandon line), Ctrl-D on an empty line (EOF).
 * When stdin is not a terminal it reads plain lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "driver/dr_lineedit.h"

enum { KEY_CTRL_A = 1, KEY_CTRL_B = 2, KEY_CTRL_C = 3, KEY_CTRL_D = 4, KEY_CTRL_E = 5,
       KEY_CTRL_F = 6, KEY_BACKSPACE_H = 8, KEY_TAB = 9, KEY_CTRL_K = 11, KEY_ENTER = 13,
       KEY_CTRL_N = 14, KEY_CTRL_P = 16, KEY_CTRL_U = 21, KEY_CTRL_W = 23, KEY_ESC = 27,
       KEY_BACKSPACE = 127 };

typedef struct {
    char *buf;
    size_t len, pos, cap;
} Line;

static bool line_reserve(Line *l, size_t extra) {
    if (l->len + extra + 1 <= l->cap) return true;
    size_t cap = (l->len + extra + 1) * 2;
    char *nb = realloc(l->buf, cap);
    if (!nb) return false;
    l->buf = nb;
    l->cap = cap;
    return true;
}

static void line_set(Line *l, const char *s) {
    size_t n = strlen(s);
    l->len = l->pos = 0;
    if (!line_reserve(l, n)) return;
    memcpy(l->buf, s, n + 1);
    l->len = l->pos = n;
}

static void refresh(const char *prompt, Line *l) {
    /* Carriage return, prompt, text, clear to end of line, cursor to pos. */
    char seq[64];
    if (write(1, "\r", 1) < 0) return;
    if (write(1, prompt, strlen(prompt)) < 0) return;
    if (l->len && write(1, l->buf, l->len) < 0) return;
    int n = snprintf(seq, sizeof seq, "\x1b[0K\r\x1b[%zuC", strlen(prompt) + l->pos);
    if (write(1, seq, (size_t)n) < 0) return;
}

static void history_add(LineEditor *ed, const char *s) {
    if (!*s) return;
    if (ed->history_len && strcmp(ed->history[ed->history_len - 1], s) == 0) return;
    if (ed->history_len == DR_HISTORY_MAX) {
        free(ed->history[0]);
        memmove(ed->history, ed->history + 1, (DR_HISTORY_MAX - 1) * sizeof *ed->history);
        ed->history_len--;
    }
    char *copy = strdup(s);
    if (copy) ed->history[ed->history_len++] = copy;
}

/* Reads one key, decoding the escape sequences of arrows, home, end, delete. */
static int read_key(void) {
    unsigned char c;
    if (read(0, &c, 1) != 1) return -1;
    if (c != KEY_ESC) return c;
    unsigned char s[3];
    if (read(0, &s[0], 1) != 1 || read(0, &s[1], 1) != 1) return KEY_ESC;
    if (s[0] == '[' && s[1] >= '0' && s[1] <= '9') {
        if (read(0, &s[2], 1) != 1) return KEY_ESC;
        if (s[2] == '~') return s[1] == '3' ? 1000 : (s[1] == '1' || s[1] == '7') ? KEY_CTRL_A
                              : (s[1] == '4' || s[1] == '8') ? KEY_CTRL_E : 0;
        return 0;
    }
    if (s[0] == '[' || s[0] == 'O') {
        switch (s[1]) {
        case 'A': return KEY_CTRL_P;
        case 'B': return KEY_CTRL_N;
        case 'C': return KEY_CTRL_F;
        case 'D': return KEY_CTRL_B;
        case 'H': return KEY_CTRL_A;
        case 'F': return KEY_CTRL_E;
        }
    }
    return 0;
}

static char *edit(LineEditor *ed, const char *prompt) {
    Line l = {0};
    if (!line_reserve(&l, 64)) return NULL;
    l.buf[0] = 0;
    int hist = (int)ed->history_len;      /* index being shown; len = the new line */
    char *saved = NULL;                   /* the new line while browsing history */
    refresh(prompt, &l);
    for (;;) {
        int k = read_key();
        switch (k) {
        case -1:
            free(saved);
            free(l.buf);
            return NULL;
        case KEY_ENTER:
        case '\n':
            free(saved);
            if (write(1, "\r\n", 2) < 0) { /* the line is still good */ }
            return l.buf;
        case KEY_CTRL_C:
            if (write(1, "^C\r\n", 4) < 0) { /* nothing to do */ }
            free(saved);
            l.buf[0] = 0;
            return l.buf;
        case KEY_CTRL_D:
            if (l.len == 0) {
                free(saved);
                free(l.buf);
                return NULL;
            }
            __attribute__((fallthrough)); /* delete under the cursor */
        case 1000:
            if (l.pos < l.len) {
                memmove(l.buf + l.pos, l.buf + l.pos + 1, l.len - l.pos);
                l.len--;
            }
            break;
        case KEY_BACKSPACE:
        case KEY_BACKSPACE_H:
            if (l.pos > 0) {
                memmove(l.buf + l.pos - 1, l.buf + l.pos, l.len - l.pos + 1);
                l.pos--;
                l.len--;
            }
            break;
        case KEY_CTRL_A: l.pos = 0; break;
        case KEY_CTRL_E: l.pos = l.len; break;
        case KEY_CTRL_B: if (l.pos > 0) l.pos--; break;
        case KEY_CTRL_F: if (l.pos < l.len) l.pos++; break;
        case KEY_CTRL_K: l.len = l.pos; l.buf[l.len] = 0; break;
        case KEY_CTRL_U:
            memmove(l.buf, l.buf + l.pos, l.len - l.pos + 1);
            l.len -= l.pos;
            l.pos = 0;
            break;
        case KEY_CTRL_W: {
            size_t start = l.pos;
            while (start > 0 && l.buf[start - 1] == ' ') start--;
            while (start > 0 && l.buf[start - 1] != ' ') start--;
            memmove(l.buf + start, l.buf + l.pos, l.len - l.pos + 1);
            l.len -= l.pos - start;
            l.pos = start;
            break;
        }
        case KEY_CTRL_P:
        case KEY_CTRL_N: {
            int next = hist + (k == KEY_CTRL_P ? -1 : 1);
            if (next < 0 || next > (int)ed->history_len) break;
            if (hist == (int)ed->history_len) {
                free(saved);
                saved = strdup(l.buf);
            }
            hist = next;
            line_set(&l, hist == (int)ed->history_len ? (saved ? saved : "") : ed->history[hist]);
            break;
        }
        case KEY_TAB:
            k = ' ';
            __attribute__((fallthrough));
        default:
            if (k >= 32 && k < 256 && line_reserve(&l, 1)) {
                memmove(l.buf + l.pos + 1, l.buf + l.pos, l.len - l.pos + 1);
                l.buf[l.pos++] = (char)k;
                l.len++;
            }
            break;
        }
        refresh(prompt, &l);
    }
}

static char *read_plain(void) {
    size_t cap = 256, n = 0;
    char *buf = malloc(cap);
    int c;
    while (buf && (c = getchar()) != EOF) {
        if (c == '\n') break;
        if (n + 2 > cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); return NULL; }
            buf = nb;
        }
        buf[n++] = (char)c;
    }
    if (!buf || (c == EOF && n == 0)) { free(buf); return NULL; }
    buf[n] = 0;
    return buf;
}

char *dr_readline(LineEditor *ed, const char *prompt) {
    if (!isatty(0) || !isatty(1)) return read_plain();
    struct termios orig, raw;
    if (tcgetattr(0, &orig) < 0) return read_plain();
    raw = orig;
    raw.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    raw.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    fflush(stdout);
    if (tcsetattr(0, TCSAFLUSH, &raw) < 0) return read_plain();
    char *line = edit(ed, prompt);
    tcsetattr(0, TCSAFLUSH, &orig);
    if (line) history_add(ed, line);
    return line;
}

void dr_lineedit_free(LineEditor *ed) {
    for (size_t i = 0; i < ed->history_len; i++) free(ed->history[i]);
    ed->history_len = 0;
}
