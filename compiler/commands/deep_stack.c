/* SPDX-License-Identifier: Apache-2.0 */
/* Commands run on a thread with a large stack. The front end, the checks
 * and the prover walk the rules recursively (lovc's own walks and Z3's),
 * as deep as the longest chain of definitions that refer to each other: a
 * rule set of 100,000 definitions, each over the one before, is deeper than
 * the 8 MiB a process starts with. The stack is reserved, not used: pages
 * are taken only as deep as a walk goes. */
#include <pthread.h>
#include <stdio.h>

#include "commands/commands.h"

enum { DEEP_STACK_BYTES = 1024 * 1024 * 1024 };

typedef struct deep_call {
    int (*run)(options *opt);
    options *opt;
    int rc;
} deep_call;

static void *run_call(void *arg)
{
    deep_call *c = arg;
    c->rc = c->run(c->opt);
    return NULL;
}

int commands_run_deep(int (*run)(options *opt), options *opt)
{
    deep_call c = {run, opt, EXIT_OK};
    pthread_attr_t attr;
    pthread_t thread;
    if (pthread_attr_init(&attr) != 0)
        return run(opt);
    bool started = pthread_attr_setstacksize(&attr, DEEP_STACK_BYTES) == 0
                   && pthread_create(&thread, &attr, run_call, &c) == 0;
    pthread_attr_destroy(&attr);
    if (!started)
        return run(opt);             /* no thread to be had: the process's own stack */
    pthread_join(thread, NULL);
    return c.rc;
}
