/* SPDX-License-Identifier: Apache-2.0 */
/* The words of a value as a suite writes them, read from a caseload's text
 * (a JSON string, a CSV cell): a duration ("6 months") and a case of an
 * enumeration ("meget_begrænset" or "Arbejdsevne.meget_begrænset"); and the size of one
 * item of a list input, where such values are stored. */
#ifndef LOVC_COMMANDS_VALUE_TEXT_H
#define LOVC_COMMANDS_VALUE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/lov.h"

/* "N day(s)", "N week(s)", "N month(s)" or "N year(s)"; false otherwise or out of range. */
bool value_text_duration(const char *s, lov_duration *out);

/* The number of the case named s of e (with or without the enumeration's name); false if none. */
bool value_text_case(const lov_enum_desc *e, const char *s, int32_t *out);

/* The bytes of one item of the list input f, as the descriptor lays it out. */
size_t value_item_size(const lov_field_desc *f);

#endif
