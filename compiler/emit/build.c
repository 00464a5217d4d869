/* SPDX-License-Identifier: Apache-2.0 */
#define _XOPEN_SOURCE 700  /* realpath, readlink */

#include "emit/build.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emit/emit.h"
#include "support/sha256.h"
#include "support/util.h"
#include "core/lov_version.h"

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
    /* Installed (PREFIX/bin beside PREFIX/include/lov), or in a build folder
     * of the source tree, however deep (build/, build/sanitize/, ...). */
    static const char *const candidates[] = {"/../include/lov", "/../runtime/core", "/../../runtime/core",
                                             "/../../../runtime/core", "/../../../../runtime/core"};
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
    return build_shared_at(c_path, so_path, "-O2", why, whylen);
}

bool build_shared_at(const char *c_path, const char *so_path, const char *level, char *why, size_t whylen)
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
    const char *argv[] = {cc, "-std=c11", level, "-fPIC", "-shared", "-Wall", "-Wextra",
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

const char *build_cache_root(char *buf, size_t cap)
{
    const char *env = getenv("LOVC_CACHE");
    struct passwd *pw;
    if (env && *env)
        snprintf(buf, cap, "%s", env);
    else if ((env = getenv("XDG_CACHE_HOME")) && *env)
        snprintf(buf, cap, "%s/lovc", env);
    else if ((env = getenv("HOME")) && *env)
        snprintf(buf, cap, "%s/.cache/lovc", env);
    else if ((pw = getpwuid(geteuid())) && pw->pw_dir && pw->pw_dir[0] == '/' && pw->pw_dir[1])
        snprintf(buf, cap, "%s/.cache/lovc", pw->pw_dir);
    else    /* a folder of this user's own; build_cached refuses one made by anybody else */
        snprintf(buf, cap, "%s/lovc-cache-%ld", (env = getenv("TMPDIR")) && *env ? env : "/tmp",
                 (long)geteuid());
    return buf;
}

/* mkdir -p; the last folder is made private (0700). */
static bool make_dirs(const char *path)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return false;
        *p = '/';
    }
    return mkdir(buf, 0700) == 0 || errno == EEXIST;
}

/* The cache holds code that lovc test loads and runs: it must be a folder
 * of the user's own that nobody else can write to, or anyone could plant a
 * module there. One only readable by others (as older lovc made it) is made
 * private; one that others could write to, or that belongs to someone
 * else, is refused. */
static bool cache_is_private(const char *root, char *why, size_t whylen)
{
    struct stat st;
    if (!make_dirs(root) || stat(root, &st) != 0) {
        snprintf(why, whylen, "cannot create the cache folder %s: %s (choose another with --cache DIR)", root,
                 strerror(errno));
        return false;
    }
    if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH))) {
        snprintf(why, whylen, "the cache folder %s is not private: compiled rules are kept only in a folder "
                 "of your own that nobody else can write to (make it so with chmod 700, or choose another "
                 "with --cache DIR)", root);
        return false;
    }
    if ((st.st_mode & 077) && chmod(root, 0700) != 0) {
        snprintf(why, whylen, "cannot make the cache folder %s private: %s", root, strerror(errno));
        return false;
    }
    return true;
}

/* Does 'text' hold the NUL-terminated string s? */
static bool holds_string(const char *text, size_t len, const char *s)
{
    size_t n = strlen(s) + 1;
    for (size_t i = 0; i + n <= len; i++)
        if (text[i] == s[0] && memcmp(text + i, s, n) == 0)
            return true;
    return false;
}

/* Before lovc test loads a cached module: is it an ordinary file of the
 * user's own, built from these rules (the SHA-256 of their text) by this
 * version of lovc, as its descriptor says? */
static bool cached_module_matches(const char *so_path, const char *sha, char *why, size_t whylen)
{
    struct stat st;
    if (lstat(so_path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()
        || (st.st_mode & (S_IWGRP | S_IWOTH))) {
        snprintf(why, whylen, "the compiled rules in the cache (%s) are not an ordinary file of your own "
                 "that only you can change; they are not loaded (remove them)", so_path);
        return false;
    }
    char reason[256];
    src_file *so = src_read(so_path, reason, sizeof reason);
    bool ok = so && holds_string(so->text, so->len, sha) && holds_string(so->text, so->len, LOV_VERSION);
    src_free(so);
    if (!ok)
        snprintf(why, whylen, "the compiled rules in the cache (%s) do not carry the SHA-256 of these rules "
                 "(%s) and the version of this lovc (%s); they are not loaded (remove them)", so_path, sha,
                 LOV_VERSION);
    return ok;
}

/* The SHA-256 of the running lovc itself: a lovc built anew from changed
 * sources, with the same version number, must not reuse modules compiled
 * by the old one. */
static const char *compiler_identity(void)
{
    static char hex[SHA256_HEX_SIZE];
    if (hex[0])
        return hex;
    char why[256];
    src_file *exe = src_read("/proc/self/exe", why, sizeof why);
    if (!exe) {
        snprintf(hex, sizeof hex, "unknown");
        return hex;
    }
    sha256_hex(exe->text, exe->len, hex);
    src_free(exe);
    return hex;
}

bool build_cached(program *p, const char *cache_root, char *so_path, size_t cap, char *why, size_t whylen)
{
    /* The key: compiler version and every module's path, the name the
     * generated C gives it (as written on the command line, which its
     * descriptor and #line carry), and text. */
    strbuf key;
    sb_init(&key);
    sb_printf(&key, "lovc %s %s\n", LOV_VERSION, compiler_identity());
    for (size_t i = 0; i < p->modules.len; i++) {
        module *m = p->modules.items[i];
        sb_printf(&key, "%s\n%s\n%zu\n", (const char *)p->paths.items[i], m->file->path, m->file->len);
        sb_putn(&key, m->file->text, m->file->len);
    }
    char hex[SHA256_HEX_SIZE];
    sha256_hex(key.data, key.len, hex);
    sb_free(&key);
    emit_names(p->root);
    const char *base = p->root->c_prefix;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/%s", cache_root, hex);
    snprintf(so_path, cap, "%s/%s.so", dir, base);
    if (!cache_is_private(cache_root, why, whylen))
        return false;
    char source_sha[SHA256_HEX_SIZE];
    sha256_hex(p->root->file->text, p->root->file->len, source_sha);
    struct stat st;
    if (stat(so_path, &st) == 0)
        return cached_module_matches(so_path, source_sha, why, whylen);

    /* Build beside the final folder, then rename: a cache that another run
     * reads at the same time never holds half a module. */
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s/%s.tmp%ld", cache_root, hex, (long)getpid());
    if (!make_dirs(tmp)) {
        snprintf(why, whylen, "cannot create a folder in the cache %s: %s (choose another with --cache DIR)",
                 cache_root, strerror(errno));
        return false;
    }
    if (!emit_c_files(p, tmp, base, why, whylen))
        return false;
    char c_path[PATH_MAX + 300], tmp_so[PATH_MAX + 300];
    snprintf(c_path, sizeof c_path, "%s/%s.c", tmp, base);
    snprintf(tmp_so, sizeof tmp_so, "%s/%s.so", tmp, base);
    if (!build_shared(c_path, tmp_so, why, whylen))
        return false;
    if (rename(tmp, dir) != 0 && stat(so_path, &st) != 0) {
        snprintf(why, whylen, "cannot move the compiled rules into the cache (%s): %s", dir, strerror(errno));
        return false;
    }
    return cached_module_matches(so_path, source_sha, why, whylen);
}
