/* gr_svg.c — DOT text to SVG through Graphviz's libgvc (gvContext,
 * agmemread, gvLayout "dot", gvRenderData "svg"), in a child process. Kept
 * apart from the IR headers: libgvc's own headers define names that clash. */
#include <gvc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define GR_MAX_SVG_NODES 2500   /* as in gr_dump.h */
char *gr_dot_to_svg(const char *dot, uint32_t nodes);
void *ir_xmalloc(size_t n);
void *ir_xrealloc(void *p, size_t n);

/* Lays out and renders in the current process. */
static int render(const char *dot, int fd) {
    GVC_t *gvc = gvContext();
    if (!gvc) return 1;
    int status = 1;
    Agraph_t *ag = agmemread(dot);
    if (ag) {
        if (gvLayout(gvc, ag, "dot") == 0) {
            char *data = NULL;
            unsigned int len = 0;
            if (gvRenderData(gvc, ag, "svg", &data, &len) == 0 && data) {
                size_t off = 0;
                while (off < len) {
                    ssize_t w = write(fd, data + off, len - off);
                    if (w <= 0) break;
                    off += (size_t)w;
                }
                status = off == len ? 0 : 1;
                gvFreeRenderData(data);
            }
            gvFreeLayout(gvc, ag);
        }
        agclose(ag);
    }
    gvFreeContext(gvc);
    return status;
}

/* Each rendering runs in a child process: libgvc 2.43's text-layout plugin
 * keeps pointers into a context after it is freed (a second context in the
 * same process reads freed memory), a pathological graph can take minutes,
 * and a crash inside Graphviz must not take reef down. The child has
 * GR_SVG_SECONDS to finish. */
#define GR_SVG_SECONDS 60
char *gr_dot_to_svg(const char *dot, uint32_t nodes) {
    if (nodes > GR_MAX_SVG_NODES) return NULL;
    int fds[2];
    if (pipe(fds) != 0) return NULL;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return NULL;
    }
    if (pid == 0) {
        close(fds[0]);
        alarm(GR_SVG_SECONDS);
        _exit(render(dot, fds[1]));
    }
    close(fds[1]);
    size_t len = 0, cap = 1 << 16;
    char *buf = ir_xmalloc(cap);
    for (;;) {
        if (len + 1 >= cap) {
            cap *= 2;
            buf = ir_xrealloc(buf, cap);
        }
        ssize_t r = read(fds[0], buf + len, cap - len - 1);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        len += (size_t)r;
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || len == 0) {
        free(buf);
        return NULL;
    }
    buf[len] = 0;
    return buf;
}
