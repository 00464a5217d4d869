/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the cache of compiled rules (compiler/emit/build.c): where
 * it is when HOME is not set (never a folder shared by all users), that it
 * is private, and that a cached module is loaded only when it carries the
 * SHA-256 of the rules and the version of lovc it was built for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/program.h"
#include "emit/build.h"
#include "scenario_helpers.h"
#include "suites.h"
#include "support/sha256.h"
#include "support/util.h"

static const char rules_a[] = "module a\n  source lov \"Lov\"\ninput x: integer\n"
                              "outcome y: integer according to lov \"§ 1\" = x + 1\n";
static const char rules_b[] = "module a\n  source lov \"Lov\"\ninput x: integer\n"
                              "outcome y: integer according to lov \"§ 1\" = x + 2\n";

/* Writes 'text' to DIR/NAME.lov and loads it, checked. */
static program *load_rules(const char *dir, const char *name, const char *text, diag_ctx *d)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.lov", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    diag_init(d, stderr);
    program *p = program_load(path, d);
    ck_assert_ptr_nonnull(p);
    ck_assert(program_check(p));
    return p;
}

static void remove_tree(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_cache_root_without_home)
{
    char buf[512];
    unsetenv("LOVC_CACHE");
    unsetenv("XDG_CACHE_HOME");
    unsetenv("HOME");
    build_cache_root(buf, sizeof buf);
    ck_assert_str_ne(buf, "/tmp/lovc-cache");
    char uid[32];
    snprintf(uid, sizeof uid, "-%ld", (long)geteuid());
    size_t n = strlen(buf), k = strlen(uid);
    const char *home = "/.cache/lovc";
    bool own_home = n > strlen(home) && strcmp(buf + n - strlen(home), home) == 0;
    bool own_tmp = n > k && strcmp(buf + n - k, uid) == 0;
    ck_assert_msg(own_home || own_tmp, "the cache without HOME is %s", buf);
}
END_TEST

START_TEST(test_cache_refuses_shared_folder)
{
    char *dir = scn_test_mkdtemp();
    diag_ctx d;
    program *p = load_rules(dir, "a", rules_a, &d);
    char cache[600], so[1024], why[2048];
    snprintf(cache, sizeof cache, "%s/delt", dir);
    ck_assert_int_eq(mkdir(cache, 0700), 0);
    ck_assert_int_eq(chmod(cache, 01777), 0);
    ck_assert(!build_cached(p, cache, so, sizeof so, why, sizeof why));
    ck_assert_ptr_nonnull(strstr(why, "is not private"));

    /* Readable by others only (as older lovc made it): made private. */
    ck_assert_int_eq(chmod(cache, 0755), 0);
    ck_assert_msg(build_cached(p, cache, so, sizeof so, why, sizeof why), "%s", why);
    struct stat st;
    ck_assert_int_eq(stat(cache, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    program_free(p);
    remove_tree(dir);
    free(dir);
}
END_TEST

START_TEST(test_cache_refuses_other_module)
{
    char *dir = scn_test_mkdtemp();
    diag_ctx d;
    char cache[600], so_a[1024], so_b[1024], why[2048];
    snprintf(cache, sizeof cache, "%s/cache", dir);
    program *pa = load_rules(dir, "a", rules_a, &d);
    ck_assert_msg(build_cached(pa, cache, so_a, sizeof so_a, why, sizeof why), "%s", why);
    char other[600];
    snprintf(other, sizeof other, "%s/b", dir);
    ck_assert_int_eq(mkdir(other, 0700), 0);
    program *pb = load_rules(other, "a", rules_b, &d);
    ck_assert_msg(build_cached(pb, cache, so_b, sizeof so_b, why, sizeof why), "%s", why);
    ck_assert_str_ne(so_a, so_b);

    /* The module of other rules put in the place of a's: not loaded. */
    ck_assert_int_eq(rename(so_b, so_a), 0);
    ck_assert(!build_cached(pa, cache, so_a, sizeof so_a, why, sizeof why));
    ck_assert_ptr_nonnull(strstr(why, "do not carry the SHA-256 of these rules"));

    /* A module file that others may change: not loaded either. */
    snprintf(cache, sizeof cache, "%s/cache2", dir);
    ck_assert_msg(build_cached(pb, cache, so_b, sizeof so_b, why, sizeof why), "%s", why);
    ck_assert_int_eq(chmod(so_b, 0666), 0);
    ck_assert(!build_cached(pb, cache, so_b, sizeof so_b, why, sizeof why));
    ck_assert_ptr_nonnull(strstr(why, "not an ordinary file of your own"));
    program_free(pa);
    program_free(pb);
    remove_tree(dir);
    free(dir);
}
END_TEST

/* The digest that ties a module to its source: FIPS 180-4's own examples. */
START_TEST(test_sha256_known_digests)
{
    char hex[SHA256_HEX_SIZE];
    sha256_hex("", 0, hex);
    ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(two, strlen(two), hex);
    ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

Suite *suite_cache(void)
{
    Suite *s = suite_create("cache");
    TCase *tc = tcase_create("cache");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_sha256_known_digests);
    tcase_add_test(tc, test_cache_root_without_home);
    tcase_add_test(tc, test_cache_refuses_shared_folder);
    tcase_add_test(tc, test_cache_refuses_other_module);
    suite_add_tcase(s, tc);
    return s;
}
