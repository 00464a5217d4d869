/* Suites that lovc writes: how they name the rules they test. */
#ifndef LOVC_SUITE_FILE_H
#define LOVC_SUITE_FILE_H

#include <stddef.h>

/* The path of the rules file 'file' as seen from the folder that will hold
 * the suite 'from', for its 'for' line (the path as given when it cannot
 * be worked out). */
void suite_rules_path(const char *from, const char *file, char *buf, size_t cap);

#endif
