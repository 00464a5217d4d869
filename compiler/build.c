#define _XOPEN_SOURCE 700  /* realpath, readlink */

#include "build.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emit.h"
#include "util.h"

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

const char *build_include_dir(void)
{
    static char found[PATH_MAX];
    const char *env = getenv("LOVC_INCLUDE");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    static const char *const candidates[] = {"/../runtime", "/../../runtime", "/../include/lov"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        char dir[PATH_MAX], header[PATH_MAX + 16];
        snprintf(dir, sizeof dir, "%s%s", exe, candidates[i]);
        snprintf(header, sizeof header, "%s/lov.h", dir);
        if (file_exists(header) && realpath(dir, found))
            return found;
    }
    return NULL;
}

/* Runs argv, capturing its output into 'out'; returns its exit status. */
static int run_capture(const char *const argv[], strbuf *out)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        execvp(argv[0], (char *const *)argv);
        fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0)
        if (out->len < 64 * 1024)
            sb_putn(out, buf, (size_t)n);
    close(fds[0]);
    int status;
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

bool build_shared(const char *c_path, const char *so_path, char *why, size_t whylen)
{
    const char *inc = build_include_dir();
    if (!inc) {
        snprintf(why, whylen, "cannot find lov.h, the runtime header; set LOVC_INCLUDE to its folder");
        return false;
    }
    const char *cc = getenv("CC");
    if (!cc || !*cc)
        cc = "cc";
    char include_flag[PATH_MAX + 4];
    snprintf(include_flag, sizeof include_flag, "-I%s", inc);
    const char *argv[] = {cc, "-std=c11", "-O2", "-fPIC", "-shared", "-Wall", "-Wextra",
                          "-Wpedantic", include_flag, c_path, "-o", so_path, NULL};
    strbuf out;
    sb_init(&out);
    int rc = run_capture(argv, &out);
    if (rc != 0)
        snprintf(why, whylen, "%s failed to compile %s (exit %d)%s%s", cc, c_path, rc,
                 out.len ? ":\n" : "", out.len ? out.data : "");
    sb_free(&out);
    return rc == 0;
}

bool build_module(program *p, const char *dir, bool so, diag_ctx *d)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        diag_file_error(d, dir, "cannot create the folder: %s", strerror(errno));
        return false;
    }
    emit_names(p->root);
    const char *base = p->root->c_prefix;
    char why[8192];
    if (!emit_c_files(p, dir, base, why, sizeof why)) {
        diag_file_error(d, dir, "%s", why);
        return false;
    }
    if (!so)
        return true;
    char c_path[PATH_MAX], so_path[PATH_MAX];
    snprintf(c_path, sizeof c_path, "%s/%s.c", dir, base);
    snprintf(so_path, sizeof so_path, "%s/%s.so", dir, base);
    if (!build_shared(c_path, so_path, why, sizeof why)) {
        diag_file_error(d, c_path, "%s", why);
        return false;
    }
    return true;
}
