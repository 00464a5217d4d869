/* SPDX-License-Identifier: Apache-2.0 */
/* run_apart (run_apart.h): fork, two pipes read with poll until both end
 * or the time is up, then SIGKILL. */
#define _POSIX_C_SOURCE 200809L

#include "commands/run_apart.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* No child: fn runs here, its side channel a temporary file read back. */
static int run_here(int (*fn)(void *ctx, int side_fd), void *ctx, strbuf *side)
{
    FILE *tmp = tmpfile();
    int rc = fn(ctx, tmp ? fileno(tmp) : -1);
    if (tmp) {
        char buf[4096];
        size_t n;
        rewind(tmp);
        while ((n = fread(buf, 1, sizeof buf, tmp)) > 0)
            sb_printf(side, "%.*s", (int)n, buf);
        fclose(tmp);
    }
    return rc;
}

int run_apart(int (*fn)(void *ctx, int side_fd), void *ctx, double seconds, strbuf *out, strbuf *side,
              bool *killed)
{
    *killed = false;
    int out_pipe[2], side_pipe[2];
    if (pipe(out_pipe) != 0)
        return run_here(fn, ctx, side);
    if (pipe(side_pipe) != 0) {
        close(out_pipe[0]);
        close(out_pipe[1]);
        return run_here(fn, ctx, side);
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(out_pipe[0]);
        close(out_pipe[1]);
        close(side_pipe[0]);
        close(side_pipe[1]);
        return run_here(fn, ctx, side);
    }
    if (pid == 0) {
        close(out_pipe[0]);
        close(side_pipe[0]);
        dup2(out_pipe[1], STDOUT_FILENO);
        close(out_pipe[1]);
        int rc = fn(ctx, side_pipe[1]);
        fflush(NULL);
        _exit(rc & 0xff);
    }
    close(out_pipe[1]);
    close(side_pipe[1]);
    struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {side_pipe[0], POLLIN, 0}};
    strbuf *into[2] = {out, side};
    int open_fds = 2;
    double end = now() + seconds;
    while (open_fds > 0) {
        double left = end - now();
        if (left <= 0) {
            *killed = true;
            break;
        }
        int n = poll(fds, 2, (int)(left * 1000.0) + 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[4096];
            ssize_t got = read(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                sb_printf(into[i], "%.*s", (int)got, buf);
            } else if (got == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    if (*killed)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (*killed || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}
